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
/**
 * Cells in all sheets, and shared strings, before exceljs is not trusted with the package: it builds an object per
 * cell and per string (5,000,000 cells cost it 700 MB and 7 s; 10,000,000 empty strings 1 GB and 10 s, issue #13).
 * A workbook of the seven forms has a few thousand of each.
 */
export const MAX_WRITE_CELLS = 200_000;
export const MAX_WRITE_STRINGS = 200_000;

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

/**
 * Whether the package is more than exceljs can be trusted to load: a range it would expand into more than
 * MAX_RANGE_CELLS cells, more than MAX_MERGES merges in a part, more than MAX_WRITE_CELLS cells or MAX_WRITE_STRINGS
 * shared strings.
 */
export function tooLargeForWriter(bytes: Uint8Array): boolean {
  let zip: ZipArchive;
  try {
    zip = ZipArchive.open(bytes);
  } catch {
    return false;
  }
  let cells = 0;
  let strings = 0;
  for (const e of zip.entries) {
    if (/^xl\/sharedStrings\.xml$/i.test(e.name)) {
      // Counted as they inflate; a tag cut by a piece's end is counted with the next piece.
      const SI = /<(?:\w+:)?si[\s/>]/g;
      let tail = "";
      try {
        zip.streamText(e.name, (piece) => {
          const text = tail + piece;
          const last = text.lastIndexOf("<");
          const cut = last >= 0 && text.length - last < 16 ? last : text.length;
          strings += (text.slice(0, cut).match(SI) ?? []).length;
          tail = text.slice(cut);
          return strings <= MAX_WRITE_STRINGS;
        });
      } catch {
        return true;
      }
      strings += (tail.match(SI) ?? []).length;
      if (strings > MAX_WRITE_STRINGS) return true;
      continue;
    }
    if (!/^xl\/(worksheets\/[^/]+|workbook)\.xml$/i.test(e.name)) continue;
    // Streamed: a dense 47 MB sheet is scanned a piece at a time, never held whole (issue #13's memory bound).
    let carry = "";
    let merges = 0;
    let huge = false;
    const scan = (text: string): boolean => {
      merges += (text.match(/<(?:\w+:)?mergeCell\b/g) ?? []).length;
      if (merges > MAX_MERGES) return true;
      cells += (text.match(/<(?:\w+:)?c[\s/>]/g) ?? []).length;
      if (cells > MAX_WRITE_CELLS) return true;
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
