/**
 * Reads an .xlsx file into the engine's SheetGrid shape with the lean reader (src/io/xlsx-read.ts). Every way a file
 * can fail to open is a value (ReadFailure with a closed problem code), never an exception: a batch goes on past a
 * bad file. Only regular files are read, up to MAX_FILE_BYTES: a symlink to /dev/zero or a FIFO named .xlsx is
 * refused at once. exceljs is not loaded here: the writer (check --write) opens the input again itself.
 */
import fsc, { constants, type Stats } from "fs";
import type { SheetGrid } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import type { ReadProblem } from "../i18n/cli";
import { MAX_COLS, MAX_ROWS } from "../excel/limits";
import { sniffContainer } from "../io/sniff";
import { MAX_INPUT_FILE_BYTES } from "../io/zip-limits";
import { readXlsx, type XlsxDefinedName } from "../io/xlsx-read";
import { formHints, readProblemOf, workbookGrids } from "../io/xlsx-grids";

/** A sheet larger than this is read only in part (the same window as the add-in's, see src/excel/limits.ts). */
export { MAX_COLS, MAX_ROWS };

/** Largest input file read: a real report is under 1 MB; 100 MB is far past any workbook a unit sends. */
export const MAX_FILE_BYTES = MAX_INPUT_FILE_BYTES;

export interface ReadSuccess {
  ok: true;
  file: string;
  grids: SheetGrid[];
  /** Sheets read only in part, with the size read. */
  truncated: Array<{ sheet: string; rows: number; cols: number }>;
  /** The workbook's defined names, as ranges. */
  names: XlsxDefinedName[];
}

export interface ReadFailure {
  ok: false;
  file: string;
  problem: ReadProblem;
  detail?: string;
}

export type ReadOutcome = ReadSuccess | ReadFailure;

/** Classifies raw bytes before reading them; null means "looks like a zip, try it". */
export function sniff(bytes: Uint8Array): ReadProblem | null {
  const kind = sniffContainer(bytes);
  switch (kind) {
    case "empty":
      return "empty_file";
    case "encrypted":
    case "xls":
    case "ole_other":
    case "doc":
      return kind;
    case "unknown":
      return "not_xlsx";
    case "zip":
      return null;
  }
}

/** The engine's grids of a workbook read by the lean reader (now in src/io/xlsx-grids.ts, shared with the pane). */
export { formHints, workbookGrids };

function shortReason(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split("\n")[0].slice(0, 120);
}

export interface ReadOptions {
  /** Kept for callers of the exceljs reader; the lean reader reads the same either way. */
  full?: boolean;
}

/** fs's callback API, promised: a third of the CPU of fs.promises' FileHandle per small file (measured). */
function call<T>(f: (cb: (e: NodeJS.ErrnoException | null, v: T) => void) => void): Promise<T> {
  return new Promise((res, rej) => f((e, v) => (e ? rej(e) : res(v))));
}

/**
 * A regular file's bytes, up to MAX_FILE_BYTES; anything else a ReadFailure. Opened non-blocking (a FIFO never
 * blocks) and checked on the open descriptor, so what is checked is what is read.
 */
export async function readInputFile(file: string): Promise<Uint8Array | ReadFailure> {
  let fd: number | null = null;
  try {
    fd = await call<number>((cb) => fsc.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0), cb));
    const stat = await call<Stats>((cb) => fsc.fstat(fd!, cb));
    if (stat.isDirectory()) return { ok: false, file, problem: "is_directory" };
    if (!stat.isFile()) return { ok: false, file, problem: "not_regular_file" };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, file, problem: "file_too_large", detail: String(MAX_FILE_BYTES) };
    const bytes = new Uint8Array(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = await call<number>((cb) => fsc.read(fd!, bytes, at, bytes.length - at, at, cb));
      if (n === 0) break;
      at += n;
    }
    return at === bytes.length ? bytes : bytes.subarray(0, at);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EISDIR") return { ok: false, file, problem: "is_directory" };
    return { ok: false, file, problem: code === "ENOENT" ? "not_found" : "corrupt", detail: code === "ENOENT" ? undefined : shortReason(e) };
  } finally {
    if (fd !== null) fsc.close(fd, () => undefined);
  }
}

/** Opens a file and reads every sheet; every failure is a ReadFailure. */
export async function readWorkbookFile(file: string, set: TemplateSet, options: ReadOptions = {}): Promise<ReadOutcome> {
  const bytes = await readInputFile(file);
  if (!(bytes instanceof Uint8Array)) return bytes;
  return readWorkbookBytes(file, bytes, set, options);
}

export async function readWorkbookBytes(file: string, bytes: Uint8Array, set: TemplateSet, _options: ReadOptions = {}): Promise<ReadOutcome> {
  let read: ReturnType<typeof readXlsx>;
  try {
    read = readXlsx(bytes);
  } catch (e) {
    // The reader returns the file's problems as values: a throw is ours.
    return { ok: false, file, problem: "internal", detail: shortReason(e) };
  }
  if (!read.ok) return { ok: false, file, problem: readProblemOf(read.problem), ...(read.detail ? { detail: read.detail } : {}) };
  return { ok: true, file, names: read.workbook.names, ...workbookGrids(read.workbook, set) };
}
