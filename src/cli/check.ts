/**
 * bieumau check FILE_OR_DIR… [--json] [--write OUT]: reads each workbook, runs the shared engine, prints a report.
 * A file that cannot be read is reported and the batch goes on; the input is never written.
 */
import { promises as fs } from "fs";
import { basename, dirname, join, resolve } from "path";
import { checkWorkbook } from "../engine";
import type { Period } from "../engine/periods";
import type { Finding, RecognitionResult, ValidationResult } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { expandInputs, isDocxName, loadTemplateSet, readProblemText, shown, UsageError, type Ctx } from "./io";
import { FIX_TEXT } from "../i18n/fixes";
import { cliPeriodText } from "../i18n/cli-periods";
import { comparePrevious, loadPrevious } from "./previous";
import { errorDetail } from "./read-problem";
import { jsonFile, jsonText, periodJson, textReport, type JsonFile } from "./report";
import { fileIds, reachesInput } from "./same-file";
import { readInputFile, readWorkbookBytes, type ReadFailure, type ReadOutcome, type ReadSuccess } from "./xlsx-read";
import type * as DocxInput from "./docx-input";
import { cliDocxText } from "../i18n/cli-docx";
import { boundYoungGeneration } from "./v8-tuning";

/** The Word-report path (the .docx reader and the report-text checks), loaded when a run has a .docx or --report. */
let docxInput: typeof DocxInput | undefined;
async function docx(): Promise<typeof DocxInput> {
  return (docxInput ??= await import("./docx-input"));
}

export interface CheckOptions {
  json?: boolean;
  write?: string;
  /** Apply the certain fixes (src/layout/fixes.ts) in the written copy; needs `write`. */
  fix?: boolean;
  templates?: string;
  overwrite?: boolean;
  /** A Word report whose text is cross-checked against each workbook's appendix. */
  report?: string;
  /** --previous: the previous report(s) to compare with (see previous.ts). */
  previous?: string[];
  /** Show a progress bar when stderr is a terminal and there are more files than this. */
  progressAbove?: number;
}

export interface CheckedFile {
  file: string;
  outcome: ReadOutcome;
  recognition?: RecognitionResult;
  result?: ValidationResult;
  findings: Finding[];
  /** The report period the workbook states (header line or a hand-typed title), null when none. */
  period?: Period | null;
}

/** Recognition findings and validation findings, each once. */
export function allFindings(recognition: RecognitionResult, result: ValidationResult): Finding[] {
  const seen = new Set<Finding>();
  const out: Finding[] = [];
  for (const f of [...recognition.findings, ...result.findings])
    if (!seen.has(f)) {
      seen.add(f);
      out.push(f);
    }
  return out;
}

/** Reads and checks one file. Never throws for anything in the file. */
export async function checkFile(file: string, set: TemplateSet, _full = false): Promise<CheckedFile> {
  return checkBytes(file, await readInputFile(file), set);
}

/** Checks a file already read (or the failure reading it). */
export async function checkBytes(file: string, bytes: Uint8Array | ReadFailure, set: TemplateSet): Promise<CheckedFile> {
  const outcome = bytes instanceof Uint8Array ? await readWorkbookBytes(file, bytes, set) : bytes;
  if (!outcome.ok) return { file, outcome, findings: [] };
  const { recognition, result, period } = checkWorkbook(set, outcome.grids);
  return { file, outcome, recognition, result, findings: allFindings(recognition, result), period };
}

/** Where the checked copy of `input` goes: OUT itself for one input, OUT/<name> when OUT is a directory. */
async function writeTarget(ctx: Ctx, out: string, input: string, many: boolean): Promise<string> {
  const abs = resolve(ctx.cwd, out);
  const stat = await fs.stat(abs).catch(() => null);
  if (stat?.isDirectory() || many || out.endsWith("/")) {
    await fs.mkdir(abs, { recursive: true });
    return join(abs, basename(input).replace(/\.xlsm$/i, ".xlsx"));
  }
  await fs.mkdir(dirname(abs), { recursive: true });
  return abs;
}

async function writeChecked(
  ctx: Ctx,
  set: TemplateSet,
  checked: CheckedFile & { outcome: ReadSuccess },
  target: string,
  overwrite: boolean,
  fixLines?: string[],
): Promise<string | null> {
  // Loaded on demand: only --write needs exceljs and the write-back planner. The input is opened again, in full,
  // so the copy keeps everything the checker never read; never when it holds a range exceljs would expand.
  const { tooLargeForWriter } = await import("./write-guard");
  const input = await readInputFile(checked.file);
  if (!(input instanceof Uint8Array)) return ctx.t.readProblem(input.problem, input.detail);
  if (tooLargeForWriter(input)) return ctx.t.readProblem("too_large_to_write");
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(input as unknown as import("exceljs").Buffer);
  } catch (e) {
    return ctx.t.readProblem("corrupt", (e instanceof Error ? e.message : String(e)).split("\n")[0].slice(0, 120));
  }
  let { grids } = checked.outcome;
  let recognition = checked.recognition!;
  let result = checked.result!;
  if (fixLines) {
    const { fixAndRecheck } = await import("./fix");
    const fixed = fixAndRecheck(workbook, set, recognition, result, ctx.lang);
    ({ grids, recognition, result } = fixed);
    fixLines.push(...fixed.lines);
  }
  const { planClear, planWriteBack } = await import("../layout/writeback");
  const { renderClear, renderWriteBack, writeOutput } = await import("./xlsx-write");
  renderClear(workbook, planClear(recognition, grids));
  const plan = planWriteBack(set, recognition, result, grids, ctx.lang);
  renderWriteBack(workbook, plan);
  try {
    if ((await writeOutput(workbook, target, overwrite)) === "exists") return ctx.t.refuseOverwrite(shown(ctx, target));
    for (const note of plan.notes) ctx.err(`  ${note}`);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

export async function runCheck(ctx: Ctx, inputs: readonly string[], options: CheckOptions): Promise<number> {
  const { set } = await loadTemplateSet(ctx, options.templates);
  const { files, emptyDirs } = await expandInputs(ctx, inputs);
  for (const d of emptyDirs) ctx.err(ctx.t.noXlsxInDir(d));
  if (files.length === 0) throw new UsageError(emptyDirs.length ? ctx.t.noXlsxInDir(emptyDirs.join(", ")) : ctx.t.noInputs);
  if (options.fix && !options.write) throw new UsageError(FIX_TEXT[ctx.lang].needsWrite);

  // The inputs' identities matter only to a copy that could land on one: no stat per file for a plain check.
  const inputIds = options.write ? await fileIds(files) : new Set<string>();
  const many = files.length > 1;
  if (options.write && many) {
    const abs = resolve(ctx.cwd, options.write);
    const stat = await fs.stat(abs).catch(() => null);
    if (stat && !stat.isDirectory()) throw new UsageError(ctx.t.writeNeedsDir(options.write));
  }

  const showBar = files.length > (options.progressAbove ?? 3) && ctx.io.stderr.isTTY === true;
  // Loaded only when a bar is drawn.
  const { MultiBar, Presets } = showBar ? await import("cli-progress") : ({} as typeof import("cli-progress"));
  const multi = showBar
    ? new MultiBar(
        {
          stream: ctx.io.stderr as unknown as NodeJS.WritableStream,
          format: `${ctx.t.progress} [{bar}] {value}/{total} {file}`,
          hideCursor: true,
          clearOnComplete: true,
          stopOnComplete: true,
        },
        Presets.shades_classic,
      )
    : null;
  const bar = multi?.create(files.length, 0, { file: "" }) ?? null;
  // Draw at once: the bar redraws on a timer, and a quick batch could finish before its first tick.
  multi?.update();
  /** Text lines go above the bar when both share the terminal. */
  const say = (line: string) => (multi && ctx.io.stdout.isTTY ? multi.log(`${line}\n`) : ctx.out(line));
  /** A file's lines, written at once (one write, not one per finding) unless a bar shares the terminal. */
  const sayAll = (lines: readonly string[]) => {
    if (multi && ctx.io.stdout.isTTY) for (const line of lines) say(line);
    else if (lines.length) ctx.out(lines.join("\n"));
  };

  const previous = options.previous?.length ? await loadPrevious(ctx, set, options.previous) : null;
  // --json: one document, each file's entry written as soon as it is ready (nothing kept until the end).
  let jsonCount = 0;
  const emit = (entry: JsonFile): void => {
    const text = jsonText(entry).replace(/\n/g, "\n    ");
    ctx.io.stdout.write(`${jsonCount++ === 0 ? '{\n  "files": [\n' : ",\n"}    ${text}`);
  };
  let unreadable = 0;
  let withErrors = 0;
  // Checked copies that could not be written: exit 2, as for a file that could not be read.
  let unwritten = 0;
  const report = options.report ? await (await docx()).readReport(ctx, resolve(ctx.cwd, options.report)) : null;
  if (report && "error" in report) ctx.err(cliDocxText(ctx.lang).reportNotUsed(options.report!, report.error));
  // The next workbook is read from disk while the current one is checked.
  const prefetch = (i: number): Promise<Uint8Array | ReadFailure> | null => (i < files.length && !isDocxName(files[i]) ? readInputFile(files[i]) : null);
  let next = prefetch(0);
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    boundYoungGeneration(files.length > 1);
    const bytes = next;
    next = prefetch(i + 1);
    bar?.update({ file: basename(file) });
    const name = shown(ctx, file);
    if (isDocxName(file)) {
      // The same boundary for a Word report: an unexpected failure is this file's, never the batch's.
      try {
        const r = await (await docx()).checkReportFile(ctx, set, file, name);
        if (r.unreadable) unreadable++;
        if (r.withErrors) withErrors++;
        if (options.json) emit(r.json);
        else sayAll(r.lines);
      } catch (e) {
        unreadable++;
        const why = readProblemText(ctx, "internal", errorDetail(e));
        if (options.json) emit({ file: name, forms: [], findings: [], error: why });
        else say(`${name}\n  ✖ ${why}`);
      }
      bar?.increment();
      continue;
    }
    // One boundary per file: whatever goes wrong in reading, checking or writing it, the batch goes on.
    let checked: CheckedFile;
    const extra: string[] = [];
    try {
      checked = await checkBytes(file, (await bytes) ?? (await readInputFile(file)), set);
      if (checked.outcome.ok && options.write && checked.recognition && checked.recognition.forms.length > 0) {
        const target = await writeTarget(ctx, options.write, file, many);
        if (await reachesInput(target, inputIds)) {
          unwritten++;
          extra.push(ctx.t.notWritten(shown(ctx, target), ctx.t.refuseInput(shown(ctx, target))));
        } else {
          const fixLines: string[] | undefined = options.fix ? [] : undefined;
          const problem = await writeChecked(ctx, set, checked as CheckedFile & { outcome: ReadSuccess }, target, options.overwrite ?? false, fixLines);
          if (problem) unwritten++;
          extra.push(problem ? ctx.t.notWritten(shown(ctx, target), problem) : ctx.t.wrote(shown(ctx, target)));
          if (!problem) extra.push(...(fixLines ?? []));
        }
      }
    } catch (e) {
      checked = { file, outcome: { ok: false, file, problem: "internal", detail: errorDetail(e) }, findings: [] };
    }
    if (!checked.outcome.ok) {
      unreadable++;
      const why = readProblemText(ctx, checked.outcome.problem, checked.outcome.detail);
      if (options.json) emit({ file: name, forms: [], findings: [], error: why });
      else say(`${name}\n  ✖ ${why}`);
      bar?.increment();
      continue;
    }
    for (const cut of checked.outcome.truncated) extra.push(ctx.t.sheetTruncated(cut.sheet, cut.rows, cut.cols));
    if (checked.period && !options.json) extra.push(cliPeriodText(ctx.lang).periodLine(checked.period));
    if (previous) {
      const compared = comparePrevious(ctx, set, checked, previous, files.length === 1);
      checked.findings.push(...compared.findings);
      extra.push(compared.line);
    }
    if (report && "doc" in report) {
      const { reportTextFindings, paragraphsOf } = await docx();
      checked.findings.push(...reportTextFindings(set, paragraphsOf(report.doc), checked.recognition!));
    }
    if (checked.findings.some((f) => f.severity === "error")) withErrors++;
    if (options.json) emit({ ...jsonFile(name, checked.recognition!, checked.findings, ctx.lang), period: periodJson(checked.period) });
    else sayAll(textReport(name, checked.recognition!, checked.findings, ctx.lang, ctx.t, extra));
    if (options.json) for (const e of extra) ctx.err(e);
    bar?.increment();
  }
  multi?.stop();
  if (options.json) ctx.out(jsonCount === 0 ? '{\n  "files": []\n}' : "\n  ]\n}");
  else if (many) ctx.out(ctx.t.total(files.length, withErrors, unreadable));
  return unreadable > 0 || unwritten > 0 ? 2 : withErrors > 0 ? 1 : 0;
}
