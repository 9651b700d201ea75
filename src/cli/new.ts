/**
 * bieumau new OUT.xlsx [--forms 1,3,7] [--unit …] [--period …] [--from DATA.tsv] [--templates SET.json]:
 * a workbook with the chosen forms laid out exactly as the add-in inserts them (the shared layout plan), optionally
 * filled from a TSV as a clerk typing into a Vietnamese-locale Excel would fill it.
 */
import { promises as fs } from "fs";
import { resolve } from "path";
import ExcelJS from "exceljs";
import { checkWorkbook, excelTypedCell } from "../engine";
import type { TemplateSet } from "../forms/schema";
import { periodFromTitle } from "../engine/periods";
import { reportPeriodOfKind } from "../layout/period";
import { cliPeriodText } from "../i18n/cli-periods";
import { planSheets } from "../layout/plan";
import type { ReportHeader, ReportPeriod, SheetLayout } from "../layout/types";
import { loadTemplateSet, shown, UsageError, type Ctx } from "./io";
import { parseTsv, resolveFormId, type TsvRow } from "./tsv";
import { sheetGrid } from "./xlsx-grid";
import { fitRows, renderLayout, typeInto, writeOutput } from "./xlsx-write";

export interface NewOptions {
  forms?: string;
  unit?: string;
  period?: string;
  /** --year 2024, with --period 6m (the README's older spelling). */
  year?: string;
  reportNumber?: string;
  reportDate?: string;
  from?: string;
  templates?: string;
  overwrite?: boolean;
}

const PERIODS: Record<string, ReportPeriod> = {
  q1: "q1", q2: "q2", q3: "q3", q4: "q4",
  "6m": "6m", "6t": "6m", "6thang": "6m",
  "9m": "9m", "9t": "9m", "9thang": "9m",
  year: "year", nam: "year", "năm": "year",
};

/**
 * "q1-2026", "6t-2024", "q3-2025", "nam-2025", "2024", the older "6m"/"year", or a title as typed ("6 tháng đầu
 * năm 2024", "Quý I năm 2026") → period and year.
 */
export function parsePeriod(text: string): Pick<ReportHeader, "period" | "year"> | null {
  const titled = periodFromTitle(text);
  if (titled) return { period: reportPeriodOfKind(titled.kind), year: titled.year };
  const t = text.normalize("NFC").trim().toLowerCase().replace(/\s+/g, "");
  if (/^(?:19|20)\d{2}$/.test(t)) return { year: Number(t) };
  const m = /^(?:([a-zăâđêôơư0-9]+?)[-/_.]?)?((?:19|20)\d{2})?$/u.exec(t);
  if (!m || (!m[1] && !m[2])) return null;
  const period = m[1] ? PERIODS[m[1]] : undefined;
  if (m[1] && !period) return null;
  return { ...(period ? { period } : {}), ...(m[2] ? { year: Number(m[2]) } : {}) };
}

/** --year YYYY sets the header's year (a year in --period wins when both are given and agree; a clash is refused). */
export function applyYear(ctx: Pick<Ctx, "lang">, header: ReportHeader, year: string | undefined): void {
  if (year === undefined) return;
  if (!/^(?:19|20)\d{2}$/.test(year.trim())) throw new UsageError(cliPeriodText(ctx.lang).badYear(year));
  const y = Number(year.trim());
  if (header.year !== undefined && header.year !== y) throw new UsageError(cliPeriodText(ctx.lang).badYear(year));
  header.year = y;
}

/** The form ids `--forms` names ("1,3,7", "BM1,BM3"); throws UsageError for one the set lacks. */
export function chosenForms(ctx: Pick<Ctx, "t">, set: TemplateSet, forms: string | undefined, fallback: readonly string[]): string[] {
  if (!forms) return fallback.length ? [...fallback] : set.forms.map((f) => f.id);
  const ids: string[] = [];
  for (const token of forms.split(/[,;\s]+/).filter(Boolean)) {
    const id = resolveFormId(token, set.forms);
    if (!id) throw new UsageError(ctx.t.unknownForm(token));
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Types the TSV's values and notes into a rendered form, as a clerk would. Returns lines to report. */
function fill(ctx: Ctx, ws: ExcelJS.Worksheet, layout: SheetLayout, rows: readonly TsvRow[], set: TemplateSet): string[] {
  const form = set.forms.find((f) => f.id === layout.formId)!;
  const messages: string[] = [];
  for (const row of rows) {
    const sheetRow = row.stt === null ? undefined : layout.rowOfStt[row.stt];
    if (sheetRow === undefined) {
      messages.push(ctx.t.tsvRowUnknown(row.line, row.form, row.sttAsWritten));
      continue;
    }
    const def = form.rows.find((r) => r.stt === row.stt)!;
    if (def.kind !== "group" && row.value.trim() !== "") {
      // A rate given in the TSV replaces the live formula (typed over it), so `check` compares it with its parts;
      // a blank rate keeps its formula. Text starting with "=" stays text (excelTypedCell never makes a formula).
      const typed = excelTypedCell(row.value, "vi-VN");
      typeInto(ws.getCell(sheetRow + 1, layout.columns.value + 1), typed.value, typed.numberFormat);
    }
    if (row.note.trim() !== "") typeInto(ws.getCell(sheetRow + 1, layout.columns.note + 1), row.note.trim());
  }
  return messages;
}

/**
 * Stores the engine's value of each live rate formula as the formula's cached result, so a viewer that does not
 * recalculate still shows it; Excel and LibreOffice recalculate on load anyway (fullCalcOnLoad).
 */
export function cacheRateResults(workbook: ExcelJS.Workbook, set: TemplateSet): void {
  const grids = workbook.worksheets.map((ws) => sheetGrid(ws).grid);
  const { result } = checkWorkbook(set, grids);
  for (const rate of result.computed) {
    if (rate.reported !== "formula") continue;
    const cell = workbook.getWorksheet(rate.sheet)?.getCell(rate.cell);
    const v = cell?.value;
    if (!cell || !v || typeof v !== "object" || !("formula" in v)) continue;
    cell.value = { formula: v.formula, result: rate.value === null ? "" : Number(rate.value) } as ExcelJS.CellFormulaValue;
  }
}

export async function runNew(ctx: Ctx, out: string, options: NewOptions): Promise<number> {
  const { set, loaded } = await loadTemplateSet(ctx, options.templates);
  const header: ReportHeader = { unit: options.unit, reportNumber: options.reportNumber, reportDate: options.reportDate };
  if (options.period) {
    const p = parsePeriod(options.period);
    if (!p) throw new UsageError(ctx.t.badPeriod(options.period));
    Object.assign(header, p);
  }
  applyYear(ctx, header, options.year);

  let tsvRows: TsvRow[] = [];
  const fromForms: string[] = [];
  if (options.from) {
    let text: string;
    try {
      text = await fs.readFile(resolve(ctx.cwd, options.from), "utf8");
    } catch (e) {
      throw new UsageError(ctx.t.tsvUnreadable(options.from, (e as NodeJS.ErrnoException).code ?? String(e)));
    }
    const parsed = parseTsv(text);
    for (const line of parsed.badLines) ctx.err(ctx.t.tsvBadLine(line));
    tsvRows = parsed.rows;
    for (const row of tsvRows) {
      const id = resolveFormId(row.form, set.forms);
      if (id && !fromForms.includes(id)) fromForms.push(id);
    }
  }
  const formIds = chosenForms(ctx, set, options.forms, fromForms);
  const layouts = planSheets(set, formIds, header, {}, { loadedSet: loaded });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "bieumau";
  for (const layout of layouts) {
    const ws = renderLayout(workbook, layout);
    const rows = tsvRows.filter((r) => resolveFormId(r.form, set.forms) === layout.formId);
    for (const m of fill(ctx, ws, layout, rows, set)) ctx.err(m);
    fitRows(ws, layout);
  }
  const unknownForms = new Set(tsvRows.map((r) => r.form).filter((f) => !formIds.includes(resolveFormId(f, set.forms) ?? "")));
  for (const f of unknownForms) ctx.err(ctx.t.tsvFormNotChosen(f));
  cacheRateResults(workbook, set);

  const target = resolve(ctx.cwd, out);
  if ((await writeOutput(workbook, target, options.overwrite ?? false)) === "exists") {
    ctx.err(ctx.t.refuseOverwrite(shown(ctx, target)));
    return 2;
  }
  ctx.out(ctx.t.wrote(shown(ctx, target)));
  return 0;
}
