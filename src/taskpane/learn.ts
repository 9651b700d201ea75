/**
 * Learning a template set in the task pane: from a picked .docx or .xlsx (the same readers and learner as the CLI's
 * `template import`, in the browser) or from the active sheet's grid. Failures are one sentence in the pane's language (LearnFailure), never a stack trace.
 */
import type { SheetGrid } from "../engine/types";
import { learnTemplateSet, sheetDocument, TemplateLearnError, type LearnReport } from "../forms/learn";
export { withoutRules } from "../forms/learn";
import type { TemplateSet } from "../forms/schema";
import { DocumentReadError, readDocx } from "../io/docx-read";
import { sniffContainer } from "../io/sniff";
import { readWorkbookBytes } from "../cli/xlsx-bytes";
import { builtinTemplateSet } from "../forms";
import { cliText } from "../i18n/cli";
import { documentProblemText } from "../i18n/io";
import { learnPaneText, learnText } from "../i18n/learn";
import type { Lang } from "../i18n/number";

export interface Learned {
  set: TemplateSet;
  report: LearnReport;
}

export class LearnFailure extends Error {
  override readonly name = "LearnFailure";
}

function learnOrFail(file: string, lang: Lang, learn: () => Learned): Learned {
  try {
    return learn();
  } catch (e) {
    const why =
      e instanceof TemplateLearnError ? learnText(lang).problem(e.problem) : e instanceof DocumentReadError ? documentProblemText(e.problem, lang) : null;
    if (why === null) throw e;
    throw new LearnFailure(learnPaneText(lang).failed(file, why));
  }
}

export async function learnFromFile(bytes: Uint8Array, file: string, lang: Lang): Promise<Learned> {
  const p = learnPaneText(lang);
  const container = sniffContainer(bytes);
  if (container === "empty") throw new LearnFailure(p.failed(file, documentProblemText("empty_file", lang)));
  if (container === "encrypted" || container === "doc" || container === "xls" || container === "ole_other")
    throw new LearnFailure(p.failed(file, documentProblemText(container, lang)));
  if (/\.xls[xm]$/i.test(file)) return learnFromXlsx(bytes, file, lang);
  let doc: ReturnType<typeof readDocx>;
  try {
    doc = readDocx(bytes, file);
  } catch (e) {
    if (e instanceof DocumentReadError && e.problem === "xlsx_not_docx") return learnFromXlsx(bytes, file, lang);
    return learnOrFail(file, lang, () => {
      throw e;
    });
  }
  return learnOrFail(file, lang, () => learnTemplateSet(doc));
}

/**
 * An .xlsx template: each sheet read by the lean reader as the CLI's `template import` reads it (src/cli/xlsx-bytes.ts,
 * no Node API), learned through the same sheetDocument.
 */
async function learnFromXlsx(bytes: Uint8Array, file: string, lang: Lang): Promise<Learned> {
  const read = await readWorkbookBytes(file, bytes, builtinTemplateSet());
  if (!read.ok) throw new LearnFailure(learnPaneText(lang).failed(file, cliText(lang).readProblem(read.problem)));
  return learnOrFail(file, lang, () => learnTemplateSet(sheetDocument(file, read.grids)));
}

export function learnFromGrid(grid: SheetGrid | null, lang: Lang): Learned {
  const p = learnPaneText(lang);
  if (!grid || grid.cells.every((row) => !row || row.every((c) => !c || c.value === null || c.value === ""))) 
    throw new LearnFailure(p.failed(grid?.sheet ?? "", p.emptySheet));
  return learnOrFail(grid.sheet, lang, () => learnTemplateSet(sheetDocument(grid.sheet, [grid], "sheet")));
}
