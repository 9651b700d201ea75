/**
 * The results sheet "Kết quả kiểm tra", updated in place: re-checking and clearing clear its cells and write them
 * again, and never delete, recreate or rename the sheet, because adding, deleting or renaming sheets clears Excel's
 * undo history (OfficeDev/office-js#6170; the unsupported-API list in "Undo support with the Excel JavaScript API",
 * OfficeDev/office-js-docs-pr#5175). The sheet is added only the first time. Its first line always says when it was
 * written, so an old result never looks current. Nothing here syncs.
 */
import type { ExcelText } from "../i18n/excel";
import { a1, parseA1 } from "../layout/a1";
import type { WriteCell } from "../layout/writeback-types";
import { renderWrites } from "./render";

type Ctx = Excel.RequestContext;

export interface ResultsTarget {
  /** The sheets as read (name and whether Protect Sheet is on). */
  sheets: ReadonlyArray<{ name: string; protected: boolean }>;
  /** Protect Workbook (structure): null when the host cannot say (below ExcelApi 1.7). */
  structureProtected: boolean | null;
}

/**
 * The results sheet to write into, cleared (queued), or null with the reason when it cannot be written:
 * it is protected, or it does not exist yet and the workbook's structure is protected.
 */
export function resultsSheetFor(ctx: Ctx, target: ResultsTarget, name: string, t: ExcelText): { ws: Excel.Worksheet | null; note?: string } {
  const existing = target.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (existing) {
    if (existing.protected) return { ws: null, note: t.resultsSheetProtected(existing.name) };
    const ws = ctx.workbook.worksheets.getItem(existing.name);
    ws.getRange().clear("All");
    return { ws };
  }
  if (target.structureProtected) return { ws: null, note: t.structureBlocksResults };
  return { ws: ctx.workbook.worksheets.add(name) };
}

/** The plan's cells with the time in the first line and the notes below; queued onto `ws`. */
export function writeResults(
  ws: Excel.Worksheet,
  cells: readonly WriteCell[],
  options: {
    stamp: string;
    notes: readonly string[];
    notesHeading: string;
    hyperlinks: boolean;
    columnWidths?: Record<number, number>;
    font?: Parameters<typeof renderWrites>[2]["font"];
    page?: Parameters<typeof renderWrites>[2]["page"];
  },
): void {
  const out = cells.map((c) => (c.address === "A1" ? { ...c, value: `${String(c.value ?? "")} — ${options.stamp}` } : c));
  if (!out.some((c) => c.address === "A1")) out.unshift({ address: "A1", value: options.stamp, bold: true });
  if (options.notes.length) {
    let r = out.reduce((max, x) => Math.max(max, parseA1(x.address)?.row ?? -1), -1) + 2;
    out.push({ address: a1(r++, 0), value: options.notesHeading, bold: true });
    for (const note of options.notes) out.push({ address: a1(r++, 0), value: note, tone: "warning" });
  }
  renderWrites(ws, out, {
    hyperlinks: options.hyperlinks,
    columnWidths: options.columnWidths,
    font: options.font,
    autofitRows: true,
    page: options.page,
  });
}
