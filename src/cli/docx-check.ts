/**
 * A Word report checked without any Node API: its Phụ lục tables go through the same recognition and engine as a
 * workbook, its body's text is cross-checked against them (src/engine/text), and a finding on a table's cell names
 * "Bảng 2, dòng 25". Used by `bieumau check REPORT.docx` (src/cli/docx-input.ts adds the file system) and by the
 * browser checker (src/web).
 */
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

export function paragraphsOf(doc: DocDocument): DocParagraph[] {
  return doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));
}

/** A finding on a Word table's cell names the table and row ("Bảng 2, dòng 25") instead of a sheet address. */
function named(f: Finding, tables: ReadonlyMap<string, number>, ctx: Pick<Ctx, "lang">): Finding {
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
export function checkDocument(ctx: Pick<Ctx, "lang">, set: TemplateSet, doc: DocDocument): CheckedReport {
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

/** A .docx's bytes as a document; a problem becomes a Vietnamese (or English) sentence, never an exception. */
export function readReportBytes(bytes: Uint8Array, file: string, lang: Ctx["lang"]): { doc: DocDocument } | { error: string } {
  try {
    return { doc: readDocx(bytes, file) };
  } catch (e) {
    if (e instanceof DocumentReadError) return { error: documentProblemText(e.problem, lang) };
    return { error: cliDocxText(lang).unreadable((e as Error).message) };
  }
}
