/**
 * A sheet layout is plain data computed once from a form definition. The add-in (Office.js) and the command line
 * (exceljs) only render it and read back through it, so the two never disagree.
 * Rows and columns are 0-based; `address` is the A1 form of the same cell.
 */

export type StyleId =
  | "label"
  | "reformText"
  | "appendixTitle"
  | "title"
  | "caption"
  | "meta"
  | "header"
  | "groupStt"
  | "groupText"
  | "groupBlank"
  | "stt"
  | "text"
  | "unit"
  | "input"
  | "countInput"
  | "computed"
  | "note"
  | "footnote"
  | "checkHeader"
  | "check";

export interface CellStyle {
  font: { name: string; size: number; bold?: boolean; italic?: boolean; color?: string };
  /** Background colour "#RRGGBB", absent for none. */
  fill?: string;
  /** Thin borders on all four sides. */
  border?: boolean;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "center" | "bottom";
  wrap?: boolean;
  numberFormat?: string;
  /** Locked when the sheet is protected; input cells are unlocked. */
  locked: boolean;
}

export interface PlannedCell {
  row: number;
  col: number;
  address: string;
  /** A constant to write. Strings are always written as text, never as a formula, even when they start with "=". */
  value?: string | number;
  /** A formula with its leading "=", in Excel's invariant (English, comma-separated) syntax. */
  formula?: string;
  style: StyleId;
}

export interface PlannedValidation {
  /** A1 address of the single cell. */
  address: string;
  type: "whole" | "decimal" | "list";
  min?: number;
  max?: number;
  /** For type "list": the allowed codes, in order. */
  list?: string[];
  promptTitle: string;
  prompt: string;
  errorTitle: string;
  error: string;
}

export type ReportPeriod = "q1" | "q2" | "q3" | "q4" | "6m" | "9m" | "year";

/** What the clerk fills once when inserting forms. Every field is optional. */
export interface ReportHeader {
  unit?: string;
  reportNumber?: string;
  /** Report date as the clerk wrote it, e.g. "14/6/2024". */
  reportDate?: string;
  period?: ReportPeriod;
  year?: number;
}

export interface SheetLayout {
  formId: string;
  templateSet: string;
  variant: "working" | "report";
  sheetName: string;
  /** Defined name that tags the table range, e.g. "BieuMau_BM1_CCHC_PL_2022"; absent on report copies. */
  tagName?: string;
  /** Widths in Excel character units, one per column from A. */
  columnWidths: number[];
  /** Row heights in points where a fixed height is needed (0-based row → height). */
  rowHeights: Record<number, number>;
  cells: PlannedCell[];
  /** A1 ranges to merge, e.g. "A7:A8". */
  merges: string[];
  validations: PlannedValidation[];
  styles: Record<StyleId, CellStyle>;
  /** 0-based sheet row of each indicator, by normalised STT. */
  rowOfStt: Record<string, number>;
  columns: { stt: number; text: number; unit: number; value: number; note: number };
  headerRows: [number, number];
  firstDataRow: number;
  lastDataRow: number;
  /** The table (header + data) as an A1 range: what the tag refers to. */
  tableRange: string;
  /** Everything a printed page shows, as an A1 range. */
  printArea: string;
  page: { paper: "A4"; orientation: "portrait"; fitToWidth: 1; margins: { left: number; right: number; top: number; bottom: number } };
  /** Rows of the form that have no official text behind them (shown with a mark and a footnote). */
  inferredStts: string[];
}
