/**
 * "So sánh với kỳ trước" in the pane (no Office.js, no Node API): the chosen previous .xlsx read by the lean reader,
 * its forms and period recognised as `check` does, and the checked workbook compared with it by the engine
 * (compareWithPrevious, as `check --previous` in src/cli/previous.ts). The bytes are read by src/cli/xlsx-bytes.ts, the
 * CLI's own pure reader (no Node API). Loaded only when asked for (a dynamic import:
 * the reader stays out of the pane's main bundle).
 */
import { checkWorkbook } from "../engine/check";
import type { Period } from "../engine/periods";
import { compareWithPrevious, resolvedValues, valueCells } from "../engine/previous";
import type { Finding } from "../engine/types";
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
  const cells = valueCells(outcome.recognition);
  const findings = compareWithPrevious(
    set,
    { period: current, values: resolvedValues(set, outcome.recognition, current), file: "", cells },
    { period, values: resolvedValues(set, recognition, period), file },
  );
  return { findings, previousPeriod: period };
}
