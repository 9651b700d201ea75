/**
 * The browser checker's work on one file and on many, with the command line's own pieces: the reader
 * (src/cli/xlsx-read.ts readWorkbookBytes, until the lean src/io reader lands), the engine, the write-back plans and
 * the xlsx writer of `check --write`, and the consolidated workbook of `merge` (src/cli/merge-build.ts). Bytes in,
 * bytes out: no network, no file system.
 */
import { Buffer } from "buffer";
import { checkWorkbook } from "../engine/check";
import type { Finding, RecognitionResult, ValidationResult } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { cliText } from "../i18n/cli";
import type { Lang } from "../i18n/number";
import { planClear, planWriteBack } from "../layout/writeback";
import type { CheckedFile } from "../cli/check";
import { buildMerge } from "../cli/merge-build";
import { readWorkbookBytes, type ReadOutcome } from "../cli/xlsx-read";
import { renderClear, renderWriteBack } from "../cli/xlsx-write";
import { hasHugeRange } from "../cli/write-guard";

export interface WebChecked extends CheckedFile {
  /** Why the file could not be read, as the CLI says it; undefined when read. */
  problem?: string;
  /** Notes of the sheet read (truncated sheets). */
  notes: string[];
  /** The file's bytes, for the checked copy (opened with exceljs only then). */
  bytes?: Uint8Array;
}

/** Recognition findings and validation findings, each once (as the CLI's allFindings). */
function findingsOf(recognition: RecognitionResult, result: ValidationResult): Finding[] {
  return [...new Set([...recognition.findings, ...result.findings])];
}

export async function checkBytes(file: string, bytes: Uint8Array, set: TemplateSet, lang: Lang): Promise<WebChecked> {
  const t = cliText(lang);
  // Read in full: the same workbook gives the checked copy.
  const outcome: ReadOutcome = await readWorkbookBytes(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), set, { full: true });
  if (!outcome.ok) return { file, outcome, findings: [], notes: [], problem: t.readProblem(outcome.problem, outcome.detail) };
  const { recognition, result, period } = checkWorkbook(set, outcome.grids);
  const notes = outcome.truncated.map((x) => t.sheetTruncated(x.sheet, x.rows, x.cols));
  return { file, outcome, recognition, result, findings: findingsOf(recognition, result), notes, period, bytes };
}

/** The checked copy (`bieumau check --write`): check column, rates, results sheet. */
export async function checkedCopy(checked: WebChecked, set: TemplateSet, lang: Lang): Promise<{ bytes: Uint8Array; notes: string[] }> {
  if (!checked.outcome.ok || !checked.recognition || !checked.result) throw new Error(checked.problem ?? "unreadable");
  const { grids } = checked.outcome;
  // The lean reader gave the grids; the copy is written by exceljs from the same bytes, unless a range in them would
  // make exceljs expand it cell by cell.
  if (!checked.bytes || hasHugeRange(checked.bytes)) throw new Error(cliText(lang).readProblem("sheet_too_large"));
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
  const built = buildMerge(ctx, set, false, files, { force }, (file) => file);
  if (!built.workbook) return { messages };
  const out = await built.workbook.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), messages };
}
