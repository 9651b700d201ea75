/**
 * Reads a workbook for checking through Office.js, within Excel on the web's 5 MB limit on a request and on a
 * response ("Resource limits and performance optimization for Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 * A 5000 × 60 sheet read at once is ~12 MB, so reading goes in steps, never one sync for everything:
 *   sync 1  sheets, their protection, the defined names, Protect Workbook (ExcelApi 1.7), the calculation mode;
 *   sync 2  every sheet's used range (its address only: the size) and every tag's range;
 *   sync 3… only the used cells inside the read window, in pieces of at most CELL_BUDGET cells per sync (small
 *           sheets share one sync); a piece Excel still refuses as too large is read again in halves.
 * In manual calculation mode the workbook is recalculated (Application.calculate, ExcelApi 1.1) before its cells are
 * read, so the add-in's own rate formulas are not judged by stale values, and a note says so.
 */
import { isProductSheet } from "../engine/recognise";
import type { SheetGrid } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import type { ExcelText } from "../i18n/excel";
import { parseTagName } from "../layout/plan";
import { codeOf } from "./errors";
import { HostError } from "./host";
import { MAX_COLS, MAX_ROWS } from "./limits";
import { toCellInput } from "./cells";

type Ctx = Excel.RequestContext;

/** Cells read per sync: 4 properties × ~60 bytes a cell stays far below 5 MB; a larger reply is split again. */
export const CELL_BUDGET = 15_000;

export interface ReadCaps {
  tags: boolean;
  usedRangeOrNull: boolean;
  /** Workbook.protection (ExcelApi 1.7). */
  workbookProtection: boolean;
}

export interface WorkbookRead {
  grids: SheetGrid[];
  sheets: Array<{ name: string; protected: boolean }>;
  /** Tag name → sheet it points into, for the sheets the tag still finds. */
  tags: Map<string, string>;
  notes: string[];
  /** Protect Workbook (structure) is on: no sheet can be added, deleted or renamed. Null when the host cannot say. */
  structureProtected: boolean | null;
  /** The workbook was in manual calculation mode (and was recalculated before reading). */
  manualCalculation: boolean;
}

interface Rect { r1: number; c1: number; r2: number; c2: number }
interface Piece extends Rect { sheet: string }

/** "A1:BH5000"-style address of a zero-based rect. */
function address(r: Rect): string {
  const col = (c: number): string => {
    let s = "";
    for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  return `${col(r.c1)}${r.r1 + 1}:${col(r.c2)}${r.r2 + 1}`;
}

/** Splits "'Biểu mẫu 3'!A7:E40" into sheet and address. */
export function splitAddress(text: string): { sheet: string; address: string } | null {
  const i = text.lastIndexOf("!");
  if (i < 0) return null;
  let sheet = text.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: text.slice(i + 1) };
}

/** "C3:F40" (or "C3") → zero-based rect. */
export function parseRect(a1: string): Rect | null {
  const parts = a1.replace(/\$/g, "").split(":");
  const cell = (s: string) => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(s);
    if (!m) return null;
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const a = cell(parts[0]);
  const b = cell(parts[1] ?? parts[0]);
  if (!a || !b) return null;
  return { r1: Math.min(a.row, b.row), c1: Math.min(a.col, b.col), r2: Math.max(a.row, b.row), c2: Math.max(a.col, b.col) };
}

/** Cuts each sheet's rect into row blocks of at most `budget` cells, and groups blocks into syncs of that budget. */
export function planPieces(rects: ReadonlyArray<Piece>, budget: number = CELL_BUDGET): Piece[][] {
  const groups: Piece[][] = [];
  let group: Piece[] = [];
  let size = 0;
  for (const r of rects) {
    const cols = r.c2 - r.c1 + 1;
    const rowsPer = Math.max(1, Math.floor(budget / cols));
    for (let top = r.r1; top <= r.r2; top += rowsPer) {
      const piece = { ...r, r1: top, r2: Math.min(r.r2, top + rowsPer - 1) };
      const cells = (piece.r2 - piece.r1 + 1) * cols;
      if (size + cells > budget && group.length) {
        groups.push(group);
        group = [];
        size = 0;
      }
      group.push(piece);
      size += cells;
    }
  }
  if (group.length) groups.push(group);
  return groups;
}

type Loaded = { values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][]; text: unknown[][] };

/** Reads the pieces, one group per sync; a group Excel refuses as too large is split, then halved, and read again. */
async function readPieces(ctx: Ctx, groups: Piece[][], tooLarge: () => Error): Promise<Array<{ piece: Piece; data: Loaded }>> {
  const out: Array<{ piece: Piece; data: Loaded }> = [];
  const queue = groups.slice();
  while (queue.length) {
    const group = queue.shift()!;
    const ranges = group.map((piece) => {
      const range = ctx.workbook.worksheets.getItem(piece.sheet).getRange(address(piece));
      range.load("values,formulas,numberFormat,text");
      return { piece, range };
    });
    try {
      await ctx.sync();
    } catch (e) {
      if (codeOf(e) !== "ResponsePayloadSizeLimitExceeded") throw e;
      if (group.length > 1) queue.unshift(...group.map((p) => [p]));
      else {
        const p = group[0];
        if (p.r1 === p.r2) throw tooLarge();
        const mid = p.r1 + Math.floor((p.r2 - p.r1) / 2);
        queue.unshift([{ ...p, r2: mid }], [{ ...p, r1: mid + 1 }]);
      }
      continue;
    }
    for (const { piece, range } of ranges)
      out.push({ piece, data: { values: range.values, formulas: range.formulas, numberFormat: range.numberFormat, text: range.text } });
  }
  return out;
}

/** The cells of `rects` read in pieces, as one grid per rect (origin at the rect's top-left). */
async function gridsOf(ctx: Ctx, rects: readonly Piece[], t: ExcelText): Promise<SheetGrid[]> {
  const pieces = await readPieces(ctx, planPieces(rects), () => new HostError(t.tooLarge));
  return rects.map((r) => {
    const rows: Array<Array<ReturnType<typeof toCellInput>>> = [];
    for (const { piece, data } of pieces) {
      if (piece.sheet !== r.sheet || piece.c1 !== r.c1 || piece.r1 < r.r1 || piece.r2 > r.r2) continue;
      data.values.forEach((row, i) => {
        rows[piece.r1 - r.r1 + i] = row.map((v, j) => toCellInput(v, data.formulas[i]?.[j], data.numberFormat[i]?.[j], data.text[i]?.[j]));
      });
    }
    return { sheet: r.sheet, cells: rows, origin: { row: r.r1, col: r.c1 } };
  });
}

/** The used part of a sheet inside the read window, or null when nothing there is used. */
function windowRect(sheet: string, usedAddress: string): Piece | null {
  const at = splitAddress(usedAddress);
  const rect = at ? parseRect(at.address) : null;
  if (!rect || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) return null;
  return { sheet, r1: rect.r1, c1: rect.c1, r2: Math.min(rect.r2, MAX_ROWS - 1), c2: Math.min(rect.c2, MAX_COLS - 1) };
}

/** The active sheet's used cells inside the read window (sync 1: its name and used range; then the cells in pieces). */
export async function readActiveSheetGrid(ctx: Ctx, caps: Pick<ReadCaps, "usedRangeOrNull">, t: ExcelText): Promise<SheetGrid | null> {
  const ws = ctx.workbook.worksheets.getActiveWorksheet();
  ws.load("name");
  const used = caps.usedRangeOrNull ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
  used.load("address");
  await ctx.sync();
  if (used.isNullObject) return null;
  const rect = windowRect(ws.name, used.address);
  if (!rect) return null;
  const [grid] = await gridsOf(ctx, [rect], t);
  return grid;
}

export async function readWorkbook(ctx: Ctx, set: TemplateSet, caps: ReadCaps, t: ExcelText): Promise<WorkbookRead> {
  // Sync 1: the workbook's outline.
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/protection/protected");
  const names = caps.tags ? ctx.workbook.names : null;
  names?.load("items/name,items/type");
  const protection = caps.workbookProtection ? ctx.workbook.protection : null;
  protection?.load("protected");
  const application = ctx.workbook.application;
  application.load("calculationMode");
  await ctx.sync();

  const notes: string[] = [];
  const manualCalculation = application.calculationMode === "Manual";
  if (manualCalculation) {
    // Stale values would give false rate errors: recalculate first (what F9 does), and say so.
    application.calculate("Full" as Excel.CalculationType);
    notes.push(t.manualCalculation);
  }

  // Sync 2: sizes and tag bounds only.
  const wanted = sheets.items.filter((ws) => ws.visibility !== "VeryHidden" && !isProductSheet(ws.name));
  const used = wanted.map((ws) => {
    const whole = caps.usedRangeOrNull ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
    whole.load("address");
    return { name: ws.name, whole };
  });
  const tagItems = (names?.items ?? []).filter((n) => parseTagName(n.name, set) !== null);
  const tagRanges = tagItems.map((n) => {
    const r = n.type === "Range" ? n.getRangeOrNullObject() : null;
    r?.load("address");
    return { name: n.name, range: r };
  });
  await ctx.sync();

  const tags = new Map<string, string>();
  const hints = new Map<string, string>();
  const otherSet = new Map<string, string>();
  for (const { name, range } of tagRanges) {
    const where = range && !range.isNullObject ? splitAddress(range.address) : null;
    if (!where) {
      notes.push(t.tagBroken(name));
      continue;
    }
    tags.set(name, where.sheet);
    const parsed = parseTagName(name, set);
    if (!parsed) continue;
    if (!hints.has(where.sheet)) hints.set(where.sheet, parsed.formId);
    if (!parsed.sameSet && !otherSet.has(where.sheet)) otherSet.set(where.sheet, parsed.templateSet);
  }
  for (const [sheet, tagSet] of otherSet) notes.push(t.tagOtherSet(sheet, tagSet, set.template_set));

  const rects: Piece[] = [];
  for (const { name, whole } of used) {
    if (whole.isNullObject) continue;
    const at = splitAddress(whole.address);
    const rect = at ? parseRect(at.address) : null;
    if (rect && (rect.r2 >= MAX_ROWS || rect.c2 >= MAX_COLS)) notes.push(t.sheetTruncated(name, MAX_ROWS, MAX_COLS));
    const inWindow = windowRect(name, whole.address);
    if (inWindow) rects.push(inWindow);
  }

  // Sync 3…: the cells.
  const grids = await gridsOf(ctx, rects, t);
  for (const grid of grids) {
    const hint = hints.get(grid.sheet);
    if (hint) grid.formHint = hint;
  }
  return {
    grids,
    sheets: sheets.items.map((ws) => ({ name: ws.name, protected: ws.protection.protected })),
    tags,
    notes,
    structureProtected: protection ? protection.protected : null,
    manualCalculation,
  };
}
