/**
 * A report read against the same unit's previous report (pure). Rows that accumulate over the cut-off period
 * (`accumulates: true`: counts of things done since 15/12) cannot be smaller in a later report of the same year whose
 * period contains the earlier one (Quý I ⊂ 6 tháng ⊂ Năm; Quý III stands apart): a warning with both figures and
 * both periods. Other rows are a state at the end of the period: compared only for information (a change larger than
 * ×10, a code going back). Findings carry facts; rule ids start with "period.".
 */
import type { TemplateSet } from "../forms/schema";
import { decCmp, decFromString, decInt, decMul, decSign, decToString, type Dec } from "./exact";
import { accumulatesOver, periodCode, rowApplies, type Period } from "./periods";
import type { Finding, RecognitionResult, ResolvedValue } from "./types";
import { validateForms } from "./validate";

/** One side of the comparison: a report's period and its rows' values as the engine resolved them. */
export interface ReportValues {
  period: Period | null;
  values: readonly ResolvedValue[];
  /** How the file is named in messages (the previous one's name appears in every finding). */
  file: string;
  /** Where each row's value cell is, "BM1 1" → {sheet, cell}, for pointing at the current report's cell. */
  cells?: ReadonlyMap<string, { sheet: string; cell: string }>;
}

/** The rows' values of a recognised report, each form's first copy (as cross-form rules read it). */
export function resolvedValues(set: TemplateSet, recognition: RecognitionResult, period: Period | null): ResolvedValue[] {
  const first = recognition.forms.filter((f, i, all) => all.findIndex((g) => g.formId === f.formId) === i);
  return validateForms(set, first, { values: true, period }).values ?? [];
}

/** Where each row's value cell is ("BM1 1" → sheet and cell), each form's first copy: ReportValues.cells. */
export function valueCells(recognition: RecognitionResult): Map<string, { sheet: string; cell: string }> {
  const cells = new Map<string, { sheet: string; cell: string }>();
  for (const form of recognition.forms)
    for (const [stt, row] of Object.entries(form.rows))
      if (row && !cells.has(`${form.formId} ${stt}`)) cells.set(`${form.formId} ${stt}`, { sheet: form.sheet, cell: row.address });
  return cells;
}

/** A state row that changed by more than this factor is pointed out. */
export const STATE_FACTOR = 10;


/**
 * Findings of `current` read against `previous`. Accumulation is checked only when both periods are known, of the
 * same year's cut-off start, and the current one contains the previous one; state rows whenever both hold values.
 */
export function compareWithPrevious(set: TemplateSet, current: ReportValues, previous: ReportValues): Finding[] {
  const out: Finding[] = [];
  const prevFile = previous.file;
  const cur = current.period;
  const prev = previous.period;
  const base = {
    period: cur ? periodCode(cur) : "",
    previousPeriod: prev ? periodCode(prev) : "",
    previousFile: prevFile,
  };
  if (!cur || !prev) {
    out.push({ rule: "period.compare", check: "period.not_comparable", severity: "info", form: "", params: { ...base, reason: "unknown_period" } });
    return out;
  }
  const accumulating = accumulatesOver(cur, prev);
  const prevByKey = new Map(previous.values.map((v) => [`${v.form} ${v.stt}`, v]));
  let anyAccumulating = false;
  for (const form of set.forms)
    for (const row of form.rows) {
      if (row.kind === "group") continue;
      const key = `${form.id} ${row.stt}`;
      const now = current.values.find((v) => v.form === form.id && v.stt === row.stt);
      const before = prevByKey.get(key);
      if (!now || !before || now.value === null || before.value === null) continue;
      const a = decFromString(now.value);
      const b = decFromString(before.value);
      if (!a || !b) continue;
      const where = current.cells?.get(key) ?? { sheet: now.sheet, cell: undefined };
      const finding = (rule: string, check: Finding["check"], severity: Finding["severity"], params: Finding["params"], inferred: boolean): Finding => ({
        rule, check, severity, form: form.id, stt: row.stt, sheet: where.sheet, cell: where.cell, value: now.display || undefined,
        expected: undefined, params: { ...base, ...params }, inferred: inferred ? true : undefined,
      });
      if (row.accumulates) {
        anyAccumulating = true;
        if (accumulating && decCmp(a, b) < 0)
          out.push(finding(`period.${form.id}.${row.stt}.accumulates`, "period.accumulation_decreased", "warning",
            { current: { dec: decToString(a) }, previous: { dec: decToString(b) }, from: cur.from }, row.accumulates_source === "inferred"));
        continue;
      }
      if (row.kind === "code") {
        // A code list that predates a date the current period reaches (BM7 2's "2 cấp / 3 cấp" after 1/7/2025) may
        // rightly go "back": not compared.
        const recoded = row.coding_until !== undefined && rowApplies({ applies_until: row.coding_until }, cur) !== "yes";
        if (!recoded && decCmp(a, b) < 0)
          out.push(finding(`period.${form.id}.${row.stt}.code`, "period.code_back", "info", {
            current: decToString(a), previous: decToString(b),
            currentMeaning: row.coding?.[decToString(a)] ?? "", previousMeaning: row.coding?.[decToString(b)] ?? "",
          }, row.source === "inferred"));
        continue;
      }
      if (row.kind === "count" || row.kind === "number") {
        const factor = decInt(STATE_FACTOR);
        const big = (x: Dec, y: Dec) => decSign(y) > 0 && decCmp(x, decMul(y, factor)) > 0;
        if (big(a, b) || big(b, a))
          out.push(finding(`period.${form.id}.${row.stt}.state`, "period.state_jump", "info",
            { current: { dec: decToString(a) }, previous: { dec: decToString(b) }, factor: String(STATE_FACTOR) }, row.source === "inferred"));
      }
    }
  if (!accumulating && anyAccumulating)
    out.push({ rule: "period.compare", check: "period.not_comparable", severity: "info", form: "", params: { ...base, reason: "not_contained" } });
  return out;
}
