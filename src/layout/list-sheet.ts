/**
 * A plain list sheet (the merge's "Thiếu số liệu" and "Tệp đầu vào"): a banner, a header row, rows of text; in the
 * forms' font, wrapped in columns wide enough for their text, on one page width.
 */
import { a1 } from "./a1";
import { FORM_FONT } from "./plan";
import { planRowHeights, type TextCell } from "./textfit";
import type { SheetWrites, WriteCell } from "./writeback-types";

export function planListSheet(
  name: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  widths: readonly number[],
  banner: string | null,
): SheetWrites & { name: string } {
  const cells: WriteCell[] = [];
  let r = 0;
  if (banner) {
    // The banner is one long sentence: it wraps in the first column and would make that row very tall, so it stays
    // unwrapped and spills over the empty cells to its right (within the printed width: see below).
    cells.push({ address: a1(r, 0), value: banner, bold: true });
    r += 2;
  }
  header.forEach((h, c) => cells.push({ address: a1(r, c), value: h, tone: "header", bold: true, wrap: true }));
  for (const row of rows) {
    r++;
    row.forEach((v, c) => cells.push({ address: a1(r, c), value: v === "" ? null : v, wrap: true }));
  }
  const text: TextCell[] = cells
    .filter((c) => c.value !== null && c.value !== undefined && c.value !== "")
    .map((c) => {
      const at = /^([A-Z]+)(\d+)$/.exec(c.address)!;
      return { row: Number(at[2]) - 1, col: at[1].charCodeAt(0) - 65, text: String(c.value), font: { size: FORM_FONT.size, bold: c.bold }, wrap: !!c.wrap };
    });
  return {
    name,
    sheet: name,
    cells,
    columnWidths: Object.fromEntries(widths.map((w, c) => [c, w])),
    rowHeights: planRowHeights(text, widths),
    font: { ...FORM_FONT },
    page: { orientation: "landscape", fitToWidth: 1 },
  };
}
