/**
 * How tall a row must be for its wrapped text, estimated as a typesetter would: each character's advance width in
 * the font (Times New Roman's widths, in em, from its metrics; Liberation Serif, which LibreOffice substitutes, has
 * the same advances), words set greedily into the cell's width, lines × line height.
 *
 * Excel and LibreOffice do not grow a row for wrapped text in a file they open (only when the user edits the cell),
 * so without a height the text prints over the rows below. The estimate errs on the tall side: a row a little too
 * tall prints fine, one too short hides text.
 */
import { parseA1Range } from "./a1";

export interface FontSpec {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** Advance widths in em of Times New Roman (regular), by character class. */
const NARROW = new Set([..."iljtfrI.,;:'!|()[]/\\`\""]);
const WIDE_LOWER = new Set([..."mw"]);
const WIDE_UPPER = new Set([..."MW"]);
const SYMBOL_WIDE = new Set([..."%&@—…≤≥×✗⚠ℹ✓"]);

function charEm(ch: string): number {
  if (ch === " ") return 0.25;
  if (ch === "\t") return 1;
  // Vietnamese letters: the base letter's width (combining marks take no advance). đ/Đ are their own letters.
  const base = ch.normalize("NFD").charAt(0);
  if (base === "đ") return 0.5;
  if (base === "Đ") return 0.72;
  if (NARROW.has(base)) return 0.3;
  if (WIDE_LOWER.has(base)) return 0.75;
  if (WIDE_UPPER.has(base)) return 0.92;
  if (SYMBOL_WIDE.has(base)) return 0.9;
  if (/[0-9]/.test(base)) return 0.5;
  if (/[a-z]/.test(base)) return 0.47;
  if (/[A-Z]/.test(base)) return 0.7;
  if (/[=+<>~^*#$-]/.test(base)) return 0.56;
  if (/\p{L}/u.test(base)) return 0.6;
  return 0.5;
}

/** The width of a string in points, set in the given font. */
export function textWidthPt(text: string, font: FontSpec): number {
  let em = 0;
  for (const ch of text.normalize("NFC")) em += charEm(ch);
  // Bold Times is about 5 % wider; a small margin keeps the estimate on the safe side.
  return em * font.size * (font.bold ? 1.06 : 1) * 1.04;
}

/**
 * The printable width in points of a column `chars` Excel character units wide. Excel's unit is the width of "0" in
 * the workbook's default font (Calibri 11: 7 px) plus 5 px of padding; at 96 dpi a pixel is 0.75 pt. A cell keeps
 * about 2 px each side clear of text.
 */
export function columnWidthPt(chars: number): number {
  return Math.max(0, (Math.trunc(chars * 7 + 5) - 4) * 0.75);
}

/** How many lines `text` takes when wrapped into `widthPt` (explicit line breaks kept; a long word is broken). */
export function wrappedLines(text: string, font: FontSpec, widthPt: number): number {
  if (widthPt <= 0) return 1;
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    lines++;
    let used = 0;
    const space = textWidthPt(" ", font);
    for (const word of paragraph.split(/ +/).filter((w) => w !== "")) {
      let w = textWidthPt(word, font);
      const need = used === 0 ? w : used + space + w;
      if (need <= widthPt) {
        used = need;
        continue;
      }
      if (used > 0) lines++;
      // A word wider than the cell breaks where it must.
      while (w > widthPt) {
        lines++;
        w -= widthPt;
      }
      used = w;
    }
  }
  return Math.max(1, lines);
}

/** The height of one line in points: Excel's default row for Times New Roman 12 is 15.75 pt (1.31 × size). */
export function lineHeightPt(size: number): number {
  return Math.ceil(size * 1.31 * 4) / 4;
}

/** Excel's largest row height. */
export const MAX_ROW_HEIGHT = 409;

/** The height of a row holding `lines` lines in a font of `size`, with room above and below. */
export function heightForLines(lines: number, size: number): number {
  return Math.min(MAX_ROW_HEIGHT, Math.ceil((lines * lineHeightPt(size) + 3) * 4) / 4);
}

export interface TextCell {
  row: number;
  col: number;
  text: string;
  font: FontSpec;
  /** Wrapped text grows the row; unwrapped text is one line (it spills sideways, or is cut). */
  wrap: boolean;
}

/**
 * Row heights (0-based row → points) for cells set in columns `columnWidths` wide (character units), merged as
 * `merges` says. Every row with text gets an entry (one line at least). A merge over several rows is given
 * its height on its last row when the rows together are too short.
 */
export function planRowHeights(
  cells: readonly TextCell[],
  columnWidths: readonly number[],
  merges: readonly string[] = [],
  defaultWidth = 8.43,
): Record<number, number> {
  const spans = merges.map((m) => parseA1Range(m)).filter((r): r is NonNullable<typeof r> => r !== null);
  const spanAt = (row: number, col: number) => spans.find((s) => s.r1 === row && s.c1 === col);
  const covered = (row: number, col: number) => spans.some((s) => row >= s.r1 && row <= s.r2 && col >= s.c1 && col <= s.c2 && !(s.r1 === row && s.c1 === col));
  const widthOf = (c1: number, c2: number) => {
    let px = 0;
    for (let c = c1; c <= c2; c++) px += Math.trunc((columnWidths[c] ?? defaultWidth) * 7 + 5);
    return Math.max(0, (px - 4) * 0.75);
  };
  const heights: Record<number, number> = {};
  const tall: Array<{ r1: number; r2: number; need: number }> = [];
  for (const cell of cells) {
    if (cell.text === "" || covered(cell.row, cell.col)) continue;
    const span = spanAt(cell.row, cell.col);
    const lines = cell.wrap ? wrappedLines(cell.text, cell.font, widthOf(cell.col, span ? span.c2 : cell.col)) : 1;
    const need = heightForLines(lines, cell.font.size);
    if (span && span.r2 > span.r1) tall.push({ r1: span.r1, r2: span.r2, need });
    else if (need > (heights[cell.row] ?? 0)) heights[cell.row] = need;
  }
  for (const t of tall) {
    let have = 0;
    for (let r = t.r1; r <= t.r2; r++) have += heights[r] ?? heightForLines(1, 11);
    if (have < t.need) heights[t.r2] = (heights[t.r2] ?? heightForLines(1, 11)) + (t.need - have);
  }
  return heights;
}

/** Merges two height maps, keeping the taller of each row. */
export function tallest(...maps: ReadonlyArray<Record<number, number>>): Record<number, number> {
  const out: Record<number, number> = {};
  for (const m of maps) for (const [r, h] of Object.entries(m)) out[Number(r)] = Math.max(out[Number(r)] ?? 0, h);
  return out;
}
