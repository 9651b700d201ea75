/**
 * Applies one-click fixes (src/layout/fixes.ts) in Excel, on the user's click only, and undoes them exactly.
 *
 * Excel's own undo does not cover writes made by an add-in, so every fix records the cell as it was (value or
 * formula, number format) and "Hoàn tác" writes that back. Both are one Excel.run with two syncs: one to read the
 * cells (a fix applies only while its cell still shows what the check saw; one the user has since changed is left
 * alone and reported), one to write. Strings are written through `values` under the text format "@", never as
 * formulas; the only formula ever written is the product's own rate formula (CellFix.to.formula).
 */
import type { CellBefore, CellFix, FixOutcome, UndoOutcome } from "../layout/fixes";

export type { CellBefore, FixOutcome, UndoOutcome };

type Run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const norm = (s: unknown) => String(s ?? "").normalize("NFC").trim();

/** Does the cell still show what the check read? (its text, or its value for cells whose text Excel formats) */
function unchanged(fix: CellFix, formula: unknown, value: unknown, text: unknown): boolean {
  // A formula now (the user's, left alone). Range.formulas gives a constant's value, so text such as "=1+1" typed
  // as text has formulas equal to values; only a real formula differs from its result.
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return false;
  return norm(text) === norm(fix.before) || norm(value) === norm(fix.before);
}

export async function applyFixes(run: Run, fixes: readonly CellFix[]): Promise<FixOutcome> {
  if (fixes.length === 0) return { applied: [], stale: [], undo: [] };
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    const ranges = fixes.map((f) => {
      const r = sheets.getItem(f.sheet).getRange(f.cell);
      r.load(["values", "formulas", "numberFormat", "text"]);
      return r;
    });
    await ctx.sync();
    const out: FixOutcome = { applied: [], stale: [], undo: [] };
    fixes.forEach((fix, i) => {
      const r = ranges[i];
      const formula = r.formulas[0][0];
      const value = r.values[0][0] as string | number | boolean | null;
      if (!unchanged(fix, formula, value, r.text[0][0])) {
        out.stale.push(fix);
        return;
      }
      const numberFormat = String(r.numberFormat[0][0] ?? "General");
      if ("formula" in fix.to) {
        r.numberFormat = [["0.00"]];
        r.formulas = [[fix.to.formula]];
      } else {
        r.numberFormat = [["General"]];
        r.values = [[fix.to.value]];
      }
      out.applied.push(fix);
      out.undo.push({
        sheet: fix.sheet,
        address: fix.cell,
        value: value === "" ? null : value,
        numberFormat,
        wrote: "formula" in fix.to ? { formula: fix.to.formula } : { value: fix.to.value },
      });
    });
    if (out.applied.length) await ctx.sync();
    return out;
  });
}

export async function undoFixes(run: Run, records: readonly CellBefore[]): Promise<UndoOutcome> {
  if (records.length === 0) return { restored: [], changed: [] };
  return run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    const ranges = records.map((rec) => {
      const r = sheets.getItem(rec.sheet).getRange(rec.address);
      r.load(["values", "formulas"]);
      return r;
    });
    await ctx.sync();
    const out: UndoOutcome = { restored: [], changed: [] };
    records.forEach((rec, i) => {
      const r = ranges[i];
      const now = "formula" in rec.wrote ? norm(r.formulas[0][0]) === norm(rec.wrote.formula) : r.values[0][0] === rec.wrote.value;
      if (!now) {
        out.changed.push(rec);
        return;
      }
      if (typeof rec.value === "string") {
        // Text goes back as text: under "@" Excel keeps "52,414" as typed instead of reading it as a number.
        r.numberFormat = [["@"]];
        r.values = [[rec.value]];
      } else {
        r.numberFormat = [[rec.numberFormat]];
        r.values = [[rec.value ?? ""]];
      }
      out.restored.push(rec);
    });
    if (out.restored.length) await ctx.sync();
    return out;
  });
}
