/**
 * Node's zlib as the unzip's inflater of small parts: the same bytes as fflate's (the tests compare them), from
 * native code. fflate's JavaScript inflate runs interpreted for most of a short batch, and even warm it was 13% of
 * reading a workbook.
 */
import { setWholeInflater, type WholeInflater } from "../io/zip";

/** Loaded at the first part inflated: `bieumau --version` and `--help` never need it. */
let zlib: typeof import("zlib") | undefined;

export const zlibWhole: WholeInflater = (data, room) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  zlib ??= require("zlib") as typeof import("zlib");
  try {
    const out = zlib.inflateRawSync(data, { maxOutputLength: room });
    return out.length < room ? new Uint8Array(out.buffer, out.byteOffset, out.length) : null;
  } catch (e) {
    // Stopped at `room`: the part holds more than that, which the streaming path reports with its limits.
    if ((e as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return null;
    throw e;
  }
};

/** The command line's reads inflate with zlib from here on, in this process. */
export function useNativeInflate(): void {
  setWholeInflater(zlibWhole);
}
