/**
 * The browser checker end to end, in headless Chromium: dist/kiem-tra.html (built here into a temporary folder, the
 * same webpack config as `npm run build`) is opened from the disk, the sample workbook (made by `bieumau new --from`
 * the sample TSV) is chosen and the BM3 3.2 rate error must be listed with its cell; then ten files are chosen and
 * the consolidated workbook is downloaded and read back; the sample Word report must show the BM3 3.2 error by table
 * and row and the text's BM3 1.3 mismatch. exceljs (the writer) must not run before a download is asked for. Every
 * request the page makes is recorded: nothing may go beyond the page's own file (blob: URLs of the downloads are
 * local).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pathToFileURL } from "url";
import ExcelJS from "exceljs";
import { chromium, type Browser, type Page } from "playwright-core";
import { cliText } from "../../src/i18n/cli";
import { SEVERITY_LABELS } from "../../src/i18n/findings";
import { documentProblemText } from "../../src/i18n/io";
import { DocumentReadError, readDocx } from "../../src/io/docx-read";
import { unzipSync } from "fflate";
import { builtinTemplateSet } from "../../src/forms";
import { readWorkbookBytes } from "../../src/cli/xlsx-bytes";
import { bigWorkbook } from "../support/hostile-big";
import { buildWithWebpack } from "../support/webpack-build";
import { webText } from "../../src/i18n/web";
import { MAX_MB } from "../../src/web/limits";
import { cli, SAMPLE_TSV } from "../cli/helpers";
import { SAMPLE_DOCX } from "../support/sample";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync"];

jest.setTimeout(300_000);

let dir = "";
let browser: Browser;
let page: Page;
let pageUrl = "";
const requests: string[] = [];
const sample = () => join(dir, "quang-tri.xlsx");

/** The lazy chunks webpack's runtime has run so far (exceljs's among them once a download was asked for). */
const chunksRun = () =>
  page.evaluate(() => {
    const w = window as unknown as Record<string, unknown[]>;
    return Object.keys(w)
      .filter((k) => k.startsWith("webpackChunk"))
      .reduce((n, k) => n + w[k].length, 0);
  });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kiem-tra-"));
  await buildWithWebpack({ web: true, out: join(dir, "dist") }, "development", (config) => {
    config.devtool = false;
  });
  const made = await cli(["new", sample(), "--from", SAMPLE_TSV], dir);
  expect(made.code).toBe(0);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  page = await browser.newPage({ acceptDownloads: true });
  page.on("request", (r) => void requests.push(r.url()));
  pageUrl = pathToFileURL(join(dir, "dist", "kiem-tra.html")).href;
  await page.goto(pageUrl);
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the sample workbook: the BM3 3.2 rate error is listed with its cell", async () => {
  await page.setInputFiles("#files", sample());
  const row = page.locator("section.file tr.error", { hasText: "BM3.3.2.rate" });
  await row.first().waitFor({ timeout: 60_000 });
  expect(await row.first().locator("td").first().textContent()).toMatch(/^Biểu mẫu 3!D\d+$/);
  const summary = await page.locator("section.file .summary").first().textContent();
  expect(summary).toMatch(/BM3 \(Biểu mẫu 3\)/);
  // Checking read the workbook with the lean reader: exceljs's chunk is still only text in the page.
  expect(await chunksRun()).toBe(0);
  // The checked copy, as `bieumau check --write` writes it: the results sheet lists the same error.
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("button[data-action=checked]")]);
  const out = join(dir, "da-kiem-tra.xlsx");
  await download.saveAs(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const results = wb.getWorksheet("Kết quả kiểm tra")!;
  // The sheet has no rule column (Biểu mẫu, STT, Ô, Mức độ, Nội dung, …): the page's message of the error is there.
  const message = (await row.first().locator("td").nth(3).textContent()) ?? "";
  expect(message).toContain("98,57%");
  const rows: string[][] = [];
  results.eachRow((r) => void rows.push([2, 4, 5].map((c) => String(r.getCell(c).value ?? ""))));
  expect(rows).toContainEqual(["3.2", SEVERITY_LABELS.vi.error, message]);
  expect(await chunksRun()).toBeGreaterThan(0);
});

test("ten files: each is listed, and the consolidated workbook downloads with all ten units", async () => {
  const files = Array.from({ length: 10 }, (_, i) => {
    const f = join(dir, `don-vi-${i + 1}.xlsx`);
    copyFileSync(sample(), f);
    return f;
  });
  await page.setInputFiles("#files", files);
  await page.locator("section.file").nth(9).waitFor({ timeout: 120_000 });
  expect(await page.locator("section.file").count()).toBe(10);
  await page.check("#force");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("button[data-action=merge]")]);
  const out = join(dir, "tong-hop.xlsx");
  await download.saveAs(out);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const inputs = wb.getWorksheet(cliText("vi").inputsSheetName)!;
  const names: string[] = [];
  inputs.eachRow((row) => {
    const file = String(row.getCell(2).value ?? "");
    if (/^don-vi-\d+\.xlsx$/.test(file)) names.push(file);
  });
  expect(names.sort()).toEqual(files.map((f) => f.split("/").pop()!).sort());
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(["Biểu mẫu 1", "Biểu mẫu 3", "Biểu mẫu 7"]));
});

test("the sample Word report: the BM3 3.2 error by table and row, the text's BM3 1.3 mismatch; a bad .docx is said in Vietnamese", async () => {
  const report = join(dir, "quang-tri-2024-6t.docx");
  copyFileSync(SAMPLE_DOCX, report);
  const bad = join(dir, "hong.docx");
  writeFileSync(bad, "đây không phải tệp Word");
  let expected = "";
  try {
    readDocx(new Uint8Array(readFileSync(bad)), bad);
  } catch (e) {
    expected = documentProblemText((e as DocumentReadError).problem, "vi");
  }
  expect(expected).not.toBe("");
  await page.setInputFiles("#files", [report, bad, sample()]);
  await page.locator("section.file").nth(2).waitFor({ timeout: 120_000 });
  const doc = page.locator('section.file[data-file="quang-tri-2024-6t.docx"]');
  const error = doc.locator("tr.error", { hasText: "BM3.3.2.rate" });
  expect(await error.count()).toBe(1);
  expect(await error.locator("td").first().textContent()).toMatch(/^Bảng 2, dòng \d+$/);
  expect(await error.locator("td").nth(3).textContent()).toContain("98,57");
  const text = doc.locator("tr.warning", { hasText: "report.BM3.1.3" });
  expect(await text.count()).toBe(1);
  expect(await text.locator("td").nth(3).textContent()).toContain("107 TTHC bãi bỏ");
  expect(await doc.locator(".summary").textContent()).toMatch(/BM3 \(Bảng 2\)/);
  // A report has no checked copy; the workbook beside it keeps its own.
  expect(await doc.locator("button[data-action=checked]").count()).toBe(0);
  expect(await page.locator('section.file[data-file="quang-tri.xlsx"] button[data-action=checked]').count()).toBe(1);
  expect((await page.locator('section.file[data-file="hong.docx"] .problem').textContent())?.trim()).toBe(expected);
});

test("hostile files: bombs are refused in Vietnamese, a whole-sheet merge is read, and no task freezes the page", async () => {
  const base = unzipSync(readFileSync(sample()));
  const cases: Array<[string, Uint8Array]> = [
    ["bom-64mb.xlsx", bigWorkbook({ ...base }, "bomb:64MB")],
    ["bom-1gib.xlsx", bigWorkbook({ ...base }, "bomb:1GiB")],
    ["bom-gia.xlsx", bigWorkbook({ ...base }, "bomb:4GiB-declared-small")],
    ["gop-ca-trang.xlsx", bigWorkbook({ ...base }, "merges:whole")],
  ];
  const vi = cliText("vi");
  const expected = new Map<string, string>();
  for (const [name, bytes] of cases) {
    writeFileSync(join(dir, name), bytes);
    const read = await readWorkbookBytes(name, bytes, builtinTemplateSet());
    if (!read.ok) expected.set(name, vi.readProblem(read.problem, read.detail));
  }
  expect([...expected.keys()].sort()).toEqual(["bom-1gib.xlsx", "bom-64mb.xlsx", "bom-gia.xlsx"]);
  // The forged one is 27 MB: past the page's own size limit, it is named as such and never read.
  expected.delete("bom-gia.xlsx");
  // The longest task the page runs while it reads them (Long Tasks API): the limits stop each file early.
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: "longtask" });
  });
  await page.setInputFiles("#files", cases.map(([name]) => join(dir, name)));
  for (const name of [...expected.keys(), "gop-ca-trang.xlsx"]) await page.locator(`section.file[data-file="${name}"]`).waitFor({ timeout: 120_000 });
  expect(await page.locator("#app").textContent()).toContain(webText("vi").tooBig("bom-gia.xlsx", MAX_MB));
  for (const [name, text] of expected) expect((await page.locator(`section.file[data-file="${name}"] .problem`).textContent())?.trim()).toBe(text);
  const merged = page.locator('section.file[data-file="gop-ca-trang.xlsx"]');
  expect(await merged.locator(".summary").textContent()).toMatch(/BM3/);
  expect((await merged.locator(".problem").textContent())?.trim()).toBe("");
  // Its checked copy is refused (exceljs would expand the merge cell by cell), in words.
  await merged.locator("button[data-action=checked]").click();
  await merged.locator(".problem", { hasText: vi.readProblem("too_large_to_write") }).waitFor({ timeout: 60_000 });
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  expect(longest).toBeLessThan(1500);
  // The files were checked in the worker, off the page's thread.
  expect(await page.locator("body").getAttribute("data-checker")).toBe("worker");
});

test("nothing leaves the computer: no request beyond the page's own file", () => {
  expect(requests.length).toBeGreaterThan(0);
  expect(requests.filter((u) => u !== pageUrl && !u.startsWith("blob:") && !u.startsWith("data:"))).toEqual([]);
});
