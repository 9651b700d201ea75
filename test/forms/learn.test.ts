/**
 * The template learner (src/forms/learn): the real Quảng Trị report imports to the built-in set's rows and rate
 * rules; layouts built here (blank template, six columns with "Kỳ trước", a table split across pages with and
 * without its header, a form the built-in set lacks, label and title in the table's first rows) import right; and a
 * document with no form is refused with its problem code.
 */
import { readFileSync } from "fs";
import { readDocx } from "../../src/io/docx-read";
import { learnTemplateSet, sheetDocument, TemplateLearnError } from "../../src/forms/learn";
import type { SheetGrid } from "../../src/engine/types";
import { builtinTemplateSet, parseTemplateSet } from "../../src/forms/load";
import type { FormRow, TemplateSet } from "../../src/forms/schema";
import { INFERRED_FOOTNOTE, planSheet } from "../../src/layout/plan";
import { buildDocx, p, tbl, type CellSpec } from "../support/docx";
import { SAMPLE_DOCX } from "../support/sample";


const learnDocx = (body: string, file = "mau.docx") => learnTemplateSet(readDocx(buildDocx(body), file));
const essentials = (r: FormRow) => ({ stt: r.stt, printed: r.stt_as_printed, text: r.text, unit: r.unit, kind: r.kind, coding: r.coding ?? null });
const form = (set: TemplateSet, id: string) => set.forms.find((f) => f.id === id)!;

/** The merged two-row header of the standard forms. */
const HEADER: Array<CellSpec[] | { cells: CellSpec[]; header?: boolean }> = [
  [{ text: "STT", vMerge: "restart" }, { text: "Chỉ tiêu thống kê", vMerge: "restart" }, { text: "Kết quả thống kê", span: 2 }, { text: "Ghi chú", vMerge: "restart" }],
  [{ vMerge: "continue" }, { vMerge: "continue" }, "Đơn vị tính", "Số liệu", { vMerge: "continue" }],
];

describe("the real report (quang-tri-2024-6t.docx)", () => {
  const { set, report } = learnTemplateSet(readDocx(new Uint8Array(readFileSync(SAMPLE_DOCX)), "quang-tri-2024-6t.docx"));
  const builtin = builtinTemplateSet();

  it("finds forms 1, 3 and 7 with the built-in set's rows (STT, text, unit, kind, coding)", () => {
    expect(set.forms.map((f) => f.id)).toEqual(["BM1", "BM3", "BM7"]);
    for (const b of builtin.forms) expect(form(set, b.id).rows.map(essentials)).toEqual(b.rows.map(essentials));
    expect(form(set, "BM7").title).toBe("Xây dựng và phát triển Chính quyền điện tử, Chính quyền số");
  });

  it("infers every rate rule of the built-in set, marked inferred with a Vietnamese reason", () => {
    const rates = builtin.forms.flatMap((f) => f.rules.filter((r) => r.type === "rate").map((r) => ({ f: f.id, r })));
    expect(rates).toHaveLength(11);
    for (const { f, r } of rates) {
      const learned = form(set, f).rules.find((x) => x.id === r.id);
      expect(learned).toMatchObject({ type: "rate", target: (r as { target: string }).target, numerator: (r as { numerator: string }).numerator, denominator: (r as { denominator: string }).denominator, scale: 100, decimals: 2, severity: "error", source: "inferred" });
    }
    for (const rule of set.forms.flatMap((f) => f.rules)) {
      expect(rule.source).toBe("inferred");
      expect(rule.remark).toMatch(/^Suy luận từ văn bản/);
    }
    expect(report.inferred).toHaveLength(set.forms.reduce((n, f) => n + f.rules.length, 0));
  });

  it("infers the sum, the ≤ of parts after a total and the Có/Không precondition as the built-in set has them", () => {
    const ids = set.forms.flatMap((f) => f.rules.map((r) => r.id));
    expect(ids).toEqual(expect.arrayContaining(["BM3.1.4.sum", "BM1.5.2+5.3+5.4.le.5.1", "BM1.6.precondition", "BM1.6.requires", "BM7.6.5.2.le.6.5.1"]));
    expect(form(set, "BM1").rules.find((r) => r.id === "BM1.6.precondition")).toMatchObject({ if: { row: "6", equals: 0 }, then: { blank: ["6.1", "6.2"] } });
  });

  it("records the document, each form's table and each row's place; BM1 4.1 keeps its printed '%' and is flagged", () => {
    expect(set.learned_from).toMatchObject({ file: "quang-tri-2024-6t.docx", format: "docx", doc_kind: "Báo cáo", doc_number: "1125/BC-VP", doc_date: "14/6/2024" });
    expect(set.template_set).toBe("1125-BC-VP-2024-06-14");
    expect(form(set, "BM3").from).toEqual([{ table: 2 }]);
    const r41 = form(set, "BM1").rows.find((r) => r.stt === "4.1")!;
    expect(r41).toMatchObject({ unit_official_typo: "%", review: ["count_unit_percent"], from: { table: 1, row: 14 } });
    expect(report.review).toEqual([{ formId: "BM1", stt: "4.1", place: { table: 1, row: 14 }, review: "count_unit_percent" }]);
    expect(form(set, "BM3").source).toContain("Bảng 2 (dòng 3–27)");
  });

  it("the sheet's footnote names the document, the table and rows, and says the relations are inferred", () => {
    const layout = planSheet(set, form(set, "BM3"), {}, { loadedSet: true });
    const footnote = layout.cells.find((c) => c.style === "footnote")!.value as string;
    expect(footnote).toContain(INFERRED_FOOTNOTE);
    expect(footnote).toContain("“quang-tri-2024-6t.docx”, Báo cáo số 1125/BC-VP ngày 14/6/2024, Bảng 2 (dòng 3–27)");
    expect(footnote).toContain("quan hệ giữa các chỉ tiêu là suy luận");
  });

  it("passes the schema and checks again as JSON, like any office's file", () => {
    expect(parseTemplateSet(JSON.parse(JSON.stringify(set)))).toEqual(set);
  });
});

describe("layouts built here", () => {
  it("a blank template of a form the built-in set lacks: label and title on one line, '1.' and 'a)', coding in the text", () => {
    const { set } = learnDocx(
      p("Số: 223/SNV-CCHCVTLT") + p("Quảng Trị, ngày 10 tháng 3 năm 2022") +
        p("BIỂU MẪU SỐ 2: Cải cách thể chế") +
        tbl([["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"],
          ["1.", "Số văn bản QPPL đã ban hành", "Văn bản", "", ""],
          ["a)", "Số nghị quyết", "Văn bản", "", ""],
          ["b)", "Số quyết định", "Văn bản", "", ""],
          ["2.", "Ban hành kế hoạch rà soát (Có = 1; Không = 0)", "", "", ""],
          ["3.", "Tỷ lệ văn bản được rà soát", "%", "", ""]]),
    );
    expect(set.template_set).toBe("223-SNV-CCHCVTLT-2022-03-10");
    expect(set.learned_from).toMatchObject({ doc_kind: "Công văn", doc_number: "223/SNV-CCHCVTLT", doc_date: "10/3/2022" });
    const bm2 = form(set, "BM2");
    expect(bm2.title).toBe("Cải cách thể chế");
    expect(bm2.rows.map((r) => [r.stt, r.stt_as_printed, r.kind])).toEqual([
      ["1", "1.", "count"], ["1.1", "a)", "count"], ["1.2", "b)", "count"], ["2", "2.", "code"], ["3", "3.", "percent"],
    ]);
    expect(bm2.rows[3]).toMatchObject({ text: "Ban hành kế hoạch rà soát", coding: { "1": "Có", "0": "Không" }, unit: "Có = 1; Không = 0" });
  });

  it("six columns in another order: 'Kỳ trước' kept out, units and texts from their own columns", () => {
    const { set, report } = learnDocx(
      p("Biểu mẫu 3") + p("Cải cách thủ tục hành chính") +
        tbl([["STT", "Chỉ tiêu", "Số liệu kỳ này", "Kỳ trước", "Đơn vị tính", "Ghi chú"],
          ["3.2.", "Tỷ lệ hồ sơ giải quyết đúng hạn", "96,55", "90", "%", ""],
          ["3.2.1.", "Tổng số hồ sơ đã giải quyết xong", "10099", "9000", "Hồ sơ", ""],
          ["3.2.2.", "Số hồ sơ giải quyết đúng hạn", "9751", "8100", "Hồ sơ", ""]]),
    );
    expect(report.forms[0].extraColumns).toEqual(["Kỳ trước"]);
    expect(form(set, "BM3").rows.map((r) => [r.stt, r.unit, r.kind])).toEqual([["3.2", "%", "percent"], ["3.2.1", "Hồ sơ", "count"], ["3.2.2", "Hồ sơ", "count"]]);
    expect(form(set, "BM3").rules.find((r) => r.type === "rate")).toMatchObject({ target: "3.2", numerator: "3.2.2", denominator: "3.2.1" });
  });

  const firstHalf = tbl([...HEADER, ["1,", "Thống kê TTHC", "", "", ""], ["1.1.", "Số TTHC công bố mới", "Thủ tục", "", ""]]);
  const secondRows: CellSpec[][] = [["1.4.", "Tổng số TTHC của địa phương", "Thủ tục", "", ""], ["1.4.1.", "Số TTHC cấp tỉnh", "Thủ tục", "", ""], ["1.4.2.", "Số TTHC cấp huyện", "Thủ tục", "", ""]];

  it("a table Word split across pages without its header: the second table continues the form", () => {
    const { set } = learnDocx(p("Biểu mẫu 3") + p("Cải cách thủ tục hành chính") + firstHalf + p("") + tbl(secondRows));
    const bm3 = form(set, "BM3");
    expect(bm3.rows.map((r) => r.stt)).toEqual(["1", "1.1", "1.4", "1.4.1", "1.4.2"]);
    expect(bm3.from).toEqual([{ table: 1 }, { table: 2 }]);
    expect(bm3.rows[2].from).toEqual({ table: 2, row: 1 });
    expect(bm3.rules.find((r) => r.id === "BM3.1.4.sum")).toMatchObject({ type: "sum_eq", total: "1.4", parts: ["1.4.1", "1.4.2"] });
  });

  it("… and with its header repeated", () => {
    const { set } = learnDocx(p("Biểu mẫu 3") + p("Cải cách thủ tục hành chính") + firstHalf + tbl([...HEADER, ...secondRows]));
    expect(form(set, "BM3").rows.map((r) => r.stt)).toEqual(["1", "1.1", "1.4", "1.4.1", "1.4.2"]);
    expect(form(set, "BM3").rows[2].from).toEqual({ table: 2, row: 3 });
  });

  it("a label repeated over the continued table ('Biểu mẫu 3 (tiếp theo)'), and 'Biểu số 01/BC-CCHC'", () => {
    const { set } = learnDocx(
      p("Biểu mẫu 3") + p("Cải cách thủ tục hành chính") + firstHalf + p("Biểu mẫu 3 (tiếp theo)") + tbl([...HEADER, ...secondRows]) +
        p("Biểu số 01/BC-CCHC") + p("Công tác chỉ đạo điều hành") + tbl([["TT", "Chỉ tiêu", "ĐVT"], ["1", "Số văn bản", "Văn bản"]]),
    );
    expect(set.forms.map((f) => [f.id, f.title, f.rows.length])).toEqual([["BM3", "Cải cách thủ tục hành chính", 5], ["BM1", "Công tác chỉ đạo điều hành", 1]]);
  });

  it("one sheet never continues another: a second sheet without a label is reported, not joined", () => {
    const sheet = (name: string, rows: string[][]): SheetGrid => ({ sheet: name, cells: rows.map((r) => r.map((v) => (v ? { value: v } : null))) });
    const doc = sheetDocument("tinh.xlsx", [
      sheet("BM1", [["Biểu mẫu 1"], ["Công tác chỉ đạo"], ["STT", "Chỉ tiêu", "Đơn vị tính"], ["1", "Số văn bản", "Văn bản"]]),
      sheet("Ghi chép", [["STT", "Chỉ tiêu", "Đơn vị tính"], ["2", "Số cuộc họp", "Cuộc"]]),
    ]);
    const { set, report } = learnTemplateSet(doc);
    expect(set.forms.map((f) => [f.id, f.rows.length])).toEqual([["BM1", 1]]);
    expect(report.skipped).toEqual([{ place: { table: 2, sheet: "Ghi chép" }, problem: "no_label" }]);
  });

  it("the label and title in the table's first rows, wrapped text, a row that cannot be read reported with its place", () => {
    const { set, report } = learnDocx(
      tbl([[{ text: "Biểu mẫu 5", span: 4 }], [{ text: "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", span: 4 }], ["STT", "Nội dung chỉ tiêu", "ĐVT", "Số liệu"],
        ["(1)", "(2)", "(3)", "(4)"],
        ["1", "Số công chức được tuyển dụng\n\ntheo kế hoạch năm", "Người", ""],
        ["", "(kể cả viên chức)", "", ""],
        ["I.", "Phần khác", "", ""],
        ["2", "Khảo sát", "Chưa = 0 Hoàn thành = 1", ""]]),
    );
    const bm5 = form(set, "BM5");
    expect(bm5.title).toBe("CẢI CÁCH CHẾ ĐỘ CÔNG VỤ");
    expect(bm5.rows[0].text).toBe("Số công chức được tuyển dụng theo kế hoạch năm (kể cả viên chức)");
    expect(bm5.rows[1]).toMatchObject({ stt: "2", kind: "code", coding: { "0": "Chưa", "1": "Hoàn thành" } });
    expect(report.skipped).toEqual([{ place: { table: 1, row: 7 }, problem: "stt_unreadable", text: "I. Phần khác" }]);
  });

  it("a later document makes a new set version; without a number, the file name and the tables' text", () => {
    const body = (n: string) => p(`(Ban hành kèm theo Báo cáo số ${n} ngày 1/7/2025 của Sở Nội vụ)`) + p("Biểu mẫu 1") + tbl([["STT", "Chỉ tiêu", "Đơn vị tính"], ["1", "Số văn bản", "Văn bản"]]);
    expect(learnDocx(body("10/BC-SNV")).set.template_set).toBe("10-BC-SNV-2025-07-01");
    expect(learnDocx(body("25/BC-SNV")).set.template_set).toBe("25-BC-SNV-2025-07-01");
    const bare = p("Biểu mẫu 1") + tbl([["STT", "Chỉ tiêu", "Đơn vị tính"], ["1", "Số văn bản", "Văn bản"]]);
    const a = learnDocx(bare, "mẫu tỉnh.docx").set.template_set;
    expect(a).toMatch(/^MAU-TINH-[0-9A-F]{6}$/);
    expect(learnDocx(bare.replace("Số văn bản", "Số quyết định"), "mẫu tỉnh.docx").set.template_set).not.toBe(a);
  });
});

describe("documents with no form", () => {
  const problem = (body: string) => {
    try {
      learnDocx(body);
    } catch (e) {
      return e instanceof TemplateLearnError ? e.problem : String(e);
    }
    return "learned";
  };
  it("no table, no STT/Chỉ tiêu column, no 'Biểu mẫu N' label", () => {
    expect(problem(p("Báo cáo không có phụ lục"))).toBe("no_table");
    expect(problem(p("Biểu mẫu 1") + tbl([["Tên", "Số"], ["A", "1"]]))).toBe("no_columns");
    expect(problem(tbl([["STT", "Chỉ tiêu", "Đơn vị tính"], ["1", "Số văn bản", "Văn bản"]]))).toBe("no_label");
  });
});
