/**
 * The old way of reading an input: exceljs's whole-workbook model turned into grids (src/cli/xlsx-grid.ts, which the
 * writer keeps for the copy it fixes). Used only by the test that the lean reader (src/io/xlsx-read.ts) hands the
 * engine the same cells and so gets the same findings.
 */
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/engine/types";
import type { TemplateSet } from "../../src/forms/schema";
import { workbookGrids } from "../../src/cli/xlsx-grid";

export async function exceljsGrids(bytes: Uint8Array, set: TemplateSet): Promise<{ grids: SheetGrid[]; truncated: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbookGrids(workbook, set);
}
