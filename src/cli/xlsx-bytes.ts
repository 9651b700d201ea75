/**
 * The pure half of reading a workbook: bytes in, the engine's grids out, through the lean reader
 * (src/io/xlsx-read.ts). No Node API here (no fs, no path, no Buffer): the command line (src/cli/xlsx-read.ts adds the
 * file system) and the browser checker (src/web) read workbooks through this same function.
 */
import type { SheetGrid } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { parseTagName } from "../layout/plan";
import type { ReadProblem } from "../i18n/cli";
import { MAX_COLS, MAX_ROWS } from "../excel/limits";
import { sniffContainer } from "../io/sniff";
import { MAX_INPUT_FILE_BYTES } from "../io/zip-limits";
import { readXlsx, type XlsxDefinedName, type XlsxProblem, type XlsxWorkbook } from "../io/xlsx-read";

/** A sheet larger than this is read only in part (the same window as the add-in's, see src/excel/limits.ts). */
export { MAX_COLS, MAX_ROWS };

/** Largest input file read: a real report is under 1 MB; 100 MB is far past any workbook a unit sends. */
export const MAX_FILE_BYTES = MAX_INPUT_FILE_BYTES;

export interface ReadSuccess {
  ok: true;
  file: string;
  grids: SheetGrid[];
  /** Sheets read only in part, with the size read. */
  truncated: Array<{ sheet: string; rows: number; cols: number }>;
  /** The workbook's defined names, as ranges. */
  names: XlsxDefinedName[];
}

export interface ReadFailure {
  ok: false;
  file: string;
  problem: ReadProblem;
  detail?: string;
}

export type ReadOutcome = ReadSuccess | ReadFailure;

/** Classifies raw bytes before reading them; null means "looks like a zip, try it". */
export function sniff(bytes: Uint8Array): ReadProblem | null {
  const kind = sniffContainer(bytes);
  switch (kind) {
    case "empty":
      return "empty_file";
    case "encrypted":
    case "xls":
    case "ole_other":
    case "doc":
      return kind;
    case "unknown":
      return "not_xlsx";
    case "zip":
      return null;
  }
}

/** The form ids named by the workbook's tags (defined names), by sheet name. */
export function formHints(names: readonly XlsxDefinedName[], set: TemplateSet): Map<string, string> {
  const hints = new Map<string, string>();
  for (const { name, ranges } of names) {
    const tag = parseTagName(name, set);
    if (!tag) continue;
    for (const range of ranges) if (range.sheet !== undefined && !hints.has(range.sheet)) hints.set(range.sheet, tag.formId);
  }
  return hints;
}

/** The engine's grids of a workbook read by the lean reader. */
export function workbookGrids(workbook: XlsxWorkbook, set: TemplateSet): Pick<ReadSuccess, "grids" | "truncated"> {
  const hints = formHints(workbook.names, set);
  const grids: SheetGrid[] = [];
  const truncated: ReadSuccess["truncated"] = [];
  for (const sheet of workbook.sheets) {
    const formHint = hints.get(sheet.name);
    grids.push({ sheet: sheet.name, cells: sheet.cells, origin: { row: 0, col: 0 }, ...(formHint ? { formHint } : {}) });
    if (sheet.truncated) truncated.push({ sheet: sheet.name, rows: MAX_ROWS, cols: MAX_COLS });
  }
  return { grids, truncated };
}

function problemOf(p: XlsxProblem): ReadProblem {
  switch (p) {
    case "empty":
      return "empty_file";
    case "not_zip":
      return "not_xlsx";
    case "damaged":
      return "corrupt";
    case "not_xlsx":
      // A zip that is no workbook: a .docx or another archive renamed .xlsx.
      return "not_workbook";
    default:
      return p;
  }
}

export function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 120);
}

export interface ReadOptions {
  /** Kept for callers of the exceljs reader; the lean reader reads the same either way. */
  full?: boolean;
}

export async function readWorkbookBytes(file: string, bytes: Uint8Array, set: TemplateSet, _options: ReadOptions = {}): Promise<ReadOutcome> {
  let read: ReturnType<typeof readXlsx>;
  try {
    read = readXlsx(bytes);
  } catch (e) {
    // The reader returns the file's problems as values: a throw is ours.
    return { ok: false, file, problem: "internal", detail: shortReason(e) };
  }
  if (!read.ok) return { ok: false, file, problem: problemOf(read.problem), ...(read.detail ? { detail: read.detail } : {}) };
  return { ok: true, file, names: read.workbook.names, ...workbookGrids(read.workbook, set) };
}
