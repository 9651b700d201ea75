/**
 * check --previous PREVIOUS: the CLI's glue around the engine's comparison (src/engine/previous.ts). Reads the
 * previous report(s), pairs each checked file with the same unit's earlier report, and returns the findings the
 * comparison gives, for the check's list. One file checked against one previous file: compared as given; otherwise
 * each file is paired by unit (the "Đơn vị báo cáo" line, else the file name) and period.
 */
import { compareWithPrevious, resolvedValues, valueCells } from "../engine/previous";
import { accumulatesOver, samePeriod, type Period } from "../engine/periods";
import type { Finding, ResolvedValue } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { cliPeriodText } from "../i18n/cli-periods";
import type { CheckedFile } from "./check";
import { expandInputs, shown, type Ctx } from "./io";
import { unitName } from "./unit-name";

export interface PreviousReport {
  file: string;
  unit: string;
  period: Period | null;
  values: ResolvedValue[];
}

const fold = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

/** Reads every previous report named; an unreadable one is said on stderr and left out. */
export async function loadPrevious(ctx: Ctx, set: TemplateSet, inputs: readonly string[]): Promise<PreviousReport[]> {
  const { checkFile } = await import("./check");
  const t = cliPeriodText(ctx.lang);
  const { files, emptyDirs } = await expandInputs(ctx, inputs);
  for (const d of emptyDirs) ctx.err(ctx.t.noXlsxInDir(d));
  const out: PreviousReport[] = [];
  for (const file of files) {
    const checked = await checkFile(file, set);
    if (!checked.outcome.ok) {
      ctx.err(t.previousUnreadable(shown(ctx, file), ctx.t.readProblem(checked.outcome.problem, checked.outcome.detail)));
      continue;
    }
    out.push({
      file,
      unit: unitName(checked.outcome.grids, file),
      period: checked.period ?? null,
      values: resolvedValues(set, checked.recognition!, checked.period ?? null),
    });
  }
  return out;
}

/**
 * The previous report to read `current` against: the only one given, else the same unit's report whose period the
 * current one contains (the latest such), else the same unit's latest report ending before the current one.
 */
export function pairPrevious(
  current: { file: string; unit: string; period: Period | null },
  reports: readonly PreviousReport[],
  direct = false,
): PreviousReport | null {
  const others = reports.filter((r) => r.file !== current.file);
  if (direct && reports.length === 1) return others[0] ?? null;
  const cur = current.period;
  const sameUnit = others.filter((r) => fold(r.unit) === fold(current.unit) && !samePeriod(r.period, cur));
  if (!cur) return null;
  const latest = (list: PreviousReport[]) => list.sort((a, b) => (a.period!.to < b.period!.to ? 1 : -1))[0] ?? null;
  const contained = sameUnit.filter((r) => r.period && accumulatesOver(cur, r.period));
  if (contained.length) return latest(contained);
  return latest(sameUnit.filter((r) => r.period && r.period.to < cur.to));
}

/** The comparison findings for one checked file, and the line that says what it was compared with. */
export function comparePrevious(
  ctx: Ctx,
  set: TemplateSet,
  checked: CheckedFile,
  reports: readonly PreviousReport[],
  direct = false,
): { findings: Finding[]; line: string } {
  const t = cliPeriodText(ctx.lang);
  if (!checked.outcome.ok || !checked.recognition) return { findings: [], line: t.noPrevious };
  const period = checked.period ?? null;
  const unit = unitName(checked.outcome.grids, checked.file);
  const previous = pairPrevious({ file: checked.file, unit, period }, reports, direct);
  if (!previous) return { findings: [], line: t.noPrevious };
  const cells = valueCells(checked.recognition);
  const findings = compareWithPrevious(
    set,
    { period, values: resolvedValues(set, checked.recognition, period), file: shown(ctx, checked.file), cells },
    { period: previous.period, values: previous.values, file: shown(ctx, previous.file) },
  );
  return { findings, line: t.comparedWith(shown(ctx, previous.file), previous.period) };
}
