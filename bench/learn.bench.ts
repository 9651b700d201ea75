/**
 * Learning the real report's forms (../shared/samples/quang-tri-2024-6t.docx): reading the .docx, then learning the
 * set from its tables. Median of several runs after a warm-up (the machine is shared).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { readDocx } from "../src/io/docx-read";
import { learnTemplateSet } from "../src/forms/learn";
import { median } from "./stats";

/** The median time of `runs` calls after five to warm up. */
function medianMs(runs: number, fn: () => unknown): number {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export default async function learnBench(): Promise<void> {
  const bytes = new Uint8Array(readFileSync(join(__dirname, "..", "..", "shared", "samples", "quang-tri-2024-6t.docx")));
  const doc = readDocx(bytes, "quang-tri-2024-6t.docx");
  console.log(`learn.read_docx_sample: ${medianMs(21, () => readDocx(bytes, "quang-tri-2024-6t.docx")).toFixed(1)} ms`);
  console.log(`learn.learn_set_sample: ${medianMs(21, () => learnTemplateSet(doc)).toFixed(1)} ms`);
  console.log(`learn.docx_bytes: ${(bytes.length / 1024).toFixed(0)} KiB`);
}
