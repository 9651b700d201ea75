/**
 * A workbook's sheets as a document: each sheet one table (row i of the table is row i + 1 of the sheet), so a
 * province's Excel template, or the table a clerk pasted into the active sheet, is learned by the same code as a
 * Word document's tables. Merged cells arrive as their first cell only (the learner reads headers either way).
 */
import type { SheetGrid } from "../../engine/types";
import type { DocCell, DocDocument, DocRow } from "../../io/document";

function text(v: unknown): string {
  if (v === null || v === undefined) return "";
  return String(v);
}

export function sheetDocument(file: string, grids: readonly SheetGrid[], format: "xlsx" | "sheet" = "xlsx"): DocDocument {
  return {
    file,
    format,
    properties: {},
    blocks: grids.map((grid, i) => {
      const top = grid.origin?.row ?? 0;
      const left = grid.origin?.col ?? 0;
      const rows: DocRow[] = Array.from({ length: top }, () => ({ cells: [] }));
      let columns = 0;
      for (const line of grid.cells) {
        const cells: DocCell[] = [];
        (line ?? []).forEach((cell, c) => {
          const t = cell ? (cell.text ?? text(cell.value)).trim() : "";
          if (t) cells.push({ text: t, col: left + c, span: 1 });
        });
        columns = Math.max(columns, left + (line?.length ?? 0));
        rows.push({ cells });
      }
      return { kind: "table" as const, table: { number: i + 1, columns, rows, sheet: grid.sheet } };
    }),
  };
}
