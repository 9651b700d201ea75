/**
 * The Word side on the real sample: reading the report (quang-tri-2024-6t.docx), cross-checking its text against
 * the appendix, and rendering the appendix as .docx. Median of several runs after a warm-up (a shared machine).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { builtinTemplateSet } from "../src/forms";
import { recogniseWorkbook, validateForms } from "../src/engine";
import { checkReportText } from "../src/engine/text/check";
import { readDocx } from "../src/io/docx-read";
import { renderAppendixDocx } from "../src/io/docx-write";
import { planAppendix } from "../src/layout/docplan";
import { sampleInLayout } from "../test/support/sample";

const SAMPLE_DOCX = join(__dirname, "..", "..", "shared", "samples", "quang-tri-2024-6t.docx");

async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)];
}

export default async function wordBench(): Promise<void> {
  const set = builtinTemplateSet();
  const forms = recogniseWorkbook(set, sampleInLayout(set)).forms;
  const result = validateForms(set, forms, { values: true });
  const bytes = new Uint8Array(readFileSync(SAMPLE_DOCX));
  const doc = readDocx(bytes, "bao-cao.docx");
  const paragraphs = doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph] : []));
  const plan = planAppendix({ set, forms, values: result.values ?? [], computed: result.computed });

  console.log(`word.read_sample_report: ${(await medianMs(21, () => readDocx(bytes, "bao-cao.docx"))).toFixed(1)} ms`);
  console.log(`word.text_check_sample: ${(await medianMs(21, () => checkReportText({ set, paragraphs, values: result.values ?? [], forms }))).toFixed(1)} ms`);
  console.log(`word.export_sample_appendix: ${(await medianMs(11, () => renderAppendixDocx(plan))).toFixed(1)} ms`);
}
