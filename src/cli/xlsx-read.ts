/**
 * Reads an .xlsx file into the engine's SheetGrid shape, with exceljs. Every way a file can fail to open is a value
 * (ReadFailure with a closed problem code), never an exception: a batch goes on past a bad file.
 */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import type { CellInput, SheetGrid } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { parseTagName } from "../layout/plan";
import type { ReadProblem } from "../i18n/cli";
import { MAX_COLS, MAX_ROWS } from "../excel/limits";
import { errorDetail, loadProblem, packageProblem } from "./read-problem";

/** A sheet larger than this is read only in part (the same window as the add-in's, see src/excel/limits.ts). */
export { MAX_COLS, MAX_ROWS };

export interface ReadSuccess {
  ok: true;
  file: string;
  workbook: ExcelJS.Workbook;
  grids: SheetGrid[];
  /** Sheets read only in part, with the size read. */
  truncated: Array<{ sheet: string; rows: number; cols: number }>;
}

export interface ReadFailure {
  ok: false;
  file: string;
  problem: ReadProblem;
  detail?: string;
}

export type ReadOutcome = ReadSuccess | ReadFailure;

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function utf16(s: string): Buffer {
  return Buffer.from(s, "utf16le");
}

/**
 * What an OLE compound file holds, from the stream names in its directory: an encrypted OOXML package
 * ("EncryptedPackage", how Excel saves a password-protected .xlsx) or a BIFF workbook ("Workbook"/"Book": .xls).
 */
export function classifyOle(bytes: Buffer): "encrypted" | "xls" | "ole_other" {
  if (bytes.includes(utf16("EncryptedPackage")) || bytes.includes(utf16("EncryptionInfo"))) return "encrypted";
  if (bytes.includes(utf16("Workbook")) || bytes.includes(utf16("Book"))) return "xls";
  return "ole_other";
}

/** Classifies raw bytes before handing them to exceljs; null means "looks like a zip, try it". */
export function sniff(bytes: Buffer): ReadProblem | null {
  if (bytes.length === 0) return "empty_file";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(OLE_MAGIC)) return classifyOle(bytes);
  if (bytes.length < 4 || !bytes.subarray(0, 4).equals(ZIP_MAGIC)) return "not_xlsx";
  return null;
}

function plainText(value: ExcelJS.CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("error" in value) return String(value.error);
    if ("text" in value && typeof value.text === "string") return value.text; // hyperlink
  }
  return null;
}

/** One exceljs cell as the engine's CellInput; null for an empty cell. */
export function cellInput(cell: ExcelJS.Cell): CellInput | null {
  const raw = cell.value;
  if (raw === null || raw === undefined) return null;
  const numberFormat = cell.numFmt || undefined;
  if (typeof raw === "object" && raw !== null && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw)) {
    const f = raw as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const formula = f.formula ?? (cell.formula || f.sharedFormula);
    const value = plainText((f.result ?? null) as ExcelJS.CellValue);
    return { value, formula: formula ? `=${formula}` : undefined, numberFormat, ...(typeof value === "string" ? { text: value } : {}) };
  }
  const value = plainText(raw);
  if (value === null) return null;
  return typeof value === "string" ? { value, text: value, numberFormat } : { value, numberFormat };
}

/** The form ids named by the workbook's tags (defined names), by sheet name. */
export function formHints(workbook: ExcelJS.Workbook, set: TemplateSet): Map<string, string> {
  const hints = new Map<string, string>();
  let model: Array<{ name: string; ranges: string[] }> = [];
  try {
    model = workbook.definedNames.model as unknown as Array<{ name: string; ranges: string[] }>;
  } catch {
    return hints;
  }
  for (const { name, ranges } of model ?? []) {
    const tag = parseTagName(name, set);
    if (!tag) continue;
    for (const range of ranges ?? []) {
      const m = /^'?(.*?)'?!/.exec(range);
      if (m) {
        const sheet = m[1].replace(/''/g, "'");
        if (!hints.has(sheet)) hints.set(sheet, tag.formId);
      }
    }
  }
  return hints;
}

/** Reads the cells of a worksheet into a grid starting at A1. */
export function sheetGrid(ws: ExcelJS.Worksheet, formHint?: string): { grid: SheetGrid; truncated: boolean } {
  const cells: Array<Array<CellInput | null>> = [];
  let truncated = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber > MAX_ROWS) {
      truncated = true;
      return;
    }
    const out: Array<CellInput | null> = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (colNumber > MAX_COLS) {
        truncated = true;
        return;
      }
      // A merged cell's slaves repeat the master's value in exceljs; the sheet shows it once.
      if (cell.isMerged && cell.master !== cell) return;
      const input = cellInput(cell);
      if (input) out[colNumber - 1] = input;
    });
    cells[rowNumber - 1] = out;
  });
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
  return { grid: { sheet: ws.name, cells, origin: { row: 0, col: 0 }, ...(formHint ? { formHint } : {}) }, truncated };
}

export function workbookGrids(workbook: ExcelJS.Workbook, set: TemplateSet): Omit<ReadSuccess, "ok" | "file" | "workbook"> {
  const hints = formHints(workbook, set);
  const grids: SheetGrid[] = [];
  const truncated: ReadSuccess["truncated"] = [];
  for (const ws of workbook.worksheets) {
    const { grid, truncated: cut } = sheetGrid(ws, hints.get(ws.name));
    grids.push(grid);
    if (cut) truncated.push({ sheet: ws.name, rows: MAX_ROWS, cols: MAX_COLS });
  }
  return { grids, truncated };
}

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 120);
}

/** Opens a file and reads every sheet; every failure is a ReadFailure. */
/**
 * Parts of a sheet the checker never reads. Skipping them makes loading about a third faster; a workbook that will
 * be written back (check --write) is loaded in full so nothing is lost.
 */
const READ_ONLY_IGNORED = [
  "dataValidations", "conditionalFormatting", "pageSetup", "headerFooter", "printOptions", "pageMargins", "sheetViews",
  "cols", "rowBreaks", "drawing", "picture", "extLst", "sheetProtection", "autoFilter", "hyperlinks", "tableParts",
];

export interface ReadOptions {
  /** Load every part (for writing a copy back); otherwise parts the checker never reads are skipped. */
  full?: boolean;
}

export async function readWorkbookFile(file: string, set: TemplateSet, options: ReadOptions = {}): Promise<ReadOutcome> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) return { ok: false, file, problem: "is_directory" };
    bytes = await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, file, problem: code === "ENOENT" ? "not_found" : "corrupt", detail: code === "ENOENT" ? undefined : shortReason(e) };
  }
  return readWorkbookBytes(file, bytes, set, options);
}

export async function readWorkbookBytes(file: string, bytes: Buffer, set: TemplateSet, options: ReadOptions = {}): Promise<ReadOutcome> {
  const problem = sniff(bytes);
  if (problem) return { ok: false, file, problem };
  const pkg = packageProblem(bytes);
  if (pkg) return { ok: false, file, ...pkg };
  const workbook = new ExcelJS.Workbook();
  try {
    const loadOptions = options.full ? {} : { ignoreNodes: READ_ONLY_IGNORED };
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer, loadOptions as Partial<ExcelJS.XlsxReadOptions>);
  } catch (e) {
    return { ok: false, file, problem: loadProblem(e), detail: errorDetail(e) };
  }
  if (workbook.worksheets.length === 0) return { ok: false, file, problem: "no_sheets" };
  try {
    return { ok: true, file, workbook, ...workbookGrids(workbook, set) };
  } catch (e) {
    return { ok: false, file, problem: loadProblem(e), detail: errorDetail(e) };
  }
}
