/**
 * The browser checker's downloads, loaded on demand (its own chunk, with exceljs) when the user asks for one: the
 * checked copy (the write-back plans and the xlsx writer of `check --write`, behind the same huge-range guard) and
 * the consolidated workbook of `merge` (src/cli/merge-build.ts). Bytes in, bytes out.
 */
import { buildMerge } from "../cli/merge-build";
import { tooLargeForWriter } from "../cli/write-guard";
import { renderClear, renderWriteBack } from "../cli/xlsx-write";
import type { TemplateSet } from "../forms/schema";
import { cliText } from "../i18n/cli";
import type { Lang } from "../i18n/number";
import { planClear, planWriteBack } from "../layout/writeback";
import type { WebChecked } from "./check";

/** The checked copy (`bieumau check --write`): check column, rates, results sheet. */
export async function checkedCopy(checked: WebChecked, set: TemplateSet, lang: Lang): Promise<{ bytes: Uint8Array; notes: string[] }> {
  if (!checked.outcome.ok || !checked.recognition || !checked.result) throw new Error(checked.problem ?? "unreadable");
  const { grids } = checked.outcome;
  // The lean reader gave the grids; the copy is written by exceljs from the same bytes, unless a range in them would
  // make exceljs expand it cell by cell.
  if (!checked.bytes || tooLargeForWriter(checked.bytes)) throw new Error(cliText(lang).readProblem("too_large_to_write"));
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(checked.bytes as unknown as import("exceljs").Buffer);
  renderClear(workbook, planClear(checked.recognition, grids));
  const plan = planWriteBack(set, checked.recognition, checked.result, grids, lang);
  renderWriteBack(workbook, plan);
  const out = await workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), notes: plan.notes };
}

/** The consolidated workbook (`bieumau merge`), or the refusal the CLI would print. */
export async function consolidated(
  files: readonly WebChecked[],
  set: TemplateSet,
  lang: Lang,
  force: boolean,
): Promise<{ bytes?: Uint8Array; messages: string[] }> {
  const messages: string[] = [];
  const ctx = { t: cliText(lang), lang, err: (line = "") => void messages.push(line) };
  // The checked copy may have written into a file's workbook: merging reads the values the engine resolved, not the sheets.
  const built = buildMerge(ctx, set, false, files.filter((f) => !f.document), { force }, (file) => file);
  if (!built.workbook) return { messages };
  const out = await built.workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), messages };
}
