/**
 * Word reports on the command line: `check REPORT.docx` (the Phụ lục tables go through the same recognition and
 * engine as a workbook, the body's text is cross-checked against them) and `check WORKBOOK.xlsx --report
 * REPORT.docx` (the report's text against the workbook's appendix). Reading goes through src/io/docx-read, the
 * cross-check through src/engine/text; this file only joins them and names cells "Bảng 2, dòng 25".
 */
import { promises as fs } from "fs";
import { extname } from "path";
import { recogniseWorkbook, validateForms } from "../engine";
import { checkReportText } from "../engine/text/check";
import type { Finding, RecognitionResult, SheetGrid, ValidationResult } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { cliDocxText } from "../i18n/cli-docx";
import { docCellName, docTableName } from "../i18n/document";
import { documentProblemText } from "../i18n/io";
import { docTableGrid, typeValues } from "../io/doc-grid";
import type { DocDocument, DocParagraph } from "../io/document";
import { DocumentReadError, readDocx } from "../io/docx-read";
import { parseA1 } from "../layout/a1";
import type { Ctx } from "./io";
import { jsonFile, textReport, type JsonFile } from "./report";

export function isDocxName(path: string): boolean {
  return /^\.(docx|docm|doc)$/i.test(extname(path));
}

/** Reads a .docx; a problem becomes a Vietnamese (or English) sentence, never an exception. */
export async function readReport(ctx: Ctx, file: string): Promise<{ doc: DocDocument } | { error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: ctx.t.readProblem(code === "EISDIR" ? "is_directory" : "not_found") };
  }
  try {
    return { doc: readDocx(bytes, file) };
  } catch (e) {
    if (e instanceof DocumentReadError) return { error: documentProblemText(e.problem, ctx.lang) };
    return { error: cliDocxText(ctx.lang).unreadable((e as Error).message) };
  }
}

export function paragraphsOf(doc: DocDocument): DocParagraph[] {
  return doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));
}

/** A finding on a Word table's cell names the table and row ("Bảng 2, dòng 25") instead of a sheet address. */
function named(f: Finding, tables: ReadonlyMap<string, number>, ctx: Ctx): Finding {
  const table = f.sheet === undefined ? undefined : tables.get(f.sheet);
  if (table === undefined) return f;
  const at = f.cell ? parseA1(f.cell) : null;
  return { ...f, sheet: undefined, cell: at ? docCellName(table, at.row + 1, ctx.lang) : docTableName(table, ctx.lang) };
}

export interface CheckedReport {
  recognition: RecognitionResult;
  result: ValidationResult;
  findings: Finding[];
}

/** The appendix of a Word document checked as a workbook, and its body cross-checked against it. */
export function checkDocument(ctx: Ctx, set: TemplateSet, doc: DocDocument): CheckedReport {
  const tables = new Map<string, number>();
  const grids: SheetGrid[] = [];
  for (const b of doc.blocks)
    if (b.kind === "table") {
      const sheet = docTableName(b.table.number, ctx.lang);
      tables.set(sheet, b.table.number);
      grids.push(docTableGrid(b.table, sheet));
    }
  // Recognised on the text as printed, then read with the value cells typed as Excel would store them.
  const first = recogniseWorkbook(set, grids);
  const recognition = first.forms.length ? recogniseWorkbook(set, typeValues(grids, first.forms)) : first;
  const result = validateForms(set, recognition.forms, { values: true });
  const text = recognition.forms.length
    ? checkReportText({ set, paragraphs: paragraphsOf(doc), values: result.values ?? [], forms: recognition.forms })
    : [];
  const findings = [...recognition.findings, ...result.findings, ...text].map((f) => named(f, tables, ctx));
  return { recognition, result, findings };
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
