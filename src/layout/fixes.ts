/**
 * One-click fixes, planned purely from a check: each finding that has an unambiguous correction gets it as data
 * (which cell, what it holds now, what to write). Hosts apply a fix only on the user's click, record the old cell so
 * "Hoàn tác" restores it exactly, and never write user text as a formula: a fix writes a number, or the product's
 * own rate formula back into a cell of a form the product inserted.
 *
 * - a count typed with a thousands comma ("52,414" read as 52.414) → the number 52414;
 * - a number stored as text ("1.081" as text) → the number;
 * - a coded answer typed as its meaning ("Có") → its code;
 * - a rate typed over the product's formula that disagrees with its parts → the formula back.
 */
import type { TemplateSet } from "../forms/schema";
import type { CheckCode, Finding, RecognitionResult, ValidationResult } from "../engine/types";
import { rateFormula, rateRuleFor } from "./plan";

export type FixKind = "thousands" | "number_text" | "code_meaning" | "rate_formula";

export interface CellFix {
  kind: FixKind;
  /** The finding this fix answers (same rule, sheet and cell). */
  rule: string;
  check: CheckCode;
  form: string;
  stt: string;
  sheet: string;
  /** A1 address on `sheet`. */
  cell: string;
  /** What the cell shows now (the finding's value as typed); a host applies the fix only while it still does. */
  before: string;
  /** The number to write (as a number, format General), or the product's formula (format 0.00). */
  to: { value: number } | { formula: string; value: number | null };
}

/** What a host records when it applies a fix (src/excel/fixes.ts), so "Hoàn tác" can put the cell back. */
export interface CellBefore {
  sheet: string;
  address: string;
  /** The cell's value (a fix never touches a cell holding a formula). */
  value: string | number | boolean | null;
  numberFormat: string;
  /** What the fix wrote, so an undo can tell whether the user has changed the cell since. */
  wrote: { value: number } | { formula: string };
}

export interface FixOutcome {
  applied: CellFix[];
  /** Cells changed since the check: not touched. */
  stale: CellFix[];
  /** What "Hoàn tác" needs to put every applied cell back. */
  undo: CellBefore[];
}

export interface UndoOutcome {
  restored: CellBefore[];
  /** Cells the user changed after the fix: left as they are. */
  changed: CellBefore[];
}

/** A finding's key, as fixes and the pane's list share it. */
export function findingKey(f: Pick<Finding, "rule" | "sheet" | "cell" | "check">): string {
  return `${f.sheet ?? ""}!${f.cell ?? ""}\u0000${f.rule}\u0000${f.check}`;
}

const NUMBER_FIX: Partial<Record<CheckCode, FixKind>> = {
  "count.thousands_separator": "thousands",
  "percent.thousands_separator": "thousands",
  "cell.number_as_text": "number_text",
  "cell.english_decimal": "number_text",
};

function finite(dec: string | undefined): number | null {
  if (dec === undefined) return null;
  const n = Number(dec);
  return Number.isFinite(n) ? n : null;
}

function decParam(f: Finding, name: string): string | undefined {
  const p = f.params[name];
  return typeof p === "object" && p !== null && "dec" in p ? p.dec : undefined;
}

/** Every fix the check offers, one per cell at most (a cell with two findings gets the stronger fix). */
export function planFixes(set: TemplateSet, recognition: RecognitionResult, result: ValidationResult): CellFix[] {
  const byCell = new Map<string, CellFix>();
  const rank: Record<FixKind, number> = { rate_formula: 4, thousands: 3, code_meaning: 2, number_text: 1 };
  const offer = (fix: CellFix) => {
    const k = `${fix.sheet}!${fix.cell}`;
    const had = byCell.get(k);
    if (!had || rank[fix.kind] > rank[had.kind]) byCell.set(k, fix);
  };
  for (const f of result.findings) {
    if (!f.sheet || !f.cell || !f.stt || f.value === undefined) continue;
    const base = { rule: f.rule, check: f.check, form: f.form, stt: f.stt, sheet: f.sheet, cell: f.cell, before: f.value };
    const kind = NUMBER_FIX[f.check];
    if (kind) {
      // The thousands readings say what they read in `expected`; "stored as text" in its `reading`.
      const n = finite(kind === "thousands" ? f.expected : decParam(f, "reading"));
      if (n !== null) offer({ ...base, kind, to: { value: n } });
      continue;
    }
    if (f.check === "code.meaning_typed") {
      const code = typeof f.params.code === "string" ? Number(f.params.code) : NaN;
      if (Number.isInteger(code)) offer({ ...base, kind: "code_meaning", to: { value: code } });
      continue;
    }
    if (f.check === "rate.mismatch") {
      const form = recognition.forms.find((x) => x.sheet === f.sheet && x.formId === f.form);
      const def = set.forms.find((x) => x.id === f.form);
      // Only a form the product inserted has "its" formula to put back; a table typed by hand is never given one.
      if (!form?.tagged || !def) continue;
      const rule = rateRuleFor(def, f.stt);
      const n = form.rows[rule?.numerator ?? ""]?.row;
      const d = form.rows[rule?.denominator ?? ""]?.row;
      const computed = result.computed.find((c) => c.sheet === f.sheet && c.form === f.form && c.stt === f.stt);
      if (!rule || n === undefined || d === undefined || computed?.reported !== "typed") continue;
      offer({
        ...base,
        kind: "rate_formula",
        to: { formula: rateFormula(form.columns.value, n, d, rule.scale, rule.decimals), value: finite(computed.value ?? undefined) },
      });
    }
  }
  return [...byCell.values()];
}

/** Fixes of one kind together, for "Sửa tất cả". */
export function groupFixes(fixes: readonly CellFix[]): Map<FixKind, CellFix[]> {
  const groups = new Map<FixKind, CellFix[]>();
  for (const fix of fixes) groups.set(fix.kind, [...(groups.get(fix.kind) ?? []), fix]);
  return groups;
}
