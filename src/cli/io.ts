/** What the command line touches outside itself, injectable so tests run it in-process. */
import { promises as fs } from "fs";
import { extname, join, resolve } from "path";
import type { Lang } from "../i18n/number";
import { cliText, type CliText, type ReadProblem } from "../i18n/cli";
import { visible } from "./report";
import { builtinTemplateSet, parseTemplateSetText } from "../forms/load";
import { InvalidTemplateSetError } from "../forms/errors";
import type { TemplateSet } from "../forms/schema";

export interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  /** Directory relative paths are resolved against; defaults to process.cwd(). */
  cwd?: string;
}

export interface Ctx {
  io: CliIo;
  lang: Lang;
  /** --verbose: a file that cannot be read also shows the library's own words. */
  verbose?: boolean;
  t: CliText;
  cwd: string;
  out(line?: string): void;
  err(line?: string): void;
}

export function makeCtx(io: CliIo, lang: Lang, verbose = false): Ctx {
  return {
    io,
    lang,
    verbose,
    t: cliText(lang),
    cwd: io.cwd ?? process.cwd(),
    // Every line may carry a file's words (names, cell texts): control characters are shown escaped.
    out: (line = "") => io.stdout.write(`${visible(line, true)}\n`),
    err: (line = "") => io.stderr.write(`${visible(line, true)}\n`),
  };
}

/** Why a file could not be read, in words; the library's detail only with --verbose. */
export function readProblemText(ctx: Ctx, problem: ReadProblem, detail: string | undefined): string {
  return ctx.t.readProblem(problem, ctx.verbose ? detail : undefined);
}

/** A usage problem the user must fix (bad option, unreadable template set): message printed, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Loads `--templates SET.json`, or the built-in set. Problems become a UsageError with a Vietnamese message. */
export async function loadTemplateSet(ctx: Ctx, path: string | undefined): Promise<{ set: TemplateSet; loaded: boolean }> {
  if (!path) return { set: builtinTemplateSet(), loaded: false };
  let text: string;
  try {
    text = await fs.readFile(resolve(ctx.cwd, path), "utf8");
  } catch (e) {
    throw new UsageError(ctx.t.templatesUnreadable(path, (e as NodeJS.ErrnoException).code ?? String(e)));
  }
  try {
    return { set: parseTemplateSetText(text), loaded: true };
  } catch (e) {
    if (e instanceof InvalidTemplateSetError) throw new UsageError(ctx.t.templatesBad(path, e.problems));
    throw e;
  }
}

/**
 * Files named on the command line, directories expanded to the .xlsx/.xls/.docx/.doc files in them (recursively, sorted),
 * Excel's "~$" lock files skipped. A path that does not exist is kept: reading it reports "not found".
 */
export async function expandInputs(ctx: Ctx, args: readonly string[]): Promise<{ files: string[]; emptyDirs: string[] }> {
  const files: string[] = [];
  const emptyDirs: string[] = [];
  const walk = async (dir: string, out: string[]): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, out);
      else if (/\.(xlsx|xlsm|xls|docx|doc)$/i.test(e.name) && !e.name.startsWith("~$") && !e.name.startsWith(".")) out.push(p);
    }
  };
  for (const arg of args) {
    const abs = resolve(ctx.cwd, arg);
    const stat = await fs.stat(abs).catch(() => null);
    if (stat?.isDirectory()) {
      const found: string[] = [];
      await walk(abs, found);
      if (found.length === 0) emptyDirs.push(arg);
      files.push(...found);
    } else files.push(abs);
  }
  return { files, emptyDirs };
}

/** How a path is shown: relative to the working directory when inside it. */
export function shown(ctx: Ctx, abs: string): string {
  const cwd = ctx.cwd.endsWith("/") ? ctx.cwd : `${ctx.cwd}/`;
  return abs.startsWith(cwd) ? abs.slice(cwd.length) : abs;
}

export function isXlsxName(p: string): boolean {
  return /\.(xlsx|xlsm)$/i.test(extname(p));
}

export function isDocxName(path: string): boolean {
  return /^\.(docx|docm|doc)$/i.test(extname(path));
}
