/**
 * A Word table as the engine's SheetGrid: one grid row per table row, one cell per grid column; a merged cell's text
 * sits in its first column (as a merged range's value does in Excel), the rest of the span and vertical-merge
 * continuations are empty. Cells hold the text as printed; `typeValues` then types the value column of recognised
 * forms the way a vi-VN Excel stores what a clerk types ("52,414" → 52.414, "99,69%" → 0.9969 formatted 0.00%), so
 * the engine reads a Word appendix exactly as it reads a workbook. Pure: runs in Node and in the browser.
 */
import { excelTypedCell } from "../engine/typing";
import type { CellInput, RecognisedForm, SheetGrid } from "../engine/types";
import type { DocTable } from "./document";

export function docTableGrid(table: DocTable, sheet: string): SheetGrid {
  const cells: Array<Array<CellInput | null>> = table.rows.map((row) => {
    const out = new Array<CellInput | null>(table.columns).fill(null);
    for (const c of row.cells) {
      if (c.col >= table.columns || c.vMerge === "continue" || c.text === "") continue;
      out[c.col] = { value: c.text, text: c.text };
    }
    return out;
  });
  return { sheet, cells, origin: { row: 0, col: 0 } };
}

/** The grids with the value cells of the recognised forms typed as a vi-VN Excel would store them. */
export function typeValues(grids: readonly SheetGrid[], forms: readonly RecognisedForm[]): SheetGrid[] {
  return grids.map((grid) => {
    const mine = forms.filter((f) => f.sheet === grid.sheet);
    if (mine.length === 0) return grid;
    const cells = grid.cells.map((row) => [...(row ?? [])]);
    for (const f of mine)
      for (let r = f.firstRow; r <= f.lastRow && r < cells.length; r++) {
        const cell = cells[r][f.columns.value];
        if (cell && typeof cell.value === "string" && cell.value.trim() !== "") cells[r][f.columns.value] = excelTypedCell(cell.value.trim(), "vi-VN");
      }
    return { ...grid, cells };
  });
}
