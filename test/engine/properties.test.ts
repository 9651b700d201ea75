import fc from "fast-check";
import { builtinTemplateSet } from "../../src/forms";
import { checkWorkbook, validateForms, type CellInput } from "../../src/engine";
import { fill } from "../support/forms";
import { sampleInLayout } from "../support/sample";

const set = builtinTemplateSet();

/** Round half away from zero of n·100/d at 2 decimals, in BigInt: the reference the engine must agree with. */
function roundedRate(n: bigint, d: bigint): string {
  const q = (n * 10000n * 2n + d) / (2n * d);
  const s = q.toString().padStart(3, "0");
  return `${s.slice(0, -2)},${s.slice(-2)}`;
}

const counts = fc.bigInt({ min: 1n, max: 10n ** 12n }).chain((d) => fc.tuple(fc.bigInt({ min: 0n, max: d }), fc.constant(d)));

describe("properties", () => {
  it("counts n ≤ d and their correctly rounded rate never give an error", () => {
    fc.assert(
      fc.property(counts, ([n, d]) => {
        const r = validateForms(set, [fill("BM1", { "2.1": { value: Number(d) }, "2.2": { value: Number(n) }, "2": roundedRate(n, d) })]);
        return r.findings.every((f) => f.severity !== "error") && r.evaluations.find((e) => e.rule === "BM1.2.rate")!.status === "pass";
      }),
      { numRuns: 2000 },
    );
  });

  it("a rate farther than 0,005 from n/d × 100 always gives an error", () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 1, max: 10000 }), fc.boolean(), ([n, d], offsetHundredths, up) => {
        // exact = n·100/d; reported = a 2-decimal value at least 0,01 beyond the correct rounding, inside 0–100
        const correct = (n * 10000n * 2n + d) / (2n * d);
        const reported = up ? correct + BigInt(offsetHundredths) : correct - BigInt(offsetHundredths);
        fc.pre(reported >= 0n && reported <= 10000n);
        // beyond the interval: |reported/100 − n·100/d| > 0,005 ⇔ |reported·d − n·10000|·200 > d
        const diff = reported * d - n * 10000n;
        fc.pre((diff < 0n ? -diff : diff) * 200n > d);
        const s = reported.toString().padStart(3, "0");
        const typed = `${s.slice(0, -2)},${s.slice(-2)}`;
        const r = validateForms(set, [fill("BM1", { "2.1": { value: Number(d) }, "2.2": { value: Number(n) }, "2": typed })]);
        // rate.mismatch, or percent.fraction when the typed value also reads as a fraction (1,00 for 100 %)
        return r.findings.some((f) => f.severity === "error" && f.rule === "BM1.2.rate");
      }),
      { numRuns: 2000 },
    );
  });

  const anyCell: fc.Arbitrary<CellInput | null> = fc.oneof(
    fc.constant(null),
    fc.record({ value: fc.oneof(fc.double(), fc.integer(), fc.constant(Number.NaN), fc.constant(Infinity), fc.constant(-0), fc.constant(1e308), fc.constant(-1e-300)) }),
    fc.record({ value: fc.string(), text: fc.option(fc.string(), { nil: undefined }) }),
    fc.record({ value: fc.constantFrom("#DIV/0!", "#N/A", "#REF!", "=HYPERLINK(\"x\")", "52,414", "1.081", "99,69%", "-0", "1e999", "", " ", "１２３") }),
    fc.record({ value: fc.oneof(fc.boolean(), fc.constant(undefined)), numberFormat: fc.constantFrom("0.00%", "General", "@", "#,##0") }),
    fc.record({ value: fc.double(), numberFormat: fc.constantFrom("0.00%", "0%", "\"%\"0") }),
  );

  it("never throws on arbitrary cell values", () => {
    const def = set.forms[2];
    fc.assert(
      fc.property(fc.array(anyCell, { minLength: def.rows.length, maxLength: def.rows.length }), (cells) => {
        const rows = Object.fromEntries(def.rows.map((r, i) => [r.stt, cells[i] ?? { value: null }]));
        const result = validateForms(set, [fill("BM7", rows as Record<string, CellInput>)]);
        return Array.isArray(result.findings);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws on arbitrary grids handed to recognition", () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 40 }), (cells) => {
        const grids = [...sampleInLayout(set), { sheet: "x", cells }];
        const { recognition } = checkWorkbook(set, grids);
        return recognition.forms.length >= 3;
      }),
      { numRuns: 200 },
    );
  });
});
