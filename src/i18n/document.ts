/**
 * Words of Word documents: the appendix the export writes (Vietnamese, as the official table is), and how a cell
 * of a Word table is named in findings ("Bảng 2, dòng 25").
 */
import type { Lang } from "./number";

export const DOC_TEXT = {
  appendixHeading: "Phụ lục",
} as const;

/** The name of a table cell in a Word document, as findings show it in place of a sheet address. */
export function docCellName(table: number, row: number, lang: Lang = "vi"): string {
  return lang === "vi" ? `Bảng ${table}, dòng ${row}` : `Table ${table}, row ${row}`;
}

/** The sheet name a Word table gets when it goes through the engine ("Bảng 2"). */
export function docTableName(table: number, lang: Lang = "vi"): string {
  return lang === "vi" ? `Bảng ${table}` : `Table ${table}`;
}
