import { builtinTemplateSet } from "../../src/forms";
import { checkWorkbook, type SheetGrid } from "../../src/engine";
import { groupFixes, planFixes, type CellFix } from "../../src/layout/fixes";
import { FIX_TEXT } from "../../src/i18n/fixes";
import { loadSample, sampleAsPlainSheet, sampleInLayout } from "../support/sample";

const set = builtinTemplateSet();

/** Writes the fixes into the grids as a host would (numbers as numbers, the formula with its value). */
function applied(grids: SheetGrid[], fixes: CellFix[]): SheetGrid[] {
  return grids.map((g) => {
    const cells = g.cells.map((r) => r.slice());
    for (const f of fixes.filter((x) => x.sheet === g.sheet)) {
      const m = /^([A-Z]+)(\d+)$/.exec(f.cell)!;
      const row = Number(m[2]) - 1 - (g.origin?.row ?? 0);
      const col = m[1].charCodeAt(0) - 65 - (g.origin?.col ?? 0);
      cells[row] = cells[row].slice();
      cells[row][col] = "formula" in f.to ? { value: f.to.value, formula: f.to.formula, numberFormat: "0.00" } : { value: f.to.value, numberFormat: "General" };
    }
    return { ...g, cells };
  });
}

describe("planFixes on the sample", () => {
  const rows = loadSample().map((r) => (r.form === "BM1" && r.stt === "6" ? { ...r, value: "Không" } : r));
  const grids = sampleInLayout(set, "vi-VN", rows);
  const { recognition, result } = checkWorkbook(set, grids);
  const fixes = planFixes(set, recognition, result);
  const at = (stt: string, form = "BM3") => fixes.find((f) => f.form === form && f.stt === stt);

  it("turns each thousands-comma count into its whole number", () => {
    expect(at("3.1.1")).toMatchObject({ kind: "thousands", before: "52,414", to: { value: 52414 } });
    expect(at("3.2.2")).toMatchObject({ kind: "thousands", before: "9,751", to: { value: 9751 } });
    expect(groupFixes(fixes).get("thousands")).toHaveLength(6);
    expect(FIX_TEXT.vi.group("thousands", 6)).toBe("6 số đếm dùng dấu phẩy làm dấu phân cách hàng nghìn");
  });

  it("turns a coded answer typed as its meaning into its code", () => {
    expect(at("6", "BM1")).toMatchObject({ kind: "code_meaning", before: "Không", to: { value: 0 } });
  });

  it("offers nothing for findings without a certain correction (blank rows, inferred units)", () => {
    expect(fixes.every((f) => ["thousands", "number_text", "code_meaning", "rate_formula"].includes(f.kind))).toBe(true);
    expect(fixes.some((f) => f.check === "value.blank" || f.check === "unit.template_typo")).toBe(false);
  });

  it("leaves a workbook whose warnings are gone once the fixes are in", () => {
    const again = checkWorkbook(set, applied(grids, fixes)).result.findings;
    expect(again.filter((f) => f.check === "count.thousands_separator" || f.check === "code.meaning_typed")).toEqual([]);
  });
});

describe("the rate formula comes back only where the product put it", () => {
  it("a typed rate that disagrees, on a tagged form: the formula, with the value it computes", () => {
    // sampleInLayout names each sheet's form as its tag would (formHint): the forms count as the product's.
    const { recognition, result } = checkWorkbook(set, sampleInLayout(set));
    expect(recognition.forms.every((f) => f.tagged)).toBe(true);
    const fix = planFixes(set, recognition, result).find((f) => f.kind === "rate_formula");
    expect(fix).toMatchObject({ stt: "3.2", before: "98,57%", to: { value: 96.55 } });
    expect("formula" in fix!.to && fix!.to.formula).toMatch(/^=IF\(OR\(D\d+="",D\d+=0\),"",IFERROR\(ROUND\(D\d+\/D\d+\*100,2\),""\)\)$/);
  });

  it("a table typed by hand never gets a formula", () => {
    const grids = [sampleAsPlainSheet()];
    const { recognition, result } = checkWorkbook(set, grids);
    expect(result.findings.some((f) => f.check === "rate.mismatch")).toBe(true);
    expect(planFixes(set, recognition, result).filter((f) => f.kind === "rate_formula")).toEqual([]);
  });
});
