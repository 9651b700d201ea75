/**
 * Node's zlib as the unzip's inflater of small parts: the same bytes as fflate's for every well-formed part (the tests
 * compare them), from native code. fflate's JavaScript inflate runs interpreted for most of a short batch, and even
 * warm it was 13% of reading a workbook. zlib checks more than fflate: a stored block whose length and its complement
 * disagree, or a length code past 285, is read by fflate (into nonsense) and refused by zlib as damaged. Only a
 * hand-made file has either, and the command line then says it is damaged where the browser reads it.
 */
import { setWholeInflater, type WholeInflater } from "../io/zip";

/** Loaded at the first part inflated: `bieumau --version` and `--help` never need it. */
let zlib: typeof import("zlib") | undefined;

export const zlibWhole: WholeInflater = (data, room) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  zlib ??= require("zlib") as typeof import("zlib");
  try {
    // One output buffer of `room` bytes, as fflate's path allocates: in 16 KB pieces zlib would join them at the
    // end, holding a large part twice (a 64 KB part inflating to 50 MB: 192 MB at the peak instead of 141).
    const out = zlib.inflateRawSync(data, { maxOutputLength: room, chunkSize: Math.max(room, 64) });
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
