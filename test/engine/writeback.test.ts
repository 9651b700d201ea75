import { builtinTemplateSet } from "../../src/forms";
import { checkWorkbook, type SheetGrid } from "../../src/engine";
import { planClear, planWriteBack } from "../../src/layout/writeback";
import { CHECK_COLUMN_HEADER, RESULTS_SHEET_NAME } from "../../src/layout/names";
import { sampleAsPlainSheet, sampleInLayout } from "../support/sample";

const set = builtinTemplateSet();

function apply(grids: SheetGrid[], writes: ReturnType<typeof planWriteBack>): SheetGrid[] {
  // Minimal write of the plan into the grids (values only) to check what a second read sees.
  return grids.map((g) => {
    const cells = g.cells.map((r) => r.slice());
    const w = writes.formSheets.find((s) => s.sheet === g.sheet);
    for (const c of w?.cells ?? []) {
      const m = /^([A-Z]+)(\d+)$/.exec(c.address)!;
      const col = m[1].charCodeAt(0) - 65;
      const row = Number(m[2]) - 1;
      while (cells.length <= row) cells.push([]);
      const line = (cells[row] = cells[row].slice());
      line[col] = c.formula ? { value: null, formula: c.formula } : { value: c.value ?? null };
    }
    return { ...g, cells };
  });
}

describe("write-back plan", () => {
  const grids = sampleInLayout(set);
  const { recognition, result } = checkWorkbook(set, grids);
  const plan = planWriteBack(set, recognition, result, grids);

  it("writes a check column beside each table with ✓ or the message", () => {
    const bm3 = plan.formSheets.find((s) => s.sheet === "Biểu mẫu 3")!;
    const header = bm3.cells.find((c) => c.value === CHECK_COLUMN_HEADER)!;
    expect(header.address).toMatch(/^F\d+$/);
    const row32 = recognition.forms.find((f) => f.formId === "BM3")!.rows["3.2"]!;
    const cell = bm3.cells.find((c) => c.address === `F${row32.row! + 1}`)!;
    expect(cell.tone).toBe("error");
    expect(cell.value).toContain("96,55%");
    expect(cell.value).toContain("Tính từ số liệu: 96,55%");
    const row14 = recognition.forms.find((f) => f.formId === "BM3")!.rows["1.4"]!;
    expect(bm3.cells.find((c) => c.address === `F${row14.row! + 1}`)!.value).toBe("✓");
  });

  it("puts the live formula back into blank rate cells only", () => {
    // The clerk deleted the formula of BM1 3.3 (now blank); BM1 2 was typed over; 3.3.x rates keep their formulas.
    const row33 = recognition.forms[0].rows["3.3"]!;
    const edited = grids.map((g) =>
      g.sheet !== "Biểu mẫu 1" ? g : { ...g, cells: g.cells.map((r, i) => (i === row33.row ? r.map((c, j) => (j === 3 ? { value: null } : c)) : r)) },
    );
    const c = checkWorkbook(set, edited);
    const p = planWriteBack(set, c.recognition, c.result, edited);
    const formulas = p.formSheets.find((s) => s.sheet === "Biểu mẫu 1")!.cells.filter((x) => x.formula);
    expect(formulas.map((x) => [x.address, x.formula])).toEqual([[row33.address, '=IF(OR(D17="",D17=0),"",IFERROR(ROUND(D18/D17*100,2),""))']]);
    expect(plan.formSheets.flatMap((s) => s.cells.filter((x) => x.formula))).toEqual([]);
  });

  it("lists every finding and the cross-form checks in the results sheet, user text as plain values", () => {
    expect(plan.results.name).toBe(RESULTS_SHEET_NAME);
    const texts = plan.results.cells.map((c) => String(c.value));
    expect(texts).toContain("6.1.1 (Biểu mẫu 7) ≤ 1.4 (Biểu mẫu 3) (Quy tắc suy luận, chưa có văn bản chính thức)");
    // Words, never internal rule ids.
    expect(texts.some((t) => /^(X\.)?BM\d\.[\d.]+\.(rate|le|sum|count|blank)/.test(t))).toBe(false);
    expect(plan.results.cells.filter((c) => c.formula)).toEqual([]);
    const row32 = recognition.forms.find((f) => f.formId === "BM3")!.rows["3.2"]!;
    const link = plan.results.cells.find((c) => c.link?.address === row32.address);
    expect(link?.link).toEqual({ sheet: "Biểu mẫu 3", address: row32.address });
  });

  it("is idempotent: validating the written workbook again plans the same writes", () => {
    const again = apply(grids, plan);
    const second = checkWorkbook(set, again);
    const plan2 = planWriteBack(set, second.recognition, second.result, again);
    const noFormulas = (p: typeof plan) => p.formSheets.map((s) => ({ ...s, cells: s.cells.filter((c) => !c.formula) }));
    expect(noFormulas(plan2)).toEqual(noFormulas(plan));
    expect(plan2.formSheets.flatMap((s) => s.cells.filter((c) => c.formula))).toEqual([]);
  });

  it("clears only the check columns it wrote", () => {
    const written = apply(grids, plan);
    const second = checkWorkbook(set, written);
    const clear = planClear(second.recognition, written);
    expect(clear.formSheets.map((s) => s.sheet).sort()).toEqual(["Biểu mẫu 1", "Biểu mẫu 3", "Biểu mẫu 7"]);
    for (const s of clear.formSheets) expect(s.ranges).toEqual([expect.stringMatching(/^F\d+:F\d+$/)]);
    expect(planClear(checkWorkbook(set, grids).recognition, grids).formSheets).toEqual([]);
  });

  it("moves the check column right when the user filled the column beside the table", () => {
    const g = sampleInLayout(set).map((grid) => ({
      ...grid,
      cells: grid.cells.map((r, i) => (i >= 6 ? [...r, { value: "ghi chú riêng" }] : r)),
    }));
    const c = checkWorkbook(set, g);
    const p = planWriteBack(set, c.recognition, c.result, g);
    expect(p.formSheets[0].cells.find((x) => x.value === CHECK_COLUMN_HEADER)!.address).toMatch(/^G/);
  });
});

describe("write-back on tables typed by hand", () => {
  it("never writes a formula into a hand-typed table, and writes no check column without a row above the table", () => {
    const all = sampleAsPlainSheet().cells;
    const label = all.findIndex((r) => r[0]?.value === "Biểu mẫu 3");
    const grids = [{ sheet: "Dán", cells: all.slice(label + 2, label + 2 + 25) }]; // BM3's 25 rows pasted at A1
    const c = checkWorkbook(set, grids);
    expect(c.recognition.forms[0]).toMatchObject({ formId: "BM3", tagged: false, headerRow: null, firstRow: 0 });
    const p = planWriteBack(set, c.recognition, c.result, grids);
    expect(p.formSheets.flatMap((s) => s.cells)).toEqual([]);
    expect(p.notes.join(" ")).toContain("dòng đầu trang");
  });
  it("puts no formula into a blank rate of a pasted table", () => {
    const grids = [sampleAsPlainSheet()];
    const c = checkWorkbook(set, grids);
    const p = planWriteBack(set, c.recognition, c.result, grids);
    expect(p.formSheets.flatMap((s) => s.cells.filter((x) => x.formula))).toEqual([]);
  });
});
