/**
 * The Word side of the pane, as plain functions over what "Kiểm tra" returned (no Office.js here): the appendix of
 * the open workbook as .docx bytes, and a report's text cross-checked against it. The .docx writer and reader are
 * loaded only when asked for (dynamic imports: separate chunks of the add-in's bundle).
 */
import { validateForms } from "../engine";
import { checkReportText } from "../engine/text/check";
import type { Finding } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import type { ValidateOutcome } from "../excel/host";
import { HostError } from "../excel/host";
import type { Lang } from "../i18n/number";
import { documentProblemText } from "../i18n/io";
import { planAppendix } from "../layout/docplan";
import { captionText, periodText } from "../layout/plan";
import type { ReportHeader } from "../layout/types";
import { SHEET_TEXT } from "../i18n/sheet";

/** What the pane asks of its surroundings to hand a file to the user (a browser download in the add-in). */
export interface PaneFiles {
  save(name: string, bytes: Uint8Array, mime: string): void | Promise<void>;
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The appendix of the validated workbook as a Word document (Nghị định 30/2020), with the pane's header fields. */
export async function appendixDocx(set: TemplateSet, outcome: ValidateOutcome, header: ReportHeader): Promise<Uint8Array> {
  const { values, computed } = validateForms(set, outcome.recognition.forms, { values: true });
  const meta = header.unit || header.period || header.year ? `${SHEET_TEXT.unitLine(header.unit)}    ${SHEET_TEXT.periodLine(periodText(header))}` : undefined;
  const plan = planAppendix({ set, forms: outcome.recognition.forms, values: values ?? [], computed, caption: captionText(set, header), meta });
  const { renderAppendixDocx } = await import("../io/docx-write");
  return renderAppendixDocx(plan);
}

/** The report's text findings against the validated workbook's appendix; a file that cannot be read is a HostError. */
export async function reportTextFindings(set: TemplateSet, outcome: ValidateOutcome, bytes: Uint8Array, file: string, lang: Lang): Promise<Finding[]> {
  const { readDocx, DocumentReadError } = await import("../io/docx-read");
  let paragraphs;
  try {
    paragraphs = readDocx(bytes, file).blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));
  } catch (e) {
    if (e instanceof DocumentReadError) throw new HostError(`${file}: ${documentProblemText(e.problem, lang)}`, e);
    throw e;
  }
  const { values } = validateForms(set, outcome.recognition.forms, { values: true });
  return checkReportText({ set, paragraphs, values: values ?? [], forms: outcome.recognition.forms });
}

/** "Phu-luc-Van-phong-UBND-tinh.docx": the unit's name without diacritics, for a file name every system accepts. */
export function appendixFileName(header: ReportHeader): string {
  const unit = (header.unit ?? "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return unit ? `Phu-luc-${unit}.docx` : "Phu-luc.docx";
}
