/**
 * Runs one hostile file through the command line in-process (check, check --write, merge, and the engine on the
 * strings it carries) and says what went wrong, if anything: an exit code outside 0/1/2, a stack trace, a user string
 * written as a formula. Shared by the CI test (test/cli/fuzz.test.ts) and `npm run fuzz` (scripts/fuzz.ts).
 */
import { createHash } from "crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync } from "fs";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { run } from "../../src/cli/main";
import { builtinTemplateSet } from "../../src/forms";
import { readCell, validateForms, type CellInput } from "../../src/engine";
import type { HostileFile } from "./hostile-files";

export interface Verdict {
  name: string;
  kind: string;
  /** Why this file counts as a crash, when it does. */
  crash?: string;
  /** Formulas in an output that carry a string the file put in a cell. */
  injected: string[];
}

const STACK = /\n\s+at \S.*:\d+:\d+\)?/;

/** Whether the lean reader is on this branch: whole-sheet ranges, big bombs and special files are made only then. */
export function leanReaderPresent(root: string): boolean {
  return existsSync(join(root, "src", "io", "xlsx-read.ts"));
}

/** A file's bytes hashed, or its link/type for what must never be read whole (FIFOs, device symlinks). */
export function fingerprint(path: string): string {
  const st = lstatSync(path);
  if (!st.isFile()) return `${st.mode}:${st.isSymbolicLink() ? "link" : "special"}:${st.ino}`;
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

async function cliRun(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = "";
  const sink = { write: (s: string) => ((out += s), true) };
  try {
    const code = await run(args, { stdout: sink, stderr: sink, cwd });
    return { code, out };
  } catch (e) {
    return { code: -1, out: `${out}\nthrown: ${e instanceof Error ? e.stack : String(e)}` };
  }
}

function judge(what: string, r: { code: number; out: string }): string | undefined {
  if (![0, 1, 2].includes(r.code)) return `${what}: exit ${r.code}: ${r.out.slice(-300)}`;
  if (STACK.test(r.out)) return `${what}: stack trace: ${r.out.slice(0, 300)}`;
  return undefined;
}

/** A payload as it would read inside a formula: without the leading sign Excel would take as "formula". */
function core(p: string): string {
  return p.trim().replace(/^[=+\-@]+/, "");
}

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}

/** Every formula in an .xlsx's sheets that carries one of the payloads. */
export function injectedFormulas(xlsx: string, payloads: readonly string[]): string[] {
  const cores = payloads.map(core).filter((c) => c.length >= 3);
  if (cores.length === 0 || !existsSync(xlsx)) return [];
  const parts = unzipSync(readFileSync(xlsx), { filter: (f) => f.name.startsWith("xl/worksheets/") && f.name.endsWith(".xml") });
  const hits: string[] = [];
  for (const data of Object.values(parts)) {
    for (const m of strFromU8(data).matchAll(/<f(?:\s[^>]*)?>([^<]*)<\/f>/g)) {
      const formula = decodeXml(m[1]);
      if (cores.some((c) => formula.includes(c))) hits.push(formula);
    }
  }
  return hits;
}

const SET = builtinTemplateSet();

/** The engine alone on the file's strings: readCell and validateForms must never throw. */
function engineOn(payloads: readonly string[]): string | undefined {
  try {
    const def = SET.forms[0];
    const rows: Record<string, { value: CellInput; address: string }> = {};
    def.rows.forEach((row, i) => {
      const value: CellInput = { value: payloads[i % Math.max(1, payloads.length)] ?? null };
      readCell(value);
      rows[row.stt] = { value, address: `D${9 + i}` };
    });
    validateForms(SET, [{ formId: def.id, sheet: "x", rows }], { values: true });
    return undefined;
  } catch (e) {
    return `engine: ${e instanceof Error ? e.stack : String(e)}`;
  }
}

export interface ExamineOptions {
  /** A readable form workbook merged with the file (merge needs two). */
  good: string;
  /** A folder that is a symlink to the inputs' folder: --write through it must never replace an input. */
  linkToInputs: string;
  /** Run merge for this file too. */
  merge: boolean;
  /** Also try --write through the symlinked folder. */
  throughLink: boolean;
}

/** One file through check, check --write (to a fresh folder and through a symlinked one), merge and the engine. */
export async function examine(dir: string, work: string, file: HostileFile, opts: ExamineOptions): Promise<Verdict> {
  const path = join(dir, file.name);
  const verdict: Verdict = { name: file.name, kind: file.kind, injected: [] };
  const fail = (why: string | undefined) => (verdict.crash ??= why);
  fail(engineOn(file.payloads));
  if (file.name.endsWith(".docx")) {
    // A Word report: checked alone (text and JSON), as the report of a workbook, and learned as a template.
    fail(judge("check", await cliRun(["check", path], work)));
    fail(judge("check --json", await cliRun(["check", "--json", path], work)));
    fail(judge("check --report", await cliRun(["check", opts.good, "--report", path], work)));
    const outDir = join(work, "out");
    mkdirSync(outDir, { recursive: true });
    fail(judge("template import", await cliRun(["template", "import", path, "-o", join(outDir, `${file.name}.json`), "--overwrite"], work)));
    return verdict;
  }
  fail(judge("check", await cliRun(["check", path], work)));
  const outDir = join(work, "out");
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, file.name);
  fail(judge("check --write", await cliRun(["check", path, "--write", out, "--overwrite"], work)));
  verdict.injected.push(...injectedFormulas(out, file.payloads));
  if (opts.throughLink)
    fail(judge("check --write (symlinked folder)", await cliRun(["check", path, "--write", join(opts.linkToInputs, file.name), "--overwrite"], work)));
  if (opts.merge) {
    const merged = join(outDir, `merged-${file.name}`);
    fail(judge("merge", await cliRun(["merge", opts.good, path, "-o", merged, "--force", "--overwrite"], work)));
    verdict.injected.push(...injectedFormulas(merged, file.payloads));
  }
  return verdict;
}
