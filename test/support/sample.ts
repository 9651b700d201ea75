/** Reads ../shared/samples/quang-tri-2024-6t.tsv (a real appendix, typos and all) into grids as Excel would hold them. */
import { readFileSync } from "fs";
import { join } from "path";
import type { TemplateSet } from "../../src/forms";
import { excelTypedCell, type CellInput, type SheetGrid } from "../../src/engine";
import type { TypingLocale } from "../../src/engine/typing";
import { planSheet } from "../../src/layout/plan";
import { parseTsv } from "../../src/cli/tsv";

export const SAMPLE_PATH = join(__dirname, "..", "..", "..", "shared", "samples", "quang-tri-2024-6t.tsv");
/** The same report as the office sent it, a Word document (../shared/samples/quang-tri-2024-6t.docx). */
export const SAMPLE_DOCX = join(__dirname, "..", "..", "..", "shared", "samples", "quang-tri-2024-6t.docx");

export interface SampleRow {
  form: string;
  stt: string;
  sttAsTyped: string;
  text: string;
  unit: string;
  value: string;
  note: string;
}

/** Through the same TSV reader as `bieumau new --from` (markup such as <i>…</i> dropped). */
export function loadSample(path = SAMPLE_PATH): SampleRow[] {
  return parseTsv(readFileSync(path, "utf8")).rows.map((r) => ({
    form: r.form, sttAsTyped: r.sttAsWritten, stt: r.stt ?? r.sttAsWritten, text: r.text, unit: r.unit, value: r.value, note: r.note,
  }));
}

/** The sample typed into sheets laid out by the product (one sheet per form), as a clerk would type it. */
export function sampleInLayout(set: TemplateSet, locale: TypingLocale = "vi-VN", rows = loadSample()): SheetGrid[] {
  const grids: SheetGrid[] = [];
  for (const form of set.forms) {
    const layout = planSheet(set, form);
    const height = layout.printArea.match(/\d+$/) ? Number(layout.printArea.match(/\d+$/)![0]) : 60;
    const cells: CellInput[][] = Array.from({ length: height }, () => Array.from({ length: 5 }, () => ({ value: null })));
    for (const c of layout.cells) {
      cells[c.row][c.col] = c.formula ? { value: null, formula: c.formula } : { value: c.value ?? null };
    }
    for (const r of rows.filter((x) => x.form === form.id)) {
      const rowIndex = layout.rowOfStt[r.stt];
      if (rowIndex === undefined) continue;
      if (r.value.trim() !== "") cells[rowIndex][layout.columns.value] = excelTypedCell(r.value, locale);
      if (r.note.trim() !== "") cells[rowIndex][layout.columns.note] = { value: r.note };
    }
    grids.push({ sheet: layout.sheetName, cells, formHint: form.id });
  }
  return grids;
}

/** The sample typed by hand into one plain sheet: a title row, then each form under its label, five columns. */
export function sampleAsPlainSheet(locale: TypingLocale = "vi-VN", rows = loadSample(), sheet = "Phụ lục"): SheetGrid {
  const cells: CellInput[][] = [[{ value: "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH" }]];
  let lastForm = "";
  for (const r of rows) {
    if (r.form !== lastForm) {
      cells.push([]);
      cells.push([{ value: `Biểu mẫu ${r.form.replace(/\D/g, "")}` }]);
      cells.push(["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"].map((v) => ({ value: v })));
      lastForm = r.form;
    }
    cells.push([
      { value: r.sttAsTyped }, { value: r.text }, { value: r.unit || null },
      r.value.trim() ? excelTypedCell(r.value, locale) : { value: null }, { value: r.note || null },
    ]);
  }
  return { sheet, cells };
}
