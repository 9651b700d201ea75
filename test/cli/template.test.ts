/**
 * `bieumau template import | show`: the real report imported, then `new`, `check` and `merge` with the imported set
 * report the BM3 3.2 rate error as the built-in set does; an .xlsx template imports the same way; bad documents get
 * one Vietnamese sentence and nothing is written.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { cli, SAMPLE_TSV, tempDir, type JsonOut } from "./helpers";
import { compoundFile } from "./cfb";
import { builtinTemplateSet, parseTemplateSetText } from "../../src/forms/load";
import type { FormRow } from "../../src/forms/schema";
import { documentProblemText } from "../../src/i18n/io";
import { learnText } from "../../src/i18n/learn";
import { buildDocx, p, tbl } from "../support/docx";
import { SAMPLE_DOCX } from "../support/sample";

const t = learnText("vi");
let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir("bieumau-template-")));
afterAll(() => cleanup());

describe("the real report", () => {
  it("imports, prints its review in Vietnamese, and writes a set every --templates command takes", async () => {
    const imported = await cli(["template", "import", SAMPLE_DOCX, "-o", "set.json"], dir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Bộ biểu mẫu 1125-BC-VP-2024-06-14 — Học từ tệp “quang-tri-2024-6t.docx” (Báo cáo số 1125/BC-VP ngày 14/6/2024)");
    expect(imported.stdout).toContain("Biểu mẫu 3: Cải cách thủ tục hành chính (Bảng 2, dòng 3–27)");
    expect(imported.stdout).toContain("  25 chỉ tiêu: 18 số đếm, 4 tỷ lệ, 3 dòng nhóm");
    expect(imported.stdout).toContain(`    * 3.2 = 3.2.2 / 3.2.1 × 100 — ${t.inferredBy.rate_children} [BM3.3.2.rate]`);
    expect(imported.stdout).toContain("    4.1 (Bảng 1, dòng 14): ");
    expect(imported.stdout).toContain(t.wroteSet("set.json"));
    const set = parseTemplateSetText(readFileSync(join(dir, "set.json"), "utf8"));
    expect(set.forms.map((f) => f.id)).toEqual(["BM1", "BM3", "BM7"]);

    const shownSet = await cli(["template", "show", "set.json"], dir);
    expect(shownSet.code).toBe(0);
    expect(shownSet.stdout).toBe(imported.stdout.slice(0, imported.stdout.indexOf(t.wroteSet("set.json"))));

    const findings = async (templates: string[]) => {
      const name = `x${templates.length}.xlsx`;
      expect((await cli(["new", name, "--from", SAMPLE_TSV, ...templates], dir)).code).toBe(0);
      const checked = await cli(["check", name, "--json", ...templates], dir);
      expect(checked.code).toBe(1);
      return (JSON.parse(checked.stdout) as JsonOut).files[0].findings.filter((f) => f.severity === "error");
    };
    const learned = await findings(["--templates", "set.json"]);
    const builtin = await findings([]);
    const facts = (fs: typeof learned) => fs.map(({ rule, form, stt, cell, value, expected }) => ({ rule, form, stt, cell, value, expected }));
    expect(facts(learned)).toEqual(facts(builtin));
    expect(facts(learned)).toEqual([expect.objectContaining({ rule: "BM3.3.2.rate", form: "BM3", stt: "3.2", value: "98,57%" })]);
    // The same words, and the learned rule says it is inferred.
    expect(learned[0].message.startsWith(builtin[0].message)).toBe(true);
    expect(learned[0].message).not.toBe(builtin[0].message);

    const merged = await cli(["merge", "x2.xlsx", "-o", "tong-hop.xlsx", "--force", "--templates", "set.json"], dir);
    expect(merged.code).toBe(0);
    expect(existsSync(join(dir, "tong-hop.xlsx"))).toBe(true);
  }, 60_000);

  it("never overwrites a set without --overwrite", async () => {
    writeFileSync(join(dir, "keep.json"), "{}");
    const again = await cli(["template", "import", SAMPLE_DOCX, "-o", "keep.json"], dir);
    expect(again.code).toBe(2);
    expect(readFileSync(join(dir, "keep.json"), "utf8")).toBe("{}");
  });
});

describe("an .xlsx template", () => {
  it("imports the same way, one form per sheet, merged header cells and the label in the first rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("BM3");
    ws.getCell("A1").value = "Biểu mẫu 3";
    ws.getCell("A2").value = "Cải cách thủ tục hành chính";
    ws.addRow([]);
    ws.getRow(4).values = ["STT", "Chỉ tiêu thống kê", "Kết quả thống kê", "", "Ghi chú"];
    ws.getRow(5).values = ["", "", "Đơn vị tính", "Số liệu", ""];
    ws.mergeCells("A4:A5");
    ws.mergeCells("B4:B5");
    ws.mergeCells("C4:D4");
    ws.mergeCells("E4:E5");
    const rows = [["3,", "Kết quả giải quyết TTHC", ""], ["3.2.", "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn", "%"],
      ["3.2.1.", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ"], ["3.2.2.", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ"]];
    rows.forEach((r, i) => (ws.getRow(6 + i).values = r));
    await wb.xlsx.writeFile(join(dir, "mau-tinh.xlsx"));

    const imported = await cli(["template", "import", "mau-tinh.xlsx", "-o", "tinh.json"], dir);
    expect(imported.stderr).toBe("");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("Biểu mẫu 3: Cải cách thủ tục hành chính (trang tính “BM3”, dòng 6–9)");
    const set = parseTemplateSetText(readFileSync(join(dir, "tinh.json"), "utf8"));
    expect(set.learned_from).toMatchObject({ file: "mau-tinh.xlsx", format: "xlsx" });
    expect(set.forms[0].rows.map((r) => [r.stt, r.unit, r.kind, r.from])).toEqual([
      ["3", "", "group", { table: 1, row: 6, sheet: "BM3" }],
      ["3.2", "%", "percent", { table: 1, row: 7, sheet: "BM3" }],
      ["3.2.1", "Hồ sơ", "count", { table: 1, row: 8, sheet: "BM3" }],
      ["3.2.2", "Hồ sơ", "count", { table: 1, row: 9, sheet: "BM3" }],
    ]);
    expect(set.forms[0].rules.map((r) => r.id)).toEqual(["BM3.3.2.rate", "BM3.3.2.2.le.3.2.1"]);
  });
});

describe("template show", () => {
  it("prints a hand-written set (the built-in file) the same way, its inferred rule with its own remark", async () => {
    const file = join(__dirname, "..", "..", "src", "forms", "builtin", "cchc-pl-2022.json");
    const shownSet = await cli(["template", "show", file], dir);
    expect(shownSet.code).toBe(0);
    expect(shownSet.stdout).toContain("Bộ biểu mẫu CCHC-PL-2022 — ");
    expect(shownSet.stdout).toContain("Biểu mẫu 7: Xây dựng và phát triển Chính quyền điện tử, Chính quyền số\n  33 chỉ tiêu: 10 số đếm, 16 tỷ lệ, 3 mã hóa, 4 dòng nhóm");
    expect(shownSet.stdout).toContain("    * min(5.2.1, 5.2.2, 5.2.3) ≤ 5.2 ≤ max(5.2.1, 5.2.2, 5.2.3) — 5.2 is the overall share");
    const bad = await cli(["template", "show", "khong-co.json"], dir);
    expect(bad.code).toBe(2);
  });
});

describe("a workbook made by `bieumau new`", () => {
  it("learns back the built-in rows, its footnote under the table not read as a row", async () => {
    expect((await cli(["new", "made.xlsx", "--forms", "1,3,7"], dir)).code).toBe(0);
    const imported = await cli(["template", "import", "made.xlsx", "-o", "made.json"], dir);
    expect(imported.code).toBe(0);
    expect(imported.stdout).not.toContain(t.skippedHeading);
    const set = parseTemplateSetText(readFileSync(join(dir, "made.json"), "utf8"));
    const essentials = (r: FormRow) => [r.stt, r.stt_as_printed, r.text, r.unit, r.kind, r.coding ?? null];
    for (const b of builtinTemplateSet().forms) expect(set.forms.find((f) => f.id === b.id)!.rows.map(essentials)).toEqual(b.rows.map(essentials));
  });
});

describe("documents that cannot be learned", () => {
  const cases: Array<[string, Buffer | Uint8Array, string]> = [
    ["empty.docx", Buffer.alloc(0), documentProblemText("empty_file", "vi")],
    ["old.doc", compoundFile(["WordDocument", "\u0005SummaryInformation"]), documentProblemText("doc", "vi")],
    ["old.xls", compoundFile(["Workbook"]), documentProblemText("xls", "vi")],
    ["password.docx", compoundFile(["EncryptionInfo", "EncryptedPackage"]), documentProblemText("encrypted", "vi")],
    ["corrupt.docx", Buffer.from("PK\u0003\u0004 not really a zip at all".repeat(10)), documentProblemText("zip_damaged", "vi")],
    ["text.docx", Buffer.from("STT\tChỉ tiêu\n"), t.notDocOrXlsx],
    ["no-table.docx", buildDocx(p("Báo cáo không có phụ lục")), t.problem("no_table")],
    ["no-stt.docx", buildDocx(p("Biểu mẫu 1") + tbl([["Tên", "Số"], ["A", "1"]])), t.problem("no_columns")],
    ["no-label.docx", buildDocx(tbl([["STT", "Chỉ tiêu", "Đơn vị tính"], ["1", "Số văn bản", "Văn bản"]])), t.problem("no_label")],
  ];
  it.each(cases)("%s: one sentence, nothing written", async (name, bytes, why) => {
    writeFileSync(join(dir, name), bytes);
    const out = `${name}.json`;
    const run = await cli(["template", "import", name, "-o", out], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${t.cannotRead(name, why)}\n${t.nothingWritten}\n`);
    expect(existsSync(join(dir, out))).toBe(false);
  });
  it("says in .doc and .xls cases to save as .docx / .xlsx", () => {
    expect(documentProblemText("doc", "vi")).toContain(".docx");
    expect(documentProblemText("xls", "vi")).toContain(".xlsx");
  });
});
