/**
 * Before exceljs opens an input to write its checked copy (check --write): exceljs expands every range cell by cell
 * (a merge, a data validation, a filter or a name over a whole sheet costs gigabytes, issue #13). The package's
 * ranges are read here as text, never expanded; an input holding one far larger than any form is not written.
 */
import { ZipArchive } from "../io/zip";
import { parseRef } from "../io/xlsx-sheet";

/** Cells a range may cover before exceljs is not trusted with it: a form is a few hundred cells. */
const MAX_RANGE_CELLS = 1_000_000;
/** Merged ranges in one part before exceljs is not trusted with them (20,000 took it past 2 minutes): a form has tens. */
const MAX_MERGES = 2_000;

function area(range: string): number {
  const [a, b] = range.replace(/\$/g, "").split(":");
  const from = parseRef(a) ?? (/^[A-Za-z]{1,3}$/.test(a) ? [1, 0] : /^\d+$/.test(a) ? [Number(a), 1] : null);
  if (!from) return 0;
  if (!b) return 1;
  // Whole columns ("A:XFD") or whole rows ("1:1048576").
  if (/^[A-Za-z]{1,3}$/.test(a) && /^[A-Za-z]{1,3}$/.test(b)) return 1_048_576 * 16_384;
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return (Math.abs(Number(b) - Number(a)) + 1) * 16_384;
  const to = parseRef(b);
  if (!to) return 0;
  return (Math.abs(to[0] - from[0]) + 1) * (Math.abs(to[1] - from[1]) + 1);
}

/** Whether the package holds a range exceljs would expand into more than MAX_RANGE_CELLS cells. */
export function hasHugeRange(bytes: Uint8Array): boolean {
  let zip: ZipArchive;
  try {
    zip = ZipArchive.open(bytes);
  } catch {
    return false;
  }
  for (const e of zip.entries) {
    if (!/^xl\/(worksheets\/[^/]+|workbook)\.xml$/i.test(e.name)) continue;
    // Streamed: a dense 47 MB sheet is scanned a piece at a time, never held whole (issue #13's memory bound).
    let carry = "";
    let merges = 0;
    let huge = false;
    const scan = (text: string): boolean => {
      merges += (text.match(/<(?:\w+:)?mergeCell\b/g) ?? []).length;
      if (merges > MAX_MERGES) return true;
      const re = /(?:\bref|\bsqref)="([^"]+)"|<(?:\w+:)?definedName\b[^>]*>([^<]*)</g;
      for (let m = re.exec(text); m; m = re.exec(text))
        for (const part of (m[1] ?? m[2] ?? "").split(/[\s,]+/)) if (area(part.replace(/^.*!/, "")) > MAX_RANGE_CELLS) return true;
      return false;
    };
    try {
      zip.streamText(e.name, (piece) => {
        const text = carry + piece;
        // Scan up to the second-to-last "<": a defined name's text runs to the "<" of its closing tag, so the last
        // complete match ends there; the rest is carried into the next piece.
        const last = text.lastIndexOf("<");
        const upTo = last > 0 ? Math.max(0, text.lastIndexOf("<", last - 1)) : 0;
        if (scan(text.slice(0, upTo))) {
          huge = true;
          return false;
        }
        // A long run without tags (a huge text cell) holds no range: only its tail can matter.
        carry = text.length - upTo > 1_048_576 ? text.slice(-65_536) : text.slice(upTo);
        return undefined;
      });
      if (!huge && scan(carry)) huge = true;
    } catch {
      return true;
    }
    if (huge) return true;
  }
  return false;
}
