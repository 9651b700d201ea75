/**
 * Word reports on the command line: the sample report checked alone (its Phụ lục tables through the engine, its
 * text against them), a workbook checked with --report, the exported appendix read back, and bad input.
 */
import { copyFileSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { compoundFile } from "./cfb";
import { cli, SAMPLE_DOCX, SAMPLE_TSV, tempDir } from "./helpers";
import { buildDocx, p } from "../support/docx";
import type { JsonFile, JsonFinding } from "../../src/cli/report";


// The --json document's own shapes: the test reads what the command line promises to write.
type J = JsonFinding;
type JFile = JsonFile;

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir("bieumau-docx-"));
  copyFileSync(SAMPLE_DOCX, join(dir, "bao-cao.docx"));
});
afterAll(() => cleanup());

async function json(args: string[]): Promise<{ code: number; files: JFile[]; stderr: string }> {
  const r = await cli([...args, "--json"], dir);
  return { code: r.code, files: (JSON.parse(r.stdout) as { files: JFile[] }).files, stderr: r.stderr };
}

describe("bieumau check REPORT.docx", () => {
  let file: JFile;
  let code: number;
  beforeAll(async () => {
    ({ code, files: [file] } = await json(["check", "bao-cao.docx"]));
  });

  it("recognises the appendix's tables as forms 1, 3 and 7", () => {
    expect(file.error).toBeUndefined();
    expect(file.forms).toEqual([
      { form: "BM1", sheet: "Bảng 1" },
      { form: "BM3", sheet: "Bảng 2" },
      { form: "BM7", sheet: "Bảng 3" },
    ]);
    expect(code).toBe(1);
  });

  it("reports the BM3 3.2 rate error, naming the cell by table and row", () => {
    const errors = file.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => [f.rule, f.stt, f.value, f.expected])).toEqual([["BM3.3.2.rate", "3.2", "98,57%", "96.55"]]);
    expect(errors[0].cell).toMatch(/^Bảng 2, dòng \d+$/);
  });

  it("reports the text's 107 TTHC abolished against BM3 1.3 = 262, and no agreeing figure as a mismatch", () => {
    const text = file.findings.filter((f) => f.rule.startsWith("report."));
    const warnings = text.filter((f) => f.severity === "warning");
    expect(warnings.map((f) => [f.rule, f.form, f.stt, f.value, f.expected])).toEqual([["report.BM3.1.3", "BM3", "1.3", "107", "262"]]);
    expect(warnings[0].message).toContain("107 TTHC bãi bỏ");
    expect(warnings[0].message).toMatch(/đoạn \d+/);
    const agrees = text.filter((f) => f.message.includes("khớp với phụ lục")).map((f) => `${f.form} ${f.stt}`);
    expect(agrees).toEqual(expect.arrayContaining(["BM1 5.1", "BM1 5.2", "BM7 6.5.2", "BM7 6.5.1", "BM7 6.5"]));
    for (const f of agrees) expect(warnings.map((w) => `${w.form} ${w.stt}`)).not.toContain(f);
  });

  it("prints the same findings as text", async () => {
    const r = await cli(["check", "bao-cao.docx"], dir);
    expect(r.stdout).toContain("BM1 (Bảng 1), BM3 (Bảng 2), BM7 (Bảng 3)");
    expect(r.stdout).toMatch(/Cảnh báo: Bảng 2, dòng \d+ {2}BM3 1\.3: Lời văn báo cáo \(đoạn \d+\) ghi 107, nhưng phụ lục ghi 262/);
  });
});

describe("bieumau check WORKBOOK.xlsx --report REPORT.docx, and the exported appendix read back", () => {
  const key = (f: J) => `${f.severity} ${f.rule} ${f.form} ${f.stt}`;
  let book: JFile;
  beforeAll(async () => {
    expect((await cli(["new", "x.xlsx", "--from", SAMPLE_TSV], dir)).code).toBe(0);
    ({ files: [book] } = await json(["check", "x.xlsx"]));
  });

  it("adds the report's text findings to the workbook's", async () => {
    const { files: [withReport] } = await json(["check", "x.xlsx", "--report", "bao-cao.docx"]);
    const extra = withReport.findings.filter((f) => !book.findings.some((b) => key(b) === key(f)));
    expect(extra.every((f) => f.rule.startsWith("report."))).toBe(true);
    expect(extra.filter((f) => f.severity === "warning").map((f) => [f.stt, f.value, f.expected])).toEqual([["1.3", "107", "262"]]);
    // The text cross-check points at the workbook's cell.
    expect(extra.find((f) => f.severity === "warning")!.cell).toMatch(/^'?Biểu mẫu 3'?!D\d+$/);
  });

  it("a report that cannot be read is said once and the workbook is still checked", async () => {
    writeFileSync(join(dir, "hong.docx"), "không phải tệp Word");
    const r = await json(["check", "x.xlsx", "--report", "hong.docx"]);
    expect(r.stderr).toContain("Không đối chiếu được với báo cáo hong.docx: không phải văn bản Word .docx");
    expect(r.files[0].findings.map(key)).toEqual(book.findings.map(key));
  });

  it("the exported appendix, checked as a report, gives the workbook's findings less those the export resolves", async () => {
    expect((await cli(["export", "x.xlsx", "-o", "phu-luc.docx"], dir)).code).toBe(0);
    const { files: [doc] } = await json(["check", "phu-luc.docx"]);
    expect(doc.forms.map((f) => f.form)).toEqual(["BM1", "BM3", "BM7"]);
    const fromDoc = doc.findings.map(key).sort();
    // The export writes the rates computed from their parts and the counts as the engine read them (52.414), so the
    // rate error and the six thousands-comma warnings are gone; everything else is found again.
    const resolved = (f: J) => f.rule === "BM3.3.2.rate" || /\.count$/.test(f.rule);
    expect(book.findings.filter(resolved).length).toBe(7);
    expect(fromDoc).toEqual(book.findings.filter((f) => !resolved(f)).map(key).sort());
    expect(doc.findings.some((f) => f.rule.startsWith("report."))).toBe(false);
  });
});

describe("bad input", () => {
  it("says in Vietnamese why each file cannot be checked, and the batch goes on", async () => {
    writeFileSync(join(dir, "a-khong-phu-luc.docx"), buildDocx(p("Báo cáo không có phụ lục: đã giải quyết 140.394 hồ sơ.")));
    writeFileSync(join(dir, "b-hong.docx"), Buffer.from(readFileSync(SAMPLE_DOCX)).subarray(0, 5000));
    writeFileSync(join(dir, "c-mat-khau.docx"), compoundFile(["EncryptionInfo", "EncryptedPackage"]));
    writeFileSync(join(dir, "d-cu.doc"), compoundFile(["WordDocument", "1Table"]));
    const { code, files } = await json(["check", "a-khong-phu-luc.docx", "b-hong.docx", "c-mat-khau.docx", "d-cu.doc", "bao-cao.docx"]);
    expect(code).toBe(2);
    expect(files.map((f) => f.error ?? "ok")).toEqual([
      "văn bản không có bảng phụ lục nào khớp Biểu mẫu (STT và tên chỉ tiêu)",
      expect.stringContaining("tệp bị hỏng"),
      expect.stringContaining("tệp được đặt mật khẩu"),
      expect.stringContaining("Word 97–2003 (.doc)"),
      "ok",
    ]);
    expect(files[4].findings.some((f) => f.rule === "report.BM3.1.3")).toBe(true);
  });

  it("picks up .docx and .doc files in a folder beside workbooks", async () => {
    const r = await cli(["check", "."], dir);
    expect(r.stdout).toContain("bao-cao.docx");
    expect(r.stdout).toContain("d-cu.doc");
    expect(r.stdout).toContain("x.xlsx");
  });
});
