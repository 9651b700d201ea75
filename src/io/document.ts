/**
 * A document as the readers hand it to the rest of the house: paragraphs and tables in reading order. The .docx
 * reader produces it from a Word document; a sheet's table is handed over in the same shape (one table block), so
 * the template learner, the Word check and the text cross-check never see a file format.
 */

/** One cell of a table, on the table's grid (merged cells already expanded). */
export interface DocCell {
  /** The cell's text: its paragraphs joined with "\n", runs joined as printed, whitespace of each line trimmed. */
  text: string;
  /** 0-based grid column of the cell's first column. */
  col: number;
  /** Grid columns the cell spans (Word's gridSpan, a sheet's horizontal merge). */
  span: number;
  /**
   * Part of a vertical merge: "restart" begins one, "continue" continues the cell above (its text is then ""; the
   * merged text is in the "restart" cell).
   */
  vMerge?: "restart" | "continue";
}

export interface DocRow {
  cells: DocCell[];
  /** Word's "repeat as header row at the top of each page" (w:tblHeader). */
  repeatHeader?: boolean;
}

export interface DocTable {
  /** 1-based number of the table in the document, as a reader would count them ("Bảng 2"). */
  number: number;
  /** Grid columns (w:tblGrid), when known. */
  columns: number;
  rows: DocRow[];
  /** Rows and cells the reader left out because the table was larger than any form (with how many). */
  truncatedRows?: number;
  /** For a sheet handed over as a table: the sheet's name (row i of the table is then row i + 1 of the sheet). */
  sheet?: string;
}

export interface DocParagraph {
  /** 1-based number of the paragraph in the body (tables' own paragraphs not counted). */
  number: number;
  text: string;
  /** The paragraph's style id (e.g. "Heading1"), when it has one. */
  style?: string;
}

export type DocBlock = { kind: "paragraph"; paragraph: DocParagraph } | { kind: "table"; table: DocTable };

/** What a document states about itself in its package properties (docProps/core.xml). */
export interface DocProperties {
  title?: string;
  subject?: string;
  creator?: string;
  created?: string;
  modified?: string;
}

export interface DocDocument {
  /** The file name as the user gave it (no folders), for provenance and messages. */
  file: string;
  format: "docx" | "xlsx" | "sheet";
  blocks: DocBlock[];
  properties: DocProperties;
}

/** The text of each grid column of a row, merged cells repeated across their span ("" where a vMerge continues). */
export function rowTexts(row: DocRow, columns: number): string[] {
  const out = new Array<string>(columns).fill("");
  for (const c of row.cells) {
    for (let k = 0; k < c.span && c.col + k < columns; k++) out[c.col + k] = c.vMerge === "continue" ? "" : c.text;
  }
  return out;
}
