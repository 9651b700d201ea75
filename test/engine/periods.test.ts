import { builtinTemplateSet } from "../../src/forms";
import {
  accumulatesOver,
  compareWithPrevious,
  parsePeriodCode,
  periodContains,
  periodFromTitle,
  periodOfGrids,
  reportPeriod,
  rowApplies,
  validateForms,
  type Finding,
  type Period,
} from "../../src/engine";
import { renderFinding } from "../../src/i18n/findings";
import { periodWithDates } from "../../src/i18n/periods";
import { fill } from "../support/forms";

const set = builtinTemplateSet();
const only = (findings: Finding[], check: Finding["check"]) => findings.filter((f) => f.check === check);

describe("report periods (Văn bản 581/BNV-CCHC)", () => {
  it.each([
    ["q1", 2026, "2025-12-15", "2026-03-14", "2026-03-20"],
    ["6t", 2024, "2023-12-15", "2024-06-14", "2024-06-20"],
    ["q3", 2025, "2025-06-15", "2025-09-14", "2025-09-20"],
    ["nam", 2025, "2024-12-15", "2025-12-14", "2025-12-20"],
  ] as const)("%s %i: %s – %s, due %s", (kind, year, from, to, due) => {
    expect(reportPeriod(kind, year)).toMatchObject({ kind, year, from, to, due });
  });

  it("writes the header's period with its cut-off dates", () => {
    expect(periodWithDates(reportPeriod("6t", 2024))).toBe("6 tháng đầu năm 2024 (số liệu từ 15/12/2023 đến 14/6/2024)");
    expect(periodWithDates(reportPeriod("q1", 2026))).toBe("Quý I năm 2026 (số liệu từ 15/12/2025 đến 14/3/2026)");
  });

  it("containment: Quý I ⊂ 6 tháng ⊂ Năm; Quý III only within Năm and not cumulative", () => {
    const [q1, h1, q3, y] = (["q1", "6t", "q3", "nam"] as const).map((k) => reportPeriod(k, 2025));
    expect(periodContains(h1, q1) && periodContains(y, h1) && periodContains(y, q1) && periodContains(y, q3)).toBe(true);
    expect(periodContains(h1, q3) || periodContains(q3, h1) || periodContains(q1, h1)).toBe(false);
    expect(accumulatesOver(h1, q1)).toBe(true);
    expect(accumulatesOver(y, h1)).toBe(true);
    expect(accumulatesOver(q3, h1)).toBe(false);
    expect(accumulatesOver(y, q3)).toBe(false);
    expect(accumulatesOver(h1, reportPeriod("q1", 2024))).toBe(false);
  });

  it.each([
    ["q1-2026", { kind: "q1", year: 2026 }],
    ["6t-2024", { kind: "6t", year: 2024 }],
    ["q3-2025", { kind: "q3", year: 2025 }],
    ["nam-2025", { kind: "nam", year: 2025 }],
    ["6m", { kind: "6t" }],
    ["year/2023", { kind: "nam", year: 2023 }],
    ["NĂM-2025", { kind: "nam", year: 2025 }],
    ["q2-2025", { kind: null, year: 2025 }],
  ])("parses --period %s", (text, expected) => {
    expect(parsePeriodCode(text)).toEqual(expected);
  });

  it("rejects what is not a period", () => {
    expect(parsePeriodCode("quy-5")).toBeNull();
    expect(parsePeriodCode("2024-6t")).toBeNull();
  });

  it.each([
    ["Quý I năm 2026", "q1", 2026],
    ["BÁO CÁO CCHC QUÝ III NĂM 2025", "q3", 2025],
    ["6 tháng đầu năm 2024", "6t", 2024],
    ["6 thang dau nam 2024", "6t", 2024],
    ["Kết quả CCHC năm 2025", "nam", 2025],
    ["Kỳ báo cáo: Năm 2025 (số liệu từ 15/12/2024 đến 14/12/2025)", "nam", 2025],
    ["Quy 1/2026", "q1", 2026],
  ])("reads the period from the title %j", (title, kind, year) => {
    expect(periodFromTitle(title)).toMatchObject({ kind, year });
  });

  it("does not take a date or an unofficial period for a report period", () => {
    expect(periodFromTitle("Báo cáo số 12/BC-UBND ngày 14 tháng 6 năm 2024")).toBeNull();
    expect(periodFromTitle("Quý II năm 2025")).toBeNull();
    expect(periodFromTitle("9 tháng năm 2025")).toBeNull();
  });

  it("reads a workbook's period from its header line before any other title", () => {
    const grid = (sheet: string, lines: string[]) => ({ sheet, cells: lines.map((v) => [{ value: v }]) });
    const header = grid("Biểu mẫu 1", ["Biểu mẫu 1", "Báo cáo năm 2023", "Đơn vị báo cáo: Sở Y tế    Kỳ báo cáo: 6 tháng đầu năm 2024 (số liệu từ 15/12/2023 đến 14/6/2024)"]);
    expect(periodOfGrids([header])).toMatchObject({ kind: "6t", year: 2024 });
    expect(periodOfGrids([grid("Sheet1", ["UBND HUYỆN X", "THỐNG KÊ SỐ LIỆU CCHC QUÝ I NĂM 2026"])])).toMatchObject({ kind: "q1", year: 2026 });
    expect(periodOfGrids([grid("Sheet1", ["Không có kỳ"])])).toBeNull();
  });

  it("dates the cấp huyện rows: 2024 applies, 2026 does not, the 2025 periods around 1/7/2025 straddle", () => {
    const row = { applies_until: "2025-06-30" };
    expect(rowApplies(row, reportPeriod("6t", 2024))).toBe("yes");
    expect(rowApplies(row, reportPeriod("q1", 2025))).toBe("yes");
    expect(rowApplies(row, reportPeriod("6t", 2025))).toBe("either");
    expect(rowApplies(row, reportPeriod("q3", 2025))).toBe("either");
    expect(rowApplies(row, reportPeriod("nam", 2025))).toBe("either");
    expect(rowApplies(row, reportPeriod("q1", 2026))).toBe("no");
    expect(rowApplies({ applies_from: "2025-07-01" }, reportPeriod("6t", 2024))).toBe("no");
    expect(rowApplies({ applies_from: "2025-07-01" }, reportPeriod("q1", 2026))).toBe("yes");
  });
});

describe("the 2025 reform in the checks (inferred rows)", () => {
  const q1of2026 = reportPeriod("q1", 2026);
  const h1of2024 = reportPeriod("6t", 2024);
  const bm3 = { "1.4": "1500", "1.4.1": "1000", "1.4.3": "500", "3.1.1": "100", "3.1.2": "90", "3.1": "90", "3.2.1": "40" };

  it("a Quý I 2026 workbook with a value in BM3 3.2.1 gets the reform warning, saying why", () => {
    const r = validateForms(set, [fill("BM3", bm3)], { period: q1of2026 });
    const [w] = only(r.findings, "reform.value_after");
    expect(w).toMatchObject({ rule: "BM3.3.2.1.reform", severity: "warning", stt: "3.2.1", inferred: true });
    expect(renderFinding(w)).toBe(
      "Kỳ Quý I năm 2026 bắt đầu sau 30/6/2025, khi không còn cấp huyện (chính quyền địa phương hai cấp): chỉ tiêu này nên để trống, hoặc ghi chú số liệu này là gì (quy tắc suy luận, chưa có văn bản chính thức)",
    );
    expect(only(r.findings, "reform.value_after").map((f) => f.stt)).toEqual(["3.2.1"]);
  });

  it("the same values in a 6 tháng 2024 workbook get no reform finding", () => {
    const r = validateForms(set, [fill("BM3", bm3)], { period: h1of2024 });
    expect(r.findings.filter((f) => f.check.startsWith("reform."))).toEqual([]);
    expect(only(r.findings, "value.blank").map((f) => f.stt)).toContain("1.4.2");
  });

  it("after the reform a blank cấp huyện row is right and sums do not demand it", () => {
    const r = validateForms(set, [fill("BM3", { ...bm3, "3.2.1": "" , "1.4": "1600" })], { period: q1of2026 });
    const blank = only(r.findings, "reform.rightly_blank");
    expect(blank.map((f) => f.stt)).toEqual(["1.4.2", "3.2", "3.2.1", "3.2.2"]);
    expect(renderFinding(blank[0])).toMatch(/^Để trống là đúng: không còn cấp huyện từ 01\/7\/2025/);
    expect(only(r.findings, "value.blank").map((f) => f.stt)).not.toContain("1.4.2");
    // 1.4 = 1.4.1 + 1.4.3 is still checked without 1.4.2: 1600 ≠ 1500.
    expect(only(r.findings, "sum.mismatch")).toHaveLength(1);
    expect(r.evaluations.find((e) => e.rule === "BM3.1.4.sum")!.status).toBe("fail");
  });

  it("a period straddling 1/7/2025 accepts a value or a blank", () => {
    const nam2025 = reportPeriod("nam", 2025);
    const withValue = validateForms(set, [fill("BM3", bm3)], { period: nam2025 });
    expect(only(withValue.findings, "reform.value_after")).toEqual([]);
    const blank = only(withValue.findings, "reform.rightly_blank").find((f) => f.stt === "1.4.2")!;
    expect(renderFinding(blank)).toContain("nhập hay để trống đều được");
    expect(withValue.evaluations.find((e) => e.rule === "BM3.1.4.sum")!.status).toBe("pass");
  });

  it("BM7 2's coding is said to predate the reform once the period reaches it", () => {
    const after = validateForms(set, [fill("BM7", { "2": "1" })], { period: q1of2026 });
    expect(only(after.findings, "reform.coding_predates")).toHaveLength(1);
    expect(renderFinding(only(after.findings, "reform.coding_predates")[0])).toContain("có từ trước 01/7/2025");
    const before = validateForms(set, [fill("BM7", { "2": "1" })], { period: h1of2024 });
    expect(only(before.findings, "reform.coding_predates")).toEqual([]);
  });

  it("without a period nothing changes", () => {
    const r = validateForms(set, [fill("BM3", bm3)]);
    expect(r.findings.filter((f) => f.check.startsWith("reform."))).toEqual([]);
  });
});

describe("comparison with the previous report", () => {
  const values = (period: Period, bm1: Record<string, string>) => {
    const r = validateForms(set, [fill("BM1", bm1)], { values: true, period });
    return { period, values: r.values!, file: `${period.kind}.xlsx` };
  };
  const q1 = values(reportPeriod("q1", 2025), { "1": "12", "2.1": "40", "7": "1" });
  const h1 = values(reportPeriod("6t", 2025), { "1": "9", "2.1": "500", "7": "0" });

  it("a 6 tháng report whose BM1 1 is smaller than its Quý I: warning with both figures and periods", () => {
    const findings = compareWithPrevious(set, h1, q1);
    const [w] = only(findings, "period.accumulation_decreased");
    expect(w).toMatchObject({ rule: "period.BM1.1.accumulates", severity: "warning", stt: "1", inferred: true });
    expect(renderFinding(w)).toBe(
      "Số liệu cộng dồn từ 15/12/2024: kỳ 6 tháng đầu năm 2025 ghi 9, nhỏ hơn 12 của kỳ Quý I năm 2025 (tệp q1.xlsx), dù kỳ này bao gồm kỳ trước (quy tắc suy luận, chưa có văn bản chính thức)",
    );
    // State rows: 40 → 500 is more than ×10 (information); code 1 → 0 goes back (information).
    expect(only(findings, "period.state_jump").map((f) => [f.stt, f.severity])).toEqual([["2.1", "info"]]);
    expect(only(findings, "period.code_back").map((f) => [f.stt, f.severity])).toEqual([["7", "info"]]);
  });

  it("a Quý III report smaller than its 6 tháng gets no accumulation warning (Quý III is not cumulative)", () => {
    const q3 = values(reportPeriod("q3", 2025), { "1": "3" });
    const findings = compareWithPrevious(set, q3, h1);
    expect(only(findings, "period.accumulation_decreased")).toEqual([]);
    expect(only(findings, "period.not_comparable")).toHaveLength(1);
  });

  it("BM7 2 going from 3 cấp to 2 cấp across the reform is not called a step back; before it, it is", () => {
    const bm7 = (period: Period, code: string) => {
      const r = validateForms(set, [fill("BM7", { "2": code })], { values: true, period });
      return { period, values: r.values!, file: "x.xlsx" };
    };
    const back = (cur: Period, prev: Period) => only(compareWithPrevious(set, bm7(cur, "1"), bm7(prev, "2")), "period.code_back");
    expect(back(reportPeriod("nam", 2025), reportPeriod("6t", 2025))).toEqual([]);
    expect(back(reportPeriod("nam", 2024), reportPeriod("6t", 2024)).map((f) => f.params.previousMeaning)).toEqual(["3 cấp"]);
  });

  it("a larger running total is fine", () => {
    const h1Up = values(reportPeriod("6t", 2025), { "1": "15" });
    expect(only(compareWithPrevious(set, h1Up, q1), "period.accumulation_decreased")).toEqual([]);
  });
});

describe("dated and accumulating rows in an office's template set", () => {
  it("rejects a row that applies from after it stops applying, and a rate marked as accumulating", async () => {
    const { parseTemplateSet } = await import("../../src/forms/load");
    const copy = JSON.parse(JSON.stringify(set));
    copy.forms[0].rows[0].applies_from = "2026-01-01";
    copy.forms[0].rows[0].applies_until = "2025-06-30";
    copy.forms[0].rows[1].accumulates = true;
    expect(() => parseTemplateSet(copy)).toThrow(/applies_from: ngày bắt đầu áp dụng 2026-01-01 sau ngày hết áp dụng 2025-06-30/);
    expect(() => parseTemplateSet(copy)).toThrow(/rows\[1\]\.accumulates: chỉ số đếm/);
    copy.forms[0].rows[0].applies_until = "30/6/2025";
    expect(() => parseTemplateSet(copy)).toThrow(/applies_until: ngày phải có dạng NĂM-THÁNG-NGÀY/);
  });
});
