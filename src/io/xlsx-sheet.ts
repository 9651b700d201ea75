/**
 * One worksheet part of an .xlsx, streamed (ECMA-376 Part 1, 18.3.1 "worksheet"): cells inside the read window become
 * the engine's CellInput (value, number format, formula); merges and the dimension are kept as ranges, never
 * expanded. Inflating stops at the first row below the window that holds a value, and the sheet is reported
 * truncated; a cell right of the window holding a value marks it truncated too.
 *
 * Cell values follow what the house read with exceljs before (so findings stay the same): shared and inline strings
 * (rich text runs joined, phonetic runs left out), booleans, error codes as text ("#DIV/0!"), numbers, and numbers
 * in a date format as ISO dates ("2024-06-30"). A formula is handed over as text with "=", a shared formula's
 * dependants translated from the master the way Excel does (18.3.1.40: relative references move with the cell).
 */
import type { CellInput } from "../engine/types";
import type { XmlAttrs } from "./xml";
import { xmlStream } from "./xml";
import type { ZipArchive } from "./zip";

export interface SheetWindow {
  maxRows: number;
  maxCols: number;
}

export interface SheetContent {
  /** Row-major, 0-based from A1; rows with no value are empty arrays. */
  cells: Array<Array<CellInput | null>>;
  /** Merged ranges as written ("B2:D2"), those starting inside the window, never expanded. */
  merges: string[];
  /** The sheet's own dimension ("A1:F40"), as written. */
  dimension?: string;
  /** A value lies outside the window (so the sheet was read only in part). */
  truncated: boolean;
}

/**
 * Cells holding a shared string, waiting for it: the shared strings are read after the sheets, keeping only those
 * cells inside the windows use (a sheet of 100,000 junk rows has 100,000s of strings no check reads).
 */
export type PendingStrings = Array<{ index: number; row: Array<CellInput | null>; col: number }>;

/** The formats a cell's style index stands for, and the workbook's date system. */
export interface CellStyles {
  numFmt(styleIndex: number): string | undefined;
  isDate(styleIndex: number): boolean;
  date1904: boolean;
}

/** Merges kept per sheet; a real form has a few dozen. */
const MAX_MERGES = 10_000;

/** "AB12" → [row 12, col 28] (1-based); null when it is not a cell reference. */
export function parseRef(ref: string): [number, number] | null {
  let i = 0;
  let col = 0;
  const n = ref.length;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const c0 = i;
  while (i < n) {
    const ch = ref.charCodeAt(i) | 0x20;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
    i++;
  }
  if (i === c0 || i - c0 > 3) return null;
  if (i < n && ref.charCodeAt(i) === 36) i++;
  const r0 = i;
  let row = 0;
  while (i < n) {
    const ch = ref.charCodeAt(i);
    if (ch < 48 || ch > 57) break;
    row = row * 10 + (ch - 48);
    i++;
  }
  if (i === r0 || i !== n || i - r0 > 7) return null;
  return [row, col];
}

export function columnName(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/**
 * A shared formula as seen from a cell `dr` rows and `dc` columns from its master: relative references move,
 * "$"-anchored parts stay; text in quotes and sheet-qualified names are left alone except for their references.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  const re = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/y;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = formula.indexOf(ch, i + 1);
      const stop = end < 0 ? n : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    const prev = i > 0 ? formula[i - 1] : "";
    re.lastIndex = i;
    const m = /[A-Za-z0-9_.]/.test(prev) ? null : re.exec(formula);
    const after = m ? formula[i + m[0].length] ?? "" : "";
    if (m && !/[A-Za-z0-9_(.]/.test(after)) {
      const col = m[2].toUpperCase().split("").reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0);
      const row = Number(m[4]);
      const newCol = m[1] ? col : col + dc;
      const newRow = m[3] ? row : row + dr;
      out += newCol < 1 || newRow < 1 ? "#REF!" : `${m[1]}${columnName(newCol)}${m[3]}${newRow}`;
      i += m[0].length;
      continue;
    }
    // A whole name or function (LOG10, Sheet1): copied in one piece so its digits are never taken for a row.
    const word = /[A-Za-z0-9_.]+/y;
    word.lastIndex = i;
    const w = /[A-Za-z0-9_.]/.test(ch) ? word.exec(formula) : null;
    if (w) {
      out += w[0];
      i += w[0].length;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function excelDate(serial: number, date1904: boolean): string | null {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

type Capture = "none" | "v" | "f" | "t";

/**
 * Streams one sheet part; cells holding shared strings are added to `pending`. Throws ZipError/XmlError for a damaged or
 * oversized part; stops inflating once the window is full.
 */
export function readSheet(zip: ZipArchive, part: string, pending: PendingStrings, styles: CellStyles, window: SheetWindow): SheetContent {
  const { maxRows, maxCols } = window;
  const cells: Array<Array<CellInput | null>> = [];
  const merges: string[] = [];
  let dimension: string | undefined;
  let truncated = false;
  let done = false;

  const masters = new Map<string, { formula: string; row: number; col: number }>();
  let rowNo = 0;
  let colNo = 0;
  let inCell = false;
  let cType = "";
  let cStyle = 0;
  let capture: Capture = "none";
  let vText = "";
  let hasV = false;
  let fText = "";
  let fAttrs: XmlAttrs | null = null;
  let tText = "";
  let hasT = false;
  let inPhonetic = 0;

  const finishCell = (): void => {
    inCell = false;
    let formula: string | undefined;
    if (fAttrs) {
      if (fAttrs.t === "shared" && fAttrs.si !== undefined) {
        if (fText) masters.set(fAttrs.si, { formula: fText, row: rowNo, col: colNo });
        else {
          const m = masters.get(fAttrs.si);
          if (m) formula = shiftFormula(m.formula, rowNo - m.row, colNo - m.col);
        }
      }
      formula ??= fText || undefined;
    }
    let value: string | number | boolean | null = null;
    let sharedIndex = -1;
    const raw = cType === "inlineStr" && !hasV ? (hasT ? tText : undefined) : hasV ? vText : undefined;
    if (formula !== undefined || (fAttrs && fAttrs.t === "shared")) {
      if (raw) {
        if (cType === "str") value = raw;
        else if (cType === "b") value = parseInt(raw, 10) !== 0;
        else if (cType === "e") value = raw;
        else value = dateOrNumber(parseFloat(raw));
      }
    } else if (raw !== undefined) {
      if (cType === "s") {
        sharedIndex = parseInt(raw, 10);
        value = sharedIndex >= 0 ? "" : null;
      }
      else if (cType === "str" || cType === "inlineStr") value = raw;
      else if (cType === "b") value = parseInt(raw, 10) !== 0;
      else if (cType === "e") value = raw;
      else value = dateOrNumber(parseFloat(raw));
    }
    if (value === null && formula === undefined) return;
    if (rowNo > maxRows) {
      truncated = true;
      done = true;
      return;
    }
    if (colNo > maxCols || colNo < 1 || rowNo < 1) {
      truncated ||= colNo > maxCols;
      return;
    }
    const numberFormat = styles.numFmt(cStyle);
    const cell: CellInput = { value };
    if (numberFormat !== undefined) cell.numberFormat = numberFormat;
    if (formula !== undefined) cell.formula = `=${formula}`;
    const row = (cells[rowNo - 1] ??= []);
    row[colNo - 1] = cell;
    if (sharedIndex >= 0) pending.push({ index: sharedIndex, row, col: colNo - 1 });
  };

  const dateOrNumber = (n: number): string | number => (styles.isDate(cStyle) ? (excelDate(n, styles.date1904) ?? n) : n);

  const xml = xmlStream(
    {
      open(name, attrs) {
        switch (name) {
          case "row":
            rowNo = attrs.r ? parseInt(attrs.r, 10) || rowNo + 1 : rowNo + 1;
            colNo = 0;
            return;
          case "c": {
            const ref = attrs.r ? parseRef(attrs.r) : null;
            if (ref) {
              rowNo = ref[0];
              colNo = ref[1];
            } else colNo++;
            inCell = true;
            cType = attrs.t ?? "n";
            cStyle = attrs.s ? parseInt(attrs.s, 10) || 0 : 0;
            vText = fText = tText = "";
            hasV = hasT = false;
            fAttrs = null;
            return;
          }
          case "v":
            if (inCell) {
              capture = "v";
              hasV = true;
            }
            return;
          case "f":
            if (inCell) {
              capture = "f";
              fAttrs = attrs;
            }
            return;
          case "rPh":
            inPhonetic++;
            return;
          case "t":
            if (inCell && !inPhonetic) {
              capture = "t";
              hasT = true;
            }
            return;
          case "mergeCell":
            if (attrs.ref && merges.length < MAX_MERGES) {
              const first = parseRef(attrs.ref.split(":")[0]);
              if (first && first[0] <= maxRows && first[1] <= maxCols) merges.push(attrs.ref);
            }
            return;
          case "dimension":
            dimension = attrs.ref;
            return;
        }
      },
      close(name) {
        switch (name) {
          case "c":
            if (inCell) finishCell();
            return;
          case "v":
          case "f":
          case "t":
            capture = "none";
            return;
          case "rPh":
            inPhonetic--;
            return;
          case "sheetData":
            // Rows are done: what follows (merges) is small; a sheet cut short never gets here.
            return;
        }
      },
      text(t) {
        if (capture === "v") vText += t;
        else if (capture === "f") fText += t;
        else if (capture === "t") tText += t;
      },
    },
    part,
    // A worksheet's attributes are unqualified (ECMA-376 Part 1, 18.3.1): "r", "s", "t", "ref", "si".
    "raw",
  );
  const r = zip.streamText(part, (chunk) => {
    xml.write(chunk);
    return !done;
  });
  if (!r.stopped && !done) xml.close();
  for (let i = 0; i < cells.length; i++) cells[i] ??= [];
  dropMergedDependants(cells, merges);
  return { cells, merges, ...(dimension ? { dimension } : {}), truncated };
}

/**
 * A merged range shows its top-left cell only: values stored in its other cells (some tools write them) are not on
 * the sheet. Work is bounded by the cells actually read, not by the ranges' areas.
 */
function dropMergedDependants(cells: Array<Array<CellInput | null>>, merges: readonly string[]): void {
  if (merges.length === 0) return;
  // Ranges that do not overlap cover the window at most once; overlapping ones (a damaged or hostile file) stop here.
  let budget = 4 * Math.max(1, cells.length) * 64;
  for (const ref of merges) {
    const [a, b] = ref.split(":");
    const from = parseRef(a);
    const to = b ? parseRef(b) : from;
    if (!from || !to) continue;
    const r1 = Math.min(from[0], to[0]);
    const r2 = Math.min(Math.max(from[0], to[0]), cells.length);
    const c1 = Math.min(from[1], to[1]);
    const c2 = Math.max(from[1], to[1]);
    for (let r = r1; r <= r2; r++) {
      if (--budget < 0) return;
      const row = cells[r - 1];
      if (!row || row.length < c1) continue;
      const last = Math.min(c2, row.length);
      budget -= last - c1;
      for (let c = c1; c <= last; c++) if ((r !== r1 || c !== c1) && row[c - 1]) row[c - 1] = null;
    }
  }
}
