import { builtinTemplateSet } from "../../src/forms";
import { checkWorkbook, excelTypedCell, readCell, validateForms, type Finding } from "../../src/engine";
import { decFromNumber, decFromString, decToString } from "../../src/engine/exact";
import { fill } from "../support/forms";
import { sampleAsPlainSheet, sampleInLayout } from "../support/sample";

const set = builtinTemplateSet();
const read = (typed: string, locale: "vi-VN" | "en-US" = "vi-VN") => {
  const r = readCell(excelTypedCell(typed, locale));
  return r.type === "number" ? { dec: decToString(r.dec), percentFormat: r.percentFormat, fromText: r.fromText, alt: r.alt && decToString(r.alt) } : r.type;
};

describe("what Excel stores when a clerk types", () => {
  it.each([
    ["1.081", "vi-VN", { value: 1081, numberFormat: "#,##0" }],
    ["59.789", "vi-VN", { value: 59789 }],
    ["55,17", "vi-VN", { value: 55.17, numberFormat: "General" }],
    ["52,414", "vi-VN", { value: 52.414 }],
    ["99,69%", "vi-VN", { value: 0.9969, numberFormat: "0.00%" }],
    ["100%", "vi-VN", { value: 1, numberFormat: "0%" }],
    ["100", "vi-VN", { value: 100 }],
    ["52,414", "en-US", { value: 52414 }],
    ["1.081", "en-US", { value: 1.081 }],
    ["55,17", "en-US", { value: "55,17" }],
    ["=HYPERLINK(\"http://x\")", "vi-VN", { value: "=HYPERLINK(\"http://x\")", numberFormat: "@" }],
  ])("%s under %s", (typed, locale, expected) => {
    expect(excelTypedCell(typed, locale as "vi-VN" | "en-US")).toMatchObject(expected);
  });
});

describe("cell readings", () => {
  it.each([
    ["1.081", "vi-VN", { dec: "1081" }],
    ["59.789", "vi-VN", { dec: "59789" }],
    ["55,17", "vi-VN", { dec: "55.17", fromText: false }],
    ["99,69%", "vi-VN", { dec: "0.9969", percentFormat: true }],
    ["100%", "vi-VN", { dec: "1", percentFormat: true }],
    ["52,414", "vi-VN", { dec: "52.414", alt: "52414" }],
    ["1.081", "en-US", { dec: "1.081", alt: "1081" }],
    ["55,17", "en-US", { dec: "55.17", fromText: true }],
    ["99,69%", "en-US", { dec: "99.69", fromText: true }],
  ])("%s typed under %s", (typed, locale, expected) => {
    expect(read(typed, locale as "vi-VN" | "en-US")).toMatchObject(expected);
  });

  it("reads numbers stored as text the Vietnamese way, keeping the other reading", () => {
    expect(readCell({ value: "52.414" })).toMatchObject({ type: "number", fromText: true });
    expect(readCell({ value: "12.345.678.901.234.567.890" })).toMatchObject({ type: "number" });
    expect(readCell({ value: "#DIV/0!" })).toEqual({ type: "error", display: "#DIV/0!" });
    expect(readCell({ value: "chưa có" })).toMatchObject({ type: "text" });
    expect(readCell({ value: "  " })).toEqual({ type: "blank" });
  });

  it("checks exactly beyond 2^53 (BigInt path)", () => {
    const big = "123.456.789.012.345.678"; // 123456789012345678 dossiers, typed as text
    const r = validateForms(set, [fill("BM3", { "3.1.1": { value: big }, "3.1.2": { value: big }, "3.1": "100" })]);
    expect(r.evaluations.find((e) => e.rule === "BM3.3.1.rate")!.status).toBe("pass");
  });

  it("all three rate styles (55,17 · 99,69% · 100) parse to the same kind of number", () => {
    const r = validateForms(set, [fill("BM3", { "3.1.1": "200", "3.1.2": "100", "3.1": "50%", "3.4.1": "77", "3.4.2": "77", "3.4": "100", "3.2.1": "29", "3.2.2": "16", "3.2": "55,17" })]);
    expect(r.evaluations.filter((e) => e.type === "rate" && e.status !== "not_applicable").map((e) => [e.rule, e.status, e.left])).toEqual([
      ["BM3.3.1.rate", "pass", "50"], ["BM3.3.2.rate", "pass", "55.17"], ["BM3.3.4.rate", "pass", "100"],
    ]);
  });
});

describe("the sample typed into an English-locale Excel", () => {
  const key = (f: Finding) => `${f.severity} ${f.form} ${f.stt} ${f.check}`;
  it.each([
    ["inserted sheets", () => sampleInLayout(set, "en-US")],
    ["a plain sheet", () => [sampleAsPlainSheet("en-US")]],
  ])("gives the same error, and warns about the dotted counts instead (%s)", (_n, grids) => {
    const { result } = checkWorkbook(set, grids());
    expect(result.findings.filter((f) => f.severity === "error").map(key)).toEqual(["error BM3 3.2 rate.mismatch"]);
    expect(result.findings.filter((f) => f.severity === "warning").map(key).sort()).toEqual(
      ["6.1.1", "6.1.2", "6.3.1", "6.3.2", "6.4.1", "6.4.2"].map((s) => `warning BM7 ${s} count.thousands_separator`).sort(),
    );
  });
});

describe("exact decimals of doubles", () => {
  it("equal the shortest round-trip text, on every path", () => {
    // The fast path must give what parsing the shortest round-trip text gives.
    const viaText = (x: number) => decToString(decFromString(String(x))!);
    for (const x of [55.17, 0.9969, 52.414, 1e-7, 123456.789, 0.1 + 0.2, 99.995, -3.125, 1e21, 2.675, 1.005, 123456789.123456]) {
      expect([x, decToString(decFromNumber(x)!)]).toEqual([x, viaText(x)]);
    }
    for (let i = 0; i < 20000; i++) {
      const x = Math.round(Math.random() * 1e8) / 10 ** Math.floor(Math.random() * 7);
      expect([x, decToString(decFromNumber(x)!)]).toEqual([x, viaText(x)]);
    }
  });
});

describe("decimal text", () => {
  it("is the same on the number and BigInt paths", () => {
    const t = decToString;
    const cases: Array<[number, number, number | undefined, string]> = [
      [5517, 2, undefined, "55.17"], [5500, 2, undefined, "55"], [5500, 2, 2, "55.00"], [625, 1, 2, "62.50"],
      [-5, 3, undefined, "-0.005"], [0, 2, undefined, "0"], [100, 0, 2, "100.00"], [7, 2, undefined, "0.07"], [-0, 1, undefined, "0"],
    ];
    for (const [m, s, fixed, text] of cases) {
      expect(t({ m, s }, fixed)).toBe(text);
      expect(t({ m: BigInt(m), s }, fixed)).toBe(text);
    }
  });
});
