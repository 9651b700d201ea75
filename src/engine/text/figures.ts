/**
 * The figures a report's sentence states: "140.394 hồ sơ", "93,35%", "08 nhiệm vụ", "505/541 thủ tục hành chính".
 * Numbers are read as the engine reads a typed cell (readNumericText: vi-VN first). Dates, document numbers, ranks,
 * ranges, article numbers and list markers are not figures.
 */
import type { Dec } from "../exact";
import { readNumericText } from "../reading";
import { ALL_UNIT_CUES, contentWords, NOT_A_FIGURE_BEFORE, normalise } from "./words";

export interface TextFigure {
  /** As written: "93,35%", "140.394", "505/541". */
  raw: string;
  start: number;
  value: Dec;
  /** The other reading the typing allows ("52,414" as 52414), for counts. */
  alt?: Dec;
  percent: boolean;
  fraction?: { num: Dec; den: Dec };
  /** The unit cue written right after the figure ("hồ sơ"), "bare" when none, "other" for a word of no unit. */
  unit: string | "bare" | "other";
  /** Normalised text the figure describes: its clause, with the clause before when its own says too little. */
  local: string;
}

export interface TextSentence {
  /** 1-based paragraph number (DocParagraph.number). */
  paragraph: number;
  text: string;
  /** Normalised text of this sentence and the one before it in the paragraph: the context of its figures. */
  context: string;
  figures: TextFigure[];
}

const NUMBER = /\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?/g;
const FRACTION_TAIL = /^\s?\/\s?(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/\p{L}])/u;
/** Clause boundaries: a comma not inside a number, ; : brackets, a dash between spaces. */
const CLAUSE_CUT = /,(?!\d)|(?<!\d),|[;:()[\]]|\s[–—-]\s/g;

/** Sentences of a paragraph: cut after . ! ? followed by a space and a capital, a digit, a bullet or a bracket. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\d\-–+•(“"])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

function read(raw: string): { dec: Dec; alt?: Dec } | null {
  const r = readNumericText(raw);
  if (!r) return null;
  return { dec: r.dec, alt: r.altReason === "thousands_separator" ? r.alt : undefined };
}

/** The word before a number makes it no figure ("ngày 14", "Quyết định 2715", "Biểu mẫu 3"). */
function notAFigureAfter(before: string): boolean {
  const words = normalise(before.slice(-40)).split(/[^\p{L}]+/u).filter(Boolean);
  const n = words.length;
  return (n > 0 && NOT_A_FIGURE_BEFORE.has(words[n - 1])) || (n > 1 && NOT_A_FIGURE_BEFORE.has(`${words[n - 2]} ${words[n - 1]}`));
}

function unitAfter(after: string): string | "bare" | "other" {
  const t = normalise(after).replace(/^[\s\u00a0]+/, "");
  if (!/^\p{L}/u.test(t)) return "bare";
  const words = t.split(/[^\p{L}]+/u).filter(Boolean);
  for (const cue of ALL_UNIT_CUES) if (cue.every((w, i) => words[i] === w)) return cue.join(" ");
  return "other";
}

function clauseBounds(s: string): number[] {
  const cuts = [0];
  for (const m of s.matchAll(CLAUSE_CUT)) cuts.push(m.index!, m.index! + m[0].length);
  cuts.push(s.length);
  return cuts;
}

/** The clause around [start, end), with the clause before it when its own words (bar the unit) are fewer than two. */
function localText(s: string, cuts: number[], start: number, end: number, unit: string): string {
  let from = 0;
  let to = s.length;
  let prev = 0;
  for (let i = 0; i < cuts.length; i += 2) {
    const a = cuts[i];
    const b = cuts[i + 1] ?? s.length;
    if (start >= a && end <= b) {
      from = a;
      to = b;
      break;
    }
    if (b <= start) prev = a;
  }
  const own = normalise(s.slice(from, to));
  const unitWords = new Set(unit.split(" "));
  const words = contentWords(own).filter((w) => !unitWords.has(w));
  return words.length >= 2 ? own : normalise(s.slice(prev, to));
}

/** The figures of one sentence (read in its normalised text: "phản ánh, kiến nghị" is one word there, "pakn"). */
export function figuresOf(sentence: string): TextFigure[] {
  const s = normalise(sentence);
  const out: TextFigure[] = [];
  const cuts = clauseBounds(s);
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(s))) {
    const start = m.index;
    let end = start + m[0].length;
    const before = s.slice(0, start);
    const prevChar = before.slice(-1);
    // Part of a longer token: "QĐ-UBND", "2.1", "/2024", "2019-2023", "4G".
    if (/[\p{L}\d/.]/u.test(prevChar) || (/[-–]/.test(prevChar) && /\d\s?[-–]$/.test(before))) continue;
    const rest = s.slice(end);
    if (/^[.,]\d/.test(rest) || /^\s?[-–]\s?\d/.test(rest) || /^\p{L}/u.test(rest)) continue;
    // A list marker: "1. Triển khai", "2) …", "- 3. …" at the start of a sentence.
    if (/^[\s\-–+•]*$/.test(before) && /^[.)](\s|$)/.test(rest)) continue;
    if (notAFigureAfter(before)) continue;
    // "033": a code, not a count.
    if (/^0\d{2,}$/.test(m[0])) continue;
    const first = read(m[0]);
    if (!first) continue;
    let raw = m[0];
    let fraction: TextFigure["fraction"];
    if (rest.startsWith("/") || rest.startsWith(" /")) {
      const f = FRACTION_TAIL.exec(rest);
      const den = f ? read(f[1]) : null;
      // A date ("14/6/2024"), a document number ("1125/BC-VP") or a part larger than its whole is no fraction.
      if (!f || !den || Number(f[1].replace(/\./g, "")) < Number(m[0].replace(/\./g, "").replace(",", "."))) continue;
      fraction = { num: first.dec, den: den.dec };
      raw = s.slice(start, end + f[0].length);
      end += f[0].length;
      NUMBER.lastIndex = end;
    }
    const pct = /^\s?%/.exec(s.slice(end));
    if (pct) {
      raw = s.slice(start, end + pct[0].length);
      end += pct[0].length;
    }
    const unit = unitAfter(s.slice(end));
    out.push({
      raw: raw.replace(/\s+/g, ""),
      start,
      value: first.dec,
      alt: first.alt,
      percent: Boolean(pct),
      fraction,
      unit,
      local: localText(s, cuts, start, end, unit === "bare" || unit === "other" ? "" : unit),
    });
  }
  return out;
}

/** The sentences of the paragraphs that state at least one figure. */
export function textSentences(paragraphs: ReadonlyArray<{ number: number; text: string }>): TextSentence[] {
  const out: TextSentence[] = [];
  for (const p of paragraphs) {
    let prev = "";
    for (const s of sentences(p.text)) {
      const figures = figuresOf(s);
      if (figures.length) out.push({ paragraph: p.number, text: s, context: normalise(`${prev} ${s}`), figures });
      prev = s;
    }
  }
  return out;
}
