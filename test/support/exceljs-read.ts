/**
 * The old way of reading an input: exceljs's whole-workbook model turned into grids. Kept only here, for the test
 * that the lean reader (src/io/xlsx-read.ts) hands the engine the same cells and so gets the same findings.
 */
import ExcelJS from "exceljs";
import type { SheetGrid } from "../../src/engine/types";
import type { TemplateSet } from "../../src/forms/schema";
import { parseTagName } from "../../src/layout/plan";
import { sheetGrid } from "../../src/cli/xlsx-grid";

function formHints(workbook: ExcelJS.Workbook, set: TemplateSet): Map<string, string> {
  const hints = new Map<string, string>();
  const model = (workbook.definedNames.model ?? []) as unknown as Array<{ name: string; ranges: string[] }>;
  for (const { name, ranges } of model) {
    const tag = parseTagName(name, set);
    if (!tag) continue;
    for (const range of ranges ?? []) {
      const m = /^'?(.*?)'?!/.exec(range);
      if (m) {
        const sheet = m[1].replace(/''/g, "'");
        if (!hints.has(sheet)) hints.set(sheet, tag.formId);
      }
    }
  }
  return hints;
}

export async function exceljsGrids(bytes: Uint8Array, set: TemplateSet): Promise<{ grids: SheetGrid[]; truncated: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const hints = formHints(workbook, set);
  const grids: SheetGrid[] = [];
  const truncated: string[] = [];
  for (const ws of workbook.worksheets) {
    const { grid, truncated: cut } = sheetGrid(ws, hints.get(ws.name));
    grids.push(grid);
    if (cut) truncated.push(ws.name);
  }
  return { grids, truncated };
}
