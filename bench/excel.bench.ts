/**
 * Round trips to Excel, measured with the in-memory fake (which counts context.sync()): inserting every form of the
 * built-in set, and validating + writing back a workbook holding all of them filled with the Quảng Trị sample.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { createExcelHost } from "../src/excel/adapter";
import { createFakeHost, installFake } from "../src/fake-excel";
import { builtinTemplateSet, normaliseStt } from "../src/forms";
import { planSheet } from "../src/layout/plan";

export default async function (): Promise<void> {
  const set = builtinTemplateSet();
  const fake = createFakeHost();
  installFake(fake);
  const host = createExcelHost();

  fake.resetSyncCount();
  const inserted = await host.insertForms(set, set.forms.map((f) => f.id), {});
  console.log(`excel.syncs.insert_all: ${fake.syncCount} syncs`);

  const sample = readFileSync(join(__dirname, "..", "..", "shared", "samples", "quang-tri-2024-6t.tsv"), "utf8");
  for (const line of sample.split(/\r?\n/).slice(1)) {
    const [formId, stt, , , value, note] = line.split("\t");
    const form = set.forms.find((f) => f.id === formId);
    const i = set.forms.findIndex((f) => f.id === formId);
    const key = normaliseStt(stt);
    if (!form || key === null) continue;
    const row = planSheet(set, form).rowOfStt[key];
    if (row === undefined) continue;
    if (value) fake.setCellValue(inserted.sheets[i], `D${row + 1}`, value, { paste: true });
    if (note) fake.setCellValue(inserted.sheets[i], `E${row + 1}`, note, { paste: true });
  }
  fake.resetSyncCount();
  await host.validate(set);
  console.log(`excel.syncs.validate: ${fake.syncCount} syncs`);
}
