/**
 * What "Kiểm tra" writes into a workbook, as plain data computed by planWriteBack (writeback.ts). The add-in and the
 * command line's `check --write` render the same plan.
 */

export type WriteTone = "ok" | "error" | "warning" | "info" | "header" | "computed";

export interface WriteCell {
  address: string;
  /** Strings are always written as text (number format "@"), never as a formula, even when they start with "=". */
  value?: string | number | null;
  /** Only formulas the product itself builds (rate formulas), with a leading "=". */
  formula?: string;
  tone?: WriteTone;
  bold?: boolean;
  wrap?: boolean;
  /** An in-workbook hyperlink to a cell, rendered as the host's hyperlink property (never a HYPERLINK formula). */
  link?: { sheet: string; address: string };
}

export interface SheetWrites {
  sheet: string;
  cells: WriteCell[];
  /** Column widths to set (0-based column → width in characters). */
  columnWidths?: Record<number, number>;
  /**
   * Row heights the written text needs (0-based row → points, estimated by textfit.ts). On a form sheet a row is
   * never made shorter than it was (its own text may need more); hosts that can measure (Excel) autofit instead.
   */
  rowHeights?: Record<number, number>;
  /** The font of every written cell, so a sheet prints in one face (the forms' Times New Roman). */
  font?: { name: string; size: number };
  /** Page setup of a sheet the plan makes: A4, fitted to one page width. */
  page?: { orientation: "portrait" | "landscape"; fitToWidth: 1 };
}

export interface WriteBackPlan {
  /** Writes into the form sheets: the check column, and rate formulas put back into blank rate cells. */
  formSheets: SheetWrites[];
  /** The results sheet, made anew on every run. */
  results: SheetWrites & { name: string };
  /** Things the plan chose not to do, in Vietnamese (e.g. a column the user filled, kept as it was). */
  notes: string[];
}

export interface ClearPlan {
  /** Cells to empty (values and formats) per sheet: only cells the product wrote. */
  formSheets: Array<{ sheet: string; ranges: string[] }>;
  /** The results sheet to delete when present. */
  resultsSheet: string;
}

/** Colours per tone, shared by both renderers. */
export const TONE_COLORS: Record<WriteTone, { font: string; fill?: string }> = {
  ok: { font: "#107C10" },
  error: { font: "#A80000", fill: "#FDE7E9" },
  warning: { font: "#8A5300", fill: "#FFF4CE" },
  info: { font: "#005A9E" },
  header: { font: "#000000", fill: "#FFF2CC" },
  computed: { font: "#000000", fill: "#E7EEF7" },
};
