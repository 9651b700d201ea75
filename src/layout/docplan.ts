/**
 * The appendix as a Word document, planned as pure data (src/io/docx-write.ts renders it). Laid out as an official
 * appendix under Nghị định 30/2020/NĐ-CP, Phụ lục I: A4 portrait; Times New Roman 13–14 (the body at 14, tables at 13);
 * margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. Values come from the engine (resolved readings, rates
 * computed from their parts), formatted as vi-VN numbers; the clerk's check column never appears.
 */
import type { FormDefinition, TemplateSet } from "../forms/schema";
import type { ComputedRate, RecognisedForm, ResolvedValue } from "../engine/types";
import { formatDecimal } from "../i18n/number";
import { SHEET_TEXT } from "../i18n/sheet";
import { DOC_TEXT } from "../i18n/document";
import { INFERRED_FOOTNOTE, INFERRED_MARK, rateRuleFor } from "./plan";

export const DOC_FONT = "Times New Roman";
/** Points. */
export const DOC_BODY_SIZE = 14;
export const DOC_TABLE_SIZE = 13;
/** Millimetres: A4 and the decree's margins (the middle of each allowed range's lower half). */
export const DOC_PAGE = { width: 210, height: 297, margins: { top: 20, bottom: 20, left: 30, right: 20 } } as const;
export const DOC_TEXT_WIDTH = DOC_PAGE.width - DOC_PAGE.margins.left - DOC_PAGE.margins.right;
/** Column widths in mm (STT, Chỉ tiêu, Đơn vị tính, Số liệu, Ghi chú); they add up to the text width. */
export const DOC_COLUMNS_MM: readonly number[] = [16, 70, 23, 23, DOC_TEXT_WIDTH - 16 - 70 - 23 - 23];
/** Millimetres of padding left and right inside each table cell (Word's default is 1,9 mm). */
export const DOC_CELL_PADDING = 1;

export interface DocHeaderCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface DocPlanRow {
  stt: string;
  text: string;
  unit: string;
  /** The value as a vi-VN number ("9.751", "96,55"), "" when blank. */
  value: string;
  note: string;
  group: boolean;
  /** A rate the engine computed from its parts (shown instead of what was typed). */
  computed: boolean;
}

export interface DocPlanForm {
  formId: string;
  label: string;
  title: string;
  /** Two header rows; the second holds the split of the merged "Kết quả thống kê". */
  header: [DocHeaderCell[], DocHeaderCell[]];
  rows: DocPlanRow[];
  footnote?: string;
}

export interface DocPlan {
  font: string;
  bodySize: number;
  tableSize: number;
  page: typeof DOC_PAGE;
  columnsMm: readonly number[];
  heading: string;
  title: string;
  caption: string;
  /** "Đơn vị báo cáo: …", "Kỳ báo cáo: …" when the workbook said so, one line each. */
  meta: string[];
  cellPaddingMm: number;
  forms: DocPlanForm[];
}

/** What the appendix is made from: recognised forms with the engine's resolved values and computed rates. */
export interface DocPlanInput {
  set: TemplateSet;
  forms: readonly RecognisedForm[];
  values: readonly ResolvedValue[];
  computed: readonly ComputedRate[];
  /** The caption as the workbook states it; the set's blank caption otherwise. */
  caption?: string;
  meta?: string;
}

function headerRows(set: TemplateSet): [DocHeaderCell[], DocHeaderCell[]] {
  const [hStt, hText, hUnit, hValue, hNote] = set.header.columns;
  const group = hUnit.includes(":") ? hUnit.split(":")[0].trim() : SHEET_TEXT.defaultGroupHeading;
  const after = (s: string) => (s.includes(":") ? s.split(":").slice(1).join(":").trim() : s);
  return [
    [{ text: hStt, rowSpan: 2 }, { text: hText, rowSpan: 2 }, { text: group, colSpan: 2 }, { text: hNote, rowSpan: 2 }],
    [{ text: after(hUnit) }, { text: after(hValue) }],
  ];
}

function valueText(dec: string | null | undefined, display: string | undefined): string {
  if (dec !== null && dec !== undefined) return formatDecimal(dec, "vi");
  return display?.trim() ?? "";
}

function planForm(set: TemplateSet, def: FormDefinition, filled: RecognisedForm, input: DocPlanInput): DocPlanForm {
  const values = new Map<string, ResolvedValue>();
  for (const v of input.values) if (v.form === def.id && v.sheet === filled.sheet) values.set(v.stt, v);
  const computed = new Map<string, ComputedRate>();
  for (const c of input.computed) if (c.form === def.id && c.sheet === filled.sheet) computed.set(c.stt, c);
  let inferred = false;
  const rows = def.rows.map((row, i): DocPlanRow => {
    const filledRow = filled.ordered?.[i] ?? filled.rows[row.stt];
    const group = row.kind === "group";
    if (row.source === "inferred") inferred = true;
    const rate = rateRuleFor(def, row.stt) ? computed.get(row.stt) : undefined;
    const resolved = values.get(row.stt);
    const value = group ? "" : rate && rate.value !== null ? formatDecimal(rate.value, "vi") : valueText(resolved?.value, resolved?.display);
    return {
      stt: row.stt_as_printed ?? row.stt,
      text: row.source === "inferred" ? `${row.text} ${INFERRED_MARK}` : row.text,
      unit: row.unit_official_typo ?? row.unit,
      value,
      note: filledRow?.note?.trim() ?? "",
      group,
      computed: Boolean(rate && rate.value !== null),
    };
  });
  if (def.rules.some((r) => r.source === "inferred")) inferred = true;
  return {
    formId: def.id,
    label: SHEET_TEXT.formLabel(def.number),
    title: def.title.toUpperCase(),
    header: headerRows(set),
    rows,
    footnote: inferred ? INFERRED_FOOTNOTE : undefined,
  };
}

/** Plans the appendix: every recognised form of the set, in the set's order (a second copy after the first). */
export function planAppendix(input: DocPlanInput): DocPlan {
  const { set } = input;
  const order = new Map(set.forms.map((f, i) => [f.id, i]));
  const forms = [...input.forms]
    .filter((f) => order.has(f.formId))
    .sort((a, b) => order.get(a.formId)! - order.get(b.formId)!)
    .map((f) => planForm(set, set.forms[order.get(f.formId)!], f, input));
  return {
    font: DOC_FONT,
    bodySize: DOC_BODY_SIZE,
    tableSize: DOC_TABLE_SIZE,
    page: DOC_PAGE,
    columnsMm: DOC_COLUMNS_MM,
    heading: DOC_TEXT.appendixHeading,
    title: set.header.appendix_title,
    caption: input.caption?.trim() || set.header.caption,
    meta: (input.meta ?? "").split(/\s{3,}/).map((s) => s.trim()).filter(Boolean),
    cellPaddingMm: DOC_CELL_PADDING,
    forms,
  };
}
