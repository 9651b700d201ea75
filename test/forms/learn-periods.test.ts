/**
 * The learner's report-period proposals (src/forms/learn/periods.ts): the real report imports with `accumulates`,
 * `applies_until` and `coding_until` on the rows the built-in set marks; a document dated after 30/6/2025 keeps its
 * cấp huyện rows as printed and the review says so; state rows and rates are not proposed; the reviewer drops a
 * proposal by its id.
 */
import { readFileSync } from "fs";
import { readDocx } from "../../src/io/docx-read";
import { learnTemplateSet, proposalId, reportOf, withoutRules } from "../../src/forms/learn";
import { accumulatesBecause, namesDistrict } from "../../src/forms/learn/periods";
import { builtinTemplateSet, parseTemplateSet } from "../../src/forms/load";
import type { FormRow, TemplateSet } from "../../src/forms/schema";
import { DISTRICT_LEVEL_UNTIL } from "../../src/engine/periods";
import { formatTemplateReview, reviewModel } from "../../src/i18n/learn";
import { buildDocx, p, tbl } from "../support/docx";
import { SAMPLE_DOCX } from "../support/sample";

const marked = (set: TemplateSet, has: (r: FormRow) => unknown) => set.forms.flatMap((f) => f.rows.filter((r) => has(r)).map((r) => `${f.id} ${r.stt}`));

describe("the real report (quang-tri-2024-6t.docx, 14/6/2024)", () => {
  const { set, report } = learnTemplateSet(readDocx(new Uint8Array(readFileSync(SAMPLE_DOCX)), "quang-tri-2024-6t.docx"));
  const builtin = builtinTemplateSet();

  it("proposes accumulates on the rows the built-in set marks, and on no other", () => {
    const learned = marked(set, (r) => r.accumulates);
    // The built-in marks were made by hand from the same texts; the learner reads them from words alone and agrees on
    // every row (26 of 26), including the state rows it leaves out: "Số nhiệm vụ đề ra trong kế hoạch", "… quá hạn
    // nhưng chưa hoàn thành", "Tổng số TTHC thuộc thẩm quyền", "Số TTHC đã thực hiện tiếp nhận … không phụ thuộc địa
    // giới", the DVC counts and "Số TTHC đã được tích hợp …".
    expect(learned).toEqual(marked(builtin, (r) => r.accumulates));
    expect(learned).toHaveLength(26);
    for (const f of set.forms)
      for (const r of f.rows.filter((x) => x.accumulates)) {
        expect(r.accumulates_source).toBe("inferred");
        expect(r.accumulates_remark).toMatch(/^Suy luận từ văn bản: chỉ tiêu đếm việc phát sinh trong kỳ/);
      }
  });

  it("dates the cấp huyện rows (and the rows under them) as the built-in set does, with the periods module's date", () => {
    expect(marked(set, (r) => r.applies_until)).toEqual(marked(builtin, (r) => r.applies_until));
    expect(marked(set, (r) => r.applies_until)).toEqual(
      ["BM1 3.2", "BM3 1.4.2", "BM3 3.2", "BM3 3.2.1", "BM3 3.2.2", "BM7 5.1.2", "BM7 5.1.3", "BM7 5.2.2", "BM7 5.3.2"],
    );
    for (const f of set.forms)
      for (const r of f.rows.filter((x) => x.applies_until)) {
        expect(r).toMatchObject({ applies_until: DISTRICT_LEVEL_UNTIL, applies_source: "inferred" });
        expect(r.applies_remark).toContain("cấp huyện không còn từ 1/7/2025");
      }
    expect(set.forms[1].rows.find((r) => r.stt === "3.2.1")!.applies_remark).toContain("thuộc chỉ tiêu 3.2 nêu cấp huyện");
    // BM7 2's codes ("2 cấp / 3 cấp") predate the reform; the row itself still applies.
    expect(marked(set, (r) => r.coding_until)).toEqual(marked(builtin, (r) => r.coding_until));
    const bm72 = set.forms[2].rows.find((r) => r.stt === "2")!;
    expect(bm72).toMatchObject({ coding_until: DISTRICT_LEVEL_UNTIL, applies_source: "inferred" });
    expect(bm72.applies_until).toBeUndefined();
  });

  it("the review lists the proposals in their own section, marked suy luận, the same when shown again from the file", () => {
    const lines = formatTemplateReview(set, report, "vi");
    // BM1: 11 rows accumulate, and 3.2 (which also accumulates) is dated.
    expect(reviewModel(set, report, "vi").forms[0].proposalsHeading).toBe("12 đề xuất về kỳ báo cáo (suy luận, không phải quy định chính thức; hãy xem lại):");
    expect(lines).toContain("  12 đề xuất về kỳ báo cáo (suy luận, không phải quy định chính thức; hãy xem lại):");
    expect(lines).toContain("    * 3.2.1: chỉ áp dụng đến 30/6/2025 — chỉ tiêu nêu cấp huyện (suy luận) [BM3.3.2.1.until]");
    expect(lines).toContain("    * 3.2.1: cộng dồn từ 15/12 năm trước — báo cáo sau trong cùng năm không nhỏ hơn báo cáo trước (suy luận) [BM3.3.2.1.accumulates]");
    expect(lines).toContain("    * 2: mã hóa có từ trước 30/6/2025 — mã nêu các cấp chính quyền (suy luận) [BM7.2.coding]");
    expect(report.proposals).toHaveLength(26 + 9 + 1);
    const again = parseTemplateSet(JSON.parse(JSON.stringify(set)));
    expect(formatTemplateReview(again, reportOf(again), "vi")).toEqual(lines);
    expect(formatTemplateReview(set, report, "en")).toContain("    * 3.2.1: applies until 30/6/2025 only — the row names cấp huyện (inferred) [BM3.3.2.1.until]");
  });

  it("a reviewer drops a proposal by its id: the row loses only that field", () => {
    const kept = withoutRules(set, new Set([proposalId("BM3", "3.2.1", "until"), proposalId("BM1", "1", "accumulates"), proposalId("BM7", "2", "coding")]));
    const row = (s: TemplateSet, f: number, stt: string) => s.forms[f].rows.find((r) => r.stt === stt)!;
    expect(row(kept, 1, "3.2.1")).toMatchObject({ accumulates: true });
    expect(row(kept, 1, "3.2.1").applies_until).toBeUndefined();
    expect(row(kept, 1, "3.2.1").applies_remark).toBeUndefined();
    expect(row(kept, 0, "1").accumulates).toBeUndefined();
    expect(row(kept, 2, "2").coding_until).toBeUndefined();
    expect(row(kept, 1, "3.2.2").applies_until).toBe(DISTRICT_LEVEL_UNTIL);
    expect(reportOf(kept).proposals).toHaveLength(36 - 3);
  });
});

describe("a document dated after the reform", () => {
  const body = (date: string) =>
    p(`(Ban hành kèm theo Báo cáo số 12/BC-SNV ngày ${date} của Sở Nội vụ)`) + p("Biểu mẫu 3") + p("Cải cách thủ tục hành chính") +
    tbl([["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"],
      ["1.", "Số TTHC cấp huyện", "Thủ tục", "", ""],
      ["2.", "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận được giải quyết đúng hạn", "%", "", ""],
      ["2.1.", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", "", ""],
      ["2.2.", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", "", ""],
      ["3.", "Liên thông (Chưa có = 0; 2 cấp = 1; 3 cấp = 2)", "", "", ""]]);
  const learn = (date: string) => learnTemplateSet(readDocx(buildDocx(body(date)), "mau-2025.docx"));

  it("15/8/2025: no applies_until nor coding_until; accumulates still proposed; the review says the rows are kept as printed", () => {
    const { set, report } = learn("15/8/2025");
    expect(marked(set, (r) => r.applies_until || r.coding_until)).toEqual([]);
    expect(marked(set, (r) => r.accumulates)).toEqual(["BM3 2.1", "BM3 2.2"]);
    expect(report.keptAsPrinted).toEqual({ docDate: "15/8/2025", rows: ["1", "2", "2.1", "2.2"].map((stt) => ({ formId: "BM3", stt })) });
    const lines = formatTemplateReview(set, report, "vi");
    expect(lines).toContain(
      "Văn bản ngày 15/8/2025, sau 30/6/2025: coi là biểu mẫu tỉnh đã sửa sau cải cách; các chỉ tiêu nêu cấp huyện (BM3 1, BM3 2, BM3 2.1, BM3 2.2) giữ như văn bản in, không đề xuất ngày áp dụng.",
    );
  });

  it("the same forms dated 30/6/2025 get the dates (the reform's last day is still before it)", () => {
    const { set, report } = learn("30/6/2025");
    expect(marked(set, (r) => r.applies_until)).toEqual(["BM3 1", "BM3 2", "BM3 2.1", "BM3 2.2"]);
    expect(marked(set, (r) => r.coding_until)).toEqual(["BM3 3"]);
    expect(report.keptAsPrinted).toBeUndefined();
  });
});

describe("the word lists", () => {
  const acc = (text: string, unit = "Văn bản", kind: FormRow["kind"] = "count") => accumulatesBecause({ text, unit, kind }) !== null;
  it("counts of things done in the period accumulate", () => {
    expect(acc("Số cuộc kiểm tra CCHC", "Cuộc")).toBe(true);
    expect(acc("Số lượt truy cập Cổng DVC", "Lượt")).toBe(true);
    expect(acc("Số PAKN đã tiếp nhận", "PAKN")).toBe(true);
    expect(acc("Số văn bản QPPL đã ban hành")).toBe(true);
    expect(acc("So ho so da giai quyet", "Ho so")).toBe(true);
  });
  it("states, pending counts, rates and codes do not", () => {
    expect(acc("Số hồ sơ đang giải quyết", "Hồ sơ")).toBe(false);
    expect(acc("Số hồ sơ chưa giải quyết", "Hồ sơ")).toBe(false);
    expect(acc("Tổng số TTHC thuộc thẩm quyền giải quyết", "Thủ tục")).toBe(false);
    expect(acc("Số DVC đủ điều kiện", "DVC")).toBe(false);
    expect(acc("Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "percent")).toBe(false);
    expect(acc("Số hồ sơ giải quyết (Có = 1; Không = 0)", "", "code")).toBe(false);
    expect(acc("Số công chức hiện có", "Người")).toBe(false);
  });
  it("cấp huyện is named with or without diacritics, and not by a word that merely contains it", () => {
    expect(namesDistrict("Tỷ lệ UBND cấp xã kết nối với UBND huyện.")).toBe(true);
    expect(namesDistrict("Ty le UBND cap huyen")).toBe(true);
    expect(namesDistrict("Số TTHC cấp tỉnh")).toBe(false);
    expect(namesDistrict("So co quan duoc kiem tra")).toBe(false);
    expect(namesDistrict("Số UBND cấp quận đã kiểm tra")).toBe(true);
  });
});
