/**
 * Queues the drawing of a planned sheet (src/layout/plan.ts) or of write-back cells (src/layout/writeback.ts) on an
 * Office.js worksheet. Nothing here syncs: callers queue everything and sync once. Cells are grouped into rectangles
 * (same style, one column, consecutive rows) so a form costs tens of operations, not thousands.
 */
import { a1, columnLetters, parseA1, parseA1Range } from "../layout/a1";
import type { CellStyle, PlannedValidation, SheetLayout, StyleId } from "../layout/types";
import { TONE_COLORS, type WriteCell } from "../layout/writeback-types";

/** Excel character units (as the layout plans widths) to points (as Office.js sets them): 7 px per char + 5 px padding. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

interface Rect { r1: number; c1: number; r2: number; c2: number }
const rectAddr = (r: Rect) => (r.r1 === r.r2 && r.c1 === r.c2 ? a1(r.r1, r.c1) : `${a1(r.r1, r.c1)}:${a1(r.r2, r.c2)}`);

/** Groups cells by a key into column-wise runs of consecutive rows. */
function runs<T>(cells: Array<{ row: number; col: number; key: string; item: T }>): Array<{ rect: Rect; item: T }> {
  const sorted = cells.slice().sort((a, b) => a.key.localeCompare(b.key) || a.col - b.col || a.row - b.row);
  const out: Array<{ rect: Rect; item: T }> = [];
  let cur: { rect: Rect; item: T; key: string } | null = null;
  for (const c of sorted) {
    if (cur && cur.key === c.key && cur.rect.c1 === c.col && cur.rect.r2 + 1 === c.row) cur.rect.r2 = c.row;
    else {
      if (cur) out.push(cur);
      cur = { rect: { r1: c.row, c1: c.col, r2: c.row, c2: c.col }, item: c.item, key: c.key };
    }
  }
  if (cur) out.push(cur);
  return out;
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const f = range.format;
  f.font.name = style.font.name;
  f.font.size = style.font.size;
  f.font.bold = !!style.font.bold;
  f.font.italic = !!style.font.italic;
  if (style.font.color) f.font.color = style.font.color;
  if (style.fill) f.fill.color = style.fill;
  if (style.hAlign) f.horizontalAlignment = style.hAlign === "center" ? "Center" : style.hAlign === "right" ? "Right" : "Left";
  if (style.vAlign) f.verticalAlignment = style.vAlign === "center" ? "Center" : style.vAlign === "top" ? "Top" : "Bottom";
  if (style.wrap) f.wrapText = true;
  if (style.border)
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#000000";
    }
  if (!style.locked) f.protection.locked = false;
}

/** Office.js data validation rule for a planned validation. */
export function validationRule(v: PlannedValidation): Excel.DataValidationRule {
  if (v.type === "list") return { list: { inCellDropDown: true, source: (v.list ?? []).join(",") } };
  const basic = (): Excel.BasicDataValidation => {
    if (v.min !== undefined && v.max !== undefined) return { formula1: v.min, formula2: v.max, operator: "Between" };
    if (v.min !== undefined) return { formula1: v.min, operator: "GreaterThanOrEqualTo" };
    if (v.max !== undefined) return { formula1: v.max, operator: "LessThanOrEqualTo" };
    return { formula1: -1e15, formula2: 1e15, operator: "Between" };
  };
  return v.type === "whole" ? { wholeNumber: basic() } : { decimal: basic() };
}

/** Excel's limits: a prompt or alert title holds 32 characters, a prompt message 255, an alert message 225. */
const clip = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

export interface RenderCaps {
  dataValidation: boolean;
  pageLayout: boolean;
}

/** Queues a whole planned sheet onto `ws` (a new, empty worksheet). */
export function renderLayout(ws: Excel.Worksheet, layout: SheetLayout, caps: RenderCaps): void {
  layout.columnWidths.forEach((w, c) => {
    const col = columnLetters(c);
    ws.getRange(`${col}:${col}`).format.columnWidth = charsToPoints(w);
  });
  for (const [row, h] of Object.entries(layout.rowHeights)) ws.getRange(`${Number(row) + 1}:${Number(row) + 1}`).format.rowHeight = h;

  // Number formats first (so text stays text), then contents, then merges, then styles. Every string constant is
  // text: its cell gets "@" and it is written through `values` (Excel would otherwise read "1E5", "7:30", "$5",
  // "1 1/2" or "=…" as something else). `formulas` carries only the product's own formulas (PlannedCell.formula).
  const isText = (c: SheetLayout["cells"][number]) => c.formula === undefined && typeof c.value === "string" && c.value !== "";
  const withFormat = layout.cells.map((c) => ({ ...c, numberFormat: isText(c) ? "@" : layout.styles[c.style].numberFormat }));
  for (const { rect, item } of runs(withFormat.filter((c) => c.numberFormat).map((c) => ({ row: c.row, col: c.col, key: c.numberFormat!, item: c.numberFormat! }))))
    ws.getRange(rectAddr(rect)).numberFormat = fill(rect, item);

  const constants = layout.cells.filter((c) => c.formula === undefined && c.value !== undefined);
  if (constants.length) {
    const box = bounds(constants);
    const grid = emptyGrid(box);
    for (const c of constants) grid[c.row - box.r1][c.col - box.c1] = c.value!;
    ws.getRange(rectAddr(box)).values = grid;
  }
  const formulas = layout.cells.filter((c) => c.formula !== undefined);
  if (formulas.length) {
    const box = bounds(formulas);
    const grid = emptyGrid(box);
    for (const c of formulas) grid[c.row - box.r1][c.col - box.c1] = c.formula!;
    ws.getRange(rectAddr(box)).formulas = grid;
  }
  for (const m of layout.merges) ws.getRange(m).merge(false);

  for (const { rect, item } of runs(layout.cells.map((c) => ({ row: c.row, col: c.col, key: c.style, item: c.style as StyleId }))))
    applyStyle(ws.getRange(rectAddr(rect)), layout.styles[item]);

  if (caps.dataValidation) {
    const vs = layout.validations.map((v) => {
      const p = parseA1(v.address)!;
      const { address: _omit, ...rest } = v;
      void _omit;
      return { row: p.row, col: p.col, key: JSON.stringify(rest), item: v };
    });
    for (const { rect, item } of runs(vs)) {
      const dv = ws.getRange(rectAddr(rect)).dataValidation;
      dv.rule = validationRule(item);
      dv.prompt = { showPrompt: true, title: clip(item.promptTitle, 32), message: clip(item.prompt, 255) };
      dv.errorAlert = { showAlert: true, style: "Stop", title: clip(item.errorTitle, 32), message: clip(item.error, 225) };
    }
  }

  if (caps.pageLayout) {
    const p = ws.pageLayout;
    p.orientation = "Portrait";
    p.paperSize = "A4";
    const inch = 72;
    p.leftMargin = layout.page.margins.left * inch;
    p.rightMargin = layout.page.margins.right * inch;
    p.topMargin = layout.page.margins.top * inch;
    p.bottomMargin = layout.page.margins.bottom * inch;
    p.zoom = { horizontalFitToPages: layout.page.fitToWidth };
    p.setPrintArea(layout.printArea);
  }
}

function fill<T>(rect: Rect, v: T): T[][] {
  return Array.from({ length: rect.r2 - rect.r1 + 1 }, () => Array.from({ length: rect.c2 - rect.c1 + 1 }, () => v));
}
function emptyGrid(rect: Rect): Array<Array<string | number | null>> {
  return fill<string | number | null>(rect, null);
}
function bounds(cells: ReadonlyArray<{ row: number; col: number }>): Rect {
  let r1 = Infinity, c1 = Infinity, r2 = -1, c2 = -1;
  for (const c of cells) {
    r1 = Math.min(r1, c.row); c1 = Math.min(c1, c.col); r2 = Math.max(r2, c.row); c2 = Math.max(c2, c.col);
  }
  return { r1, c1, r2, c2 };
}

/**
 * Queues write-back cells: strings always as text (number format "@" first, then `values`, never `formulas`), the
 * product's own formulas through `formulas`, links through the hyperlink property (never a HYPERLINK formula).
 */
export interface WriteOptions {
  hyperlinks: boolean;
  columnWidths?: Record<number, number>;
  /** One face for every written cell (SheetWrites.font). */
  font?: { name: string; size: number };
  /**
   * Rows of the written cells are autofitted (Range.format.autofitRows, ExcelApi 1.2, below the manifest's 1.4):
   * Excel measures wrapped text itself, where a file-based writer can only estimate (textfit.ts).
   */
  autofitRows?: boolean;
  /** Page setup (ExcelApi 1.9: the caller passes it only when supported). */
  page?: { orientation: "portrait" | "landscape"; fitToWidth: 1 };
}

export function renderWrites(ws: Excel.Worksheet, cells: readonly WriteCell[], options: WriteOptions): void {
  for (const [col, w] of Object.entries(options.columnWidths ?? {})) {
    const letters = columnLetters(Number(col));
    ws.getRange(`${letters}:${letters}`).format.columnWidth = charsToPoints(w);
  }
  const placed = cells.map((c) => ({ cell: c, at: parseA1(c.address)! })).filter((p) => p.at);
  const values = placed.filter((p) => p.cell.formula === undefined && p.cell.value !== undefined);
  if (values.length) {
    const box = bounds(values.map((p) => p.at));
    const fmt = fill<string | null>(box, null);
    const grid = emptyGrid(box);
    for (const { cell, at } of values) {
      const v = cell.value ?? "";
      grid[at.row - box.r1][at.col - box.c1] = v;
      if (typeof v === "string" && v !== "") fmt[at.row - box.r1][at.col - box.c1] = "@";
    }
    const range = ws.getRange(rectAddr(box));
    range.numberFormat = fmt;
    range.values = grid;
    if (options.font) {
      range.format.font.name = options.font.name;
      range.format.font.size = options.font.size;
    }
  }
  for (const { cell } of placed) {
    const range = ws.getRange(cell.address);
    if (cell.formula !== undefined) {
      range.numberFormat = [["0.00"]];
      range.formulas = [[cell.formula]];
    }
    if (cell.tone) {
      const tone = TONE_COLORS[cell.tone];
      range.format.font.color = tone.font;
      if (tone.fill) range.format.fill.color = tone.fill;
    }
    if (cell.bold) range.format.font.bold = true;
    if (cell.wrap) {
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
    }
    if (cell.link && options.hyperlinks)
      range.hyperlink = { documentReference: `'${cell.link.sheet.replace(/'/g, "''")}'!${cell.link.address}`, screenTip: `${cell.link.sheet}!${cell.link.address}` };
  }
  if (options.autofitRows && placed.length) {
    const box = bounds(placed.map((p) => p.at));
    ws.getRange(`${box.r1 + 1}:${box.r2 + 1}`).format.autofitRows();
  }
  if (options.page) {
    const p = ws.pageLayout;
    p.orientation = options.page.orientation === "landscape" ? "Landscape" : "Portrait";
    p.paperSize = "A4";
    p.zoom = { horizontalFitToPages: options.page.fitToWidth };
  }
}

/** "A7:A40" ranges of a clear plan, checked. */
export function validRanges(ranges: readonly string[]): string[] {
  return ranges.filter((r) => parseA1Range(r) !== null);
}
