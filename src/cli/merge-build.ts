/**
 * The consolidated workbook of `bieumau merge`, built from files already read and checked: no file system here, so
 * the browser checker (src/web) builds the very same workbook from the files a user chose. Counts are summed, rates
 * recomputed from the sums by the layout's formulas (never averaged), codes tallied, and what is missing listed.
 */
import ExcelJS from "exceljs";
import { decAdd, decToNumber, decToString, decCmp, type Dec } from "../engine/exact";
import type { RecognisedForm, ResolvedValue } from "../engine/types";
import { validateForms } from "../engine/validate";
import type { TemplateSet } from "../forms/schema";
import { formatDecimal } from "../i18n/number";
import { COUNT_FORMAT, planSheets, sheetNameFor } from "../layout/plan";
import { planListSheet } from "../layout/list-sheet";
import type { ReportHeader } from "../layout/types";
import type { CheckedFile } from "./check";
import type { Ctx } from "./io";
import { UsageError } from "./io";
import { cliPeriodText } from "../i18n/cli-periods";
import { reportPeriodOfKind } from "../layout/period";
import { mergePeriods } from "./merge-periods";
import { errorDetail } from "./read-problem";
import { applyYear, cacheRateResults, chosenForms, parsePeriod } from "./new";
import { rowValue } from "./values";
import { baseName, unitName } from "./unit-name";
import { fitRows, renderLayout, renderSheetWrites, typeInto } from "./xlsx-write";

export interface MergeOptions {
  output: string;
  force?: boolean;
  forms?: string;
  unit?: string;
  period?: string;
  /** The consolidated report's number and date, for the caption ("Ban hành kèm theo Báo cáo số … ngày …"). */
  reportNumber?: string;
  reportDate?: string;
  year?: string;
  templates?: string;
  overwrite?: boolean;
}

/** What building needs of the command line's context: its texts, language and error stream. */
export type MergeCtx = Pick<Ctx, "t" | "lang" | "err"> & Partial<Ctx>;

export interface MergeBuild {
  /** The exit code: 0, 1 (inputs with errors, without --force: no workbook), 2 (nothing readable, or some unreadable). */
  code: number;
  workbook?: ExcelJS.Workbook;
  units: number;
  formIds: string[];
  /** Inputs with errors (merged only with --force). */
  withErrors: string[];
}

interface Unit {
  name: string;
  file: string;
  checked: CheckedFile;
  forms: Map<string, RecognisedForm>;
  errors: number;
  /** "BM1 6.1" for rows the engine found rightly blank. */
  rightlyBlank: Set<string>;
  /** "BM1 6.1" → the row's value as the engine resolved it. */
  values: Map<string, ResolvedValue>;
}

interface MissingLine {
  unit: string;
  file: string;
  form: string;
  stt: string;
  what: string;
}

export function buildMerge(
  ctx: MergeCtx,
  set: TemplateSet,
  loaded: boolean,
  inputs: readonly CheckedFile[],
  options: Pick<MergeOptions, "force" | "forms" | "unit" | "period" | "year" | "reportNumber" | "reportDate">,
  shownAs: (file: string) => string,
): MergeBuild {
  const units: Unit[] = [];
  const unreadable: Array<{ file: string; why: string }> = [];
  // As the command line says a read problem (src/cli/io.ts readProblemText): the detail only with --verbose.
  const problemText = (problem: Parameters<MergeCtx["t"]["readProblem"]>[0], detail: string | undefined) =>
    ctx.t.readProblem(problem, ctx.verbose ? detail : undefined);
  for (const checked of inputs) {
    const file = checked.file;
    // One boundary per file: an unexpected failure is this file's outcome, never the batch's end.
    try {
      if (!checked.outcome.ok) {
        const why = problemText(checked.outcome.problem, checked.outcome.detail);
        unreadable.push({ file, why });
        ctx.err(`${shownAs(file)}: ${why}`);
        continue;
      }
      const forms = new Map<string, RecognisedForm>();
      for (const f of checked.recognition!.forms) if (!forms.has(f.formId)) forms.set(f.formId, f);
      units.push({
        name: unitName(checked.outcome.grids, file),
        file,
        checked,
        forms,
        errors: checked.findings.filter((f) => f.severity === "error").length,
        rightlyBlank: new Set(checked.findings.filter((f) => f.check === "when.rightly_blank").map((f) => `${f.form} ${f.stt}`)),
        values: new Map((validateForms(set, [...forms.values()], { values: true }).values ?? []).map((v) => [`${v.form} ${v.stt}`, v])),
      });
    } catch (e) {
      const why = problemText("internal", errorDetail(e));
      unreadable.push({ file, why });
      ctx.err(`${shownAs(file)}: ${why}`);
    }
  }
  if (units.length === 0) {
    ctx.err(ctx.t.mergeNothing);
    return { code: 2, units: 0, formIds: [], withErrors: [] };
  }
  const periods = mergePeriods(units.map((u) => ({ file: shownAs(u.file), period: u.checked.period ?? null })));
  if (periods.mixed) {
    ctx.err(cliPeriodText(ctx.lang).mergeMixedPeriods(periods.groups, Boolean(options.force)));
    if (!options.force) return { code: 1, units: units.length, formIds: [], withErrors: [] };
  }
  const withErrors = units.filter((u) => u.errors > 0).map((u) => shownAs(u.file));
  if (withErrors.length && !options.force) {
    ctx.err(ctx.t.mergeInputsWithErrors(withErrors));
    return { code: 1, units: units.length, formIds: [], withErrors };
  }

  const present = set.forms.map((f) => f.id).filter((id) => units.some((u) => u.forms.has(id)));
  const formIds = chosenForms(ctx, set, options.forms, present);
  const header: ReportHeader = {
    unit: options.unit ?? ctx.t.mergedUnit(units.length),
    reportNumber: options.reportNumber,
    reportDate: options.reportDate,
  };
  if (options.period) {
    const p = parsePeriod(options.period);
    if (!p) throw new UsageError(ctx.t.badPeriod(options.period));
    Object.assign(header, p);
  }
  applyYear(ctx, header, options.year);
  if (!options.period && !options.year && periods.common)
    Object.assign(header, { period: reportPeriodOfKind(periods.common.kind), year: periods.common.year });
  const layouts = planSheets(set, formIds, header, {}, { loadedSet: loaded });
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "bieumau merge";
  const missing: MissingLine[] = [];
  const forcedBanner = withErrors.length ? ctx.t.forcedBanner(withErrors) : null;

  for (const layout of layouts) {
    const ws = renderLayout(workbook, layout);
    const form = set.forms.find((f) => f.id === layout.formId)!;
    const rateTargets = new Set(form.rules.filter((r) => r.type === "rate").map((r) => (r as { target: string }).target));
    for (const u of units)
      if (!u.forms.has(form.id)) missing.push({ unit: u.name, file: shownAs(u.file), form: form.id, stt: "", what: ctx.t.missingForm });

    for (const row of form.rows) {
      if (row.kind === "group") continue;
      const sheetRow = layout.rowOfStt[row.stt] + 1;
      const valueCell = ws.getCell(sheetRow, layout.columns.value + 1);
      const noteCell = ws.getCell(sheetRow, layout.columns.note + 1);
      let sum: Dec | null = null;
      const percents: Dec[] = [];
      const codes = new Map<string, number>();
      let missingHere = 0;
      for (const u of units) {
        const rf = u.forms.get(form.id);
        if (!rf) continue;
        const filled = rf.rows[row.stt];
        const v = rowValue(row, u.values.get(`${form.id} ${row.stt}`));
        if (v.type === "blank" || v.type === "unreadable") {
          // A rate left to its formula is not missing: the merged formula recomputes it. Nor is a row the engine
          // says is rightly blank (BM1 6 = 0 ⇒ 6.1, 6.2 blank).
          if (v.type === "blank" && (rateTargets.has(row.stt) || u.rightlyBlank.has(`${form.id} ${row.stt}`))) continue;
          missingHere++;
          const note = filled?.note?.trim();
          missing.push({
            unit: u.name,
            file: shownAs(u.file),
            form: form.id,
            stt: row.stt,
            what: v.type === "unreadable" ? `${ctx.t.missingValue}: "${v.display}"` : note ? ctx.t.blankWithReason(note) : ctx.t.missingValue,
          });
          continue;
        }
        if (v.type === "code") codes.set(v.code, (codes.get(v.code) ?? 0) + 1);
        else if (row.kind === "percent") percents.push(v.dec);
        else sum = sum ? decAdd(sum, v.dec) : v.dec;
      }
      const notes: string[] = [];
      if (rateTargets.has(row.stt)) {
        // Keep the layout's formula: recomputed from the summed parts, never averaged.
      } else if (row.kind === "code") {
        if (codes.size === 1) typeInto(valueCell, Number([...codes.keys()][0]));
        else typeInto(valueCell, null);
        if (codes.size) {
          const parts = [...codes.entries()].sort((a, b) => b[1] - a[1] || Number(b[0]) - Number(a[0]));
          notes.push(ctx.t.mergeCodes(parts));
        }
      } else if (row.kind === "percent") {
        typeInto(valueCell, null);
        if (percents.length) {
          const sorted = [...percents].sort(decCmp);
          notes.push(ctx.t.mergeRateNotSummed(formatDecimal(decToString(sorted[0]), ctx.lang), formatDecimal(decToString(sorted[sorted.length - 1]), ctx.lang), percents.length));
        }
      } else if (sum) {
        // Sums are the product's own numbers: counts grouped by thousands like a printed report ("53.414").
        const n = decToNumber(sum);
        typeInto(valueCell, n, row.kind === "count" && Number.isInteger(n) ? COUNT_FORMAT : undefined);
      }
      if (missingHere) notes.push(ctx.t.mergeMissingCount(missingHere));
      if (notes.length) {
        typeInto(noteCell, notes.join(". "));
        noteCell.alignment = { ...(noteCell.alignment ?? {}), wrapText: true };
      }
    }
    fitRows(ws, layout);
    if (forcedBanner) {
      const cell = ws.getCell(layout.lastDataRow + 5, 1);
      cell.value = forcedBanner;
      cell.font = { name: "Times New Roman", size: 12, bold: true, color: { argb: "FFA80000" } };
    }
  }

  for (const { file, why } of unreadable)
    missing.push({ unit: baseName(file).replace(/\.[^.]+$/, ""), file: shownAs(file), form: "", stt: "", what: `${ctx.t.unreadableInput}: ${why}` });
  // Forms by the name printed on them ("Biểu mẫu 1"), not the set's id ("BM1").
  const formName = (id: string) => {
    const f = set.forms.find((x) => x.id === id);
    return f ? sheetNameFor(f) : id;
  };
  writeListSheet(workbook, ctx.t.missingSheetName, ctx.t.missingHeader, missing.map((m) => [m.unit, m.file, m.form ? formName(m.form) : "", m.stt, m.what]), forcedBanner);
  writeListSheet(
    workbook,
    ctx.t.inputsSheetName,
    ctx.t.inputsHeader,
    [
      ...units.map((u) => [u.name, shownAs(u.file), [...u.forms.keys()].map(formName).join(", "), u.errors, u.errors ? "--force" : ""] as Array<string | number>),
      ...unreadable.map(({ file, why }) => [baseName(file), shownAs(file), "", "", why] as Array<string | number>),
    ],
    forcedBanner,
  );
  cacheRateResults(workbook, set);

  return { code: unreadable.length ? 2 : 0, workbook, units: units.length, formIds, withErrors };
}

function writeListSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  banner: string | null,
): void {
  renderSheetWrites(workbook, planListSheet(name, header, rows, LIST_WIDTHS, banner));
}

/** Unit, file, form, STT, what: together one landscape A4 width. */
const LIST_WIDTHS = [26, 30, 12, 8, 58];
