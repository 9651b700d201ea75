/**
 * The engine's view of a workbook the command line is writing with exceljs (`new` and `merge` cache the engine's
 * value of each rate formula; see cacheRateResults in ./new). Input files are never read here: they go through the
 * lean reader (src/io/xlsx-read.ts, via ./xlsx-read).
 */
import type ExcelJS from "exceljs";
import type { CellInput, SheetGrid } from "../engine/types";
import { MAX_COLS, MAX_ROWS } from "../excel/limits";
import type { TemplateSet } from "../forms/schema";
import { parseTagName } from "../layout/plan";

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

/** Reads the cells of an exceljs worksheet into a grid starting at A1, inside the read window. */
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

/** The form ids named by an exceljs workbook's tags (defined names), by sheet name. */
function formHints(workbook: ExcelJS.Workbook, set: TemplateSet): Map<string, string> {
  const hints = new Map<string, string>();
  const model = (workbook.definedNames.model ?? []) as unknown as Array<{ name: string; ranges: string[] }>;
  for (const { name, ranges } of model) {
    const tag = parseTagName(name, set);
    if (!tag) continue;
    for (const range of ranges ?? []) {
      const m = /^'?(.*?)'?!/.exec(range);
      if (m && !hints.has(m[1].replace(/''/g, "'"))) hints.set(m[1].replace(/''/g, "'"), tag.formId);
    }
  }
  return hints;
}

/** The grids of a workbook being written (check --write --fix re-checks the copy it fixed). */
export function workbookGrids(workbook: ExcelJS.Workbook, set: TemplateSet): { grids: SheetGrid[]; truncated: string[] } {
  const hints = formHints(workbook, set);
  const grids: SheetGrid[] = [];
  const truncated: string[] = [];
  for (const ws of workbook.worksheets) {
    const { grid, truncated: cut } = sheetGrid(ws, hints.get(ws.name));
    grids.push(grid);
    if (cut) truncated.push(ws.name);
  }
  return { grids, truncated };
}
