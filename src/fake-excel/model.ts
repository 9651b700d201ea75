/**
 * The workbook state behind the fake Excel API: sheets of sparse cells with values, formulas, number formats,
 * formats, merges, data validation, hyperlinks; defined names; page setup. The proxy layer (api.ts) reads and writes it
 * the way Office.js does; tests and the demo page read and edit it directly (setCellValue, snapshot, insertRows, …).
 * No Node-only APIs: the demo runs this in the browser.
 */
import { compileFormula, isError, shiftFormulaRows, type FValue, type Scalar } from "./formula";
import { displayText, type FakeLocale } from "./format";

export type Edge = "top" | "bottom" | "left" | "right";
export interface BorderFormat { style: string; color?: string; weight?: string }
export interface CellFormat {
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; color?: string };
  fill?: string;
  borders?: Partial<Record<Edge, BorderFormat>>;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  /** Excel's default is locked; only `false` is stored. */
  locked?: boolean;
}
export interface ValidationRule {
  type: "WholeNumber" | "Decimal" | "List" | "TextLength" | "Custom";
  operator?: string;
  formula1?: string | number;
  formula2?: string | number;
  source?: string;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks?: boolean;
}
export interface Hyperlink { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string }

export interface FakeCell {
  value?: Scalar;
  formula?: string;
  numberFormat?: string;
  format?: CellFormat;
  hyperlink?: Hyperlink;
  validation?: ValidationRule;
  /** Manual calculation: the value a formula showed when it was last calculated (Excel keeps it until F9). */
  cached?: FValue;
}

export interface Rect { r1: number; c1: number; r2: number; c2: number }

export interface PageSetup {
  orientation?: string;
  paperSize?: string;
  margins?: { left?: number; right?: number; top?: number; bottom?: number };
  fitToPagesWide?: number;
  fitToPagesTall?: number;
  printArea?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<string, FakeCell>;
  merges: Rect[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  tabColor?: string;
  page: PageSetup;
}

export interface FakeName {
  name: string;
  /** null once the sheet it referred to was deleted, or the rows it referred to were. */
  target: { sheetId: string; rect: Rect } | null;
  comment?: string;
  visible: boolean;
}

/** An error shaped like OfficeExtension.Error: a code from Excel's closed set and a message. */
export class FakeExcelError extends Error {
  override readonly name = "RichApi.Error";
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

export const DEFAULT_COLUMN_WIDTH = 48; // points (64 px)
export const DEFAULT_ROW_HEIGHT = 15; // points

const key = (r: number, c: number) => `${r}:${c}`;
const unkey = (k: string) => k.split(":").map(Number) as [number, number];

export function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) { const r = (n - 1) % 26; s = String.fromCharCode(65 + r) + s; n = Math.floor((n - 1) / 26); }
  return s;
}

export function parseAddress(address: string): Rect {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address.trim());
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(address.trim());
  const col = (s: string) => { let c = 0; for (const ch of s.toUpperCase()) c = c * 26 + ch.charCodeAt(0) - 64; return c - 1; };
  if (m) {
    const r1 = Number(m[2]) - 1, c1 = col(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1, c2 = m[3] ? col(m[3]) : c1;
    return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
  }
  if (cols) return { r1: 0, c1: col(cols[1]), r2: 1048575, c2: col(cols[2]) };
  if (rows) return { r1: Number(rows[1]) - 1, c1: 0, r2: Number(rows[2]) - 1, c2: 16383 };
  throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
}

export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const a = `${d}${colLetters(r.c1)}${d}${r.r1 + 1}`;
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${d}${colLetters(r.c2)}${d}${r.r2 + 1}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const intersects = (a: Rect, b: Rect) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
const contains = (outer: Rect, inner: Rect) => outer.r1 <= inner.r1 && outer.c1 <= inner.c1 && outer.r2 >= inner.r2 && outer.c2 >= inner.c2;

/** Converts text written through `values` as Excel does in a General cell: a plain number becomes a number. */
function coerceWritten(v: string): Scalar {
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) return Number(v.trim());
  return v;
}

const SHEET_NAME_BAD = /[[\]:*?/\\]/;

export interface TypedCell { value: string | number | boolean | null | undefined; numberFormat?: string }
/** How the workbook turns what a user types into a stored value (the engine's excelTypedCell, for a locale). */
export type TypeCellFn = (typed: string, locale: FakeLocale, numberFormat: string) => TypedCell;

export type TypeResult = { ok: true } | { ok: false; title: string; message: string };

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names = new Map<string, FakeName>();
  settings = new Map<string, unknown>();
  activeSheetId: string | null = null;
  selection: { sheetId: string; address: string } | null = null;
  syncCount = 0;
  /**
   * What only a real Excel has, made explicit so tests can put the workbook in that state (see ./strict.ts):
   * a cell being edited, Protect Workbook (structure), the calculation mode, the undo history and custom XML parts.
   */
  cellEditMode = false;
  private editWaiters: Array<() => void> = [];
  structureProtected = false;
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual" = "Automatic";
  /** How many times an add-in operation cleared Excel's undo history (adding, deleting or renaming a sheet). */
  undoClears = 0;
  customXmlParts: Array<{ id: string; xml: string }> = [];
  private nextId = 1;

  /** The clerk double-clicks a cell (F2): batches fail with InvalidOperationInCellEditMode until endCellEdit(). */
  startCellEdit(): void {
    this.cellEditMode = true;
  }
  endCellEdit(): void {
    this.cellEditMode = false;
    const waiters = this.editWaiters;
    this.editWaiters = [];
    for (const w of waiters) w();
  }
  /** Resolves when no cell is being edited (what Excel.run's delayForCellEdit waits for). */
  whenNotEditing(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.editWaiters.push(resolve));
  }

  /** Formulas → Calculation Options. Switching to Manual keeps every formula's current value until calculate(). */
  setCalculationMode(mode: FakeWorkbook["calculationMode"]): void {
    this.calculationMode = mode;
    if (mode === "Manual") this.calculate();
  }
  /** F9: every formula computed afresh; in manual mode the new values are kept until the next calculate(). */
  calculate(): void {
    const mode = this.calculationMode;
    this.calculationMode = "Automatic";
    const fresh: Array<[FakeCell, FValue]> = [];
    for (const s of this.sheets)
      for (const [k, cell] of s.cells) {
        if (cell.formula === undefined) continue;
        const [r, c] = k.split(":").map(Number);
        fresh.push([cell, this.valueAt(s, r, c)]);
      }
    this.calculationMode = mode;
    for (const [cell, v] of fresh) {
      if (mode === "Manual") cell.cached = v;
      else delete cell.cached;
    }
  }

  constructor(readonly locale: FakeLocale = "vi-VN", private typeCell?: TypeCellFn) {}

  setTypeCell(fn: TypeCellFn): void {
    this.typeCell = fn;
  }

  // ---- sheets --------------------------------------------------------------------------------------------------
  sheetByName(name: string): FakeSheet | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }
  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  sheet(name: string): FakeSheet {
    const s = this.sheetByName(name);
    if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: worksheet "${name}".`);
    return s;
  }

  addSheet(name?: string): FakeSheet {
    let n = name;
    if (n === undefined) { let i = this.sheets.length + 1; while (this.sheetByName(`Sheet${i}`)) i++; n = `Sheet${i}`; }
    this.checkSheetName(n);
    const sheet: FakeSheet = {
      id: `{sheet-${this.nextId++}}`, name: n, visibility: "Visible", protected: false, cells: new Map(), merges: [],
      columnWidths: new Map(), rowHeights: new Map(), page: {},
    };
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activeSheetId = sheet.id;
    return sheet;
  }

  private checkSheetName(name: string, except?: FakeSheet): void {
    if (!name || name.length > 31 || SHEET_NAME_BAD.test(name) || /^'|'$/.test(name) || name.toLowerCase() === "history")
      throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: sheet name "${name}".`);
    const other = this.sheetByName(name);
    if (other && other !== except)
      throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
  }

  renameSheet(oldName: string, newName: string): void {
    const s = this.sheet(oldName);
    this.checkSheetName(newName, s);
    s.name = newName;
  }

  deleteSheet(name: string): void {
    const s = this.sheet(name);
    if (this.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0)
      throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets = this.sheets.filter((x) => x !== s);
    for (const n of this.names.values()) if (n.target?.sheetId === s.id) n.target = null;
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets.find((x) => x.visibility === "Visible")?.id ?? null;
    if (this.selection?.sheetId === s.id) this.selection = null;
  }

  moveSheet(name: string, position: number): void {
    const s = this.sheet(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, s);
  }

  protectSheet(name: string, on = true): void {
    this.sheet(name).protected = on;
  }

  // ---- cells ---------------------------------------------------------------------------------------------------
  cell(sheet: FakeSheet, r: number, c: number): FakeCell | undefined {
    return sheet.cells.get(key(r, c));
  }
  private ensure(sheet: FakeSheet, r: number, c: number): FakeCell {
    let cell = sheet.cells.get(key(r, c));
    if (!cell) { cell = {}; sheet.cells.set(key(r, c), cell); }
    return cell;
  }
  private tidy(sheet: FakeSheet, r: number, c: number): void {
    const cell = sheet.cells.get(key(r, c));
    if (!cell) return;
    if (cell.format && Object.keys(cell.format).length === 0) delete cell.format;
    if (cell.value === undefined && cell.formula === undefined && cell.numberFormat === undefined && !cell.format && !cell.hyperlink && !cell.validation)
      sheet.cells.delete(key(r, c));
  }

  /** The value Excel holds for a cell: formulas evaluated now (Excel recalculates automatically). */
  valueAt(sheet: FakeSheet, r: number, c: number, visiting: Set<string> = new Set()): FValue {
    const cell = sheet.cells.get(key(r, c));
    if (!cell) return null;
    if (cell.formula === undefined) return cell.value === undefined || cell.value === "" ? null : cell.value;
    if (this.calculationMode === "Manual" && "cached" in cell) return cell.cached ?? null;
    const k = `${sheet.id}!${r}:${c}`;
    if (visiting.has(k)) return 0; // a circular reference: Excel warns and shows 0
    visiting.add(k);
    const v = compileFormula(cell.formula)((sheetName, row, col) => {
      const target = sheetName === undefined ? sheet : this.sheetByName(sheetName);
      if (!target) return { error: "#REF!" };
      return this.valueAt(target, row, col, visiting);
    });
    visiting.delete(k);
    return v;
  }

  /** Office.js `values` entry: "" for blank, error values as their text. */
  valueOut(sheet: FakeSheet, r: number, c: number): Scalar {
    const v = this.valueAt(sheet, r, c);
    if (v === null) return "";
    return isError(v) ? v.error : v;
  }
  formulaOut(sheet: FakeSheet, r: number, c: number): Scalar {
    const cell = sheet.cells.get(key(r, c));
    if (cell?.formula !== undefined) return cell.formula;
    return cell?.value === undefined ? "" : cell.value;
  }
  numberFormatOut(sheet: FakeSheet, r: number, c: number): string {
    return sheet.cells.get(key(r, c))?.numberFormat ?? "General";
  }
  textOut(sheet: FakeSheet, r: number, c: number): string {
    return displayText(this.valueAt(sheet, r, c), this.numberFormatOut(sheet, r, c), this.locale);
  }

  private checkWritable(sheet: FakeSheet, rect: Rect, what: "content" | "format"): void {
    if (!sheet.protected) return;
    if (what === "format") throw new FakeExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`);
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++)
        if (sheet.cells.get(key(r, c))?.format?.locked !== false)
          throw new FakeExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${sheet.name}").`);
  }

  private checkMerges(sheet: FakeSheet, rect: Rect): void {
    for (const m of sheet.merges)
      if (intersects(m, rect) && !contains(rect, m))
        throw new FakeExcelError("InvalidOperation", "Cannot change part of a merged cell.");
  }

  /** Writes through `values` (asFormulas false) or `formulas` (true); null entries leave a cell unchanged. */
  write(sheet: FakeSheet, rect: Rect, data: unknown, asFormulas: boolean): void {
    const rows = rect.r2 - rect.r1 + 1, cols = rect.c2 - rect.c1 + 1;
    const grid = this.gridOf(data, rows, cols);
    this.checkWritable(sheet, rect, "content");
    this.checkMerges(sheet, rect);
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const v = grid[i][j];
        if (v === null || v === undefined) continue;
        const r = rect.r1 + i, c = rect.c1 + j;
        // Conservative: a value for a cell hidden inside a merged area is refused, as Excel's own UI refuses it.
        if (sheet.merges.some((m) => r >= m.r1 && r <= m.r2 && c >= m.c1 && c <= m.c2 && !(r === m.r1 && c === m.c1)))
          throw new FakeExcelError("InvalidOperation", "Cannot change part of a merged cell.");
        const cell = this.ensure(sheet, r, c);
        delete cell.formula;
        delete cell.value;
        delete cell.cached;
        if (typeof v === "string") {
          const text = cell.numberFormat === "@";
          if (v === "") { /* cleared */ }
          else if (v.startsWith("=") && v.length > 1 && !text) {
            cell.formula = v;
            // Excel computes a formula when it is entered, even in manual mode; its dependents wait for F9.
            if (this.calculationMode === "Manual") cell.cached = this.valueAt(sheet, r, c);
          }
          else cell.value = text ? v : coerceWritten(v);
        } else if (typeof v === "number" || typeof v === "boolean") cell.value = v;
        else throw new FakeExcelError("InvalidArgument", `Unsupported cell value ${String(v)}.`);
        void asFormulas;
        this.tidy(sheet, r, c);
      }
  }

  writeNumberFormat(sheet: FakeSheet, rect: Rect, data: unknown): void {
    const rows = rect.r2 - rect.r1 + 1, cols = rect.c2 - rect.c1 + 1;
    const grid = this.gridOf(data, rows, cols);
    this.checkWritable(sheet, rect, "format");
    for (let i = 0; i < rows; i++)
      for (let j = 0; j < cols; j++) {
        const v = grid[i][j];
        if (v === null || v === undefined) continue;
        const cell = this.ensure(sheet, rect.r1 + i, rect.c1 + j);
        if (v === "General") delete cell.numberFormat;
        else cell.numberFormat = String(v);
        this.tidy(sheet, rect.r1 + i, rect.c1 + j);
      }
  }

  private gridOf(data: unknown, rows: number, cols: number): unknown[][] {
    if (!Array.isArray(data)) return Array.from({ length: rows }, () => Array.from({ length: cols }, () => data));
    if (data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols))
      throw new FakeExcelError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
    return data as unknown[][];
  }

  /** Applies `fn` to the format of every cell of the rect (format changes are denied on protected sheets). */
  formatCells(sheet: FakeSheet, rect: Rect, fn: (f: CellFormat, r: number, c: number) => void, lockingOnly = false): void {
    if (!lockingOnly) this.checkWritable(sheet, rect, "format");
    else if (sheet.protected) this.checkWritable(sheet, rect, "format");
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = this.ensure(sheet, r, c);
        cell.format ??= {};
        fn(cell.format, r, c);
        this.tidy(sheet, r, c);
      }
  }

  setHyperlink(sheet: FakeSheet, rect: Rect, link: Hyperlink | null): void {
    this.checkWritable(sheet, rect, "content");
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = this.ensure(sheet, r, c);
        if (link) {
          cell.hyperlink = { ...link };
          if (link.textToDisplay !== undefined) { delete cell.formula; cell.value = link.textToDisplay; }
        } else delete cell.hyperlink;
        this.tidy(sheet, r, c);
      }
  }

  setValidation(sheet: FakeSheet, rect: Rect, update: (v: ValidationRule | undefined) => ValidationRule | undefined): void {
    this.checkWritable(sheet, rect, "format");
    for (let r = rect.r1; r <= rect.r2; r++)
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = this.ensure(sheet, r, c);
        const next = update(cell.validation);
        if (next) cell.validation = next;
        else delete cell.validation;
        this.tidy(sheet, r, c);
      }
  }

  clear(sheet: FakeSheet, rect: Rect, applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.checkWritable(sheet, rect, applyTo === "Contents" ? "content" : "format");
    if (applyTo !== "Formats") this.checkMerges(sheet, rect);
    for (const [k, cell] of [...sheet.cells]) {
      const [r, c] = unkey(k);
      if (r < rect.r1 || r > rect.r2 || c < rect.c1 || c > rect.c2) continue;
      if (applyTo === "All" || applyTo === "Contents") { delete cell.value; delete cell.formula; }
      if (applyTo === "All" || applyTo === "Formats") { delete cell.format; delete cell.numberFormat; }
      if (applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") delete cell.hyperlink;
      this.tidy(sheet, r, c);
    }
  }

  merge(sheet: FakeSheet, rect: Rect, across = false): void {
    this.checkWritable(sheet, rect, "format");
    const parts: Rect[] = across
      ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_, i) => ({ r1: rect.r1 + i, c1: rect.c1, r2: rect.r1 + i, c2: rect.c2 }))
      : [rect];
    for (const p of parts) {
      if (p.r1 === p.r2 && p.c1 === p.c2) continue;
      sheet.merges = sheet.merges.filter((m) => !intersects(m, p));
      // Merging keeps the top-left value only, as Excel does.
      for (let r = p.r1; r <= p.r2; r++)
        for (let c = p.c1; c <= p.c2; c++) {
          if (r === p.r1 && c === p.c1) continue;
          const cell = sheet.cells.get(key(r, c));
          if (cell) { delete cell.value; delete cell.formula; this.tidy(sheet, r, c); }
        }
      sheet.merges.push(p);
    }
  }

  unmerge(sheet: FakeSheet, rect: Rect): void {
    this.checkWritable(sheet, rect, "format");
    sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
  }

  /** The bounding rect of the used cells (of those inside `within`, when given), or null when there are none. */
  usedRect(sheet: FakeSheet, valuesOnly: boolean, within?: Rect): Rect | null {
    let r1 = Infinity, c1 = Infinity, r2 = -1, c2 = -1;
    for (const [k, cell] of sheet.cells) {
      if (valuesOnly && cell.formula === undefined && (cell.value === undefined || cell.value === "")) continue;
      const [r, c] = unkey(k);
      if (within && (r < within.r1 || r > within.r2 || c < within.c1 || c > within.c2)) continue;
      r1 = Math.min(r1, r); c1 = Math.min(c1, c); r2 = Math.max(r2, r); c2 = Math.max(c2, c);
    }
    return r2 < 0 ? null : { r1, c1, r2, c2 };
  }

  // ---- names ---------------------------------------------------------------------------------------------------
  addName(name: string, sheet: FakeSheet, rect: Rect, comment?: string): FakeName {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || name.length > 255)
      throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: name "${name}".`);
    if (this.names.has(name.toLowerCase()))
      throw new FakeExcelError("ItemAlreadyExists", `A resource with the same name or identifier already exists: "${name}".`);
    const n: FakeName = { name, target: { sheetId: sheet.id, rect }, comment, visible: true };
    this.names.set(name.toLowerCase(), n);
    return n;
  }
  nameReference(n: FakeName): string {
    if (!n.target) return "#REF!";
    const s = this.sheetById(n.target.sheetId);
    return s ? `${quoteSheet(s.name)}!${rectAddress(n.target.rect, true)}` : "#REF!";
  }

  // ---- what a user does by hand --------------------------------------------------------------------------------
  /**
   * Types `typed` into a cell as a user would (Excel's own parsing for the workbook's locale, via the engine's
   * excelTypedCell). A text starting with "=" is a formula. Data validation with a stop alert rejects a value that
   * breaks it, as Excel does; `paste: true` bypasses validation as pasting does in Excel.
   */
  typeInto(sheetName: string, address: string, typed: string, options: { paste?: boolean } = {}): TypeResult {
    const sheet = this.sheet(sheetName);
    const rect = parseAddress(address);
    this.checkWritable(sheet, rect, "content");
    const { r1: r, c1: c } = rect;
    const cell = this.ensure(sheet, r, c);
    if (typed.startsWith("=") && typed.length > 1 && cell.numberFormat !== "@") {
      delete cell.value;
      cell.formula = typed;
      delete cell.cached;
      if (this.calculationMode === "Manual") cell.cached = this.valueAt(sheet, r, c);
      return { ok: true };
    }
    const parsed: TypedCell = typed === ""
      ? { value: null }
      : this.typeCell
        ? this.typeCell(typed, this.locale, cell.numberFormat ?? "General")
        : { value: typed };
    if (!options.paste && cell.validation && parsed.value !== null && parsed.value !== undefined) {
      const bad = violates(cell.validation, parsed.value);
      if (bad) {
        this.tidy(sheet, r, c);
        return { ok: false, title: cell.validation.errorAlert?.title ?? "Microsoft Excel", message: cell.validation.errorAlert?.message ?? "This value doesn't match the data validation restrictions defined for this cell." };
      }
    }
    delete cell.formula;
    delete cell.cached;
    if (parsed.value === null || parsed.value === undefined || parsed.value === "") delete cell.value;
    else cell.value = parsed.value;
    // Excel keeps a cell's number format when a number is typed into it, except that typing a percentage switches it
    // to a percentage format and typing grouped digits into a General cell gives it "#,##0".
    const fmt = parsed.numberFormat;
    if (fmt && fmt !== "General" && fmt !== "@" && (fmt.endsWith("%") || cell.numberFormat === undefined)) cell.numberFormat = fmt;
    this.tidy(sheet, r, c);
    return { ok: true };
  }

  /** Inserts `count` whole rows before 0-based `atRow`: cells, merges, names and same-sheet formulas move down. */
  insertRows(sheetName: string, atRow: number, count = 1): void {
    this.shiftRows(this.sheet(sheetName), atRow, count);
  }
  /** Deletes `count` whole rows from 0-based `atRow`; formulas into them become #REF!, names that lose rows shrink. */
  deleteRows(sheetName: string, atRow: number, count = 1): void {
    this.shiftRows(this.sheet(sheetName), atRow, -count);
  }

  private shiftRows(sheet: FakeSheet, at: number, count: number): void {
    const moveRow = (r: number): number | null => {
      if (count > 0) return r >= at ? r + count : r;
      if (r >= at && r < at - count) return null;
      return r >= at - count ? r + count : r;
    };
    const cells = new Map<string, FakeCell>();
    for (const [k, cell] of sheet.cells) {
      const [r, c] = unkey(k);
      const nr = moveRow(r);
      if (nr !== null) cells.set(key(nr, c), cell);
    }
    sheet.cells = cells;
    for (const s of this.sheets)
      for (const cell of s.cells.values())
        if (cell.formula) cell.formula = shiftFormulaRows(cell.formula, sheet.name, s === sheet, at, count);
    const moveRect = (rect: Rect): Rect | null => {
      let { r1, r2 } = rect;
      if (count > 0) {
        if (r1 >= at) r1 += count;
        if (r2 >= at) r2 += count;
      } else {
        const gone = -count;
        const lo = at, hi = at + gone - 1;
        if (r1 >= lo && r2 <= hi) return null;
        const shift = (r: number) => (r > hi ? r - gone : r >= lo ? lo : r);
        r1 = shift(r1);
        r2 = r2 > hi ? r2 - gone : r2 >= lo ? lo - 1 : r2;
        if (r2 < r1) return null;
      }
      return { ...rect, r1, r2 };
    };
    sheet.merges = sheet.merges.map(moveRect).filter((m): m is Rect => m !== null && !(m.r1 === m.r2 && m.c1 === m.c2));
    for (const n of this.names.values())
      if (n.target?.sheetId === sheet.id) {
        const rect = moveRect(n.target.rect);
        n.target = rect ? { sheetId: sheet.id, rect } : null;
      }
    const heights = new Map<number, number>();
    for (const [r, h] of sheet.rowHeights) { const nr = moveRow(r); if (nr !== null) heights.set(nr, h); }
    sheet.rowHeights = heights;
  }

  /** Copies a rectangle of cells (values, formulas, formats) as Excel's copy + paste would, without moving refs. */
  copyCells(from: string, fromRange: string, to: string, toAddress: string): void {
    const src = this.sheet(from), dst = this.sheet(to);
    const a = parseAddress(fromRange), b = parseAddress(toAddress);
    for (let r = a.r1; r <= a.r2; r++)
      for (let c = a.c1; c <= a.c2; c++) {
        const cell = src.cells.get(key(r, c));
        const tr = b.r1 + r - a.r1, tc = b.c1 + c - a.c1;
        if (cell) dst.cells.set(key(tr, tc), structuredCloneCell(cell));
        else dst.cells.delete(key(tr, tc));
      }
  }

  // ---- inspection ----------------------------------------------------------------------------------------------
  /**
   * The whole workbook as plain, ordered data (no sheet ids): equal snapshots mean equal workbooks for everything the
   * fake models. Formula cells show their formula and their current value.
   */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => {
        const cells: Record<string, SnapshotCell> = {};
        const keys = [...s.cells.keys()].map(unkey).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
        for (const [r, c] of keys) {
          const cell = s.cells.get(key(r, c))!;
          const out: SnapshotCell = {};
          if (cell.formula !== undefined) { out.formula = cell.formula; out.value = this.valueOut(s, r, c); }
          else if (cell.value !== undefined) out.value = cell.value;
          if (cell.numberFormat !== undefined) out.numberFormat = cell.numberFormat;
          if (cell.format) out.format = JSON.parse(JSON.stringify(cell.format)) as CellFormat;
          if (cell.hyperlink) out.hyperlink = { ...cell.hyperlink };
          if (cell.validation) out.validation = JSON.parse(JSON.stringify(cell.validation)) as ValidationRule;
          cells[`${colLetters(c)}${r + 1}`] = out;
        }
        return {
          name: s.name,
          visibility: s.visibility,
          protected: s.protected,
          cells,
          merges: s.merges.map((m) => rectAddress(m)).sort(),
          columnWidths: Object.fromEntries([...s.columnWidths].sort((a, b) => a[0] - b[0])),
          rowHeights: Object.fromEntries([...s.rowHeights].sort((a, b) => a[0] - b[0])),
          page: JSON.parse(JSON.stringify(s.page)) as PageSetup,
          tabColor: s.tabColor,
        };
      }),
      names: [...this.names.values()].map((n) => ({ name: n.name, reference: this.nameReference(n), comment: n.comment })).sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /** Displayed text of every non-empty cell of a sheet, as "A1" → text (for tests and the demo grid). */
  texts(sheetName: string): Record<string, string> {
    const s = this.sheet(sheetName);
    const out: Record<string, string> = {};
    const keys = [...s.cells.keys()].map(unkey).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (const [r, c] of keys) {
      const t = this.textOut(s, r, c);
      if (t !== "") out[`${colLetters(c)}${r + 1}`] = t;
    }
    return out;
  }
}

function structuredCloneCell(cell: FakeCell): FakeCell {
  return JSON.parse(JSON.stringify(cell)) as FakeCell;
}

/** Whether a typed value breaks a cell's data validation (whole / decimal / list), as Excel's stop alert checks. */
function violates(rule: ValidationRule, value: string | number | boolean): boolean {
  const num = (x: string | number | undefined) => (x === undefined ? undefined : Number(x));
  if (rule.type === "WholeNumber" || rule.type === "Decimal") {
    if (typeof value !== "number") return true;
    if (rule.type === "WholeNumber" && !Number.isInteger(value)) return true;
    const a = num(rule.formula1), b = num(rule.formula2);
    switch (rule.operator) {
      case "Between": return (a !== undefined && value < a) || (b !== undefined && value > b);
      case "GreaterThanOrEqualTo": return a !== undefined && value < a;
      case "LessThanOrEqualTo": return a !== undefined && value > a;
      case "GreaterThan": return a !== undefined && value <= a;
      case "LessThan": return a !== undefined && value >= a;
      case "EqualTo": return value !== a;
      case "NotEqualTo": return value === a;
      default: return false;
    }
  }
  if (rule.type === "List") {
    const items = String(rule.source ?? "").split(",").map((s) => s.trim());
    return !items.includes(String(value));
  }
  return false;
}

/** A cell as snapshot() reports it: the same fields as the model's own cells. */
export type SnapshotCell = FakeCell;
export interface WorkbookSnapshot {
  sheets: Array<{
    name: string;
    visibility: string;
    protected: boolean;
    cells: Record<string, SnapshotCell>;
    merges: string[];
    columnWidths: Record<number, number>;
    rowHeights: Record<number, number>;
    page: PageSetup;
    tabColor?: string;
  }>;
  names: Array<{ name: string; reference: string; comment?: string }>;
}
