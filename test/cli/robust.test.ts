/**
 * Files that cannot be read: a clear Vietnamese message each, the batch goes on, exit code 2, nothing written over.
 */
import { createHash } from "crypto";
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { cli, readBook, SAMPLE_TSV, tempDir, type JsonOut } from "./helpers";
import { compoundFile } from "./cfb";
import { sniff } from "../../src/cli/xlsx-read";
import { cliText } from "../../src/i18n/cli";

const t = cliText("vi");
let dir: string;
let cleanup: () => void;
let batch: string;
const hashes = new Map<string, string>();
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  batch = join(dir, "batch");
  mkdirSync(batch);
  expect((await cli(["new", "--from", SAMPLE_TSV, join(batch, "a-good.xlsx")], dir)).code).toBe(0);
  const good = readFileSync(join(batch, "a-good.xlsx"));
  writeFileSync(join(batch, "b-corrupt.xlsx"), Buffer.concat([good.subarray(0, 4), Buffer.from("this is not a zip at all, just bytes".repeat(20))]));
  writeFileSync(join(batch, "c-truncated.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(join(batch, "d-password.xlsx"), compoundFile(["EncryptionInfo", "EncryptedPackage"]));
  writeFileSync(join(batch, "e-old.xls"), compoundFile(["Workbook", "\u0005SummaryInformation"]));
  writeFileSync(join(batch, "f-empty.xlsx"), Buffer.alloc(0));
  writeFileSync(join(batch, "g-text.xlsx"), "STT\tChỉ tiêu\n1\tx\n");
  const blank = new ExcelJS.Workbook();
  blank.addWorksheet("Sheet1");
  await blank.xlsx.writeFile(join(batch, "h-blank-sheet.xlsx"));

  // 200 sheets: the three forms among 197 sheets of other things.
  const big = await readBook(join(batch, "a-good.xlsx"));
  for (let i = 1; i <= 197; i++) {
    const ws = big.addWorksheet(`Trang ${i}`);
    ws.getCell("A1").value = `Ghi chép ${i}`;
    ws.getCell("B2").value = i;
  }
  await big.xlsx.writeFile(join(batch, "i-200-sheets.xlsx"));
  for (const f of readdirSync(batch)) hashes.set(f, sha(join(batch, f)));
}, 60000);
afterAll(() => cleanup());

describe("reading problems are values", () => {
  it("classifies bytes before the reader opens them", () => {
    expect(sniff(Buffer.alloc(0))).toBe("empty_file");
    expect(sniff(compoundFile(["EncryptionInfo", "EncryptedPackage"]))).toBe("encrypted");
    expect(sniff(compoundFile(["Workbook"]))).toBe("xls");
    expect(sniff(compoundFile(["WordDocument"]))).toBe("doc");
    expect(sniff(Buffer.from("hello"))).toBe("not_xlsx");
    expect(sniff(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBeNull();
  });
});

describe("a batch with bad files", () => {
  let text: Awaited<ReturnType<typeof cli>>;
  let json: JsonOut;
  let jsonCode: number;

  beforeAll(async () => {
    text = await cli(["check", "batch", "--write", "checked"], dir);
    const j = await cli(["check", "batch", "--json"], dir);
    jsonCode = j.code;
    json = JSON.parse(j.stdout) as JsonOut;
  }, 120000);

  it("exits 2 and still checks every readable file", () => {
    expect(text.code).toBe(2);
    expect(jsonCode).toBe(2);
    expect(json.files.map((f) => f.file)).toEqual([
      "batch/a-good.xlsx", "batch/b-corrupt.xlsx", "batch/c-truncated.xlsx", "batch/d-password.xlsx",
      "batch/e-old.xls", "batch/f-empty.xlsx", "batch/g-text.xlsx", "batch/h-blank-sheet.xlsx", "batch/i-200-sheets.xlsx",
    ]);
    const good = json.files[0];
    expect(good.error).toBeUndefined();
    expect(good.findings.filter((f) => f.severity === "error")).toHaveLength(1);
  });

  it("says why each file could not be read, in Vietnamese", () => {
    const err = (name: string) => json.files.find((f) => f.file.endsWith(name))!.error;
    expect(err("b-corrupt.xlsx")).toMatch(/^tệp \.xlsx bị hỏng/);
    expect(err("c-truncated.xlsx")).toMatch(/^tệp \.xlsx bị hỏng/);
    expect(err("d-password.xlsx")).toBe(t.readProblem("encrypted"));
    expect(err("e-old.xls")).toBe(t.readProblem("xls"));
    expect(err("f-empty.xlsx")).toBe(t.readProblem("empty_file"));
    expect(err("g-text.xlsx")).toBe(t.readProblem("not_xlsx"));
    expect(text.stdout).toContain(t.readProblem("encrypted"));
    expect(text.stdout).toContain(t.total(9, 2, 6));
  });

  it("reports a workbook with no form, without calling it unreadable", () => {
    const blank = json.files.find((f) => f.file.endsWith("h-blank-sheet.xlsx"))!;
    expect(blank.error).toBeUndefined();
    expect(blank.forms).toEqual([]);
    expect(text.stdout).toContain(t.noForms);
  });

  it("finds the three forms among 200 sheets", () => {
    const big = json.files.find((f) => f.file.endsWith("i-200-sheets.xlsx"))!;
    expect(big.forms.map((f) => f.form)).toEqual(["BM1", "BM3", "BM7"]);
    expect(big.findings.filter((f) => f.severity === "error")).toHaveLength(1);
  });

  it("never writes over an input, and writes checked copies only of readable workbooks with forms", () => {
    for (const [f, h] of hashes) expect(sha(join(batch, f))).toBe(h);
    expect(readdirSync(batch).sort()).toEqual([...hashes.keys()].sort());
    expect(readdirSync(join(dir, "checked")).sort()).toEqual(["a-good.xlsx", "i-200-sheets.xlsx"]);
  });
});

describe("outputs are never written over", () => {
  it("check --write refuses the input's own path", async () => {
    const before = sha(join(batch, "a-good.xlsx"));
    const r = await cli(["check", "batch/a-good.xlsx", "--write", "batch/a-good.xlsx", "--overwrite"], dir);
    expect(r.stdout).toContain(t.refuseInput("batch/a-good.xlsx"));
    expect(sha(join(batch, "a-good.xlsx"))).toBe(before);
  });

  it("new refuses an existing file unless --overwrite", async () => {
    writeFileSync(join(dir, "taken.xlsx"), "keep me");
    const r = await cli(["new", "taken.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(t.refuseOverwrite("taken.xlsx"));
    expect(readFileSync(join(dir, "taken.xlsx"), "utf8")).toBe("keep me");
    expect((await cli(["new", "taken.xlsx", "--overwrite"], dir)).code).toBe(0);
    expect(sniff(readFileSync(join(dir, "taken.xlsx")))).toBeNull();
  });

  it("merge refuses to write its output over an input", async () => {
    const before = sha(join(batch, "a-good.xlsx"));
    const r = await cli(["merge", "batch/a-good.xlsx", "-o", "batch/a-good.xlsx", "--force", "--overwrite"], dir);
    expect(r.code).toBe(2);
    expect(sha(join(batch, "a-good.xlsx"))).toBe(before);
  });
});
