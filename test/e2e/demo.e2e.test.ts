/**
 * End to end, in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): the demo build
 * (the task pane + the Office.js adapter over the in-memory fake Excel) is served on 127.0.0.1, the forms are
 * inserted from the pane, the values of ../shared/samples/quang-tri-2024-6t.tsv are typed into the grid as a clerk
 * would (values that the cells' data validation rejects are pasted instead, as Excel's paste bypasses validation),
 * "Kiểm tra" is pressed and the findings list must show the BM3 3.2 rate error. With UPDATE_SCREENSHOTS=1 a screenshot of the pane is saved
 * to docs/taskpane.png for the README.
 */
import { createServer, type Server } from "http";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { extname, join, normalize } from "path";
import type { AddressInfo } from "net";
import { buildWithWebpack } from "../support/webpack-build";
import { chromium, type Browser, type Page } from "playwright-core";
import { builtinTemplateSet, normaliseStt } from "../../src/forms";
import { planSheet, sheetNameFor } from "../../src/layout/plan";
import type { ReportHeader } from "../../src/layout/types";
import { FIX_TEXT } from "../../src/i18n/fixes";
import { renderFinding } from "../../src/i18n/findings";
import { vi as ui } from "../../src/i18n/ui";

const ROOT = join(__dirname, "..", "..");
const SAMPLE = join(ROOT, "..", "shared", "samples", "quang-tri-2024-6t.tsv");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];
const HEADER: ReportHeader = { unit: "UBND tỉnh Quảng Trị", reportNumber: "1125/BC-VP", reportDate: "14/6/2024", period: "6m", year: 2024 };

jest.setTimeout(240_000);

let outDir = "";
let server: Server;
let browser: Browser;
let page: Page;
let baseUrl = "";

async function buildDemo(out: string): Promise<void> {
  await buildWithWebpack({ demo: true, out }, "development", (config) => {
    config.devtool = false;
  });
}

function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".png": "image/png" };
  const s = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dir, path === "/" ? "index.html" : path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((resolve) => s.listen(0, "127.0.0.1", () => resolve(s)));
}

interface SampleRow {
  form: string;
  stt: string;
  value: string;
}

function sampleValues(): SampleRow[] {
  const lines = readFileSync(SAMPLE, "utf8").split(/\r?\n/).slice(1).filter((l) => l.trim() !== "");
  return lines
    .map((line) => line.split("\t"))
    .map(([form, stt, , , value]) => ({ form, stt: normaliseStt(stt) ?? stt, value: (value ?? "").trim() }))
    .filter((r) => r.value !== "");
}

async function paste(p: Page, text: string): Promise<void> {
  await p.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    document.querySelector('[data-testid="grid"]')?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  outDir = mkdtempSync(join(tmpdir(), "bieumau-e2e-"));
  await buildDemo(outDir);
  server = await serve(outDir);
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(baseUrl);
  await page.getByRole("button", { name: ui.insertButton, exact: true }).waitFor({ timeout: 30_000 });
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

test("insert the forms, type the Quảng Trị sample, Kiểm tra shows the BM3 3.2 rate error", async () => {
  const set = builtinTemplateSet();
  const pane = page.getByTestId("taskpane");

  // At Office's default pane widths (Mac 270, Windows 320, the web 350 px) and a short pane (560 px tall), the two
  // actions a clerk uses most show without scrolling, and no badge or label spills out of its box.
  const shots = process.env.UPDATE_SCREENSHOTS ? join(ROOT, "docs") : mkdtempSync(join(tmpdir(), "bieumau-shots-"));
  for (const width of [270, 320, 350]) {
    await page.evaluate((w) => {
      const el = document.querySelector<HTMLElement>('[data-testid="taskpane"]')!;
      el.style.width = `${w}px`;
      el.style.height = "560px";
      el.scrollTop = 0;
    }, width);
    const paneBox = (await pane.boundingBox())!;
    writeFileSync(join(shots, `taskpane-${width}.png`), await page.screenshot({ clip: { ...paneBox, height: 560 } }));
    for (const name of [ui.validateButton, ui.insertButton]) {
      const b = (await pane.getByRole("button", { name, exact: true }).boundingBox())!;
      expect(b.y + b.height).toBeLessThanOrEqual(paneBox.y + 560);
      expect(b.x + b.width).toBeLessThanOrEqual(paneBox.x + width);
    }
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="taskpane"] *')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible" && el.clientWidth > 0)
        .map((el) => `${el.tagName}.${el.className}: ${(el.textContent ?? "").slice(0, 40)}`),
    );
    expect(overflowing).toEqual([]);
  }
  await page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="taskpane"]')!;
    el.style.width = "";
    el.style.height = "";
  });

  // Header once, all forms of the set (selected by default), insert.
  await pane.getByLabel(ui.headerUnit).fill(HEADER.unit!);
  await pane.getByLabel(ui.headerReportNumber).fill(HEADER.reportNumber!);
  await pane.getByLabel(ui.headerReportDate).fill(HEADER.reportDate!);
  await pane.getByLabel(ui.headerPeriod).selectOption(HEADER.period!);
  await pane.getByLabel(ui.headerYear).fill(String(HEADER.year));
  await pane.getByRole("button", { name: ui.insertButton, exact: true }).click();
  const sheetNames = set.forms.map((f) => sheetNameFor(f));
  await pane.getByText(ui.inserted(sheetNames)).waitFor();

  // Type every value of the sample into its form's value cell.
  const rejected: string[] = [];
  for (const form of set.forms) {
    const rows = sampleValues().filter((r) => r.form === form.id);
    if (!rows.length) continue;
    const layout = planSheet(set, form, HEADER);
    await page.getByRole("tab", { name: sheetNameFor(form), exact: true }).click();
    for (const row of rows) {
      const r = layout.rowOfStt[row.stt];
      expect(r).toBeDefined();
      const address = `${String.fromCharCode(65 + layout.columns.value)}${r + 1}`;
      await page.locator(`[data-address="${address}"]`).click();
      await page.keyboard.type(row.value);
      await page.keyboard.press("Enter");
      const alert = page.getByTestId("validation-alert");
      if (await alert.isVisible()) {
        rejected.push(`${form.id} ${row.stt} ${row.value}`);
        await alert.getByRole("button", { name: "Hủy" }).click();
        await page.locator(`[data-address="${address}"]`).click();
        await paste(page, row.value);
      }
    }
  }
  // The cells' data validation (whole numbers ≥ 0 for counts) stops the comma-typed counts, as Excel would.
  expect(rejected).toEqual(expect.arrayContaining(["BM3 3.2.1 10,099", "BM3 3.2.2 9,751"]));

  // Kiểm tra, then the findings list.
  await pane.getByRole("button", { name: ui.validateButton, exact: true }).click();
  const rateError = pane.locator('[data-rule="BM3.3.2.rate"][data-severity="error"]');
  await rateError.waitFor({ timeout: 30_000 });
  const text = (await rateError.textContent()) ?? "";
  expect(text).toContain("98,57");
  expect(text).toContain("96,55");
  expect(text).toContain("9.751 / 10.099");
  expect(text).toContain(
    renderFinding(
      { rule: "BM3.3.2.rate", check: "rate.mismatch", severity: "error", form: "BM3", params: { reported: { dec: "98.57" }, numerator: { dec: "9751" }, denominator: { dec: "10099" }, expected: { dec: "96.55" } } },
      "vi",
    ),
  );

  // The write-back is in the workbook: a results sheet, and clicking the finding selects its cell.
  await expect(page.getByRole("tab", { name: "Kết quả kiểm tra" }).count()).resolves.toBe(1);
  await rateError.click();
  const bm3 = planSheet(set, set.forms.find((f) => f.id === "BM3")!, HEADER);
  const rateCell = `${String.fromCharCode(65 + bm3.columns.value)}${bm3.rowOfStt["3.2"] + 1}`;
  await page.waitForFunction((a) => document.querySelector('[data-testid="name-box"]')?.textContent === a, rateCell);
  await expect(page.getByTestId("grid").getAttribute("data-sheet")).resolves.toBe(sheetNameFor(set.forms.find((f) => f.id === "BM3")!));

  // Screenshots go to docs/ only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the checkout clean.
  const shotDir = process.env.UPDATE_SCREENSHOTS ? join(ROOT, "docs") : mkdtempSync(join(tmpdir(), "bieumau-shots-"));
  writeFileSync(join(shotDir, "demo.png"), await page.screenshot());
  // The pane as Excel would show it, from its top, tall enough for the BM3 findings.
  await page.setViewportSize({ width: 1440, height: 1500 });
  await page.evaluate(() => {
    for (let el: Element | null = document.querySelector('[data-testid="taskpane"]'); el; el = el.parentElement) el.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  const box = await pane.boundingBox();
  expect(box).not.toBeNull();
  writeFileSync(join(shotDir, "taskpane.png"), await page.screenshot({ clip: box! }));

  // "Xóa kết quả kiểm tra" removes the results sheet; the ribbon's "Kiểm tra" (validateWorkbook) writes it back.
  await pane.getByRole("button", { name: ui.clearButton, exact: true }).click();
  await pane.getByText(ui.cleared).waitFor();
  // The results sheet stays (deleting it would clear Excel's undo history) and says the results were cleared.
  await expect(page.getByRole("tab", { name: "Kết quả kiểm tra" }).count()).resolves.toBe(1);
  await page.getByTestId("ribbon-validate").click();
  await page.getByRole("tab", { name: "Kết quả kiểm tra" }).waitFor();

  // One-click fixes: "Sửa tất cả" for the six comma-typed counts, checked again at once, then "Hoàn tác".
  await pane.getByRole("button", { name: ui.validateButton, exact: true }).click();
  const group = pane.getByTestId("fix-group-thousands");
  await group.getByRole("button", { name: FIX_TEXT.vi.fixAll }).click();
  const applied = pane.getByTestId("fix-applied");
  await applied.getByText(FIX_TEXT.vi.applied(6)).waitFor();
  await expect(group.count()).resolves.toBe(0);
  await applied.getByRole("button", { name: FIX_TEXT.vi.undo }).click();
  await pane.getByText(FIX_TEXT.vi.undone(6)).waitFor();
  await pane.getByTestId("fix-group-thousands").waitFor();
});
