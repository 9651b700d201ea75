/**
 * The Office.js implementation of WorkbookHost: the only module (with render.ts) that calls the Excel API.
 * It reads the global `Excel` and `Office` (or the ones passed in), so tests and the demo install the in-memory fake
 * (src/fake-excel) or an office-addin-mock object in their place.
 *
 * Round trips (context.sync):
 *   insertForms       2  (1: sheet and defined names; 2: every sheet drawn, tagged, activated)
 *   validate          3  (1: sheets, protection, names; 2: every sheet's used range (size only) and the used part of
 *                         its first 5000 rows × 60 columns (contents), every tag's range; 3: all writes)
 *   clearChecks       3, makeReportCopies 3, listForms 2, selectCell 1; never a sync inside a loop.
 *
 * Sheet protection: the add-in does not protect the sheets it inserts. Input cells are unlocked and computed cells
 * locked, so an office that wants protection turns it on itself (Review › Protect Sheet) and typing still works; a
 * protected sheet then gets no check column (a note says so) while the results sheet still lists every finding.
 */
import { checkWorkbook } from "../engine/check";
import { isProductSheet } from "../engine/recognise";
import type { CellInput, RecognitionResult, SheetGrid, ValidationResult } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { excelText, type ExcelText } from "../i18n/excel";
import { langFromLocale, type Lang } from "../i18n/number";
import { a1, columnLetters, parseA1 } from "../layout/a1";
import { REPORT_COPY_MARK, RESULTS_SHEET_NAME } from "../layout/names";
import { parseTagName, planSheet, planSheets, sheetNameFor } from "../layout/plan";
import type { ReportHeader, SheetLayout } from "../layout/types";
import { planClear, planWriteBack } from "../layout/writeback";
import { HostError, type FormInWorkbook, type HostCapabilities, type InsertResult, type ValidateOutcome, type WorkbookHost } from "./host";
import { MAX_COLS, MAX_ROWS } from "./limits";
import { renderLayout, renderWrites, validRanges } from "./render";
import { applyFixes, undoFixes, type CellBefore } from "./fixes";
import { watchChanges } from "./changes";
import type { CellFix } from "../layout/fixes";

/** The document-settings key that keeps an office's own template set with the workbook. */
export const TEMPLATE_SET_SETTING = "bieumau.templateSet";

export interface ExcelHostDeps {
  excel?: typeof Excel;
  office?: typeof Office;
  lang?: Lang;
}

export interface ValidateOptions {
  /** Bring the results sheet to the front when done (the ribbon command does; the pane lists findings itself). */
  activateResults?: boolean;
  /** Notes of the caller's own (e.g. the stored template set was unusable), listed first in the outcome and the sheet. */
  notes?: string[];
}

/** What was read in one pass: sheet grids for the engine, plus what write-back needs to know about each sheet. */
interface WorkbookRead {
  grids: SheetGrid[];
  sheets: Array<{ name: string; protected: boolean }>;
  /** Tag name → sheet it points into, for the sheets the tag still finds. */
  tags: Map<string, string>;
  notes: string[];
}

type Ctx = Excel.RequestContext;

/** The part of each sheet validate reads: rows 1…MAX_ROWS, columns A…BH (the CLI reads the same). */
const READ_WINDOW = `A1:${columnLetters(MAX_COLS - 1)}${MAX_ROWS}`;

function globalOf<T>(name: string): T | undefined {
  return (globalThis as Record<string, unknown>)[name] as T | undefined;
}

/** Splits "'Biểu mẫu 3'!A7:E40" into sheet and address. */
export function splitAddress(address: string): { sheet: string; address: string } | null {
  const i = address.lastIndexOf("!");
  if (i < 0) return null;
  let sheet = address.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: address.slice(i + 1) };
}

/** One cell as read through Office.js into the engine's shape. A text cell that reads "=…" is text, not a formula. */
export function toCellInput(value: unknown, formula: unknown, numberFormat: unknown, text: unknown): CellInput | null {
  const v = value === "" || value === undefined ? null : (value as CellInput["value"]);
  const f = typeof formula === "string" && formula.startsWith("=") && !(typeof value === "string" && value === formula) ? formula : undefined;
  if (v === null && !f) return null;
  const cell: CellInput = { value: v };
  if (typeof text === "string") cell.text = text;
  if (typeof numberFormat === "string") cell.numberFormat = numberFormat;
  if (f) cell.formula = f;
  return cell;
}

/** Maps an Office.js error (OfficeExtension.Error: code + message) to a HostError with a Vietnamese message. */
export function toHostError(e: unknown, t: ExcelText, context?: { sheet?: string; address?: string }): HostError {
  if (e instanceof HostError) return e;
  const code = (e as { code?: string } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "AccessDenied":
      return new HostError(t.protectedWrite, e);
    case "InvalidOperation":
      if (/merge/i.test(message)) return new HostError(t.mergedCells, e);
      if (/protect/i.test(message)) return new HostError(t.protectedWrite, e);
      return new HostError(t.generic(message), e);
    case "ItemNotFound":
      return new HostError(t.sheetNotFound(context?.sheet ?? "?"), e);
    case "InvalidReference":
    case "InvalidArgument":
      if (context?.address) return new HostError(t.badAddress(context.address), e);
      return new HostError(t.invalidArgument(message), e);
    case "ResponsePayloadSizeLimitExceeded":
    case "RequestPayloadSizeLimitExceeded":
      return new HostError(t.tooLarge, e);
    default:
      return new HostError(t.generic(message), e);
  }
}

/** WorkbookHost plus what only the ribbon command needs. */
export interface ExcelHost extends WorkbookHost {
  validate(set: TemplateSet, options?: ValidateOptions): Promise<ValidateOutcome>;
  /**
   * Writes a short message into the results sheet (made anew) and brings it to the front: how a function command,
   * which has no UI of its own, tells the clerk that checking could not run.
   */
  showNotice(lines: string[]): Promise<void>;
  readActiveSheet(): Promise<SheetGrid | null>;
}

export function createExcelHost(deps: ExcelHostDeps = {}): ExcelHost {
  const excel = (): typeof Excel => {
    const x = deps.excel ?? globalOf<typeof Excel>("Excel");
    if (!x || typeof x.run !== "function") throw new HostError(excelText(lang()).noExcel);
    return x;
  };
  const office = (): typeof Office | undefined => deps.office ?? globalOf<typeof Office>("Office");
  const lang = (): Lang => deps.lang ?? langFromLocale(office()?.context?.displayLanguage);
  const t = (): ExcelText => excelText(lang());
  const api = (version: string): boolean => {
    try {
      return !!office()?.context?.requirements?.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
  const caps = (): HostCapabilities & { pageLayout: boolean; usedRangeOrNull: boolean } => ({
    insert: api("1.1"),
    validate: api("1.1"),
    dataValidation: api("1.8"),
    tags: api("1.4"),
    settings: !!office()?.context?.document?.settings,
    hyperlinks: api("1.7"),
    pageLayout: api("1.9"),
    usedRangeOrNull: api("1.4"),
  });

  async function run<T>(batch: (ctx: Ctx) => Promise<T>, context?: { sheet?: string; address?: string }): Promise<T> {
    const x = excel();
    try {
      return await x.run(batch);
    } catch (e) {
      throw toHostError(e, t(), context);
    }
  }

  /**
   * Sync 1: sheets, protection, names. Sync 2: every sheet's used range (address and size only), the used part of its
   * read window (contents), and every tag's range. A sheet whose used range reaches past the window gets a note.
   */
  async function readWorkbook(ctx: Ctx, set: TemplateSet): Promise<WorkbookRead> {
    const c = caps();
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/visibility,items/protection/protected");
    const names = c.tags ? ctx.workbook.names : null;
    names?.load("items/name,items/type");
    await ctx.sync();

    const wanted = sheets.items.filter((ws) => ws.visibility !== "VeryHidden" && !isProductSheet(ws.name));
    // Only the top-left window of a sheet is read (as the CLI does): one big data sheet must not exceed Office.js's
    // response payload limit and fail the whole check. The whole used range is loaded by size only, to tell the clerk
    // which sheets were cut; both are queued in this same sync.
    const used = wanted.map((ws) => {
      const whole = c.usedRangeOrNull ? ws.getUsedRangeOrNullObject(true) : ws.getUsedRange(true);
      whole.load("address,rowCount,columnCount");
      const window = ws.getRange(READ_WINDOW);
      const range = c.usedRangeOrNull ? window.getUsedRangeOrNullObject(true) : whole.getIntersection(window);
      range.load("address,values,formulas,numberFormat,text");
      return { name: ws.name, whole, range };
    });
    const tagItems = (names?.items ?? []).filter((n) => parseTagName(n.name, set) !== null);
    const tagRanges = tagItems.map((n) => {
      const r = n.type === "Range" ? n.getRangeOrNullObject() : null;
      r?.load("address");
      return { name: n.name, range: r };
    });
    await ctx.sync();

    const notes: string[] = [];
    const tags = new Map<string, string>();
    const hints = new Map<string, string>();
    for (const { name, range } of tagRanges) {
      const where = range && !range.isNullObject ? splitAddress(range.address) : null;
      if (!where) {
        notes.push(t().tagBroken(name));
        continue;
      }
      tags.set(name, where.sheet);
      const parsed = parseTagName(name, set);
      if (parsed && !hints.has(where.sheet)) hints.set(where.sheet, parsed.formId);
    }
    const grids: SheetGrid[] = [];
    for (const { name, whole, range } of used) {
      if (!whole.isNullObject) {
        const at = splitAddress(whole.address);
        const origin = at ? parseOrigin(at.address) : { row: 0, col: 0 };
        if (origin.row + whole.rowCount > MAX_ROWS || origin.col + whole.columnCount > MAX_COLS)
          notes.push(t().sheetTruncated(name, MAX_ROWS, MAX_COLS));
      }
      if (range.isNullObject) continue;
      const at = splitAddress(range.address);
      const origin = at ? parseOrigin(at.address) : { row: 0, col: 0 };
      const cells = range.values.map((row, i) =>
        row.map((v, j) => toCellInput(v, range.formulas[i]?.[j], range.numberFormat[i]?.[j], range.text[i]?.[j])),
      );
      const grid: SheetGrid = { sheet: name, cells, origin };
      const hint = hints.get(name);
      if (hint) grid.formHint = hint;
      grids.push(grid);
    }
    return {
      grids,
      sheets: sheets.items.map((ws) => ({ name: ws.name, protected: ws.protection.protected })),
      tags,
      notes,
    };
  }

  function countOf(result: ValidationResult): ValidateOutcome["counts"] {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of result.findings) counts[f.severity]++;
    return counts;
  }

  const host = {
    capabilities(): HostCapabilities {
      const { insert, validate, dataValidation, tags, settings, hyperlinks } = caps();
      return { insert, validate, dataValidation, tags, settings, hyperlinks };
    },

    async listForms(set: TemplateSet): Promise<FormInWorkbook[]> {
      return run(async (ctx) => {
        const read = await readWorkbook(ctx, set);
        const { recognition } = checkWorkbook(set, read.grids);
        const versionOn = new Map<string, string>();
        for (const [name, sheet] of read.tags) {
          const p = parseTagName(name, set);
          if (p && !versionOn.has(sheet)) versionOn.set(sheet, p.templateSet);
        }
        return recognition.forms.map((f) => {
          const out: FormInWorkbook = { formId: f.formId, sheet: f.sheet, tagged: f.tagged };
          const v = versionOn.get(f.sheet);
          if (v !== undefined) out.templateSet = v;
          return out;
        });
      });
    },

    async insertForms(set: TemplateSet, formIds: string[], header: ReportHeader, options: { loadedSet?: boolean } = {}): Promise<InsertResult & { notes: string[] }> {
      const c = caps();
      const text = t();
      if (!c.insert) throw new HostError(text.notSupported(text.features.insert, "1.1"));
      return run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name");
        const names = c.tags ? ctx.workbook.names : null;
        names?.load("items/name");
        await ctx.sync();
        const layouts = planSheets(
          set,
          formIds,
          header,
          { sheetNames: sheets.items.map((s) => s.name), names: names?.items.map((n) => n.name) ?? [] },
          { loadedSet: options.loadedSet },
        );
        for (const layout of layouts) {
          const ws = sheets.add(layout.sheetName);
          renderLayout(ws, layout, c);
          if (c.tags && layout.tagName)
            ctx.workbook.names.add(layout.tagName, ws.getRange(layout.tableRange), text.tagComment(layout.formId, layout.templateSet));
        }
        if (layouts.length) sheets.getItem(layouts[0].sheetName).activate();
        await ctx.sync();
        const notes: string[] = [];
        if (!c.dataValidation) notes.push(text.skippedDataValidation);
        if (!c.tags) notes.push(text.skippedTags);
        if (!c.pageLayout) notes.push(text.skippedPageLayout);
        return {
          sheets: layouts.map((l) => l.sheetName),
          copies: layouts.filter((l) => l.sheetName !== sheetNameFor(set.forms.find((f) => f.id === l.formId)!)).map((l) => l.sheetName),
          notes,
        };
      });
    },

    async validate(set: TemplateSet, options: ValidateOptions = {}): Promise<ValidateOutcome> {
      const c = caps();
      const text = t();
      if (!c.validate) throw new HostError(text.notSupported(text.features.validate, "1.1"));
      return run(async (ctx) => {
        const read = await readWorkbook(ctx, set);
        const { recognition, result } = checkWorkbook(set, read.grids);
        const plan = planWriteBack(set, recognition, result, read.grids, lang());
        const clear = planClear(recognition, read.grids);
        const notes = [...read.notes, ...plan.notes];
        const isProtected = new Map(read.sheets.map((s) => [s.name, s.protected]));
        const sheets = ctx.workbook.worksheets;

        const skipped = new Set<string>();
        for (const { sheet, ranges } of clear.formSheets) {
          if (isProtected.get(sheet)) continue;
          const ws = sheets.getItem(sheet);
          for (const r of validRanges(ranges)) ws.getRange(r).clear("All");
        }
        for (const w of plan.formSheets) {
          if (isProtected.get(w.sheet)) {
            if (!skipped.has(w.sheet) && w.cells.length) notes.push(text.protectedSheet(w.sheet));
            skipped.add(w.sheet);
            continue;
          }
          renderWrites(sheets.getItem(w.sheet), w.cells, { hyperlinks: c.hyperlinks, columnWidths: w.columnWidths, font: w.font, autofitRows: true });
        }
        if (!c.hyperlinks && plan.results.cells.some((x) => x.link)) notes.push(text.skippedHyperlinks);
        // The caller's notes (e.g. the ribbon's "the stored template set is not valid") come first.
        const allNotes = [...(options.notes ?? []), ...notes];
        const results = writeResultsSheet(ctx, read, plan.results, c.hyperlinks, allNotes, c.pageLayout);
        if (options.activateResults) {
          results.activate();
          results.getRange("A2").select();
        }
        await ctx.sync();
        return { recognition, result, notes: allNotes, counts: countOf(result) };
      });
    },

    async clearChecks(set: TemplateSet): Promise<void> {
      const text = t();
      const blocked: string[] = [];
      await run(async (ctx) => {
        const read = await readWorkbook(ctx, set);
        const { recognition } = checkWorkbook(set, read.grids);
        const plan = planClear(recognition, read.grids);
        const isProtected = new Map(read.sheets.map((s) => [s.name, s.protected]));
        const sheets = ctx.workbook.worksheets;
        for (const { sheet, ranges } of plan.formSheets) {
          if (isProtected.get(sheet)) {
            blocked.push(sheet);
            continue;
          }
          const ws = sheets.getItem(sheet);
          for (const r of validRanges(ranges)) {
            ws.getRange(r).clear("All");
            // The check column was widened by validate; it goes back to the sheet's standard width.
            const col = r.replace(/[\d$]/g, "").split(":")[0];
            ws.getRange(`${col}:${col}`).format.useStandardWidth = true;
          }
        }
        if (read.sheets.some((s) => s.name === plan.resultsSheet)) deleteSheet(ctx, read, plan.resultsSheet);
        await ctx.sync();
      });
      if (blocked.length) throw new HostError(text.protectedSheetsNotCleared(blocked));
    },

    async makeReportCopies(set: TemplateSet): Promise<string[]> {
      const c = caps();
      const text = t();
      return run(async (ctx) => {
        const read = await readWorkbook(ctx, set);
        const { recognition } = checkWorkbook(set, read.grids);
        if (!recognition.forms.length) throw new HostError(text.noFormsForCopies);
        const taken = new Set(read.sheets.map((s) => s.name.toLowerCase()));
        const sheets = ctx.workbook.worksheets;
        const made: string[] = [];
        for (const form of recognition.forms) {
          const def = set.forms.find((f) => f.id === form.formId);
          if (!def) continue;
          const name = reportCopyName(sheetNameFor(def), taken);
          taken.add(name.toLowerCase());
          const layout = planSheet(set, def, {}, { variant: "report", sheetName: name });
          const formats = fillReportCopy(layout, form, read.grids.find((g) => g.sheet === form.sheet));
          const ws = sheets.add(name);
          renderLayout(ws, layout, { dataValidation: false, pageLayout: c.pageLayout });
          for (const f of formats) ws.getRange(f.address).numberFormat = [[f.numberFormat]];
          made.push(name);
        }
        if (made.length) sheets.getItem(made[0]).activate();
        await ctx.sync();
        return made;
      });
    },

    onWorkbookChanged: async (listener: () => void) => (api("1.9") ? watchChanges(excel(), listener) : async () => undefined),
    applyFixes: (fixes: CellFix[]) => applyFixes((batch) => run(batch), fixes),
    undoFixes: (records: CellBefore[]) => undoFixes((batch) => run(batch), records),

    async selectCell(sheet: string, address: string): Promise<void> {
      await run(
        async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(sheet);
          ws.activate();
          ws.getRange(address).select();
          await ctx.sync();
        },
        { sheet, address },
      );
    },

    async showNotice(lines: string[]): Promise<void> {
      await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name");
        await ctx.sync();
        const ws = replaceSheet(ctx, sheets.items.map((s) => s.name), RESULTS_SHEET_NAME);
        renderWrites(ws, lines.map((value, i) => ({ address: a1(i, 0), value, bold: i === 0, tone: i === 0 ? "error" : undefined })), {
          hyperlinks: false,
          columnWidths: { 0: 100 },
        });
        ws.activate();
        await ctx.sync();
      });
    },

    async loadStoredTemplateSet(): Promise<string | null> {
      const settings = office()?.context?.document?.settings;
      if (!settings) return null;
      const v: unknown = settings.get(TEMPLATE_SET_SETTING);
      return typeof v === "string" ? v : null;
    },

    async storeTemplateSet(json: string | null): Promise<void> {
      const settings = office()?.context?.document?.settings;
      const text = t();
      if (!settings) throw new HostError(text.settingsUnavailable);
      if (json === null) settings.remove(TEMPLATE_SET_SETTING);
      else settings.set(TEMPLATE_SET_SETTING, json);
      await new Promise<void>((resolve, reject) => {
        settings.saveAsync((r: Office.AsyncResult<void>) => {
          if (String(r.status) === "failed") reject(new HostError(text.settingsSaveFailed(r.error?.message ?? ""), r.error));
          else resolve();
        });
      });
    },

    /** One sync: the active sheet's name and the used part of its read window, as a grid (for learning a set). */
    async readActiveSheet(): Promise<SheetGrid | null> {
      return run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getActiveWorksheet();
        ws.load("name");
        const window = ws.getRange(READ_WINDOW);
        const range = caps().usedRangeOrNull ? window.getUsedRangeOrNullObject(true) : ws.getUsedRange(true).getIntersection(window);
        range.load("address,values,formulas,numberFormat,text");
        await ctx.sync();
        if (range.isNullObject) return null;
        const at = splitAddress(range.address);
        const cells = range.values.map((row, i) =>
          row.map((v, j) => toCellInput(v, range.formulas[i]?.[j], range.numberFormat[i]?.[j], range.text[i]?.[j])),
        );
        return { sheet: ws.name, cells, origin: at ? parseOrigin(at.address) : { row: 0, col: 0 } };
      });
    },
  };

  /** Deletes the results sheet; when it is the only visible sheet, a blank sheet is added first (Excel needs one). */
  function deleteSheet(ctx: Ctx, read: WorkbookRead, name: string): void {
    const others = read.sheets.filter((s) => s.name !== name);
    if (others.length === 0) ctx.workbook.worksheets.add();
    ctx.workbook.worksheets.getItem(name).delete();
  }

  /**
   * Makes the sheet `name` anew, all queued (no sync). When it exists, the new sheet is added under a temporary name,
   * the old one deleted, then the new one renamed: the workbook is never left without a visible sheet, even when the
   * old sheet is the only visible one.
   */
  function replaceSheet(ctx: Ctx, existing: readonly string[], name: string): Excel.Worksheet {
    const sheets = ctx.workbook.worksheets;
    const taken = new Set(existing.map((s) => s.toLowerCase()));
    if (!taken.has(name.toLowerCase())) return sheets.add(name);
    let temp = "";
    for (let i = 1; ; i++) {
      const suffix = ` (${i})`;
      temp = name.slice(0, 31 - suffix.length) + suffix;
      if (!taken.has(temp.toLowerCase())) break;
    }
    const ws = sheets.add(temp);
    sheets.getItem(name).delete();
    ws.name = name;
    return ws;
  }

  function writeResultsSheet(
    ctx: Ctx,
    read: WorkbookRead,
    results: ReturnType<typeof planWriteBack>["results"],
    hyperlinks: boolean,
    notes: readonly string[],
    pageLayout = false,
  ): Excel.Worksheet {
    // Made anew on every run, so a second run gives the same sheet as the first.
    const ws = replaceSheet(ctx, read.sheets.map((s) => s.name), results.name);
    const cells = results.cells.slice();
    if (notes.length) {
      let r = cells.reduce((max, x) => Math.max(max, parseA1(x.address)?.row ?? -1), -1) + 2;
      cells.push({ address: a1(r++, 0), value: t().resultsNotesHeading, bold: true });
      for (const note of notes) cells.push({ address: a1(r++, 0), value: note, tone: "warning" });
    }
    renderWrites(ws, cells, {
      hyperlinks,
      columnWidths: results.columnWidths,
      font: results.font,
      autofitRows: true,
      page: pageLayout ? results.page : undefined,
    });
    return ws;
  }

  return host;
}

function parseOrigin(address: string): { row: number; col: number } {
  const first = address.split(":")[0].replace(/\$/g, "");
  const m = /^([A-Za-z]+)(\d+)$/.exec(first);
  if (!m) return { row: 0, col: 0 };
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "Biểu mẫu 3 (bản in)", then "(bản in 2)", … ; always within Excel's 31 characters. */
export function reportCopyName(base: string, taken: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? ` (${REPORT_COPY_MARK})` : ` (${REPORT_COPY_MARK} ${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * The header lines a report copy takes from its working sheet (rows of the planned layout, see planSheet): the caption
 * "(Ban hành kèm theo Báo cáo số … ngày … của …)" and the line "Đơn vị báo cáo: …    Kỳ báo cáo: …".
 */
const HEADER_LINES: ReadonlyArray<[number, (text: string) => boolean]> = [
  [3, (s) => /^\(\s*ban hành kèm theo\b/iu.test(s)],
  [4, (s) => /^đơn vị báo cáo\s*:/iu.test(s)],
];

/** Puts the clerk's values and notes into a report-copy layout (as values: a report copy is a snapshot to paste). */
function fillReportCopy(
  layout: SheetLayout,
  form: RecognitionResult["forms"][number],
  grid: SheetGrid | undefined,
): Array<{ address: string; numberFormat: string }> {
  const formats: Array<{ address: string; numberFormat: string }> = [];
  const at = (row: number, col: number) => grid?.cells[row - (grid.origin?.row ?? 0)]?.[col - (grid.origin?.col ?? 0)];
  const byAddress = new Map(layout.cells.map((c) => [c.address, c]));
  for (const [stt, row] of Object.entries(layout.rowOfStt)) {
    const filled = form.rows[stt];
    if (!filled) continue;
    const valueCell = byAddress.get(a1(row, layout.columns.value));
    if (valueCell) {
      delete valueCell.formula;
      const v = filled.value.value;
      if (v === null || v === undefined || v === "" || typeof v === "boolean") delete valueCell.value;
      else valueCell.value = typeof v === "number" ? v : (filled.value.text ?? String(v));
      // Keep the clerk's own number format (e.g. "0.00%" for 99,69%) so the copy shows what the working sheet shows.
      if (typeof v === "number") formats.push({ address: valueCell.address, numberFormat: filled.value.numberFormat || "General" });
    }
    const noteCell = byAddress.get(a1(row, layout.columns.note));
    if (noteCell && filled.note) noteCell.value = filled.note;
  }
  // The header lines (caption; unit and period) are copied from the working sheet only when the add-in inserted it
  // (tagged) and the line there still reads as that line; a hand-typed table keeps the layout's own caption.
  if (grid && form.tagged && form.headerRow !== null) {
    const shift = form.headerRow - layout.headerRows[0];
    for (const [row, looksRight] of HEADER_LINES) {
      const src = at(row + shift, 0);
      const dst = byAddress.get(a1(row, 0));
      if (dst && src && typeof src.value === "string" && looksRight(src.value.normalize("NFC").trim())) dst.value = src.value;
    }
  }
  return formats;
}
