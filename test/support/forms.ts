import { builtinTemplateSet } from "../../src/forms";
import { excelTypedCell, type CellInput, type FilledForm } from "../../src/engine";
import type { TypingLocale } from "../../src/engine/typing";

/** A filled form from typed values by STT (as a clerk types them into Excel), or raw CellInputs. */
export function fill(formId: string, values: Record<string, string | CellInput>, locale: TypingLocale = "vi-VN", notes: Record<string, string> = {}): FilledForm {
  const def = builtinTemplateSet().forms.find((f) => f.id === formId)!;
  const rows: FilledForm["rows"] = {};
  def.rows.forEach((row, i) => {
    const v = values[row.stt];
    rows[row.stt] = {
      value: v === undefined ? { value: null } : typeof v === "string" ? excelTypedCell(v, locale) : v,
      address: `D${9 + i}`,
      row: 8 + i,
      note: notes[row.stt],
    };
  });
  return { formId, sheet: `Biểu mẫu ${def.number}`, rows };
}
