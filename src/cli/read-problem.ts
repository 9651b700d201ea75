/**
 * Why a workbook could not be opened, in the closed ReadProblem set, from what the bytes are and what the library
 * threw: the user reads what is wrong in Vietnamese; the library's own words are kept as a detail for --verbose.
 */
import type { ReadProblem } from "../i18n/cli";
import { packageKind } from "../io/sniff";
import { ZipArchive, ZipError } from "../io/zip";

/** The first line of a thrown value, bounded: what --verbose shows. */
export function errorDetail(e: unknown): string {
  const msg = e instanceof Error ? `${e.name === "Error" ? "" : `${e.name}: `}${e.message}` : String(e);
  return msg.split("\n")[0].slice(0, 200);
}

/**
 * What a zip that is not an .xlsx is, from its directory alone (the shared reader, its limits applying): an .ods, a
 * .docx or other archive renamed .xlsx, or a damaged zip. null when it looks like a workbook: try it.
 */
export function packageProblem(bytes: Uint8Array): { problem: ReadProblem; detail?: string } | null {
  let zip: ZipArchive;
  try {
    zip = ZipArchive.open(bytes);
  } catch (e) {
    return { problem: e instanceof ZipError && e.problem !== "zip_damaged" ? "unsupported" : "corrupt", detail: errorDetail(e) };
  }
  const kind = packageKind(zip);
  if (kind === "ods") return { problem: "ods" };
  if (kind !== "xlsx") return { problem: "not_workbook", detail: kind };
  return null;
}

/** Words of the unzip library (JSZip, under exceljs) for a damaged archive. */
const ZIP_WORDS = /zip|central directory|end of data|signature|uncompressed data size|crc32|invalid (distance|block|code|stored)|unexpected end|inflate|corrupt/i;

/** Classifies what the .xlsx library threw while loading a file that is a workbook package. */
export function loadProblem(e: unknown): ReadProblem {
  const detail = errorDetail(e);
  if (e instanceof RangeError || /out of memory|Invalid (array|string) length|call stack/i.test(detail)) return "sheet_too_large";
  if (ZIP_WORDS.test(detail)) return "corrupt";
  return "unsupported";
}
