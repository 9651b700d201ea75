import { builtinTemplateSet } from "../../src/forms";
import { checkWorkbook, type Finding } from "../../src/engine";
import { renderFinding } from "../../src/i18n/findings";
import { sampleAsPlainSheet, sampleInLayout } from "../support/sample";

const set = builtinTemplateSet();
const key = (f: Finding) => `${f.severity} ${f.form} ${f.stt} ${f.check}`;

describe.each([
  ["inserted sheets, vi-VN Excel", () => sampleInLayout(set, "vi-VN")],
  ["a plain hand-typed sheet, vi-VN Excel", () => [sampleAsPlainSheet("vi-VN")]],
])("the Quảng Trị 2024 appendix in %s", (_name, grids) => {
  const { recognition, result } = checkWorkbook(set, grids());
  const errors = result.findings.filter((f) => f.severity === "error");
  const warnings = result.findings.filter((f) => f.severity === "warning");

  it("recognises forms 1, 3 and 7 with every row", () => {
    expect(recognition.forms.map((f) => [f.formId, f.matched, f.total])).toEqual([
      ["BM1", 22, 22], ["BM3", 25, 25], ["BM7", 33, 33],
    ]);
  });

  it("reports exactly one error: BM3 3.2 = 98,57% should be 96,55%", () => {
    expect(errors.map(key)).toEqual(["error BM3 3.2 rate.mismatch"]);
    expect(errors[0].expected).toBe("96.55");
    expect(errors[0].value).toMatch(/98,57/);
    expect(renderFinding(errors[0])).toBe("Tỷ lệ 98,57% không khớp với 9.751 / 10.099 × 100 = 96,55%");
  });

  it("warns about the six counts typed with a thousands comma, and reads them as thousands", () => {
    expect(warnings.map(key).sort()).toEqual(
      ["3.1.1", "3.1.2", "3.2.1", "3.2.2", "3.3.1", "3.3.2"].map((s) => `warning BM3 ${s} count.thousands_separator`).sort(),
    );
    const w311 = warnings.find((f) => f.stt === "3.1.1")!;
    expect(w311.expected).toBe("52414");
    expect(renderFinding(w311)).toContain("đọc là 52.414");
    // 3.1 = 99,69% confirms the reading of 3.1.1 and 3.1.2
    expect(w311.params.confirmedBy).toBe("3.1");
  });

  it("says the template notes as information", () => {
    const info = result.findings.filter((f) => f.severity === "info").map(key);
    expect(info).toEqual(expect.arrayContaining([
      "info BM1 4.1 unit.template_typo",
      "info BM7 1 value.blank_with_reason",
      "info BM7 4 value.blank_with_reason",
      "info BM1 6.1 when.rightly_blank",
      "info BM1 6.2 when.rightly_blank",
    ]));
  });

  it("passes the checks the expected file lists", () => {
    const status = (rule: string) => result.evaluations.find((e) => e.rule === rule)?.status;
    for (const rule of [
      "BM1.2.rate", "BM1.5.2+5.3+5.4.le.5.1", "BM3.1.4.sum", "BM3.3.1.rate", "BM3.3.3.rate", "BM3.3.4.rate",
      "BM7.6.1.rate", "BM7.6.2.rate", "BM7.6.3.rate", "BM7.6.4.rate", "BM7.6.5.rate",
      "X.BM7.6.1.1.le.BM3.1.4", "X.BM7.6.5.1.le.BM3.1.4",
    ]) expect([rule, status(rule)]).toEqual([rule, "pass"]);
    expect(status("BM3.3.2.rate")).toBe("fail");
  });

  it("computes the rates from their parts", () => {
    const rate = (form: string, stt: string) => result.computed.find((c) => c.form === form && c.stt === stt)?.value;
    expect(rate("BM1", "2")).toBe("55.17");
    expect(rate("BM3", "3.2")).toBe("96.55");
    expect(rate("BM7", "6.4")).toBe("62.50");
  });
});
