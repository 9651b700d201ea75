import { builtinTemplateSet } from "../../src/forms";
import { validateForms, type Finding } from "../../src/engine";
import { renderFinding } from "../../src/i18n/findings";
import { fill } from "../support/forms";

const set = builtinTemplateSet();
const run = (...forms: ReturnType<typeof fill>[]) => validateForms(set, forms);
const only = (findings: Finding[], check: Finding["check"]) => findings.filter((f) => f.check === check);
const status = (r: ReturnType<typeof run>, rule: string) => r.evaluations.find((e) => e.rule === rule)?.status;

describe("rate rule", () => {
  it.each([
    ["16", "29", "55,17", "55.17"],
    ["201", "20000", "1,01", "1.01"],
    ["2675", "100000", "2,68", "2.68"],
    ["1", "32", "3,13", "3.13"],
    ["1", "32", "3,12", "3.13"],
    ["77", "77", "100", "100.00"],
    ["9751", "10099", "96,55", "96.55"],
  ])("happy path: %s / %s → %s passes", (n, d, reported, expected) => {
    const r = run(fill("BM1", { "2.1": d, "2.2": n, "2": reported }));
    expect(status(r, "BM1.2.rate")).toBe("pass");
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(r.computed.find((c) => c.stt === "2")!.value).toBe(expected);
  });

  it("says 'tie' as information when the exact value lies half-way (1/32 = 3,125)", () => {
    for (const reported of ["3,13", "3,12"]) {
      const tie = only(run(fill("BM1", { "2.1": "32", "2.2": "1", "2": reported })).findings, "rate.tie");
      expect(tie).toHaveLength(1);
      expect(tie[0].severity).toBe("info");
      expect(renderFinding(tie[0])).toContain("3,125");
    }
  });

  it("given a wrong rate: error with the expected value (98,57 vs 96,55)", () => {
    const r = run(fill("BM3", { "3.2.1": "10.099", "3.2.2": "9.751", "3.2": "98,57%" }));
    const [f] = only(r.findings, "rate.mismatch");
    expect(f).toMatchObject({ rule: "BM3.3.2.rate", severity: "error", stt: "3.2", cell: expect.stringMatching(/^D\d+$/), expected: "96.55" });
    expect(renderFinding(f)).toBe("Tỷ lệ 98,57% không khớp với 9.751 / 10.099 × 100 = 96,55%");
    expect(renderFinding(f, "en")).toBe("Rate 98.57% does not match 9,751 / 10,099 × 100 = 96.55%");
  });

  it("decides 201/20000 and 2675/100000 exactly, where floats drift (1,005 and 2,675 are ties)", () => {
    expect(status(run(fill("BM1", { "2.1": "20000", "2.2": "201", "2": "1,00" })), "BM1.2.rate")).toBe("pass"); // 1,005 is a tie: both 1,00 and 1,01 lie on its interval
    expect(status(run(fill("BM1", { "2.1": "20000", "2.2": "201", "2": "0,99" })), "BM1.2.rate")).toBe("fail");
    expect(status(run(fill("BM1", { "2.1": "100000", "2.2": "2675", "2": "2,66" })), "BM1.2.rate")).toBe("fail");
  });

  it("denominator 0: 'không phát sinh', no error and no division", () => {
    const r = run(fill("BM1", { "2.1": "0", "2.2": "0", "2": "100" }));
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(only(r.findings, "rate.no_denominator")).toHaveLength(1);
    expect(renderFinding(only(r.findings, "rate.no_denominator")[0])).toContain("Không phát sinh");
    expect(r.computed.find((c) => c.stt === "2")!.value).toBeNull();
  });

  it("accepts a rate with more decimals when it is inside its own rounding interval", () => {
    expect(status(run(fill("BM1", { "2.1": "29", "2.2": "16", "2": "55,1724" })), "BM1.2.rate")).toBe("pass");
    expect(status(run(fill("BM1", { "2.1": "29", "2.2": "16", "2": "55,1730" })), "BM1.2.rate")).toBe("fail");
  });

  it("a rate written as a fraction (0,5517 in a General cell) is an error that says so", () => {
    const r = run(fill("BM1", { "2.1": "29", "2.2": "16", "2": "0,5517" }));
    const [f] = only(r.findings, "percent.fraction");
    expect(f).toMatchObject({ severity: "error", expected: "55.17" });
    expect(renderFinding(f)).toContain("đọc là 55,17%");
    expect(r.findings.filter((x) => x.severity === "error")).toEqual([f]);
  });

  it("errors propagation: a text numerator gives one finding on that cell and no rate verdict", () => {
    const r = run(fill("BM1", { "2.1": "29", "2.2": "mười sáu", "2": "55,17" }));
    expect(r.findings.filter((f) => f.severity === "error").map((f) => [f.stt, f.check])).toEqual([["2.2", "cell.not_a_number"]]);
    expect(status(r, "BM1.2.rate")).toBe("not_applicable");
  });
});

describe("sum rules", () => {
  it("happy path: 1.4 = 1.4.1 + 1.4.2 + 1.4.3", () => {
    expect(status(run(fill("BM3", { "1.4": "1877", "1.4.1": "1465", "1.4.2": "261", "1.4.3": "151" })), "BM3.1.4.sum")).toBe("pass");
  });
  it("given a wrong total: error with the sum as expected value", () => {
    const r = run(fill("BM3", { "1.4": "1878", "1.4.1": "1465", "1.4.2": "261", "1.4.3": "151" }));
    expect(only(r.findings, "sum.mismatch")[0]).toMatchObject({ stt: "1.4", expected: "1877", severity: "error" });
  });
  it("a part may not exceed its whole: 5.2 + 5.3 + 5.4 ≤ 5.1", () => {
    expect(status(run(fill("BM1", { "5.1": "97", "5.2": "58", "5.3": "0", "5.4": "0" })), "BM1.5.2+5.3+5.4.le.5.1")).toBe("pass");
    const r = run(fill("BM1", { "5.1": "50", "5.2": "40", "5.3": "8", "5.4": "3" }));
    const [f] = only(r.findings, "le.exceeded");
    expect(f.severity).toBe("error");
    expect(renderFinding(f)).toContain("5.2 + 5.3 + 5.4 = 51 lớn hơn 5.1 = 50");
  });
  it("2.2 ≤ 2.1", () => {
    expect(only(run(fill("BM1", { "2.1": "10", "2.2": "11" })).findings, "le.exceeded")).toHaveLength(1);
  });
});

describe("precondition rules", () => {
  it("BM1 6 = 0 ⇒ 6.1 and 6.2 blank: rightly blank is information", () => {
    const r = run(fill("BM1", { "6": "0" }));
    expect(only(r.findings, "when.rightly_blank").map((f) => f.stt)).toEqual(["6.1", "6.2"]);
    expect(only(r.findings, "value.blank").map((f) => f.stt)).not.toContain("6.1");
  });
  it("BM1 6 = 0 with 6.1 filled: warning", () => {
    const r = run(fill("BM1", { "6": "0", "6.1": "300" }));
    expect(only(r.findings, "when.should_be_blank")).toMatchObject([{ stt: "6.1", severity: "warning" }]);
  });
  it("BM1 6 = 1 needs 6.1 and 6.2", () => {
    const r = run(fill("BM1", { "6": "1", "6.1": "300" }));
    expect(only(r.findings, "when.should_be_filled").map((f) => f.stt)).toEqual(["6.2"]);
  });
});

describe("between_parts (inferred)", () => {
  it("5.2 outside the range of 5.2.1–5.2.3 is a warning marked inferred", () => {
    const r = run(fill("BM7", { "5.2": "99", "5.2.1": "100%", "5.2.2": "100%", "5.2.3": "100%" }));
    const [f] = only(r.findings, "between.outside");
    expect(f).toMatchObject({ severity: "warning", inferred: true });
    expect(renderFinding(f)).toContain("suy luận");
  });
});

describe("cross-form rules", () => {
  it("BM7 6.1.1 ≤ BM3 1.4 across forms", () => {
    const ok = run(fill("BM3", { "1.4": "1877" }), fill("BM7", { "6.1.1": "1.081", "6.5.1": "541" }));
    expect(status(ok, "X.BM7.6.1.1.le.BM3.1.4")).toBe("pass");
    const bad = run(fill("BM3", { "1.4": "500" }), fill("BM7", { "6.1.1": "1.081" }));
    const [f] = only(bad.findings, "le.exceeded");
    expect(f).toMatchObject({ rule: "X.BM7.6.1.1.le.BM3.1.4", form: "BM7", stt: "6.1.1", sheet: "Biểu mẫu 7", severity: "warning", inferred: true });
    expect(renderFinding(f)).toContain("BM7 6.1.1 = 1.081 lớn hơn BM3 1.4 = 500");
    expect(bad.evaluations.find((e) => e.rule === "X.BM7.6.1.1.le.BM3.1.4")).toMatchObject({ crossForm: true, left: "1081", right: "500" });
  });
  it("is not applicable when a form is missing", () => {
    expect(status(run(fill("BM7", { "6.1.1": "1081" })), "X.BM7.6.1.1.le.BM3.1.4")).toBeUndefined();
  });
});

describe("row kinds", () => {
  it("a count must be a whole number ≥ 0", () => {
    const r = run(fill("BM1", { "1": "-3", "2.1": "2,5" }));
    expect(r.findings.filter((f) => f.severity === "error").map((f) => [f.stt, f.check])).toEqual([
      ["1", "count.negative"], ["2.1", "count.not_integer"],
    ]);
  });
  it("a percentage lies in 0–100", () => {
    expect(only(run(fill("BM7", { "3": "120" })).findings, "percent.out_of_range")).toHaveLength(1);
  });
  it("a coded answer is one of its codes; its meaning typed as text is read with a note", () => {
    expect(only(run(fill("BM1", { "7": "3" })).findings, "code.invalid")[0]).toMatchObject({ severity: "error", stt: "7" });
    const r = run(fill("BM1", { "7": "Có" }));
    expect(only(r.findings, "code.meaning_typed")).toHaveLength(1);
  });
  it("a number cell holds a number: text and error values are findings with the cell", () => {
    const r = run(fill("BM1", { "1": "chưa có", "5.1": { value: "#DIV/0!" } }));
    expect(r.findings.filter((f) => f.severity === "error").map((f) => [f.stt, f.check, f.cell])).toEqual([
      ["1", "cell.not_a_number", "D9"], ["5.1", "cell.error_value", "D23"],
    ]);
  });
  it("BM1 4.1: the template's unit typo is information, the row is checked as a count", () => {
    const r = run(fill("BM1", { "4.1": "2,5" }));
    expect(only(r.findings, "unit.template_typo")).toHaveLength(1);
    expect(only(r.findings, "count.not_integer")).toHaveLength(1);
  });
  it("blank with a note is a blank with a reason", () => {
    const r = run(fill("BM7", {}, "vi-VN", { "1": "Sở TTTT theo dõi" }));
    expect(only(r.findings, "value.blank_with_reason")[0]).toMatchObject({ stt: "1", params: { note: "Sở TTTT theo dõi" } });
  });
});

describe("resolved values", () => {
  it("gives each row's value as the engine read it", () => {
    const r = validateForms(set, [fill("BM3", { "3.1.1": "52,414", "3.1.2": "52,249", "3.1": "99,69%", "1.4": "chưa rõ" })], { values: true });
    const v = (stt: string) => r.values!.find((x) => x.stt === stt);
    expect(v("3.1.1")).toMatchObject({ value: "52414", unreadable: false });
    expect(v("3.1")).toMatchObject({ value: "99.69" });
    expect(v("1.4")).toMatchObject({ value: null, unreadable: true, display: "chưa rõ" });
    expect(v("1.1")).toMatchObject({ value: null, unreadable: false });
    expect(validateForms(set, [fill("BM3", {})]).values).toBeUndefined();
  });
});

describe("rates computed by a formula", () => {
  it("an unrounded =n/d formatted as % is judged at the rule's decimals, not at float precision", () => {
    for (const [n, d] of [[2, 3], [1, 7], [16, 29], [9751, 10099]]) {
      const asPercent = validateForms(set, [fill("BM1", { "2.1": String(d), "2.2": String(n), "2": { value: n / d, numberFormat: "0.00%", formula: "=D12/D11" } })]);
      const times100 = validateForms(set, [fill("BM1", { "2.1": String(d), "2.2": String(n), "2": { value: (n / d) * 100, formula: "=D12/D11*100" } })]);
      expect([n, d, status(asPercent, "BM1.2.rate"), status(times100, "BM1.2.rate")]).toEqual([n, d, "pass", "pass"]);
    }
  });
  it("still fails a computed rate over the wrong cells", () => {
    const r = validateForms(set, [fill("BM1", { "2.1": "3", "2.2": "2", "2": { value: 1 / 3, numberFormat: "0.00%", formula: "=1/3" } })]);
    expect(status(r, "BM1.2.rate")).toBe("fail");
  });
});

describe("odd numbers", () => {
  it("a tiny number is a number, not a formula error", () => {
    const r = validateForms(set, [fill("BM1", { "1": { value: 1e-50 } })]);
    expect(only(r.findings, "cell.error_value")).toEqual([]);
    expect(only(r.findings, "count.not_integer")).toHaveLength(1);
  });
  it("0,001 in a count is not read as a thousands separator", () => {
    const r = validateForms(set, [fill("BM1", { "1": { value: 0.001 } })]);
    expect(only(r.findings, "count.thousands_separator")).toEqual([]);
    expect(only(r.findings, "count.not_integer")).toHaveLength(1);
  });
});
