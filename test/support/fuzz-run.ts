/**
 * npm run fuzz -- N [--seed S]: N seeded hostile files (workbooks and Word reports) through check, check --write, merge,
 * template import and the engine, in a child process (the product compiled to JavaScript) with a 10 s limit per file;
 * a fresh child every FILES_PER_WORKER files. Exactly one line on stdout:
 *   fuzz: N files, 0 crashes, 0 hangs, 0 inputs changed, 0 formulas injected, peak RSS M MB
 * Details of anything non-zero go to stderr (file name, kind, why); the exit code is 1 then.
 */
import { execFileSync, fork, type ChildProcess } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { run } from "../../src/cli/main";
import { fingerprint, leanReaderPresent, type Verdict } from "./fuzz-check";
import { generateHostile, type HostileFile } from "./hostile-files";
import { SAMPLE_DOCX, SAMPLE_PATH as SAMPLE_TSV } from "./sample";

const PER_FILE_MS = 10_000;
/**
 * Files one worker examines before a fresh one takes over (each file goes through four or five commands, so a worker
 * runs about 450): the peak is then what a long batch costs, not what allocator fragments pile up over 50,000 runs.
 */
const FILES_PER_WORKER = Number(process.env.FUZZ_FILES_PER_WORKER ?? 100);
const ROOT = join(__dirname, "..", "..");

interface Reply {
  verdict: Verdict;
  maxRssKb: number;
}

/**
 * The worker compiled to plain JavaScript, as `bieumau` itself runs: under ts-node the worker would carry the
 * TypeScript compiler (~110 MB) into the peak RSS that is meant to be the product's. Built under node_modules/.cache
 * so its requires resolve to this repository's packages (the folder is removed at the end of the run).
 */
function compileWorker(): { dir: string; script: string } {
  const out = join(ROOT, "node_modules", ".cache", `bieumau-fuzz-${process.pid}`);
  rmSync(out, { recursive: true, force: true });
  const tsc = require.resolve("typescript/bin/tsc");
  // --noCheck: only emit (the typecheck is npm run typecheck's job); the options are tsconfig.json's, for Node.
  const flags = ["--outDir", out, "--rootDir", ROOT, "--module", "commonjs", "--target", "es2022", "--esModuleInterop", "--resolveJsonModule", "--skipLibCheck", "--strict", "--noCheck", "--types", "node", "--lib", "es2022,dom"];
  execFileSync(process.execPath, [tsc, ...flags, join(__dirname, "fuzz-worker.ts")], { stdio: "inherit" });
  return { dir: out, script: join(out, "test", "support", "fuzz-worker.js") };
}

/** A fresh worker, once it has loaded (the product's modules and exceljs; no file is blamed for that). */
function startWorker(script: string): Promise<ChildProcess> {
  const worker = fork(script, [], { execArgv: [], stdio: ["ignore", "ignore", "ignore", "ipc"] });
  return new Promise((ready, fail) => {
    worker.once("message", () => ready(worker));
    worker.once("exit", (code) => fail(new Error(`the fuzz worker could not start (exit ${code})`)));
  });
}

/** Sends one file to the worker; resolves with its verdict, or with a hang/crash when it times out or dies. */
function runOne(worker: ChildProcess, job: object, file: HostileFile): Promise<{ reply?: Reply; hang?: boolean; died?: string }> {
  return new Promise((done) => {
    const timer = setTimeout(() => finish({ hang: true }), PER_FILE_MS);
    const onMessage = (reply: Reply) => finish({ reply });
    const onExit = (code: number | null, signal: string | null) => finish({ died: `worker exited (${code ?? signal}) on ${file.name}` });
    function finish(r: { reply?: Reply; hang?: boolean; died?: string }) {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      done(r);
    }
    worker.on("message", onMessage);
    worker.on("exit", onExit);
    worker.send(job);
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 10000);
  const seedAt = args.indexOf("--seed");
  const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 13;
  const lean = leanReaderPresent(ROOT);
  const work = mkdtempSync(join(tmpdir(), "bieumau-fuzz-"));
  const sink = { write: () => true };
  let compiled: { dir: string; script: string } | null = null;
  try {
    const good = join(work, "good.xlsx");
    if ((await run(["new", "--from", SAMPLE_TSV, good], { stdout: sink, stderr: sink, cwd: work })) !== 0) throw new Error("could not make the base workbook");
    const dir = join(work, "in");
    mkdirSync(dir);
    const files = generateHostile(dir, readFileSync(good), count, seed, { bigRanges: lean, specialFiles: lean, docx: readFileSync(SAMPLE_DOCX) });
    const link = join(work, "link-to-in");
    symlinkSync(dir, link);
    const before = new Map(readdirSync(dir).map((f) => [f, fingerprint(join(dir, f))]));

    let crashes = 0;
    let hangs = 0;
    let injected = 0;
    // The peak of the process that checks the files (the product under test); the generator's own memory (it builds
    // the large cases in this process) is reported apart, on stderr.
    const generatorKb = process.resourceUsage().maxRSS;
    let peakKb = 0;
    let slowest = { seconds: 0, name: "" };
    const problems: string[] = [];
    compiled = compileWorker();
    const { script } = compiled;
    let worker = await startWorker(script);
    for (const [i, file] of files.entries()) {
      if (i > 0 && i % FILES_PER_WORKER === 0) {
        worker.disconnect();
        worker.kill();
        worker = await startWorker(script);
      }
      const job = { dir, work, file, opts: { good, linkToInputs: link, merge: i % 8 === 0, throughLink: i % 10 === 0 } };
      const started = process.hrtime.bigint();
      const r = await runOne(worker, job, file);
      const took = Number(process.hrtime.bigint() - started) / 1e9;
      if (took > slowest.seconds) slowest = { seconds: took, name: `${file.name} ${file.kind}` };
      if (r.reply) {
        if (process.env.FUZZ_TRACE && r.reply.maxRssKb > peakKb) process.stderr.write(`peak ${Math.round(r.reply.maxRssKb / 1024)} MB after ${file.name} ${file.kind}\n`);
        peakKb = Math.max(peakKb, r.reply.maxRssKb);
        if (r.reply.verdict.crash) {
          crashes++;
          problems.push(`crash ${file.name} ${file.kind}: ${r.reply.verdict.crash.slice(0, 400)}`);
        }
        if (r.reply.verdict.injected.length) {
          injected++;
          problems.push(`formula ${file.name} ${file.kind}: ${r.reply.verdict.injected.join(" | ").slice(0, 400)}`);
        }
        continue;
      }
      if (r.hang) {
        hangs++;
        problems.push(`hang ${file.name} ${file.kind}: over ${PER_FILE_MS / 1000} s`);
      } else {
        crashes++;
        problems.push(`crash ${file.name} ${file.kind}: ${r.died}`);
      }
      worker.kill("SIGKILL");
      worker = await startWorker(script);
    }
    worker.disconnect();
    worker.kill();
    const changed = [...before].filter(([f, h]) => fingerprint(join(dir, f)) !== h).map(([f]) => f);
    for (const f of changed) problems.push(`input changed ${f}`);
    for (const p of problems) process.stderr.write(`${p}\n`);
    process.stderr.write(`fuzz generator (not the product) peak RSS ${Math.round(generatorKb / 1024)} MB\n`);
    process.stderr.write(`fuzz slowest file: ${slowest.seconds.toFixed(2)} s (${slowest.name}; the limit is ${PER_FILE_MS / 1000} s)\n`);
    process.stdout.write(
      `fuzz: ${files.length} files, ${crashes} crashes, ${hangs} hangs, ${changed.length} inputs changed, ${injected} formulas injected, peak RSS ${Math.round(peakKb / 1024)} MB\n`,
    );
    process.exitCode = problems.length ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (compiled) rmSync(compiled.dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`fuzz: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(2);
});
