/**
 * The one unzip of the house: every reader (.xlsx, .docx) opens its package here, in Node and in the browser.
 *
 * fflate does the inflating (its streaming `Inflate`, so a part is never inflated whole in memory). fflate has no
 * random-access entry reader, so the central directory is read here (APPNOTE.TXT 4.3.12–4.3.16, with the zip64
 * records of 4.3.14–4.3.15): readers need a package's parts in their own order (workbook, styles and shared strings
 * before the sheets) and must stop inflating a sheet once the read window is full.
 *
 * Limits are checked while inflating, not trusted from the declared sizes: a part past `maxPartBytes`, or a
 * package past `maxTotalBytes` in all, is refused with a ZipError whose code names the problem.
 */
import type * as Fflate from "./fflate-inflate";

/**
 * fflate, loaded at its first use: it builds its Huffman tables as it loads (18 ms of a one-file `check`), and the
 * command line inflates small parts with zlib (setWholeInflater), so most of its runs never need it.
 */
let fflateModule: typeof Fflate | undefined;
function fflate(): typeof Fflate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (fflateModule ??= require("./fflate-inflate") as typeof Fflate);
}

export type ZipProblem =
  /** Not a zip, or its directory or data is damaged (truncated in e-mail, bytes changed). */
  | "zip_damaged"
  /** An entry is encrypted (zip encryption, not Office's: Office encrypts into an OLE container). */
  | "zip_encrypted_entry"
  /** A compression method other than stored or deflate. */
  | "zip_unsupported"
  /** One part inflates past the part limit (a zip bomb, or a sheet far larger than any form). */
  | "zip_part_too_large"
  /** All parts together inflate past the package limit. */
  | "zip_total_too_large"
  /** A part inflates past the size its directory entry declares: a forged header (a zip bomb), never a real file. */
  | "zip_size_mismatch"
  /** More entries than any real document has. */
  | "zip_too_many_entries";

export class ZipError extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly detail?: string,
    /** The part concerned, when there is one. */
    readonly part?: string,
  ) {
    super(`${problem}${part ? ` (${part})` : ""}${detail ? `: ${detail}` : ""}`);
    this.name = "ZipError";
  }
}

import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "./zip-limits";

export { DEFAULT_ZIP_LIMITS, type ZipLimits };

export interface ZipEntry {
  /** The part name as stored, with "/" separators and no leading "/". */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared in the directory; never trusted for allocation. */
  size: number;
  localOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
/**
 * A UTF-8 decoder kept between parts: making one opens an ICU converter (0.5 µs here, half the cost of decoding a
 * 1 KB part; a workbook has seven or more parts, and a batch thousands).
 * Taken while a part is decoded (a part read inside another's callback makes its own); one that threw is not kept.
 */
let idleDecoder: InstanceType<typeof TextDecoder> | null = null;

/** Input fed to the inflater at a time: bounds one output chunk to about 1032 × this (deflate's largest ratio). */
const INFLATE_SLICE = 4096;
/**
 * The slice once a push has inflated past OUT_CHUNK_HIGH: fflate grows its output by doubling within a push, so a
 * highly compressed run (a bomb) fed 4 KB at a time costs tens of MB of garbage per push.
 */
const INFLATE_SLICE_DENSE = 256;
const OUT_CHUNK_HIGH = 262_144;
/**
 * A part this small (compressed) is inflated in one call into a buffer of its declared size plus one byte: much
 * cheaper than streaming (fflate's streaming inflater allocates a fresh window for every push). Whatever it
 * declares, it cannot expand past 1032 × this (~66 MB of work); if it fills the extra byte, its declared size was a
 * lie and it is inflated again by the streaming path, where the limits apply.
 */
const WHOLE_MAX_COMPRESSED = 65536;

const STOP = Symbol("stop");

/**
 * Inflates a small part (raw deflate) whole, into at most `room` bytes: returns them, or null when the part holds
 * more (the caller then streams it, where the limits name the problem). Throws on damaged data.
 */
export type WholeInflater = (data: Uint8Array, room: number) => Uint8Array | null;

/** fflate's, everywhere by default: the browser and the task pane have no synchronous native inflater. */
const fflateWhole: WholeInflater = (data, room) => {
  const out = fflate().inflateSync(data, { out: new Uint8Array(room) });
  return out.length < room ? out : null;
};

let inflateWhole: WholeInflater = fflateWhole;

/**
 * Sets the inflater of small parts for this process (null: fflate's). The command line sets Node's zlib, native
 * code that needs no warming up: most of a batch's files are read before V8 has compiled fflate's inflate loop.
 */
export function setWholeInflater(f: WholeInflater | null): void {
  inflateWhole = f ?? fflateWhole;
}

/** An error thrown by the consumer of a stream: passed through untouched, never taken for damaged data. */
class ConsumerFailure {
  constructor(readonly cause: unknown) {}
}

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

const utf8 = new TextDecoder("utf-8");

/** A zip begins with a local header ("PK\3\4"), or is an empty archive ("PK\5\6"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

export class ZipArchive {
  private readonly byName = new Map<string, ZipEntry>();
  private inflated = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: readonly ZipEntry[],
    readonly limits: ZipLimits,
  ) {
    // OOXML part names are case-insensitive (ECMA-376 Part 2, 9.1.1.1).
    for (const e of entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** Reads the central directory; throws ZipError when there is none or it is damaged. */
  static open(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipArchive {
    const lim = { ...DEFAULT_ZIP_LIMITS, ...limits };
    const n = bytes.length;
    let eocd = -1;
    for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
      if (u32(bytes, i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError("zip_damaged", "no end of central directory");
    let count = u16(bytes, eocd + 10);
    let cdSize = u32(bytes, eocd + 12);
    let cdOffset = u32(bytes, eocd + 16);
    if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === SIG_EOCD64_LOCATOR) {
      const at = u64(bytes, eocd - 20 + 8);
      if (at + 56 > n || u32(bytes, at) !== SIG_EOCD64) throw new ZipError("zip_damaged", "bad zip64 directory");
      count = u64(bytes, at + 32);
      cdSize = u64(bytes, at + 40);
      cdOffset = u64(bytes, at + 48);
    }
    if (count > lim.maxEntries) throw new ZipError("zip_too_many_entries", String(count));
    if (cdOffset + cdSize > n) throw new ZipError("zip_damaged", "directory past the end of the file");
    const entries: ZipEntry[] = [];
    let p = cdOffset;
    for (let k = 0; k < count; k++) {
      if (p + 46 > n || u32(bytes, p) !== SIG_CENTRAL) throw new ZipError("zip_damaged", "bad directory entry");
      const flags = u16(bytes, p + 8);
      const method = u16(bytes, p + 10);
      let compressedSize = u32(bytes, p + 20);
      let size = u32(bytes, p + 24);
      const nameLen = u16(bytes, p + 28);
      const extraLen = u16(bytes, p + 30);
      const commentLen = u16(bytes, p + 32);
      let localOffset = u32(bytes, p + 42);
      if (p + 46 + nameLen + extraLen > n) throw new ZipError("zip_damaged", "bad directory entry");
      const rawName = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
      // zip64 extended information (APPNOTE 4.5.3): only the fields whose 32-bit value is 0xFFFFFFFF, in order.
      let x = p + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (id === 0x0001) {
          let q = x + 4;
          if (size === 0xffffffff && q + 8 <= x + 4 + len) {
            size = u64(bytes, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
            compressedSize = u64(bytes, q);
            q += 8;
          }
          if (localOffset === 0xffffffff && q + 8 <= x + 4 + len) localOffset = u64(bytes, q);
        }
        x += 4 + len;
      }
      const name = rawName.replace(/\\/g, "/").replace(/^\/+/, "");
      entries.push({ name, method, flags, compressedSize, size, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    return new ZipArchive(bytes, entries, lim);
  }

  has(name: string): boolean {
    return this.byName.has(name.replace(/^\/+/, "").toLowerCase());
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, "").toLowerCase());
  }

  /** Bytes inflated so far from this package. */
  get inflatedBytes(): number {
    return this.inflated;
  }

  private dataOf(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    const at = e.localOffset;
    if (at + 30 > b.length || u32(b, at) !== SIG_LOCAL) throw new ZipError("zip_damaged", "bad local header", e.name);
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw new ZipError("zip_damaged", "part data past the end of the file", e.name);
    return b.subarray(start, end);
  }

  /**
   * Inflates one part chunk by chunk. `onChunk` returning false stops early (the rest is never inflated).
   * Returns whether it stopped early. Throws ZipError for a missing, damaged or oversized part.
   */
  stream(name: string, onChunk: (chunk: Uint8Array) => boolean | void): { stopped: boolean; bytes: number } {
    const e = this.entry(name);
    if (!e) throw new ZipError("zip_damaged", "missing part", name);
    if (e.flags & 1) throw new ZipError("zip_encrypted_entry", undefined, e.name);
    const data = this.dataOf(e);
    let bytes = 0;
    const take = (chunk: Uint8Array): void => {
      bytes += chunk.length;
      this.inflated += chunk.length;
      // Stopped at the declared size: a bomb declaring a few KB is refused after a few KB, not after the limit.
      if (bytes > e.size) throw new ZipError("zip_size_mismatch", e.name, e.name);
      if (bytes > this.limits.maxPartBytes) throw new ZipError("zip_part_too_large", String(this.limits.maxPartBytes), e.name);
      if (this.inflated > this.limits.maxTotalBytes) throw new ZipError("zip_total_too_large", String(this.limits.maxTotalBytes), e.name);
      if (chunk.length === 0) return;
      let more: boolean | void;
      try {
        more = onChunk(chunk);
      } catch (ce) {
        throw new ConsumerFailure(ce);
      }
      if (more === false) throw STOP;
    };
    try {
      if (e.method === 0) {
        for (let p = 0; p < data.length; p += 65536) take(data.subarray(p, Math.min(data.length, p + 65536)));
      } else if (e.method === 8) {
        if (data.length === 0) throw new ZipError("zip_damaged", "empty deflate stream", e.name);
        const whole = data.length <= WHOLE_MAX_COMPRESSED && e.size <= this.limits.maxPartBytes ? inflateWhole(data, e.size + 1) : null;
        if (whole && whole.length <= e.size) {
          for (let p = 0; p < whole.length; p += 65536) take(whole.subarray(p, Math.min(whole.length, p + 65536)));
          return { stopped: false, bytes };
        }
        let slice = INFLATE_SLICE;
        const inflater = new (fflate().Inflate)((chunk) => {
          if (chunk.length > OUT_CHUNK_HIGH) slice = INFLATE_SLICE_DENSE;
          take(chunk);
        });
        for (let p = 0; p < data.length; ) {
          const end = Math.min(data.length, p + slice);
          inflater.push(data.subarray(p, end), end === data.length);
          p = end;
        }
      } else {
        throw new ZipError("zip_unsupported", `method ${e.method}`, e.name);
      }
    } catch (err) {
      if (err === STOP) return { stopped: true, bytes };
      if (err instanceof ConsumerFailure) throw err.cause;
      if (err instanceof ZipError) throw err;
      throw new ZipError("zip_damaged", err instanceof Error ? err.message : String(err), e.name);
    }
    return { stopped: false, bytes };
  }

  /** A whole part as bytes (bounded by the part limit). */
  read(name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let total = 0;
    this.stream(name, (c) => {
      chunks.push(c.slice());
      total += c.length;
    });
    const out = new Uint8Array(total);
    let p = 0;
    for (const c of chunks) out.set(c, (p += c.length) - c.length);
    return out;
  }

  /** A whole part as UTF-8 text (bounded by the part limit). */
  text(name: string): string {
    let s = "";
    this.streamText(name, (t) => {
      s += t;
    });
    return s;
  }

  /** Inflates and decodes a part as UTF-8 text piece by piece; `onText` returning false stops early. */
  streamText(name: string, onText: (text: string) => boolean | void): { stopped: boolean; bytes: number } {
    const decoder = idleDecoder ?? new TextDecoder("utf-8");
    idleDecoder = null;
    const r = this.stream(name, (chunk) => onText(decoder.decode(chunk, { stream: true })));
    // A part stopped early leaves the decoder mid-character: flushed (and dropped) either way, so it starts clean.
    const tail = decoder.decode();
    if (!r.stopped && tail) onText(tail);
    idleDecoder = decoder;
    return r;
  }
}
