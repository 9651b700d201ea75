/**
 * Finding the forms of a document: a "Biểu mẫu N" label and title in the paragraphs before a table or in its first
 * rows (or the sheet's name), the header by its column texts, and the tables Word split across a page (with or
 * without the header repeated) joined to the form they continue.
 */
import { rowTexts, type DocDocument, type DocTable } from "../../io/document";
import type { Place } from "../provenance";
import { findHeader, isNumberingRow, type ColumnMap } from "./columns";
import { cleanText, fold, formLabel } from "./text";
import type { FoundForm, RawRow, Skipped } from "./types";
import { normaliseStt } from "../stt";

interface Label {
  number: number;
  title: string;
}

/** Lines printed around a form's title that are not its title. */
const NOT_TITLE = /^\(?\s*(?:ban hanh kem theo|kem theo|don vi bao cao|ky bao cao|don vi tinh|thong ke so lieu|phu luc)/u;

function labelIn(lines: readonly string[]): Label | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const l = formLabel(lines[i]);
    if (!l) continue;
    let title = l.rest;
    for (let j = i + 1; !title && j < lines.length; j++) if (lines[j] && !NOT_TITLE.test(fold(lines[j]))) title = lines[j];
    return { number: l.number, title };
  }
  return null;
}

function placeOf(table: DocTable, row?: number): Place {
  return { table: table.number, ...(row !== undefined ? { row: row + 1 } : {}), ...(table.sheet ? { sheet: table.sheet } : {}) };
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** A data row's STT cell: a number, a letter item, or neither. */
function sttLike(s: string): boolean {
  return normaliseStt(s) !== null || /^\(?[a-zđ]\)\.?$/u.test(s.trim());
}

function readRows(table: DocTable, columns: ColumnMap, from: number, skipped: Skipped[]): RawRow[] {
  const out: RawRow[] = [];
  for (let i = from; i < table.rows.length; i++) {
    const texts = rowTexts(table.rows[i], columns.width).map(cleanText);
    if (isNumberingRow(texts)) continue;
    const sttPrinted = (table.rows[i].cells.find((c) => c.col === columns.stt)?.text ?? texts[columns.stt]).trim();
    const rawText = table.rows[i].cells.find((c) => c.col === columns.text)?.text ?? texts[columns.text];
    // A footnote mark after the text ("… *", "… †", as this product's own sheets print them) is not part of it.
    const text = cleanText(rawText).replace(/\s*(?:\(\s*[*†‡]+\s*\)|[*†‡]+)$/u, "");
    const unit = columns.unit === undefined ? "" : texts[columns.unit];
    if (!sttPrinted && !text && !unit) continue;
    const place = placeOf(table, i);
    if (!sttPrinted) {
      // Text Word wrapped onto a row of its own: it belongs to the row above.
      const prev = out[out.length - 1];
      if (prev && !unit) prev.text = `${prev.text} ${text}`.trim();
      else skipped.push({ place, problem: "no_stt", text: short(text || unit) });
      continue;
    }
    // A note printed under the table across its width ("(*) …", "(†) …", "Ghi chú: …", "Nguồn: …") is not a row.
    const filled = texts.filter((x) => x !== "");
    if (filled.every((x) => x === filled[0]) && (/^\(?\s*[*†‡§]/u.test(filled[0]) || /^(?:ghi chu|nguon)/u.test(fold(filled[0])))) continue;
    if (!sttLike(sttPrinted)) {
      skipped.push({ place, problem: "stt_unreadable", text: short(`${sttPrinted} ${text}`.trim()) });
      continue;
    }
    if (!text) {
      skipped.push({ place, problem: "no_text", text: sttPrinted });
      continue;
    }
    out.push({ sttPrinted: sttPrinted.replace(/\s+/gu, ""), text, unit, place, ...(rawText.includes("\n") ? { lines: rawText.split("\n") } : {}) });
  }
  return out;
}

/** The forms of a document, in the order they appear, with what could not be read. */
export function findForms(doc: DocDocument): { forms: FoundForm[]; skipped: Skipped[]; tables: number } {
  const forms: FoundForm[] = [];
  const skipped: Skipped[] = [];
  let current: { form: FoundForm; columns: ColumnMap; sheet?: string } | null = null;
  let between: string[] = [];
  let tables = 0;
  for (const block of doc.blocks) {
    if (block.kind === "paragraph") {
      const t = cleanText(block.paragraph.text);
      if (t) between.push(t);
      continue;
    }
    tables++;
    const table = block.table;
    const header = findHeader(table);
    const above = header ? table.rows.slice(0, header.start).map((r) => rowTexts(r, header.columns.width).map(cleanText)) : [];
    const aboveLines = above.map((cells) => cells.filter((c, i) => c && c !== cells[i - 1]).join(" ")).filter(Boolean);
    const label = labelIn(aboveLines) ?? labelIn(between) ?? (table.sheet ? labelIn([table.sheet]) : null);
    const gapText = between.length > 0;
    between = [];
    // A sheet never continues another sheet's form; a repeated label ("Biểu mẫu 3 (tiếp theo)") continues its own.
    if (current && table.sheet !== current.sheet) current = null;
    const repeated = label !== null && current !== null && label.number === current.form.number;
    if (label && !repeated) {
      if (!header) {
        skipped.push({ place: placeOf(table), problem: "no_columns", text: `Biểu mẫu ${label.number}` });
        current = null;
        continue;
      }
      if (forms.some((f) => f.number === label.number)) {
        skipped.push({ place: placeOf(table), problem: "duplicate_form", text: `Biểu mẫu ${label.number}` });
        current = null;
        continue;
      }
      const form: FoundForm = {
        number: label.number,
        title: label.title,
        places: [placeOf(table)],
        rows: readRows(table, header.columns, header.end, skipped),
        labels: header.columns.labels,
        extraColumns: header.columns.extra.map((e) => e.label),
      };
      forms.push(form);
      current = { form, columns: header.columns, sheet: table.sheet };
      continue;
    }
    // The rest of the form, after a page break: header repeated or not, no text between (or its label repeated).
    if (current && (repeated || !gapText) && (header || table.columns === current.columns.width)) {
      const columns = header ? header.columns : current.columns;
      const from = header ? header.end : 0;
      const firstData = table.rows.slice(from).find((r) => rowTexts(r, columns.width).some((t) => t.trim() !== ""));
      const firstStt = firstData ? cleanText(rowTexts(firstData, columns.width)[columns.stt]) : "";
      if (header || !firstStt || sttLike(firstStt)) {
        current.form.rows.push(...readRows(table, columns, from, skipped));
        current.form.places.push(placeOf(table));
        if (header) current.columns = header.columns;
        continue;
      }
    }
    if (header) skipped.push({ place: placeOf(table), problem: "no_label" });
    current = null;
  }
  for (const form of forms)
    if (form.rows.length === 0) skipped.push({ place: form.places[0], problem: "no_rows", text: `Biểu mẫu ${form.number}` });
  return { forms: forms.filter((f) => f.rows.length > 0), skipped, tables };
}
