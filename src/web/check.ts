/**
 * The browser checker's reading and checking of one file, with the command line's own pure pieces: workbooks through
 * the lean reader (src/cli/xlsx-bytes.ts readWorkbookBytes, src/io/xlsx-read.ts), Word reports as `bieumau check
 * REPORT.docx` does (src/cli/docx-check.ts: the appendix tables through the engine, the body's text cross-checked).
 * exceljs is not here: the downloads (src/web/download.ts) load it on demand. Bytes in, findings out: no network, no
 * file system.
 */
import { checkDocument, readReportBytes } from "../cli/docx-check";
import { cliDocxText } from "../i18n/cli-docx";
import { checkWorkbook } from "../engine/check";
import type { Finding, RecognitionResult, ValidationResult } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { cliText } from "../i18n/cli";
import type { Lang } from "../i18n/number";
import type { CheckedFile } from "../cli/check";
import { readWorkbookBytes, type ReadOutcome } from "../cli/xlsx-bytes";

export interface WebChecked extends CheckedFile {
  /** Why the file could not be read, as the CLI says it; undefined when read. */
  problem?: string;
  /** Notes of the sheet read (truncated sheets). */
  notes: string[];
  /** The file's bytes, for the checked copy (opened with exceljs only then). */
  bytes?: Uint8Array;
  /** A Word report: checked and listed like a workbook, but no checked copy and not merged. */
  document?: boolean;
}

export function isDocxFile(name: string): boolean {
  return /\.docx$/i.test(name);
}

/** A Word report as `bieumau check REPORT.docx` checks it: the appendix tables, then the body's text against them. */
export function checkDocxBytes(file: string, bytes: Uint8Array, set: TemplateSet, lang: Lang): WebChecked {
  const fail = (problem: string): WebChecked => ({
    file,
    outcome: { ok: false, file, problem: "not_workbook" },
    findings: [],
    notes: [],
    problem,
    document: true,
  });
  const read = readReportBytes(bytes, file, lang);
  if ("error" in read) return fail(read.error);
  const { recognition, result, findings } = checkDocument({ lang }, set, read.doc);
  if (recognition.forms.length === 0) return fail(cliDocxText(lang).noAppendix);
  return { file, outcome: { ok: true, file, grids: [], truncated: [], names: [] }, recognition, result, findings, notes: [], document: true };
}

/** Recognition findings and validation findings, each once (as the CLI's allFindings). */
function findingsOf(recognition: RecognitionResult, result: ValidationResult): Finding[] {
  return [...new Set([...recognition.findings, ...result.findings])];
}

export async function checkBytes(file: string, bytes: Uint8Array, set: TemplateSet, lang: Lang): Promise<WebChecked> {
  const t = cliText(lang);
  // Read in full: the same workbook gives the checked copy.
  const outcome: ReadOutcome = await readWorkbookBytes(file, bytes, set);
  if (!outcome.ok) return { file, outcome, findings: [], notes: [], problem: t.readProblem(outcome.problem, outcome.detail) };
  const { recognition, result, period } = checkWorkbook(set, outcome.grids);
  const notes = outcome.truncated.map((x) => t.sheetTruncated(x.sheet, x.rows, x.cols));
  return { file, outcome, recognition, result, findings: findingsOf(recognition, result), notes, period, bytes };
}

/** One chosen file, a Word report or a workbook, checked as the page lists it (in the worker or on the page). */
export async function checkChosenFile(file: string, bytes: Uint8Array, set: TemplateSet, lang: Lang, docx: boolean): Promise<WebChecked> {
  return docx ? checkDocxBytes(file, bytes, set, lang) : checkBytes(file, bytes, set, lang);
}
