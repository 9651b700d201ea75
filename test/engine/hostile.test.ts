import fc from "fast-check";
import { builtinTemplateSet } from "../../src/forms";
import { checkWorkbook, readCell, validateForms, type CellInput } from "../../src/engine";
import { formatDecimal } from "../../src/i18n/number";
import { renderFinding } from "../../src/i18n/findings";
import { fill } from "../support/forms";
import { sampleInLayout } from "../support/sample";

const set = builtinTemplateSet();

/** Texts a hostile or unlucky file carries in a value cell. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 100 }),
  fc.integer({ min: 0, max: 2000 }).map((n) => `0,${"0".repeat(n)}1`),
  fc.integer({ min: 1, max: 5000 }).map((n) => "9".repeat(n)),
  fc.tuple(fc.integer({ min: 1, max: 400 }), fc.constantFrom(".", ",", "%", "-", "e5", "1.000")).map(([n, s]) => "1".repeat(n) + s + "5".repeat(n)),
  fc.array(fc.constantFrom("1", "2", "0", ".", ",", "-", "+", "%", " ", "\u00a0", "e", "E", "_x001B_", "\u001b[2J"), { maxLength: 120 }).map((a) => a.join("")),
  fc.constantFrom("=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "1e999999999", "１２３", "\u0000", "NaN", "Infinity"),
);

const hostileCell: fc.Arbitrary<CellInput | null> = fc.oneof(
  fc.constant(null),
  fc.record({ value: hostileText, text: fc.option(hostileText, { nil: undefined }) }),
  fc.record({ value: fc.oneof(fc.double(), fc.constant(5e-324), fc.constant(-Number.MAX_VALUE)), numberFormat: fc.option(fc.oneof(fc.constantFrom("0.00%", "General", "@", "#,##0"), hostileText), { nil: undefined }) }),
);

describe("hostile cell values", () => {
  it("a number typed as text with more than 400 decimals is read, not a crash (it used to throw reading 'm')", () => {
    const long = `0,${"0".repeat(450)}1`;
    expect(() => readCell({ value: long })).not.toThrow();
    const r = validateForms(set, [fill("BM1", { "2.1": { value: 10 }, "2.2": { value: long } })]);
    const f = r.findings.find((x) => x.stt === "2.2" && x.check === "cell.too_long");
    expect(f).toBeDefined();
    expect(f!.severity).toBe("error");
    expect(renderFinding(f!)).toBe("Ô số liệu dài 453 ký tự, quá dài cho một con số (tối đa 64 ký tự): không đọc giá trị này");
  });

  it("a 64-character number is still read; 65 characters of digits are reported as too long", () => {
    expect(readCell({ value: "1".repeat(64) })).toMatchObject({ type: "number" });
    expect(readCell({ value: "1".repeat(65) })).toMatchObject({ type: "text", tooLong: true });
    // Prose is text, never "too long for a number", whatever its length.
    expect(readCell({ value: "Không phát sinh ".repeat(10) })).toMatchObject({ type: "text" });
    expect((readCell({ value: "Không phát sinh ".repeat(10) }) as { tooLong?: boolean }).tooLong).not.toBe(true);
  });

  it("formatDecimal groups a 32,767-digit number in one pass, like the short ones", () => {
    expect(formatDecimal("1234567", "vi")).toBe("1.234.567");
    expect(formatDecimal("-123", "en")).toBe("-123");
    expect(formatDecimal("1234.5", "en")).toBe("1,234.5");
    expect(formatDecimal("123456", "vi")).toBe("123.456");
    const big = "9".repeat(32767);
    const out = formatDecimal(big, "vi");
    expect(out.replace(/\./g, "")).toBe(big);
    expect(out.split(".").every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3))).toBe(true);
  });

  it("readCell and validateForms never throw on arbitrary strings and numbers", () => {
    const def = set.forms[0];
    fc.assert(
      fc.property(hostileCell, fc.array(hostileCell, { minLength: def.rows.length, maxLength: def.rows.length }), (one, cells) => {
        readCell(one);
        const rows = Object.fromEntries(def.rows.map((r, i) => [r.stt, cells[i] ?? { value: null }]));
        const result = validateForms(set, [fill(def.id, rows as Record<string, CellInput>)], { values: true });
        for (const f of result.findings) renderFinding(f, "vi");
        return Array.isArray(result.findings);
      }),
      { numRuns: 300 },
    );
  });

  it("recognition never throws on grids of hostile cells", () => {
    fc.assert(
      fc.property(fc.array(fc.array(hostileCell, { maxLength: 6 }), { maxLength: 30 }), (cells) => {
        const { recognition } = checkWorkbook(set, [...sampleInLayout(set), { sheet: "x", cells }]);
        return recognition.forms.length >= 3;
      }),
      { numRuns: 100 },
    );
  });
});

describe("bounded text work", () => {
  it("spaces around a long run of digits and a stray letter take one pass (no backtracking)", () => {
    const spaces = " ".repeat(30000);
    expect(readCell({ value: `${spaces}1${spaces}x` })).toMatchObject({ type: "text" });
    expect(readCell({ value: `1${spaces}2${"5".repeat(70)}` })).toMatchObject({ type: "text", tooLong: true });
  });
});
