/**
 * The child process of `npm run fuzz`: examines the files its parent sends, one at a time, and reports each verdict
 * with its own peak memory. The parent kills it when a file takes too long (a hang is counted, never waited on).
 */
import { examine, type ExamineOptions } from "./fuzz-check";
import type { HostileFile } from "./hostile-files";

interface Job {
  dir: string;
  work: string;
  file: HostileFile;
  opts: ExamineOptions;
}

process.on("message", (job: Job) => {
  void examine(job.dir, job.work, job.file, job.opts).then(
    (verdict) => process.send!({ verdict, maxRssKb: process.resourceUsage().maxRSS }),
    (e: unknown) => process.send!({ verdict: { name: job.file.name, kind: job.file.kind, crash: `examine: ${String(e)}`, injected: [] }, maxRssKb: process.resourceUsage().maxRSS }),
  );
});
// Loaded (the command line, the engine, exceljs): the parent's per-file clock starts only now.
process.send!({ ready: true });
