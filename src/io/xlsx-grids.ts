/**
 * The engine's grids of a workbook read by the lean reader (src/io/xlsx-read.ts), and the reader's problems as the
 * read problems the messages know. No Node API: the CLI (src/cli/xlsx-read.ts) and the task pane both use it.
 */
import type { SheetGrid } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import type { ReadProblem } from "../i18n/cli";
import { parseTagName } from "../layout/plan";
import { MAX_COLS, MAX_ROWS } from "../excel/limits";
import type { XlsxDefinedName, XlsxProblem, XlsxWorkbook } from "./xlsx-read";

/** The form ids named by the workbook's tags (defined names), by sheet name. */
export function formHints(names: readonly XlsxDefinedName[], set: TemplateSet): Map<string, string> {
  const hints = new Map<string, string>();
  for (const { name, ranges } of names) {
    const tag = parseTagName(name, set);
    if (!tag) continue;
    for (const range of ranges) if (range.sheet !== undefined && !hints.has(range.sheet)) hints.set(range.sheet, tag.formId);
  }
  return hints;
}

/** The engine's grids of a workbook read by the lean reader, and the sheets read only in part. */
export function workbookGrids(
  workbook: XlsxWorkbook,
  set: TemplateSet,
): { grids: SheetGrid[]; truncated: Array<{ sheet: string; rows: number; cols: number }> } {
  const hints = formHints(workbook.names, set);
  const grids: SheetGrid[] = [];
  const truncated: Array<{ sheet: string; rows: number; cols: number }> = [];
  for (const sheet of workbook.sheets) {
    const formHint = hints.get(sheet.name);
    grids.push({ sheet: sheet.name, cells: sheet.cells, origin: { row: 0, col: 0 }, ...(formHint ? { formHint } : {}) });
    if (sheet.truncated) truncated.push({ sheet: sheet.name, rows: MAX_ROWS, cols: MAX_COLS });
  }
  return { grids, truncated };
}

/** The lean reader's problem as a read problem (src/i18n/cli.ts says each in words). */
export function readProblemOf(p: XlsxProblem): ReadProblem {
  switch (p) {
    case "empty":
      return "empty_file";
    case "not_zip":
      return "not_xlsx";
    case "damaged":
      return "corrupt";
    case "not_xlsx":
      // A zip that is no workbook: a .docx or another archive renamed .xlsx.
      return "not_workbook";
    default:
      return p;
  }
}
