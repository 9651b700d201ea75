/**
 * Word reports on the command line: `check REPORT.docx` (the Phụ lục tables go through the same recognition and
 * engine as a workbook, the body's text is cross-checked against them) and `check WORKBOOK.xlsx --report
 * REPORT.docx` (the report's text against the workbook's appendix). Reading goes through src/io/docx-read, the
 * cross-check through src/engine/text; this file only joins them and names cells "Bảng 2, dòng 25".
 */
import { promises as fs } from "fs";
import { validateForms } from "../engine";
import { checkReportText } from "../engine/text/check";
import type { Finding, RecognitionResult } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { cliDocxText } from "../i18n/cli-docx";
import type { DocDocument, DocParagraph } from "../io/document";
import { checkDocument, readReportBytes } from "./docx-check";
import type { Ctx } from "./io";
import { jsonFile, textReport, type JsonFile } from "./report";

export { checkDocument, paragraphsOf, readReportBytes, type CheckedReport } from "./docx-check";

/** Reads a .docx; a problem becomes a Vietnamese (or English) sentence, never an exception. */
export async function readReport(ctx: Ctx, file: string): Promise<{ doc: DocDocument } | { error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: ctx.t.readProblem(code === "EISDIR" ? "is_directory" : "not_found") };
  }
  return readReportBytes(bytes, file, ctx.lang);
}

/** One .docx of a `check` batch: what to print (or put in the JSON), and how it counts. */
export async function checkReportFile(
  ctx: Ctx,
  set: TemplateSet,
  file: string,
  name: string,
): Promise<{ json: JsonFile; lines: string[]; unreadable: boolean; withErrors: boolean }> {
  const read = await readReport(ctx, file);
  const fail = (why: string) => ({ json: { file: name, forms: [], findings: [], error: why }, lines: [name, `  ✖ ${why}`], unreadable: true, withErrors: false });
  if ("error" in read) return fail(read.error);
  const checked = checkDocument(ctx, set, read.doc);
  if (checked.recognition.forms.length === 0) return fail(cliDocxText(ctx.lang).noAppendix);
  return {
    json: jsonFile(name, checked.recognition, checked.findings, ctx.lang),
    lines: textReport(name, checked.recognition, checked.findings, ctx.lang, ctx.t),
    unreadable: false,
    withErrors: checked.findings.some((f) => f.severity === "error"),
  };
}

/**
 * `--report REPORT.docx`: the report's text against a checked workbook's appendix. The report is read once per
 * batch; a report that cannot be read is said once and the workbooks are checked without it.
 */
export function reportTextFindings(set: TemplateSet, paragraphs: readonly DocParagraph[], recognition: RecognitionResult): Finding[] {
  if (recognition.forms.length === 0) return [];
  const { values } = validateForms(set, recognition.forms, { values: true });
  return checkReportText({ set, paragraphs, values: values ?? [], forms: recognition.forms });
}
