/**
 * Proxy objects shaped like Office.js's Excel API, over a FakeWorkbook. Like the real API:
 * - writes and method calls are queued in order (here: applied at once, which gives the same observable order);
 * - a property is readable only after load() and a context.sync(); reading it before throws PropertyNotLoaded;
 * - an error (a missing sheet, a protected cell, a bad argument) surfaces at the next sync, and the rest of that batch
 *   is not carried out;
 * - every context.sync() is counted on the workbook (FakeWorkbook.syncCount).
 * Only the surface the adapter (src/excel/adapter.ts) uses is implemented; anything else is undefined, so a call the
 * fake does not know fails loudly in a test. Where real Excel is stricter than a kind fake (payload limits, cell edit
 * mode, requirement sets, workbook structure protection, undo history), ./strict.ts says how and cites the docs.
 * One difference stays: operations are applied as they are queued, so a batch refused for its request size keeps
 * the operations queued before the one that crossed the limit (Excel refuses the whole request).
 */
import {
  FakeExcelError,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  parseAddress,
  quoteSheet,
  rectAddress,
  type CellFormat,
  type Edge,
  type FakeName,
  type FakeSheet,
  type FakeWorkbook,
  type Rect,
  type ValidationRule,
} from "./model";
import {
  DEFAULT_EXCEL_API,
  PAYLOAD_LIMIT,
  apiNotFound,
  cellEditError,
  payloadBytes,
  requestTooLarge,
  responseTooLarge,
  structureProtectedError,
  versionAtLeast,
} from "./strict";
import { ClientObject, loadPaths, notLoaded, type LoadSpec } from "./client";
import { CustomXmlPartCollection, WorkbookApplication, WorkbookProtection } from "./workbook-extras";

export interface FakeContextOptions {
  /** The ExcelApi version this host claims: members of later sets fail with ApiNotFound. */
  apiVersion: string;
  /** Excel.run's RunOptions.delayForCellEdit (honoured from ExcelApi 1.11). */
  delayForCellEdit: boolean;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbookProxy;
  readonly options: FakeContextOptions;
  private requestBytes = 0;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  /** Syncs done by this context (the workbook counts all contexts). */
  syncs = 0;
  private queuedLoads: ClientObject[] = [];
  private error: unknown = null;
  /** Something was queued since the last sync: Excel.run syncs once more at its end, as the real one does. */
  dirty = false;

  constructor(readonly book: FakeWorkbook, options: Partial<FakeContextOptions> = {}) {
    this.options = { apiVersion: options.apiVersion ?? DEFAULT_EXCEL_API, delayForCellEdit: !!options.delayForCellEdit };
    this.workbook = new FakeWorkbookProxy(this);
  }

  /** Queues an ApiNotFound failure when `member` belongs to an ExcelApi set above the host's. */
  requires(version: string, member: string): void {
    if (!versionAtLeast(this.options.apiVersion, version)) this.op(() => { throw apiNotFound(member, version); });
  }

  /** Counts what a write sends to Excel; past 5 MB the batch fails with RequestPayloadSizeLimitExceeded. */
  send(data: unknown): void {
    this.requestBytes += payloadBytes(data);
    const bytes = this.requestBytes;
    if (bytes > PAYLOAD_LIMIT) this.op(() => { throw requestTooLarge(bytes); });
  }

  /** Sheet add/delete/rename/move: refused under Protect Workbook, and each clears the undo history. */
  structureChange(): void {
    this.op(() => {
      if (this.book.structureProtected) throw structureProtectedError();
      this.book.undoClears++;
    });
  }

  /** Runs one queued operation now unless an earlier one in this batch failed; an error waits for sync(). */
  op<T>(fn: () => T): T | undefined {
    this.dirty = true;
    if (this.error) return undefined;
    if (this.book.cellEditMode && !this.options.delayForCellEdit) {
      this.error = cellEditError();
      return undefined;
    }
    try {
      return fn();
    } catch (e) {
      this.error = e;
      return undefined;
    }
  }

  get failed(): boolean {
    return this.error !== null;
  }

  queueLoad(o: ClientObject): void {
    this.queuedLoads.push(o);
  }

  async sync<T>(passThrough?: T): Promise<T | undefined> {
    this.book.syncCount++;
    this.syncs++;
    this.dirty = false;
    this.requestBytes = 0;
    if (this.options.delayForCellEdit) await this.book.whenNotEditing();
    await Promise.resolve();
    const loads = this.queuedLoads;
    this.queuedLoads = [];
    let error = this.error;
    this.error = null;
    if (!error) {
      const bytes = loads.reduce((n, o) => n + o._pendingBytes(), 0);
      if (bytes > PAYLOAD_LIMIT) error = responseTooLarge(bytes);
    }
    if (error) {
      for (const o of loads) o._dropPending();
      throw error;
    }
    for (const o of loads) o._promote();
    return passThrough;
  }
}

// ---- workbook ---------------------------------------------------------------------------------------------------
export class FakeWorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly names: NamedItemCollection;
  readonly application: WorkbookApplication;
  private _protection?: WorkbookProtection;
  private _customXmlParts?: CustomXmlPartCollection;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.names = new NamedItemCollection(ctx);
    this.application = new WorkbookApplication(ctx);
  }
  /** Workbook.protection: ExcelApi 1.7. */
  get protection(): WorkbookProtection {
    this.ctx.requires("1.7", "Workbook.protection");
    return (this._protection ??= new WorkbookProtection(this.ctx));
  }
  /** Workbook.customXmlParts: ExcelApi 1.5. */
  get customXmlParts(): CustomXmlPartCollection {
    this.ctx.requires("1.5", "Workbook.customXmlParts");
    return (this._customXmlParts ??= new CustomXmlPartCollection(this.ctx));
  }
  protected scalarNames(): readonly string[] {
    return [];
  }
  protected readScalar(): unknown {
    return undefined;
  }
  getActiveWorksheet(): Worksheet {
    const id = this.ctx.book.activeSheetId;
    return new Worksheet(this.ctx, id ?? "");
  }
}

// ---- worksheets -------------------------------------------------------------------------------------------------
/** A collection proxy (worksheets, names): `items` are readable after load() + sync(), like Office.js. */
abstract class ItemCollection<T extends ClientObject> extends ClientObject {
  private _items: T[] | null = null;
  private _pendingItems: T[] | null = null;
  /** The current items, made anew when the queued load runs. */
  protected abstract makeItems(): T[];
  protected scalarNames(): readonly string[] {
    return ["count"];
  }
  protected readScalar(): unknown {
    return this.makeItems().length;
  }
  override load(spec?: LoadSpec): this {
    const paths = loadPaths(spec) ?? [];
    const itemPaths = paths.map((p) => (p.startsWith("items/") ? p.slice(6) : p)).filter((p) => p !== "items" && p !== "count");
    this.ctx.op(() => {
      this._pendingItems = this.makeItems();
      for (const item of this._pendingItems) item.load(itemPaths.length ? itemPaths : undefined);
      this.ctx.queueLoad(this);
    });
    return this;
  }
  override _promote(): void {
    super._promote();
    if (this._pendingItems) this._items = this._pendingItems;
    this._pendingItems = null;
  }
  get items(): T[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }
}

export class WorksheetCollection extends ItemCollection<Worksheet> {
  protected makeItems(): Worksheet[] {
    return this.ctx.book.sheets.map((s) => new Worksheet(this.ctx, s.id));
  }
  add(name?: string): Worksheet {
    this.ctx.structureChange();
    const sheet = this.ctx.op(() => this.ctx.book.addSheet(name));
    return new Worksheet(this.ctx, sheet?.id ?? "");
  }
  getItem(key: string): Worksheet {
    const s = this.ctx.book.sheetByName(key) ?? this.ctx.book.sheetById(key);
    if (!s) this.ctx.op(() => { throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: worksheet "${key}".`); });
    return new Worksheet(this.ctx, s?.id ?? "");
  }
  getItemOrNullObject(key: string): Worksheet {
    this.ctx.requires("1.4", "WorksheetCollection.getItemOrNullObject");
    const s = this.ctx.book.sheetByName(key) ?? this.ctx.book.sheetById(key);
    return new Worksheet(this.ctx, s?.id ?? "", !s);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, this.ctx.book.activeSheetId ?? "");
  }
}

export class Worksheet extends ClientObject {
  constructor(ctx: FakeRequestContext, readonly _sheetId: string, isNull = false) {
    super(ctx, isNull);
  }
  /** The sheet, or an ItemNotFound error (queued) when it was deleted. */
  _sheet(): FakeSheet {
    const s = this.ctx.book.sheetById(this._sheetId);
    if (!s) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist: worksheet.");
    return s;
  }
  protected scalarNames(): readonly string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  protected readScalar(name: string): unknown {
    const s = this._sheet();
    switch (name) {
      case "name": return s.name;
      case "id": return s.id;
      case "position": return this.ctx.book.sheets.indexOf(s);
      case "visibility": return s.visibility;
      default: return s.tabColor ?? "";
    }
  }
  protected override nav(name: string): ClientObject | undefined {
    if (name === "protection") return this.protection;
    if (name === "pageLayout") return this.pageLayout;
    return undefined;
  }
  get name(): string { return this.got("name"); }
  set name(v: string) {
    this.ctx.structureChange();
    this.ctx.op(() => this.ctx.book.renameSheet(this._sheet().name, v));
  }
  get id(): string { return this.got("id"); }
  get position(): number { return this.got("position"); }
  set position(v: number) {
    this.ctx.structureChange();
    this.ctx.op(() => this.ctx.book.moveSheet(this._sheet().name, v));
  }
  get visibility(): string { return this.got("visibility"); }
  set visibility(v: string) { this.ctx.op(() => { this._sheet().visibility = v as FakeSheet["visibility"]; }); }
  get tabColor(): string { return this.got("tabColor"); }
  set tabColor(v: string) {
    this.ctx.requires("1.7", "Worksheet.tabColor");
    this.ctx.op(() => { this._sheet().tabColor = v || undefined; });
  }

  private _protection?: WorksheetProtection;
  private _pageLayout?: PageLayout;
  // Navigation properties return the same proxy every time, as in Office.js (what was loaded stays readable).
  get protection(): WorksheetProtection {
    return (this._protection ??= new WorksheetProtection(this.ctx, this));
  }
  get pageLayout(): PageLayout {
    this.ctx.requires("1.9", "Worksheet.pageLayout");
    return (this._pageLayout ??= new PageLayout(this.ctx, this));
  }
  getRange(address?: string): Range {
    if (address === undefined) return new Range(this.ctx, this, { r1: 0, c1: 0, r2: 1048575, c2: 16383 });
    const rect = this.ctx.op(() => parseAddress(address));
    return new Range(this.ctx, this, rect ?? { r1: 0, c1: 0, r2: 0, c2: 0 });
  }
  getRangeByIndexes(row: number, col: number, rowCount: number, colCount: number): Range {
    return new Range(this.ctx, this, { r1: row, c1: col, r2: row + rowCount - 1, c2: col + colCount - 1 });
  }
  getCell(row: number, col: number): Range {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRange(valuesOnly = false): Range {
    const rect = this.ctx.op(() => this.ctx.book.usedRect(this._sheet(), valuesOnly));
    return new Range(this.ctx, this, rect ?? { r1: 0, c1: 0, r2: 0, c2: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    this.ctx.requires("1.4", "Worksheet.getUsedRangeOrNullObject");
    const rect = this.ctx.op(() => this.ctx.book.usedRect(this._sheet(), valuesOnly));
    return new Range(this.ctx, this, rect ?? { r1: 0, c1: 0, r2: 0, c2: 0 }, !rect);
  }
  delete(): void {
    this.ctx.structureChange();
    this.ctx.op(() => this.ctx.book.deleteSheet(this._sheet().name));
  }
  activate(): void {
    this.ctx.op(() => { this.ctx.book.activeSheetId = this._sheet().id; });
  }
}

export class WorksheetProtection extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly ws: Worksheet) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return ["protected"]; }
  protected readScalar(): unknown { return this.ws._sheet().protected; }
  get protected(): boolean { return this.got("protected"); }
  protect(): void { this.ctx.op(() => { this.ws._sheet().protected = true; }); }
  unprotect(): void { this.ctx.op(() => { this.ws._sheet().protected = false; }); }
}

export class PageLayout extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly ws: Worksheet) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return ["orientation", "paperSize", "leftMargin", "rightMargin", "topMargin", "bottomMargin", "zoom"]; }
  protected readScalar(name: string): unknown {
    const p = this.ws._sheet().page;
    switch (name) {
      case "orientation": return p.orientation ?? "Portrait";
      case "paperSize": return p.paperSize ?? "Letter";
      case "zoom": return { horizontalFitToPages: p.fitToPagesWide, verticalFitToPages: p.fitToPagesTall };
      default: return p.margins?.[name.replace("Margin", "") as "left"] ?? 54;
    }
  }
  private page() { return this.ws._sheet().page; }
  set orientation(v: string) { this.ctx.op(() => { this.page().orientation = v; }); }
  set paperSize(v: string) { this.ctx.op(() => { this.page().paperSize = v; }); }
  private margin(side: "left" | "right" | "top" | "bottom", v: number) {
    this.ctx.op(() => { const p = this.page(); p.margins = { ...p.margins, [side]: v }; });
  }
  set leftMargin(v: number) { this.margin("left", v); }
  set rightMargin(v: number) { this.margin("right", v); }
  set topMargin(v: number) { this.margin("top", v); }
  set bottomMargin(v: number) { this.margin("bottom", v); }
  set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
    this.ctx.op(() => { const p = this.page(); p.fitToPagesWide = v.horizontalFitToPages; p.fitToPagesTall = v.verticalFitToPages; });
  }
  setPrintArea(area: Range | string): void {
    this.ctx.op(() => {
      const rect = typeof area === "string" ? parseAddress(area) : area._rect;
      this.page().printArea = rectAddress(rect, true);
    });
  }
}

// ---- ranges -----------------------------------------------------------------------------------------------------
export class Range extends ClientObject {
  constructor(ctx: FakeRequestContext, readonly _ws: Worksheet, readonly _rect: Rect, isNull = false) {
    super(ctx, isNull);
  }
  private sheet(): FakeSheet { return this._ws._sheet(); }
  private grid<T>(fn: (r: number, c: number) => T): T[][] {
    const { r1, c1, r2, c2 } = this._rect;
    return Array.from({ length: r2 - r1 + 1 }, (_, i) => Array.from({ length: c2 - c1 + 1 }, (_, j) => fn(r1 + i, c1 + j)));
  }
  protected scalarNames(): readonly string[] {
    return ["address", "addressLocal", "values", "formulas", "numberFormat", "text", "rowIndex", "columnIndex", "rowCount", "columnCount", "cellCount", "hyperlink"];
  }
  protected readScalar(name: string): unknown {
    const s = this.sheet();
    const b = this.ctx.book;
    const big = (this._rect.r2 - this._rect.r1 + 1) * (this._rect.c2 - this._rect.c1 + 1) > 2_000_000;
    if (big && ["values", "formulas", "numberFormat", "text"].includes(name))
      throw new FakeExcelError("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
    switch (name) {
      case "address":
      case "addressLocal": return `${quoteSheet(s.name)}!${rectAddress(this._rect)}`;
      case "values": return this.grid((r, c) => b.valueOut(s, r, c));
      case "formulas": return this.grid((r, c) => b.formulaOut(s, r, c));
      case "numberFormat": return this.grid((r, c) => b.numberFormatOut(s, r, c));
      case "text": return this.grid((r, c) => b.textOut(s, r, c));
      case "rowIndex": return this._rect.r1;
      case "columnIndex": return this._rect.c1;
      case "rowCount": return this._rect.r2 - this._rect.r1 + 1;
      case "columnCount": return this._rect.c2 - this._rect.c1 + 1;
      case "cellCount": return (this._rect.r2 - this._rect.r1 + 1) * (this._rect.c2 - this._rect.c1 + 1);
      default: {
        const h = b.cell(s, this._rect.r1, this._rect.c1)?.hyperlink;
        return h ? { ...h } : null;
      }
    }
  }
  protected override nav(name: string): ClientObject | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "worksheet") return this._ws;
    return undefined;
  }
  get address(): string { return this.got("address"); }
  get addressLocal(): string { return this.got("addressLocal"); }
  get values(): unknown[][] { return this.got("values"); }
  set values(v: unknown[][]) { this.ctx.send(v); this.ctx.op(() => this.ctx.book.write(this.sheet(), this._rect, v, false)); }
  get formulas(): unknown[][] { return this.got("formulas"); }
  set formulas(v: unknown[][]) { this.ctx.send(v); this.ctx.op(() => this.ctx.book.write(this.sheet(), this._rect, v, true)); }
  get numberFormat(): unknown[][] { return this.got("numberFormat"); }
  set numberFormat(v: unknown[][]) { this.ctx.send(v); this.ctx.op(() => this.ctx.book.writeNumberFormat(this.sheet(), this._rect, v)); }
  get text(): string[][] { return this.got("text"); }
  get rowIndex(): number { return this.got("rowIndex"); }
  get columnIndex(): number { return this.got("columnIndex"); }
  get rowCount(): number { return this.got("rowCount"); }
  get columnCount(): number { return this.got("columnCount"); }
  get cellCount(): number { return this.got("cellCount"); }
  get hyperlink(): unknown { return this.got("hyperlink"); }
  set hyperlink(v: { address?: string; documentReference?: string; screenTip?: string; textToDisplay?: string } | null) {
    this.ctx.requires("1.7", "Range.hyperlink");
    this.ctx.op(() => this.ctx.book.setHyperlink(this.sheet(), this._rect, v));
  }
  get worksheet(): Worksheet { return this._ws; }
  private _format?: RangeFormat;
  private _dataValidation?: DataValidation;
  get format(): RangeFormat { return (this._format ??= new RangeFormat(this.ctx, this)); }
  get dataValidation(): DataValidation {
    this.ctx.requires("1.8", "Range.dataValidation");
    return (this._dataValidation ??= new DataValidation(this.ctx, this)); }

  _sheet(): FakeSheet { return this.sheet(); }

  merge(across = false): void { this.ctx.op(() => this.ctx.book.merge(this.sheet(), this._rect, across)); }
  unmerge(): void { this.ctx.op(() => this.ctx.book.unmerge(this.sheet(), this._rect)); }
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.ctx.op(() => this.ctx.book.clear(this.sheet(), this._rect, applyTo));
  }
  select(): void {
    this.ctx.op(() => {
      const s = this.sheet();
      this.ctx.book.activeSheetId = s.id;
      this.ctx.book.selection = { sheetId: s.id, address: rectAddress(this._rect) };
    });
  }
  getCell(row: number, col: number): Range {
    return new Range(this.ctx, this._ws, { r1: this._rect.r1 + row, c1: this._rect.c1 + col, r2: this._rect.r1 + row, c2: this._rect.c1 + col });
  }
  /** The used part of this range (ExcelApi 1.1): ItemNotFound when no cell of it is used, as in Office.js. */
  getUsedRange(valuesOnly = false): Range {
    const rect = this.ctx.op(() => {
      const cut = this.usedPart(valuesOnly);
      if (!cut) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist: no used cell in the range.");
      return cut;
    });
    return new Range(this.ctx, this._ws, rect ?? this._rect);
  }
  /** The used part of this range (ExcelApi 1.4), or a null object when no cell of it is used. */
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    this.ctx.requires("1.4", "Range.getUsedRangeOrNullObject");
    const rect = this.ctx.op(() => this.usedPart(valuesOnly));
    return new Range(this.ctx, this._ws, rect ?? this._rect, !rect);
  }
  /** The rectangular intersection with another range of the same sheet (ExcelApi 1.1): ItemNotFound when none. */
  getIntersection(other: Range | string): Range {
    const rect = this.ctx.op(() => {
      if (typeof other !== "string" && other._sheet() !== this.sheet())
        throw new FakeExcelError("InvalidArgument", "The ranges are on different worksheets.");
      const cut = intersection(this._rect, typeof other === "string" ? parseAddress(other) : other._rect);
      if (!cut) throw new FakeExcelError("ItemNotFound", "The requested resource doesn't exist: the ranges do not intersect.");
      return cut;
    });
    return new Range(this.ctx, this._ws, rect ?? this._rect);
  }
  /** As Office.js: the bounding rect of the used cells inside this range (not the sheet's used range cut to it). */
  private usedPart(valuesOnly: boolean): Rect | null {
    return this.ctx.book.usedRect(this.sheet(), valuesOnly, this._rect);
  }
}

function intersection(a: Rect, b: Rect): Rect | null {
  const r = { r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1), r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) };
  return r.r1 <= r.r2 && r.c1 <= r.c2 ? r : null;
}

/** Reads one format attribute over a range: the common value, or null when cells differ (as Excel does). */
function common<T>(range: Range, read: (f: CellFormat | undefined, r: number, c: number) => T): T | null {
  const s = range._sheet();
  let first: T | undefined;
  for (let r = range._rect.r1; r <= range._rect.r2; r++)
    for (let c = range._rect.c1; c <= range._rect.c2; c++) {
      const v = read(range.context.book.cell(s, r, c)?.format, r, c);
      if (first === undefined) first = v;
      else if (JSON.stringify(first) !== JSON.stringify(v)) return null;
    }
  return first ?? null;
}

export class RangeFormat extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly range: Range) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return ["horizontalAlignment", "verticalAlignment", "wrapText", "columnWidth", "rowHeight"]; }
  protected readScalar(name: string): unknown {
    const s = this.range._sheet();
    const rect = this.range._rect;
    switch (name) {
      case "horizontalAlignment": return common(this.range, (f) => f?.hAlign ?? "General");
      case "verticalAlignment": return common(this.range, (f) => f?.vAlign ?? "Bottom");
      case "wrapText": return common(this.range, (f) => f?.wrap ?? false);
      case "columnWidth": {
        const widths = new Set<number>();
        for (let c = rect.c1; c <= Math.min(rect.c2, rect.c1 + 100); c++) widths.add(s.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return widths.size === 1 ? [...widths][0] : null;
      }
      default: {
        const heights = new Set<number>();
        for (let r = rect.r1; r <= Math.min(rect.r2, rect.r1 + 1000); r++) heights.add(s.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return heights.size === 1 ? [...heights][0] : null;
      }
    }
  }
  protected override nav(name: string): ClientObject | undefined {
    switch (name) {
      case "font": return this.font;
      case "fill": return this.fill;
      case "protection": return this.protection;
      case "borders": return this.borders;
      default: return undefined;
    }
  }
  private set_(fn: (f: CellFormat, r: number, c: number) => void, lockingOnly = false): void {
    this.ctx.op(() => this.ctx.book.formatCells(this.range._sheet(), this.range._rect, fn, lockingOnly));
  }
  get horizontalAlignment(): string { return this.got("horizontalAlignment"); }
  set horizontalAlignment(v: string) { this.set_((f) => { f.hAlign = v; }); }
  get verticalAlignment(): string { return this.got("verticalAlignment"); }
  set verticalAlignment(v: string) { this.set_((f) => { f.vAlign = v; }); }
  get wrapText(): boolean { return this.got("wrapText"); }
  set wrapText(v: boolean) { this.set_((f) => { if (v) f.wrap = true; else delete f.wrap; }); }
  get columnWidth(): number { return this.got("columnWidth"); }
  set columnWidth(v: number) {
    this.ctx.op(() => {
      const s = this.range._sheet();
      if (s.protected) throw new FakeExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${s.name}").`);
      for (let c = this.range._rect.c1; c <= this.range._rect.c2; c++) s.columnWidths.set(c, v);
    });
  }
  set useStandardWidth(v: boolean) {
    this.ctx.requires("1.7", "RangeFormat.useStandardWidth");
    if (!v) return;
    this.ctx.op(() => {
      const s = this.range._sheet();
      if (s.protected) throw new FakeExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${s.name}").`);
      for (let c = this.range._rect.c1; c <= Math.min(this.range._rect.c2, 16383); c++) s.columnWidths.delete(c);
    });
  }
  get rowHeight(): number { return this.got("rowHeight"); }
  set rowHeight(v: number) {
    this.ctx.op(() => {
      const s = this.range._sheet();
      if (s.protected) throw new FakeExcelError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ("${s.name}").`);
      for (let r = this.range._rect.r1; r <= this.range._rect.r2; r++) s.rowHeights.set(r, v);
    });
  }
  autofitRows(): void { /* Layout only: the fake keeps no rendered heights. */ }
  private _font?: RangeFont;
  private _fill?: RangeFill;
  private _protection?: FormatProtection;
  private _borders?: RangeBorderCollection;
  get font(): RangeFont { return (this._font ??= new RangeFont(this.ctx, this.range, (fn) => this.set_(fn))); }
  get fill(): RangeFill { return (this._fill ??= new RangeFill(this.ctx, this.range, (fn) => this.set_(fn))); }
  get protection(): FormatProtection { return (this._protection ??= new FormatProtection(this.ctx, this.range, (fn) => this.set_(fn, true))); }
  get borders(): RangeBorderCollection { return (this._borders ??= new RangeBorderCollection(this.ctx, this.range, (fn) => this.set_(fn))); }
}

type Setter = (fn: (f: CellFormat, r: number, c: number) => void) => void;

export class RangeFont extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly range: Range, private readonly set_: Setter) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return ["name", "size", "bold", "italic", "color"]; }
  protected readScalar(name: string): unknown {
    const defaults: Record<string, unknown> = { name: "Calibri", size: 11, bold: false, italic: false, color: "#000000" };
    return common(this.range, (f) => (f?.font as Record<string, unknown> | undefined)?.[name] ?? defaults[name]);
  }
  private put(k: "name" | "size" | "bold" | "italic" | "color", v: unknown) {
    this.set_((f) => { f.font = { ...f.font, [k]: v }; });
  }
  get name(): string { return this.got("name"); }
  set name(v: string) { this.put("name", v); }
  get size(): number { return this.got("size"); }
  set size(v: number) { this.put("size", v); }
  get bold(): boolean { return this.got("bold"); }
  set bold(v: boolean) { this.put("bold", v); }
  get italic(): boolean { return this.got("italic"); }
  set italic(v: boolean) { this.put("italic", v); }
  get color(): string { return this.got("color"); }
  set color(v: string) { this.put("color", v.toUpperCase()); }
}

export class RangeFill extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly range: Range, private readonly set_: Setter) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return ["color"]; }
  protected readScalar(): unknown { return common(this.range, (f) => f?.fill ?? "#FFFFFF"); }
  get color(): string { return this.got("color"); }
  set color(v: string) { this.set_((f) => { f.fill = v.toUpperCase(); }); }
  clear(): void { this.set_((f) => { delete f.fill; }); }
}

export class FormatProtection extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly range: Range, private readonly set_: Setter) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return ["locked"]; }
  protected readScalar(): unknown { return common(this.range, (f) => f?.locked !== false); }
  get locked(): boolean { return this.got("locked"); }
  set locked(v: boolean) { this.set_((f) => { if (v) delete f.locked; else f.locked = false; }); }
}

const EDGE_INDEX = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"] as const;

export class RangeBorderCollection extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly range: Range, private readonly set_: Setter) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return []; }
  protected readScalar(): unknown { return undefined; }
  getItem(index: string): RangeBorder {
    if (!(EDGE_INDEX as readonly string[]).includes(index))
      this.ctx.op(() => { throw new FakeExcelError("InvalidArgument", `Unsupported border index "${index}".`); });
    return new RangeBorder(this.ctx, this.range, index as (typeof EDGE_INDEX)[number], this.set_);
  }
}

export class RangeBorder extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly range: Range, private readonly index: (typeof EDGE_INDEX)[number], private readonly set_: Setter) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return ["style", "color", "weight"]; }
  protected readScalar(name: string): unknown {
    const edge = this.edges(this.range._rect.r1, this.range._rect.c1)[0] ?? "top";
    return common(this.range, (f) => (f?.borders?.[edge] as Record<string, unknown> | undefined)?.[name] ?? (name === "style" ? "None" : null));
  }
  /** Which cell edges this border index covers at cell (r, c) of the range. */
  private edges(r: number, c: number): Edge[] {
    const { r1, c1, r2, c2 } = this.range._rect;
    switch (this.index) {
      case "EdgeTop": return r === r1 ? ["top"] : [];
      case "EdgeBottom": return r === r2 ? ["bottom"] : [];
      case "EdgeLeft": return c === c1 ? ["left"] : [];
      case "EdgeRight": return c === c2 ? ["right"] : [];
      case "InsideHorizontal": return [...(r > r1 ? (["top"] as Edge[]) : []), ...(r < r2 ? (["bottom"] as Edge[]) : [])];
      default: return [...(c > c1 ? (["left"] as Edge[]) : []), ...(c < c2 ? (["right"] as Edge[]) : [])];
    }
  }
  private put(k: "style" | "color" | "weight", v: string) {
    this.set_((f, r, c) => {
      for (const e of this.edges(r, c)) {
        f.borders = { ...f.borders, [e]: { style: "Continuous", ...f.borders?.[e], [k]: k === "color" ? v.toUpperCase() : v } };
        if (k === "style" && v === "None") delete f.borders[e];
      }
      if (f.borders && Object.keys(f.borders).length === 0) delete f.borders;
    });
  }
  get style(): string { return this.got("style"); }
  set style(v: string) { this.put("style", v); }
  get color(): string { return this.got("color"); }
  set color(v: string) { this.put("color", v); }
  get weight(): string { return this.got("weight"); }
  set weight(v: string) { this.put("weight", v); }
}

type OfficeRule = {
  wholeNumber?: { formula1?: string | number; formula2?: string | number; operator: string };
  decimal?: { formula1?: string | number; formula2?: string | number; operator: string };
  list?: { inCellDropDown?: boolean; source: string };
};

export class DataValidation extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly range: Range) {
    super(ctx);
  }
  protected scalarNames(): readonly string[] { return ["type", "rule", "prompt", "errorAlert", "ignoreBlanks"]; }
  protected readScalar(name: string): unknown {
    const v = this.ctx.book.cell(this.range._sheet(), this.range._rect.r1, this.range._rect.c1)?.validation;
    switch (name) {
      case "type": return v?.type ?? "None";
      case "rule": return v ? toOfficeRule(v) : {};
      case "prompt": return v?.prompt ?? { showPrompt: false };
      case "errorAlert": return v?.errorAlert ?? { showAlert: true, style: "Stop" };
      default: return v?.ignoreBlanks ?? true;
    }
  }
  private update(fn: (v: ValidationRule | undefined) => ValidationRule | undefined) {
    this.ctx.op(() => this.ctx.book.setValidation(this.range._sheet(), this.range._rect, fn));
  }
  get rule(): OfficeRule { return this.got("rule"); }
  set rule(rule: OfficeRule) {
    this.update((v) => {
      const base = { prompt: v?.prompt, errorAlert: v?.errorAlert, ignoreBlanks: v?.ignoreBlanks };
      if (rule.wholeNumber) return { ...base, type: "WholeNumber", operator: rule.wholeNumber.operator, formula1: rule.wholeNumber.formula1, formula2: rule.wholeNumber.formula2 };
      if (rule.decimal) return { ...base, type: "Decimal", operator: rule.decimal.operator, formula1: rule.decimal.formula1, formula2: rule.decimal.formula2 };
      if (rule.list) return { ...base, type: "List", source: rule.list.source };
      throw new FakeExcelError("InvalidArgument", "The fake supports wholeNumber, decimal and list rules only.");
    });
  }
  get prompt(): unknown { return this.got("prompt"); }
  set prompt(p: { showPrompt?: boolean; title?: string; message?: string }) {
    this.update((v) => ({ type: "Custom", ...v, prompt: { ...p } }));
  }
  get errorAlert(): unknown { return this.got("errorAlert"); }
  set errorAlert(a: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this.update((v) => ({ type: "Custom", ...v, errorAlert: { ...a } }));
  }
  get ignoreBlanks(): boolean { return this.got("ignoreBlanks"); }
  set ignoreBlanks(b: boolean) { this.update((v) => ({ type: "Custom", ...v, ignoreBlanks: b })); }
  get type(): string { return this.got("type"); }
  clear(): void { this.update(() => undefined); }
}

function toOfficeRule(v: ValidationRule): OfficeRule {
  if (v.type === "WholeNumber") return { wholeNumber: { operator: v.operator ?? "Between", formula1: v.formula1, formula2: v.formula2 } };
  if (v.type === "Decimal") return { decimal: { operator: v.operator ?? "Between", formula1: v.formula1, formula2: v.formula2 } };
  if (v.type === "List") return { list: { inCellDropDown: true, source: v.source ?? "" } };
  return {};
}

// ---- names ------------------------------------------------------------------------------------------------------
export class NamedItemCollection extends ItemCollection<NamedItem> {
  protected makeItems(): NamedItem[] {
    return [...this.ctx.book.names.values()].map((n) => new NamedItem(this.ctx, n));
  }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    const made = this.ctx.op(() => {
      let sheet: FakeSheet;
      let rect: Rect;
      if (typeof reference === "string") {
        const m = /^=?(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/.exec(reference);
        if (!m) throw new FakeExcelError("InvalidArgument", `The fake supports sheet-qualified range references only: "${reference}".`);
        sheet = this.ctx.book.sheet(m[1]?.replace(/''/g, "'") ?? m[2]);
        rect = parseAddress(m[3]);
      } else {
        sheet = reference._sheet();
        rect = reference._rect;
      }
      return this.ctx.book.addName(name, sheet, rect, comment);
    });
    return new NamedItem(this.ctx, made ?? { name, target: null, visible: true });
  }
  getItem(name: string): NamedItem {
    const n = this.ctx.book.names.get(name.toLowerCase());
    if (!n) this.ctx.op(() => { throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: name "${name}".`); });
    return new NamedItem(this.ctx, n ?? { name, target: null, visible: true });
  }
  getItemOrNullObject(name: string): NamedItem {
    const n = this.ctx.book.names.get(name.toLowerCase());
    return new NamedItem(this.ctx, n ?? { name, target: null, visible: true }, !n);
  }
}

export class NamedItem extends ClientObject {
  constructor(ctx: FakeRequestContext, private readonly item: FakeName, isNull = false) {
    super(ctx, isNull);
  }
  protected scalarNames(): readonly string[] { return ["name", "type", "value", "formula", "visible", "comment"]; }
  protected readScalar(name: string): unknown {
    const ref = this.ctx.book.nameReference(this.item);
    switch (name) {
      case "name": return this.item.name;
      case "type": return ref === "#REF!" ? "Error" : "Range";
      case "value": return ref;
      case "formula": return `=${ref}`;
      case "visible": return this.item.visible;
      default: return this.item.comment ?? "";
    }
  }
  get name(): string { return this.got("name"); }
  get type(): string { return this.got("type"); }
  get value(): unknown { return this.got("value"); }
  get formula(): string { return this.got("formula"); }
  get visible(): boolean { return this.got("visible"); }
  set visible(v: boolean) { this.ctx.op(() => { this.item.visible = v; }); }
  get comment(): string { return this.got("comment"); }
  getRange(): Range {
    const t = this.item.target;
    if (!t || !this.ctx.book.sheetById(t.sheetId))
      this.ctx.op(() => { throw new FakeExcelError("InvalidReference", `This reference isn't valid for the current operation: name "${this.item.name}".`); });
    return new Range(this.ctx, new Worksheet(this.ctx, t?.sheetId ?? ""), t?.rect ?? { r1: 0, c1: 0, r2: 0, c2: 0 });
  }
  getRangeOrNullObject(): Range {
    this.ctx.requires("1.4", "NamedItem.getRangeOrNullObject");
    const t = this.item.target;
    const ok = !!t && !!this.ctx.book.sheetById(t.sheetId);
    return new Range(this.ctx, new Worksheet(this.ctx, t?.sheetId ?? ""), t?.rect ?? { r1: 0, c1: 0, r2: 0, c2: 0 }, !ok);
  }
  delete(): void {
    this.ctx.op(() => { this.ctx.book.names.delete(this.item.name.toLowerCase()); });
  }
}

/** The `Excel` namespace the adapter sees: `Excel.run(async (context) => …)`. */
export interface FakeExcelNamespace {
  run<T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  run<T>(options: { delayForCellEdit?: boolean }, batch: (context: FakeRequestContext) => Promise<T>): Promise<T>;
  readonly book: FakeWorkbook;
  /** The ExcelApi version this fake claims (the same as its Office.context.requirements). */
  readonly apiVersion: string;
}

export function createFakeExcel(book: FakeWorkbook, apiVersion: string = DEFAULT_EXCEL_API): FakeExcelNamespace {
  return {
    book,
    apiVersion,
    async run<T>(
      first: { delayForCellEdit?: boolean } | ((context: FakeRequestContext) => Promise<T>),
      second?: (context: FakeRequestContext) => Promise<T>,
    ): Promise<T> {
      const batch = typeof first === "function" ? first : second!;
      // RunOptions.delayForCellEdit is ExcelApi 1.11: an older host ignores it.
      const delay = typeof first === "object" && !!first.delayForCellEdit && versionAtLeast(apiVersion, "1.11");
      if (delay) await book.whenNotEditing();
      const ctx = new FakeRequestContext(book, { apiVersion, delayForCellEdit: delay });
      const out = await batch(ctx);
      if (ctx.dirty) await ctx.sync();
      return out;
    },
  };
}
