/**
 * Row heights of a planned sheet once text has been typed into it (notes filled by `bieumau new --from`, the
 * merge's notes): the planned heights, grown where a typed text wraps onto more lines (textfit.ts).
 */
import { planRowHeights, tallest, type TextCell } from "./textfit";
import type { SheetLayout } from "./types";

export function refitRows(layout: SheetLayout, textAt: (row: number, col: number) => string | undefined): Record<number, number> {
  const cells: TextCell[] = [];
  for (const planned of layout.cells) {
    const text = textAt(planned.row, planned.col) ?? (planned.value !== undefined ? String(planned.value) : "");
    if (text === "") continue;
    const style = layout.styles[planned.style];
    cells.push({ row: planned.row, col: planned.col, text, font: style.font, wrap: !!style.wrap });
  }
  return tallest(layout.rowHeights, planRowHeights(cells, layout.columnWidths, layout.merges));
}
