/**
 * The Office.js implementation of WorkbookHost: the only module (with render.ts) that calls the Excel API.
 * It reads the global `Excel` and `Office` (or the ones passed in), so tests and the demo install the in-memory fake
 * (src/fake-excel) or an office-addin-mock object in their place.
 *
 * Round trips (context.sync):
 *   insertForms       2  (1: sheets, names, Protect Workbook; 2: every sheet drawn, tagged, activated)
 *   validate          4+ (read.ts: 1 outline, 2 sizes and tag bounds, 3… the used cells in pieces of ≤ 15,000 cells,
 *                         so no reply exceeds Excel on the web's 5 MB; then one sync for all writes)
 *   clearChecks, makeReportCopies: the read plus one; listForms: the read; selectCell 1.
 *
 * Every batch runs with { delayForCellEdit: true } where the host has it (ExcelApi 1.11): while a clerk is still in a
 * cell, Excel waits until they leave it instead of failing; an older host fails with InvalidOperationInCellEditMode,
 * which becomes "Hãy nhấn Enter hoặc Esc …" (errors.ts). The results sheet is updated in place (results-sheet.ts) and
 * says when it was written. Members above the manifest's minimum (ExcelApi 1.4) are used only where
 * Office.context.requirements.isSetSupported says so.
 *
 * Sheet protection: the add-in does not protect the sheets it inserts. Input cells are unlocked and computed cells
 * locked, so an office that wants protection turns it on itself (Review › Protect Sheet) and typing still works; a
 * protected sheet then gets no check column (a note says so) while the results sheet still lists every finding.
 */
import { checkWorkbook } from "../engine/check";
import type { RecognitionResult, SheetGrid, ValidationResult } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { excelText, type ExcelText } from "../i18n/excel";
import { langFromLocale, type Lang } from "../i18n/number";
import { a1 } from "../layout/a1";
import { REPORT_COPY_MARK, RESULTS_SHEET_NAME } from "../layout/names";
import { parseTagName, planSheet, planSheets, sheetNameFor } from "../layout/plan";
import type { ReportHeader, SheetLayout } from "../layout/types";
import { planClear, planWriteBack } from "../layout/writeback";
import { HostError, type FormInWorkbook, type HostCapabilities, type InsertResult, type ValidateOutcome, type WorkbookHost } from "./host";
import { toHostError } from "./errors";
import { readActiveSheetGrid, readWorkbook } from "./read";
import { charsToPoints, renderLayout, renderWrites, validRanges } from "./render";
import { resultsSheetFor, writeResults } from "./results-sheet";
import { loadTemplatePart, storeTemplatePart } from "./template-store";

export { toCellInput } from "./cells";
export { toHostError } from "./errors";
export { splitAddress } from "./read";
import { applyFixes, undoFixes, type CellBefore } from "./fixes";
import { watchChanges } from "./changes";
import type { CellFix } from "../layout/fixes";

/** The document-settings key that keeps an office's own template set with the workbook. */
export const TEMPLATE_SET_SETTING = "bieumau.templateSet";

export interface ExcelHostDeps {
  excel?: typeof Excel;
  office?: typeof Office;
  lang?: Lang;
  /** The clock for "Kiểm tra lúc …" (tests pass a fixed one). */
  now?: () => Date;
}

export interface ValidateOptions {
  /** Bring the results sheet to the front when done (the ribbon command does; the pane lists findings itself). */
  activateResults?: boolean;
  /** Fail (after writing what could be written) when the results sheet cannot be written: the ribbon has no pane. */
  requireResultsSheet?: boolean;
  /** Notes of the caller's own (e.g. the stored template set was unusable), listed first in the outcome and the sheet. */
  notes?: string[];
}

type Ctx = Excel.RequestContext;

function globalOf<T>(name: string): T | undefined {
  return (globalThis as Record<string, unknown>)[name] as T | undefined;
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
  const now = (): Date => (deps.now ? deps.now() : new Date());
  const caps = () => ({
    insert: api("1.1"),
    validate: api("1.1"),
    dataValidation: api("1.8"),
    tags: api("1.4"),
    settings: !!office()?.context?.document?.settings,
    hyperlinks: api("1.7"),
    pageLayout: api("1.9"),
    usedRangeOrNull: api("1.4"),
    workbookProtection: api("1.7"),
    standardWidth: api("1.7"),
    customXml: api("1.5"),
    delayForCellEdit: api("1.11"),
  });

  async function run<T>(batch: (ctx: Ctx) => Promise<T>, context?: { sheet?: string; address?: string }): Promise<T> {
    const x = excel();
    try {
      // RunOptions.delayForCellEdit (ExcelApi 1.11, https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
      return caps().delayForCellEdit ? await x.run({ delayForCellEdit: true }, batch) : await x.run(batch);
    } catch (e) {
      throw toHostError(e, t(), context);
    }
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
        const read = await readWorkbook(ctx, set, caps(), t());
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
        const protection = c.workbookProtection ? ctx.workbook.protection : null;
        protection?.load("protected");
        await ctx.sync();
        // Checked first: under Protect Workbook nothing is written (a half-inserted form would be worse than none).
        if (protection?.protected) throw new HostError(text.structureBlocksInsert);
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
        const read = await readWorkbook(ctx, set, caps(), t());
        const { recognition, result, period } = checkWorkbook(set, read.grids);
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
        const checkedAt = now();
        const target = resultsSheetFor(ctx, read, plan.results.name, text);
        if (target.ws) {
          writeResults(target.ws, plan.results.cells, {
            stamp: text.checkedAt(checkedAt),
            notes: allNotes,
            notesHeading: text.resultsNotesHeading,
            hyperlinks: c.hyperlinks,
            columnWidths: plan.results.columnWidths,
            font: plan.results.font,
            page: c.pageLayout ? plan.results.page : undefined,
          });
          if (options.activateResults) {
            target.ws.activate();
            target.ws.getRange("A2").select();
          }
        }
        if (target.note) allNotes.push(target.note);
        // In manual mode the rate formulas just written would show nothing until F9: calculate them now.
        if (read.manualCalculation) ctx.workbook.application.calculate("Recalculate" as Excel.CalculationType);
        await ctx.sync();
        if (!target.ws && options.requireResultsSheet) throw new HostError(target.note ?? text.structureBlocksResults);
        return { recognition, result, notes: allNotes, counts: countOf(result), checkedAt, period };
      });
    },

    async clearChecks(set: TemplateSet): Promise<void> {
      const text = t();
      const c = caps();
      const blocked: string[] = [];
      await run(async (ctx) => {
        const read = await readWorkbook(ctx, set, caps(), t());
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
            // The check column was widened by validate; it goes back to the sheet's standard width
            // (useStandardWidth is ExcelApi 1.7; below it, Excel's default 8.43 characters).
            const col = r.replace(/[\d$]/g, "").split(":")[0];
            const format = ws.getRange(`${col}:${col}`).format;
            if (c.standardWidth) format.useStandardWidth = true;
            else format.columnWidth = charsToPoints(8.43);
          }
        }
        // The results sheet stays (deleting it would clear the undo history); it now says the results were cleared.
        const existing = read.sheets.find((s) => s.name.toLowerCase() === plan.resultsSheet.toLowerCase());
        if (existing && existing.protected) blocked.push(existing.name);
        else if (existing) {
          const target = resultsSheetFor(ctx, read, plan.resultsSheet, text);
          if (target.ws) renderWrites(target.ws, [{ address: "A1", value: text.clearedAt(now()), bold: true }], { hyperlinks: false });
        }
        await ctx.sync();
      });
      if (blocked.length) throw new HostError(text.protectedSheetsNotCleared(blocked));
    },

    async makeReportCopies(set: TemplateSet): Promise<string[]> {
      const c = caps();
      const text = t();
      return run(async (ctx) => {
        const read = await readWorkbook(ctx, set, caps(), t());
        const { recognition } = checkWorkbook(set, read.grids);
        if (!recognition.forms.length) throw new HostError(text.noFormsForCopies);
        if (read.structureProtected) throw new HostError(text.structureBlocksCopies);
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
      const c = caps();
      const text = t();
      await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load("items/name,items/protection/protected");
        const protection = c.workbookProtection ? ctx.workbook.protection : null;
        protection?.load("protected");
        await ctx.sync();
        const target = resultsSheetFor(
          ctx,
          { sheets: sheets.items.map((s) => ({ name: s.name, protected: s.protection.protected })), structureProtected: protection ? protection.protected : null },
          RESULTS_SHEET_NAME,
          text,
        );
        if (!target.ws) throw new HostError(target.note ?? text.structureBlocksResults);
        const withTime = [lines[0], text.noticeAt(now()), ...lines.slice(1)];
        renderWrites(target.ws, withTime.map((value, i) => ({ address: a1(i, 0), value, bold: i === 0, tone: i === 0 ? "error" : undefined })), {
          hyperlinks: false,
          columnWidths: { 0: 100 },
        });
        target.ws.activate();
        await ctx.sync();
      });
    },

    /** The custom XML part (template-store.ts) first; else the document setting an earlier version wrote. */
    async loadStoredTemplateSet(): Promise<string | null> {
      if (caps().customXml) {
        const inPart = await run((ctx) => loadTemplatePart(ctx));
        if (inPart !== null) return inPart;
      }
      const settings = office()?.context?.document?.settings;
      if (!settings) return null;
      const v: unknown = settings.get(TEMPLATE_SET_SETTING);
      return typeof v === "string" ? v : null;
    },

    async storeTemplateSet(json: string | null): Promise<void> {
      const settings = office()?.context?.document?.settings;
      const text = t();
      if (caps().customXml) {
        await run((ctx) => storeTemplatePart(ctx, json));
        // A set an earlier version kept in the document settings must not come back when the part is removed.
        if (settings && settings.get(TEMPLATE_SET_SETTING) !== null) {
          settings.remove(TEMPLATE_SET_SETTING);
          await saveSettings(settings, text);
        }
        return;
      }
      if (!settings) throw new HostError(text.settingsUnavailable);
      if (json === null) settings.remove(TEMPLATE_SET_SETTING);
      else settings.set(TEMPLATE_SET_SETTING, json);
      await saveSettings(settings, text);
    },

    /** One sync: the active sheet's name and the used part of its read window, as a grid (for learning a set). */
    /** The active sheet's used cells inside the read window, in pieces under Excel on the web's 5 MB (read.ts). */
    async readActiveSheet(): Promise<SheetGrid | null> {
      const c = caps();
      return run((ctx) => readActiveSheetGrid(ctx, { usedRangeOrNull: c.usedRangeOrNull }, t()));
    },
  };

  return host;
}

function saveSettings(settings: Office.Settings, text: ExcelText): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    settings.saveAsync((r: Office.AsyncResult<void>) => {
      if (String(r.status) === "failed") reject(new HostError(text.settingsSaveFailed(r.error?.message ?? ""), r.error));
      else resolve();
    });
  });
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
