/** Shared by the adapter tests: a fake workbook installed as the global Excel/Office, and the sample typed into it. */
import { readFileSync } from "fs";
import { join } from "path";
import { createExcelHost } from "../../src/excel/adapter";
import { createFakeHost, installFake, type FakeHost, type FakeHostOptions } from "../../src/fake-excel";
import { builtinTemplateSet } from "../../src/forms";
import { normaliseStt } from "../../src/forms/stt";
import type { SheetLayout } from "../../src/layout/types";
import { planSheet } from "../../src/layout/plan";

export const SAMPLE = join(__dirname, "..", "..", "..", "shared", "samples", "quang-tri-2024-6t.tsv");

export interface SampleRow { form: string; stt: string; text: string; unit: string; value: string; note: string }

export function sampleRows(): SampleRow[] {
  const lines = readFileSync(SAMPLE, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.slice(1).map((line) => {
    const [form, stt, text, unit, value, note] = line.split("\t");
    return { form, stt, text, unit, value: value ?? "", note: note ?? "" };
  });
}

export function setup(options: FakeHostOptions = {}): { fake: FakeHost; host: ReturnType<typeof createExcelHost>; set: ReturnType<typeof builtinTemplateSet> } {
  const fake = createFakeHost(options);
  installFake(fake);
  return { fake, host: createExcelHost(), set: builtinTemplateSet() };
}

export function layoutOf(formId: string, sheetName?: string): SheetLayout {
  const set = builtinTemplateSet();
  const form = set.forms.find((f) => f.id === formId)!;
  return planSheet(set, form, {}, sheetName ? { sheetName } : {});
}

/**
 * Types the sample's values and notes into inserted sheets, row by row through the layout (what a clerk copying the
 * report into the add-in's sheets would do). Values are pasted (Excel's paste skips data validation, as clerks paste).
 */
export function typeSample(fake: FakeHost, sheetOf: (formId: string) => string, rowShift: (formId: string) => number = () => 0): void {
  for (const row of sampleRows()) {
    const layout = layoutOf(row.form);
    const stt = normaliseStt(row.stt);
    const r = stt === null ? undefined : layout.rowOfStt[stt];
    if (r === undefined) continue;
    const shift = rowShift(row.form);
    const sheet = sheetOf(row.form);
    if (row.value !== "") fake.setCellValue(sheet, `D${r + 1 + shift}`, row.value, { paste: true });
    if (row.note !== "") fake.setCellValue(sheet, `E${r + 1 + shift}`, row.note, { paste: true });
  }
}
