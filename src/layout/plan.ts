import { UnknownFormError } from "../forms/errors";
import type { FormDefinition, FormRow, Rule, TemplateSet } from "../forms/schema";
import { a1, a1Range, columnLetters } from "./a1";
import { REPORT_COPY_MARK } from "./names";
import { planRowHeights, tallest } from "./textfit";
import { PERIOD_LABELS, SHEET_TEXT } from "../i18n/sheet";
import { periodWithDates } from "../i18n/periods";
import { rowApplies } from "../engine/periods";
import { headerPeriod } from "./period";
import type {
  CellStyle,
  PlannedCell,
  PlannedValidation,
  ReportHeader,
  SheetLayout,
  StyleId,
} from "./types";

const FONT_WORKING = "Times New Roman";
/** The face and size of a working form; what the product writes beside it (check column, results) matches it. */
export const FORM_FONT = { name: FONT_WORKING, size: 12 } as const;
const COMPUTED_FILL = "#E7EEF7";
const HEADER_FILL = "#F2F2F2";
/** Nghị định 30/2020/NĐ-CP: administrative documents in Times New Roman 13–14. Report copies use 13. */
const REPORT_FONT_SIZE = 13;
/** Thousands grouped, no decimals: the separators are the reader's (vi-VN shows 53.414). */
export const COUNT_FORMAT = "#,##0";

export { PERIOD_LABELS };

/** The text that marks a row or rule with no official source, in the sheet and in every list. */
export const INFERRED_MARK = "*";
export const INFERRED_FOOTNOTE = SHEET_TEXT.inferredFootnote;
/** The mark of a row dated by the template set (applies_until/applies_from), e.g. the cấp huyện rows. */
export const DATED_MARK = "†";

function stylesFor(variant: "working" | "report"): Record<StyleId, CellStyle> {
  const size = variant === "report" ? REPORT_FONT_SIZE : 12;
  const f = (extra: Partial<CellStyle["font"]> = {}) => ({ name: FONT_WORKING, size, ...extra });
  const shade = (fill: string) => (variant === "report" ? undefined : fill);
  return {
    label: { font: f({ bold: true }), hAlign: "left", locked: true },
    reformText: { font: f({ color: "#808080" }), border: true, hAlign: "left", vAlign: "center", wrap: true, locked: true },
    appendixTitle: { font: f({ bold: true }), hAlign: "center", vAlign: "center", wrap: true, locked: true },
    title: { font: f({ bold: true }), hAlign: "center", vAlign: "center", wrap: true, locked: true },
    caption: { font: f({ italic: true }), hAlign: "center", vAlign: "center", wrap: true, locked: true },
    meta: { font: f({ italic: true }), hAlign: "left", vAlign: "center", wrap: true, locked: true },
    header: { font: f({ bold: true }), fill: shade(HEADER_FILL), border: true, hAlign: "center", vAlign: "center", wrap: true, locked: true },
    groupStt: { font: f({ bold: true }), border: true, hAlign: "center", vAlign: "center", locked: true },
    groupText: { font: f({ bold: true }), border: true, hAlign: "left", vAlign: "center", wrap: true, locked: true },
    groupBlank: { font: f(), border: true, hAlign: "center", vAlign: "center", wrap: true, locked: true },
    stt: { font: f(), border: true, hAlign: "center", vAlign: "center", numberFormat: "@", locked: true },
    text: { font: f(), border: true, hAlign: "left", vAlign: "center", wrap: true, locked: true },
    unit: { font: f(), border: true, hAlign: "center", vAlign: "center", wrap: true, locked: true },
    // "General": Excel shows what was typed ("#,##0.##" would show 81 as "81," and a pasted 52,414 as "52,41").
    input: { font: f(), border: true, hAlign: "right", vAlign: "center", numberFormat: "General", locked: variant === "report" },
    // A report copy shows its counts grouped by thousands ("53.414"); a working sheet shows what the clerk typed
    // (a grouped format would show a mistyped 52,414 = 52.414 as "52").
    countInput: { font: f(), border: true, hAlign: "right", vAlign: "center", numberFormat: variant === "report" ? COUNT_FORMAT : "General", locked: variant === "report" },
    computed: { font: f({ bold: variant !== "report" }), fill: shade(COMPUTED_FILL), border: true, hAlign: "right", vAlign: "center", numberFormat: "0.00", locked: true },
    note: { font: f(), border: true, hAlign: "left", vAlign: "center", wrap: true, locked: variant === "report" },
    footnote: { font: f({ italic: true, size: size - 1 }), hAlign: "left", wrap: true, locked: true },
    checkHeader: { font: f({ bold: true }), fill: shade("#FFF2CC"), border: true, hAlign: "center", vAlign: "center", wrap: true, locked: true },
    check: { font: f(), border: true, hAlign: "left", vAlign: "center", wrap: true, locked: true },
  };
}

/** The sheet name for a form: "Biểu mẫu 3", or "Biểu mẫu 3 (2)" for a second copy. */
export function sheetNameFor(form: FormDefinition, copy = 1): string {
  return SHEET_TEXT.sheetName(form.number, copy);
}

/** Defined names may hold letters, digits, "_" and "."; the template-set id is folded into that alphabet. */
export function tagNameFor(formId: string, templateSet: string, copy = 1): string {
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_]/g, "_");
  // A second copy ends in "__2": a single "_" + digits would be read as part of the version ("CCHC_PL_2022").
  return `BieuMau_${clean(formId)}_${clean(templateSet)}${copy > 1 ? `__${copy}` : ""}`;
}

/** Reads a tag written by tagNameFor back into the form id it names, given the known form ids. */
export function parseTagName(
  name: string,
  set: Pick<TemplateSet, "forms" | "template_set">,
): { formId: string; templateSet: string; sameSet: boolean } | null {
  if (!name.startsWith("BieuMau_")) return null;
  const rest = name.slice("BieuMau_".length);
  const clean = (s: string) => s.replace(/[^A-Za-z0-9_]/g, "_");
  // Longest id first, so "BM1_A" is not read as "BM1" with version "A_…".
  for (const form of [...set.forms].sort((a, b) => b.id.length - a.id.length)) {
    const id = clean(form.id);
    if (rest === id || rest.startsWith(`${id}_`)) {
      const versionPart = rest.slice(id.length + 1).replace(/__\d+$/, "");
      return { formId: form.id, templateSet: versionPart, sameSet: versionPart === clean(set.template_set) };
    }
  }
  return null;
}

/** The rate rule whose target is this row, if any. */
export function rateRuleFor(form: FormDefinition, stt: string): Extract<Rule, { type: "rate" }> | undefined {
  return form.rules.find((r): r is Extract<Rule, { type: "rate" }> => r.type === "rate" && r.target === stt);
}

/** The live formula of a rate cell: blank while the denominator is blank or 0, else rounded like the rule. */
export function rateFormula(valueColumn: number, numeratorRow: number, denominatorRow: number, scale: number, decimals: number): string {
  const col = columnLetters(valueColumn);
  const n = `${col}${numeratorRow + 1}`;
  const d = `${col}${denominatorRow + 1}`;
  return `=IF(OR(${d}="",${d}=0),"",IFERROR(ROUND(${n}/${d}*${scale},${decimals}),""))`;
}

function codingPrompt(row: FormRow): string {
  return Object.entries(row.coding ?? {})
    .map(([code, meaning]) => `${code} = ${meaning}`)
    .join("; ");
}

function validationFor(row: FormRow, address: string): PlannedValidation | null {
  const t = SHEET_TEXT.validation;
  switch (row.kind) {
    case "count":
      return { address, type: "whole", min: 0, ...t.count(row.unit) };
    case "percent":
      return { address, type: "decimal", min: 0, max: 100, ...t.percent() };
    case "code":
      return { address, type: "list", list: Object.keys(row.coding ?? {}), ...t.code(codingPrompt(row)) };
    case "number":
      return { address, type: "decimal", ...t.number() };
    case "group":
      return null;
  }
}

/**
 * The source of a form as a reader should see it: the document's name, never the set's internal provenance word
 * ("seed: Báo cáo 1125/BC-VP …" → "Báo cáo 1125/BC-VP …"; a bare "seed" → the set's document).
 */
export function sourceName(source: string, document: string): string {
  const rest = source.replace(/^\s*(seed|official|province|inferred)\b\s*:?\s*/i, "").trim();
  return rest || document;
}

/** "6 tháng đầu năm 2024 (số liệu từ 15/12/2023 đến 14/6/2024)" for an official period, else the label alone. */
export function periodText(header: ReportHeader): string {
  const official = headerPeriod(header);
  if (official) return periodWithDates(official);
  return SHEET_TEXT.periodText(header.period ? PERIOD_LABELS[header.period] : "", header.year, header.period === "year");
}

export function captionText(set: TemplateSet, header: ReportHeader): string {
  if (!header.reportNumber && !header.reportDate && !header.unit) return set.header.caption;
  return SHEET_TEXT.caption(header.reportNumber, header.reportDate, header.unit);
}

export interface PlanOptions {
  variant?: "working" | "report";
  /** Defaults to "Biểu mẫu N"; a second copy passes copy = 2. */
  copy?: number;
  sheetName?: string;
  /** True when the form comes from a set the office loaded (not the built-in one): the sheet says so. */
  loadedSet?: boolean;
}

/**
 * Where each part of a form goes on a sheet. Columns: A STT, B Chỉ tiêu thống kê, C Đơn vị tính, D Số liệu, E Ghi chú.
 */
export function planSheet(set: TemplateSet, form: FormDefinition, header: ReportHeader = {}, options: PlanOptions = {}): SheetLayout {
  const variant = options.variant ?? "working";
  const copy = options.copy ?? 1;
  const cells: PlannedCell[] = [];
  const merges: string[] = [];
  const validations: PlannedValidation[] = [];
  const columns = { stt: 0, text: 1, unit: 2, value: 3, note: 4 };
  const lastCol = columns.note;
  const put = (row: number, col: number, style: StyleId, content: { value?: string | number; formula?: string } = {}) =>
    cells.push({ row, col, address: a1(row, col), style, ...content });
  const mergeRow = (row: number, style: StyleId, value: string) => {
    put(row, 0, style, { value });
    for (let c = 1; c <= lastCol; c++) put(row, c, style);
    merges.push(a1Range(row, 0, row, lastCol));
  };

  let r = 0;
  put(r++, 0, "label", { value: SHEET_TEXT.formLabel(form.number) });
  mergeRow(r++, "appendixTitle", set.header.appendix_title);
  mergeRow(r++, "title", form.title.toUpperCase());
  mergeRow(r++, "caption", captionText(set, header));
  const meta = [SHEET_TEXT.unitLine(header.unit), SHEET_TEXT.periodLine(periodText(header))];
  if (options.loadedSet) meta.push(SHEET_TEXT.loadedSetLine(set.template_set));
  mergeRow(r++, "meta", meta.join("    "));
  r++; // a blank line before the table

  const [hStt, hText, hUnit, hValue, hNote] = set.header.columns;
  const groupHeading = hUnit.includes(":") ? hUnit.split(":")[0].trim() : SHEET_TEXT.defaultGroupHeading;
  const afterColon = (s: string) => (s.includes(":") ? s.split(":").slice(1).join(":").trim() : s);
  const h1 = r++;
  const h2 = r++;
  put(h1, columns.stt, "header", { value: hStt });
  put(h2, columns.stt, "header");
  merges.push(a1Range(h1, columns.stt, h2, columns.stt));
  put(h1, columns.text, "header", { value: hText });
  put(h2, columns.text, "header");
  merges.push(a1Range(h1, columns.text, h2, columns.text));
  put(h1, columns.unit, "header", { value: groupHeading });
  put(h1, columns.value, "header");
  merges.push(a1Range(h1, columns.unit, h1, columns.value));
  put(h2, columns.unit, "header", { value: afterColon(hUnit) });
  put(h2, columns.value, "header", { value: afterColon(hValue) });
  put(h1, columns.note, "header", { value: hNote });
  put(h2, columns.note, "header");
  merges.push(a1Range(h1, columns.note, h2, columns.note));

  const firstDataRow = r;
  const rowOfStt: Record<string, number> = {};
  form.rows.forEach((row, i) => (rowOfStt[row.stt] = firstDataRow + i));
  const inferredStts: string[] = [];
  const datedStts: string[] = [];
  const period = headerPeriod(header);
  for (const row of form.rows) {
    const rr = rowOfStt[row.stt];
    const inferred = row.source === "inferred";
    if (inferred) inferredStts.push(row.stt);
    const group = row.kind === "group";
    // A row dated by the reform (cấp huyện) is marked, and greyed when the header's period no longer has it.
    const dated = Boolean(row.applies_until || row.applies_from || row.coding_until);
    if (dated) datedStts.push(row.stt);
    const text = `${row.text}${inferred ? ` ${INFERRED_MARK}` : ""}${dated ? ` ${DATED_MARK}` : ""}`;
    // Greyed only when the row itself stops applying (a code list that predates the reform is still reported).
    const grey = !group && period !== null && Boolean(row.applies_until || row.applies_from) && rowApplies(row, period) !== "yes";
    put(rr, columns.stt, group ? "groupStt" : "stt", { value: row.stt_as_printed ?? row.stt });
    put(rr, columns.text, group ? "groupText" : grey ? "reformText" : "text", { value: text });
    put(rr, columns.unit, group ? "groupBlank" : "unit", { value: row.unit_official_typo ?? row.unit });
    const rate = rateRuleFor(form, row.stt);
    if (group) put(rr, columns.value, "groupBlank");
    else if (rate)
      put(rr, columns.value, "computed", {
        formula: rateFormula(columns.value, rowOfStt[rate.numerator], rowOfStt[rate.denominator], rate.scale, rate.decimals),
      });
    else {
      put(rr, columns.value, row.kind === "count" ? "countInput" : "input");
      if (variant === "working") {
        const v = validationFor(row, a1(rr, columns.value));
        if (v) validations.push(v);
      }
    }
    put(rr, columns.note, "note");
  }
  const lastDataRow = firstDataRow + form.rows.length - 1;
  let lastRow = lastDataRow;
  const inferredRules = form.rules.some((rule) => rule.source === "inferred");
  if (inferredStts.length || inferredRules || !/^seed|^official/i.test(form.source)) {
    lastRow = lastDataRow + 2;
    const sourceLine = inferredStts.length || inferredRules ? `${INFERRED_FOOTNOTE} ` : "";
    mergeRow(lastRow, "footnote", `${sourceLine}${SHEET_TEXT.sourceLine(sourceName(form.source, set.document))}`.trim());
  }
  if (datedStts.length) {
    lastRow = lastRow === lastDataRow ? lastDataRow + 2 : lastRow + 1;
    const dated = form.rows.filter((r) => datedStts.includes(r.stt));
    const dates = {
      until: dated.map((r) => r.applies_until).find(Boolean),
      from: dated.map((r) => r.applies_from).find(Boolean),
      codingUntil: dated.some((r) => r.coding_until),
    };
    mergeRow(lastRow, "footnote", SHEET_TEXT.datedFootnote(DATED_MARK, dates, dated.some((r) => r.applies_source === "inferred")));
  }

  const columnWidths = [7, 50, 14, 12, 16];
  const styles = stylesFor(variant);
  const fixed = { 1: 20, 2: 36, 3: 20, 4: 20, [h1]: 30, [h2]: 30 };
  const text = cells
    .filter((c) => c.value !== undefined && c.value !== "")
    .map((c) => ({ row: c.row, col: c.col, text: String(c.value), font: styles[c.style].font, wrap: !!styles[c.style].wrap }));
  return {
    formId: form.id,
    templateSet: set.template_set,
    variant,
    sheetName: options.sheetName ?? (variant === "report" ? `${sheetNameFor(form, copy)} - ${REPORT_COPY_MARK}` : sheetNameFor(form, copy)),
    tagName: variant === "working" ? tagNameFor(form.id, set.template_set, copy) : undefined,
    columnWidths,
    // Each row as tall as its wrapped text (see textfit.ts), never below the fixed heights of the heading rows.
    rowHeights: tallest(fixed, planRowHeights(text, columnWidths, merges)),
    cells,
    merges,
    validations,
    styles,
    rowOfStt,
    columns,
    headerRows: [h1, h2],
    firstDataRow,
    lastDataRow,
    tableRange: a1Range(h1, 0, lastDataRow, lastCol),
    printArea: a1Range(0, 0, lastRow, lastCol),
    page: { paper: "A4", orientation: "portrait", fitToWidth: 1, margins: { left: 0.79, right: 0.59, top: 0.79, bottom: 0.79 } },
    inferredStts,
  };
}

/** Plans every form of a set, numbering second copies when a sheet of the same name already exists. */
export function planSheets(
  set: TemplateSet,
  formIds: readonly string[],
  header: ReportHeader,
  existing: { sheetNames?: readonly string[]; names?: readonly string[] } = {},
  options: Omit<PlanOptions, "copy" | "sheetName"> = {},
): SheetLayout[] {
  const taken = new Set((existing.sheetNames ?? []).map((n) => n.toLowerCase()));
  const takenNames = new Set((existing.names ?? []).map((n) => n.toLowerCase()));
  return formIds.map((id) => {
    const form = set.forms.find((f) => f.id === id);
    if (!form) throw new UnknownFormError(id);
    let copy = 1;
    while (
      taken.has(sheetNameFor(form, copy).toLowerCase()) ||
      takenNames.has(tagNameFor(form.id, set.template_set, copy).toLowerCase())
    )
      copy++;
    taken.add(sheetNameFor(form, copy).toLowerCase());
    takenNames.add(tagNameFor(form.id, set.template_set, copy).toLowerCase());
    return planSheet(set, form, header, { ...options, copy });
  });
}
