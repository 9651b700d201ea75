/**
 * Reads an .xlsx file into the engine's SheetGrid shape with the lean reader (src/io/xlsx-read.ts). Every way a file
 * can fail to open is a value (ReadFailure with a closed problem code), never an exception: a batch goes on past a
 * bad file. Only regular files are read, up to MAX_FILE_BYTES: a symlink to /dev/zero or a FIFO named .xlsx is
 * refused at once. exceljs is not loaded here: the writer (check --write) opens the input again itself. The bytes
 * are read as a workbook by src/cli/xlsx-bytes.ts (pure, shared with the browser checker).
 */
import fsc, { constants } from "fs";
import type { TemplateSet } from "../forms/schema";
import { MAX_FILE_BYTES, readWorkbookBytes, shortReason, type ReadFailure, type ReadOptions, type ReadOutcome } from "./xlsx-bytes";

export * from "./xlsx-bytes";

/** fs's callback API, promised: a third of the CPU of fs.promises' FileHandle per small file (measured). */
function call<T>(f: (cb: (e: NodeJS.ErrnoException | null, v: T) => void) => void): Promise<T> {
  return new Promise((res, rej) => f((e, v) => (e ? rej(e) : res(v))));
}

/**
 * A regular file's bytes, up to MAX_FILE_BYTES; anything else a ReadFailure. Opened non-blocking (a FIFO never
 * blocks) and checked on the open descriptor, so what is checked is what is read. The open and the check are
 * synchronous (two quick system calls: a round trip through libuv's thread pool each cost more CPU than the call,
 * 8% of a 1,000-file batch); the read, the part that waits on a slow disk or share, is not, so a batch still reads
 * the next file while it checks this one.
 */
export async function readInputFile(file: string): Promise<Uint8Array | ReadFailure> {
  let fd: number | null = null;
  try {
    fd = fsc.openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stat = fsc.fstatSync(fd);
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
    if (fd !== null) fsc.closeSync(fd);
  }
}

/** Opens a file and reads every sheet; every failure is a ReadFailure. */
export async function readWorkbookFile(file: string, set: TemplateSet, options: ReadOptions = {}): Promise<ReadOutcome> {
  const bytes = await readInputFile(file);
  if (!(bytes instanceof Uint8Array)) return bytes;
  return readWorkbookBytes(file, bytes, set, options);
}
