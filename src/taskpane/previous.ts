/**
 * "So sánh với kỳ trước" in the pane (no Office.js, no Node API): the chosen previous .xlsx read by the lean reader,
 * its forms and period recognised as `check` does, and the checked workbook compared with it by the engine
 * (compareWithPrevious, as `check --previous` in src/cli/previous.ts). The bytes are read by src/cli/xlsx-bytes.ts, the
 * CLI's own pure reader (no Node API). Loaded only when asked for (a dynamic import:
 * the reader stays out of the pane's main bundle).
 */
import { checkWorkbook } from "../engine/check";
import type { Period } from "../engine/periods";
import { compareWithPrevious } from "../engine/previous";
import type { Finding, RecognitionResult, ResolvedValue } from "../engine/types";
import { validateForms } from "../engine/validate";
import type { ValidateOutcome } from "../excel/host";
import { HostError } from "../excel/host";
import type { TemplateSet } from "../forms/schema";
import { cliText } from "../i18n/cli";
import type { Lang } from "../i18n/number";
import { uiPreviousText } from "../i18n/ui-previous";
import { readWorkbookBytes } from "../cli/xlsx-bytes";

export interface PreviousComparison {
  findings: Finding[];
  previousPeriod: Period | null;
}

/** Each form's values once (the first copy of a form, as the CLI compares). */
function resolvedValues(set: TemplateSet, recognition: RecognitionResult, period: Period | null): ResolvedValue[] {
  const first = recognition.forms.filter((f, i, all) => all.findIndex((g) => g.formId === f.formId) === i);
  return validateForms(set, first, { values: true, period }).values ?? [];
}

/** The findings of the checked workbook (period `current`) read against the chosen previous report's bytes. */
export async function comparePreviousFile(
  set: TemplateSet,
  outcome: ValidateOutcome,
  current: Period | null,
  bytes: Uint8Array,
  file: string,
  lang: Lang,
): Promise<PreviousComparison> {
  const t = uiPreviousText(lang);
  const read = await readWorkbookBytes(file, bytes, set);
  if (!read.ok) throw new HostError(t.unreadable(file, cliText(lang).readProblem(read.problem)));
  const { recognition, period } = checkWorkbook(set, read.grids);
  if (recognition.forms.length === 0) throw new HostError(t.noForms(file));
  const cells = new Map<string, { sheet: string; cell: string }>();
  for (const form of outcome.recognition.forms)
    for (const [stt, row] of Object.entries(form.rows))
      if (row && !cells.has(`${form.formId} ${stt}`)) cells.set(`${form.formId} ${stt}`, { sheet: form.sheet, cell: row.address });
  const findings = compareWithPrevious(
    set,
    { period: current, values: resolvedValues(set, outcome.recognition, current), file: "", cells },
    { period, values: resolvedValues(set, recognition, period), file },
  );
  return { findings, previousPeriod: period };
}
