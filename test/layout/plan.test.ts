import { builtinTemplateSet, parseTemplateSetText } from "../../src/forms";
import { planSheet, planSheets, parseTagName, tagNameFor } from "../../src/layout/plan";
import { readFileSync } from "fs";
import { join } from "path";

const set = builtinTemplateSet();
const form = (id: string) => set.forms.find((f) => f.id === id)!;

describe("sheet layout plan", () => {
  const bm3 = planSheet(set, form("BM3"), { unit: "Văn phòng UBND tỉnh Quảng Trị", reportNumber: "1125/BC-VP", reportDate: "14/6/2024", period: "6m", year: 2024 });
  const at = (addr: string) => bm3.cells.find((c) => c.address === addr);

  it("lays out the label, title, caption and the five-column header with merged cells", () => {
    expect(at("A1")!.value).toBe("Biểu mẫu 3");
    expect(at("A2")!.value).toBe("THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH");
    expect(at("A3")!.value).toBe("CẢI CÁCH THỦ TỤC HÀNH CHÍNH");
    expect(at("A4")!.value).toBe("(Ban hành kèm theo Báo cáo số 1125/BC-VP ngày 14/6/2024 của Văn phòng UBND tỉnh Quảng Trị)");
    expect(at("A5")!.value).toContain("Kỳ báo cáo: 6 tháng đầu năm 2024");
    expect(at("C7")!.value).toBe("Kết quả thống kê");
    expect([at("C8")!.value, at("D8")!.value]).toEqual(["Đơn vị tính", "Số liệu"]);
    expect(bm3.merges).toEqual(expect.arrayContaining(["A7:A8", "B7:B8", "C7:D7", "E7:E8", "A2:E2"]));
  });

  it("places every row by STT, with rate formulas over their numerator and denominator cells", () => {
    expect(bm3.firstDataRow).toBe(8);
    expect(bm3.rowOfStt["3.2"]).toBe(8 + 16);
    const rate = at(`D${bm3.rowOfStt["3.2"] + 1}`)!;
    expect(rate.style).toBe("computed");
    expect(rate.formula).toBe(`=IF(OR(D${bm3.rowOfStt["3.2.1"] + 1}="",D${bm3.rowOfStt["3.2.1"] + 1}=0),"",IFERROR(ROUND(D${bm3.rowOfStt["3.2.2"] + 1}/D${bm3.rowOfStt["3.2.1"] + 1}*100,2),""))`);
    expect(bm3.cells.filter((c) => c.formula).length).toBe(4);
    expect(bm3.tableRange).toBe(`A7:E${bm3.lastDataRow + 1}`);
  });

  it("types input cells with data validation: counts, codes with meanings, percentages", () => {
    const bm1 = planSheet(set, form("BM1"));
    const v = (stt: string) => bm1.validations.find((x) => x.address === `D${bm1.rowOfStt[stt] + 1}`);
    expect(v("1")).toMatchObject({ type: "whole", min: 0 });
    expect(v("6")).toMatchObject({ type: "list", list: ["0", "1"], prompt: "0 = Không; 1 = Có" });
    expect(v("4.2")).toMatchObject({ type: "decimal", min: 0, max: 100 });
    expect(v("2")).toBeUndefined(); // a rate: computed, not typed
    expect(bm1.styles.input.locked).toBe(false);
    expect(bm1.styles.computed.locked).toBe(true);
    // BM1 4.1 shows the unit as printed (the template's typo) while validating as a count
    expect(bm1.cells.find((c) => c.address === `C${bm1.rowOfStt["4.1"] + 1}`)!.value).toBe("%");
    expect(v("4.1")).toMatchObject({ type: "whole" });
  });

  it("tags the table so it is found again, and reads the tag back", () => {
    expect(bm3.tagName).toBe("BieuMau_BM3_CCHC_PL_2022");
    expect(parseTagName(tagNameFor("BM3", set.template_set, 2), set)).toEqual({ formId: "BM3", templateSet: "CCHC_PL_2022", sameSet: true });
    expect(parseTagName(tagNameFor("BM3", set.template_set), set)).toEqual({ formId: "BM3", templateSet: "CCHC_PL_2022", sameSet: true });
    expect(parseTagName("BieuMau_BM3_QN_2025", set)).toEqual({ formId: "BM3", templateSet: "QN_2025", sameSet: false });
    expect(parseTagName("Print_Area", set)).toBeNull();
  });

  it("never overwrites: a form already in the workbook gets a second copy with a clear name", () => {
    const plans = planSheets(set, ["BM1", "BM3"], {}, { sheetNames: ["Biểu mẫu 1"], names: [] });
    expect(plans.map((p) => [p.sheetName, p.tagName])).toEqual([
      ["Biểu mẫu 1 (2)", "BieuMau_BM1_CCHC_PL_2022__2"],
      ["Biểu mẫu 3", "BieuMau_BM3_CCHC_PL_2022"],
    ]);
  });

  it("marks inferred rows and rules with a footnote naming the source", () => {
    const bm7 = planSheet(set, form("BM7"));
    const foot = bm7.cells.find((c) => c.style === "footnote")!;
    expect(foot.value).toContain("suy luận");
    const loaded = parseTemplateSetText(readFileSync(join(__dirname, "..", "fixtures", "template-sets", "ok.province-bm2.json"), "utf8"));
    const bm2 = planSheet(loaded, loaded.forms[0], {}, { loadedSet: true });
    expect(bm2.cells.find((c) => c.address === `B${bm2.rowOfStt["2"] + 1}`)!.value).toMatch(/\*$/);
    expect(bm2.cells.find((c) => c.style === "meta")!.value).toContain("QN-2025 (do đơn vị nạp)");
    expect(bm2.inferredStts).toEqual(["2"]);
  });

  it("report copies: Times New Roman 13, no shading, no validation, A4 print area", () => {
    const report = planSheet(set, form("BM3"), {}, { variant: "report" });
    expect(report.sheetName).toBe("Biểu mẫu 3 - bản in");
    expect(report.tagName).toBeUndefined();
    expect(report.validations).toEqual([]);
    expect(Object.values(report.styles).every((s) => s.fill === undefined)).toBe(true);
    expect(report.styles.text.font).toMatchObject({ name: "Times New Roman", size: 13 });
    expect(report.page).toMatchObject({ paper: "A4", orientation: "portrait", fitToWidth: 1 });
    // BM3's cấp huyện rows are dated (†): their footnote, one blank line below the table, is printed too.
    expect(report.printArea).toBe(`A1:E${report.lastDataRow + 3}`);
    expect(report.cells.find((c) => c.row === report.lastDataRow + 2)!.value).toMatch(/^\(†\) Chỉ tiêu về cấp huyện, áp dụng đến 30\/6\/2025: từ 01\/7\/2025 không còn cấp huyện/);
  });
});

describe("tags in a loaded set with overlapping ids", () => {
  it("reads BM1_A as BM1_A, not BM1", () => {
    const loaded = { ...set, forms: [...set.forms, { ...set.forms[0], id: "BM1_A" }] };
    expect(parseTagName(tagNameFor("BM1_A", "X-1"), loaded)).toMatchObject({ formId: "BM1_A", templateSet: "X_1" });
    expect(parseTagName(tagNameFor("BM1", "X-1"), loaded)).toMatchObject({ formId: "BM1", templateSet: "X_1" });
  });
});
