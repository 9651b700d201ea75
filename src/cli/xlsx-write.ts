/**
 * Renders the layout's plans with exceljs: a SheetLayout (bieumau new, merge), a WriteBackPlan and a ClearPlan
 * (check --write). Nothing here decides where anything goes; the plans do.
 */
import { promises as fs } from "fs";
import { basename, dirname, join } from "path";
import ExcelJS from "exceljs";
import { cliText } from "../i18n/cli";
import type { Lang } from "../i18n/number";
import { columnLetters, parseA1Range } from "../layout/a1";
import { refitRows } from "../layout/fit";
import type { CellStyle, SheetLayout } from "../layout/types";
import { TONE_COLORS, type ClearPlan, type SheetWrites, type WriteBackPlan } from "../layout/writeback-types";

const argb = (hex: string) => ({ argb: `FF${hex.replace(/^#/, "").toUpperCase()}` });
const THIN = { style: "thin" as const, color: { argb: "FF000000" } };

/**
 * The forms are Vietnamese documents: their counts and rates read "53.414" and "55,17" in any viewer. The locale tag
 * [$-42A] (vi-VN) makes LibreOffice use Vietnamese separators whatever its own locale; Excel takes separators from
 * the system's regional settings, so a vi-VN Excel shows the same and an en-US one its own (53,414).
 */
export function inVietnamese(numberFormat: string): string {
  return numberFormat === "#,##0" || numberFormat === "0.00" ? `[$-42A]${numberFormat}` : numberFormat;
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = {
    name: style.font.name,
    size: style.font.size,
    bold: style.font.bold ?? false,
    italic: style.font.italic ?? false,
    ...(style.font.color ? { color: argb(style.font.color) } : {}),
  };
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(style.fill) };
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  cell.alignment = {
    ...(style.hAlign ? { horizontal: style.hAlign } : {}),
    ...(style.vAlign ? { vertical: style.vAlign === "center" ? "middle" : style.vAlign } : {}),
    ...(style.wrap ? { wrapText: true } : {}),
  };
  if (style.numberFormat) cell.numFmt = inVietnamese(style.numberFormat);
  cell.protection = { locked: style.locked };
}

/** Quotes a sheet name for a defined name / formula reference. */
function quoted(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function absolute(range: string): string {
  const r = parseA1Range(range);
  if (!r) return range;
  return `$${columnLetters(r.c1)}$${r.r1 + 1}:$${columnLetters(r.c2)}$${r.r2 + 1}`;
}

export interface RenderOptions {
  /** Cached results for formula cells (A1 → value), so viewers that do not recalculate still show numbers. */
  formulaResults?: Record<string, number | string>;
}

/** Adds one worksheet rendering the layout, with its tag. Returns the worksheet. */
export function renderLayout(workbook: ExcelJS.Workbook, layout: SheetLayout, options: RenderOptions = {}): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(layout.sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: layout.page.orientation,
      fitToPage: true,
      fitToWidth: layout.page.fitToWidth,
      fitToHeight: 0,
      margins: { ...layout.page.margins, header: 0.3, footer: 0.3 },
      printArea: layout.printArea,
    },
  });
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const [row, height] of Object.entries(layout.rowHeights)) ws.getRow(Number(row) + 1).height = height;
  for (const planned of layout.cells) {
    const cell = ws.getCell(planned.row + 1, planned.col + 1);
    applyStyle(cell, layout.styles[planned.style]);
    if (planned.formula !== undefined) {
      const result = options.formulaResults?.[planned.address];
      cell.value = { formula: planned.formula.replace(/^=/, ""), ...(result !== undefined ? { result } : {}) } as ExcelJS.CellFormulaValue;
    } else if (planned.value !== undefined) {
      cell.value = planned.value;
    }
  }
  for (const range of layout.merges) ws.mergeCells(range);
  for (const v of layout.validations) {
    const cell = ws.getCell(v.address);
    const common = {
      allowBlank: true,
      showInputMessage: true,
      promptTitle: v.promptTitle,
      prompt: v.prompt,
      showErrorMessage: true,
      errorStyle: "stop" as const,
      errorTitle: v.errorTitle,
      error: v.error,
    };
    if (v.type === "list") cell.dataValidation = { ...common, type: "list", formulae: [`"${(v.list ?? []).join(",")}"`] };
    else {
      const between = v.min !== undefined && v.max !== undefined;
      cell.dataValidation = {
        ...common,
        type: v.type,
        operator: between ? "between" : v.min !== undefined ? "greaterThanOrEqual" : v.max !== undefined ? "lessThanOrEqual" : "between",
        formulae: between ? [v.min, v.max] : v.min !== undefined ? [v.min] : v.max !== undefined ? [v.max] : [-1e15, 1e15],
      } as ExcelJS.DataValidation;
    }
  }
  if (layout.tagName) workbook.definedNames.add(`${quoted(layout.sheetName)}!${absolute(layout.tableRange)}`, layout.tagName);
  return ws;
}

/** Grows the rows of a rendered layout whose typed text (notes, values) wraps onto more lines than planned. */
export function fitRows(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const heights = refitRows(layout, (row, col) => {
    const v = ws.getCell(row + 1, col + 1).value;
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
  });
  for (const [row, height] of Object.entries(heights)) ws.getRow(Number(row) + 1).height = height;
}

/** Writes a typed value over a planned cell (a clerk typing into it), keeping its style unless a format comes with it. */
export function typeInto(cell: ExcelJS.Cell, value: string | number | boolean | null | undefined, numberFormat?: string): void {
  if (value === null || value === undefined || value === "") {
    cell.value = null;
    return;
  }
  ownStyle(cell);
  cell.value = value;
  if (typeof value === "string") cell.numFmt = "@";
  else if (numberFormat && numberFormat !== "General") cell.numFmt = inVietnamese(numberFormat);
}

function toneStyle(
  cell: ExcelJS.Cell,
  tone: NonNullable<SheetWrites["cells"][number]["tone"]>,
  bold: boolean | undefined,
  wrap: boolean | undefined,
  vertical: "middle" | "top",
): void {
  const c = TONE_COLORS[tone];
  cell.font = { ...(cell.font ?? {}), color: argb(c.font), bold: bold ?? cell.font?.bold ?? false };
  if (c.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: argb(c.fill) };
  if (wrap) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical };
}

/**
 * Gives a cell a style object of its own before it is changed: exceljs shares one style object among the cells of a
 * file that had the same style, so setting one cell's numFmt or font would change all of them.
 */
export function ownStyle(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style };
}

function renderWrites(ws: ExcelJS.Worksheet, writes: SheetWrites): void {
  // Beside a form, text sits mid-row like the form's own cells; a sheet of its own (results) reads from the top.
  const vertical = writes.page ? "top" : "middle";
  for (const w of writes.cells) {
    const cell = ws.getCell(w.address);
    ownStyle(cell);
    if (writes.font) cell.font = { ...(cell.font ?? {}), name: writes.font.name, size: writes.font.size };
    if (writes.page) cell.alignment = { ...(cell.alignment ?? {}), vertical: "top" };
    if (w.formula !== undefined) cell.value = { formula: w.formula.replace(/^=/, "") } as ExcelJS.CellFormulaValue;
    else if (w.link) cell.value = { text: String(w.value ?? ""), hyperlink: `#${quoted(w.link.sheet)}!${w.link.address}` };
    else if (w.value === null || w.value === undefined) cell.value = null;
    else if (typeof w.value === "string") {
      cell.value = w.value;
      cell.numFmt = "@";
    } else cell.value = w.value;
    if (w.tone) toneStyle(cell, w.tone, w.bold, w.wrap, vertical);
    else if (w.bold || w.wrap) {
      if (w.bold) cell.font = { ...(cell.font ?? {}), bold: true };
      if (w.wrap) cell.alignment = { ...(cell.alignment ?? {}), wrapText: true, vertical };
    }
  }
  for (const [col, width] of Object.entries(writes.columnWidths ?? {})) ws.getColumn(Number(col) + 1).width = width;
  // A file has no one to measure its text when opened: each row gets the height its text needs, never less than it had.
  for (const [row, height] of Object.entries(writes.rowHeights ?? {})) {
    const r = ws.getRow(Number(row) + 1);
    r.height = Math.max(r.height ?? 0, height);
  }
  if (writes.page)
    Object.assign(ws.pageSetup, {
      paperSize: 9,
      orientation: writes.page.orientation,
      fitToPage: true,
      fitToWidth: writes.page.fitToWidth,
      fitToHeight: 0,
      margins: { left: 0.59, right: 0.59, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
    });
}

/** Empties what a previous check wrote (ClearPlan), then writes the new plan. */
export function renderClear(workbook: ExcelJS.Workbook, plan: ClearPlan): void {
  for (const { sheet, ranges } of plan.formSheets) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) continue;
    for (const range of ranges) {
      const r = parseA1Range(range);
      if (!r) continue;
      for (let row = r.r1; row <= r.r2; row++)
        for (let col = r.c1; col <= r.c2; col++) {
          const cell = ws.getCell(row + 1, col + 1);
          cell.value = null;
          cell.style = {};
        }
    }
  }
  const old = workbook.getWorksheet(plan.resultsSheet);
  if (old) workbook.removeWorksheet(old.id);
}

/** Adds a sheet of its own (made anew) rendering the writes. */
export function renderSheetWrites(workbook: ExcelJS.Workbook, writes: SheetWrites & { name: string }): ExcelJS.Worksheet {
  const old = workbook.getWorksheet(writes.name);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(writes.name);
  renderWrites(ws, writes);
  return ws;
}

export function renderWriteBack(workbook: ExcelJS.Workbook, plan: WriteBackPlan): void {
  for (const writes of plan.formSheets) {
    const ws = workbook.getWorksheet(writes.sheet);
    if (ws) renderWrites(ws, writes);
  }
  const old = workbook.getWorksheet(plan.results.name);
  if (old) workbook.removeWorksheet(old.id);
  const ws = workbook.addWorksheet(plan.results.name);
  renderWrites(ws, plan.results);
  workbook.calcProperties.fullCalcOnLoad = true;
}

/**
 * Writes a workbook to `path` through a temporary file in the same directory and a rename, so a failure never
 * leaves a half-written file, and never over an existing file unless `overwrite`.
 */
export async function writeWorkbookAtomically(workbook: ExcelJS.Workbook, path: string, overwrite: boolean, lang: Lang = "vi"): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  workbook.calcProperties.fullCalcOnLoad = true;
  try {
    await workbook.xlsx.writeFile(tmp);
    if (overwrite) await fs.rename(tmp, path);
    else {
      // link() fails with EEXIST instead of replacing: no window where an existing file could be overwritten.
      try {
        await fs.link(tmp, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EEXIST") throw new OutputExistsError(path, lang);
        throw e;
      }
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

/** Writes atomically; "exists" when the target is there and overwriting was not asked for (nothing is written then). */
export async function writeOutput(workbook: ExcelJS.Workbook, path: string, overwrite: boolean): Promise<"written" | "exists"> {
  try {
    await writeWorkbookAtomically(workbook, path, overwrite);
    return "written";
  } catch (e) {
    if (e instanceof OutputExistsError) return "exists";
    throw e;
  }
}

export class OutputExistsError extends Error {
  override readonly name = "OutputExistsError";
  constructor(readonly path: string, lang: Lang = "vi") {
    super(cliText(lang).outputExists(path));
  }
}
