/**
 * The cross-check of a report's body text against its appendix. A figure is tied to an indicator row only with
 * confidence: its unit fits the row (a % for a rate, "hồ sơ" for a count of dossiers), the words around it name the
 * row (weighted by how rare each word is among the rows), the sentence names the row's scope (the group above it),
 * and no other row fits nearly as well. Then the figure agrees with the table (info) or not (warning). A figure that
 * fits several rows is never a mismatch: it agrees with the one row of the same value, or is listed as uncertain.
 * Within a sentence, a figure that differs from a row the same sentence already states rightly is another scope
 * (a part, a different count), not a contradiction.
 */
import type { TemplateSet } from "../../forms/schema";
import { decAbs, decCmp, decIsInteger, decPlaces, decSub, decToString, halfUlp, type Dec } from "../exact";
import type { FilledForm, Finding, ResolvedValue } from "../types";
import { textSentences, type TextFigure, type TextSentence } from "./figures";
import { coverage, hasCue, indexRows, type RowIndex, type TextRow } from "./rows";
import { ALL_UNIT_CUES, contentWords } from "./words";

export interface TextCheckInput {
  set: TemplateSet;
  /** The body's paragraphs (the shape of src/io/document.ts's DocParagraph). */
  paragraphs: ReadonlyArray<{ number: number; text: string }>;
  /** The engine's resolved values (validateForms with { values: true }). */
  values: readonly ResolvedValue[];
  /** The filled forms, for the value cells' addresses. */
  forms?: readonly FilledForm[];
}

/** Thresholds of confidence (weighted word coverage, 0–1). */
const OWN_MIN = 0.5;
const OWN_MIN_BARE = 0.65;
const SCOPE_MIN = 0.34;
const MARGIN = 0.12;
const FRACTION_MIN = 0.45;
const MAX_CANDIDATES = 3;

interface Tie {
  figure: TextFigure;
  sentence: TextSentence;
  row: TextRow;
  stated: Dec;
  kind: "mismatch" | "agrees" | "uncertain";
  candidates?: TextRow[];
  /** The part of the figure this tie is about ("505" of "505/541"), when not the whole. */
  written?: string;
}

function sameValue(stated: Dec, table: Dec, percent: boolean): boolean {
  if (!percent) return decCmp(stated, table) === 0;
  // "đạt 99,7%" states 99,69 rounded: equal within half a unit of the stated last place. A whole "100%" means 100.
  const places = decPlaces(stated);
  if (places === 0) return decCmp(stated, table) === 0;
  return decCmp(decAbs(decSub(stated, table)), halfUlp(places)) <= 0;
}

/** The stated number as the row counts it: "52,414 hồ sơ" is 52414 (a count cannot be fractional). */
function statedFor(f: TextFigure, row: TextRow): Dec {
  if (row.kind === "count" && !decIsInteger(f.value) && f.alt) return f.alt;
  return f.value;
}

function unitFits(f: TextFigure, row: TextRow, local: string[]): boolean {
  if (f.percent) return row.kind === "percent";
  if (row.kind === "percent" || f.unit === "other") return false;
  if (f.unit !== "bare") return row.cues.some((c) => c.join(" ") === f.unit);
  return row.cues.some((c) => hasCue(local, c));
}

/** A rate whose text names a unit ("Tỷ lệ TTHC …") is not meant by a sentence about another unit only ("DVCTT"). */
function cuesAgree(row: TextRow, localWords: readonly string[]): boolean {
  if (row.namedCues.length === 0) return true;
  const named = ALL_UNIT_CUES.filter((c) => hasCue(localWords, c)).map((c) => c.join(" "));
  return named.length === 0 || named.some((c) => row.namedCues.includes(c));
}

function scored(index: RowIndex, f: TextFigure, s: TextSentence) {
  const localWords = contentWords(f.local);
  const local = new Set(localWords);
  const context = new Set(contentWords(s.context));
  const allLocal = f.local.split(/[^\p{L}]+/u).filter(Boolean);
  return index.rows
    .filter((r) => unitFits(f, r, allLocal) && r.rare.every((w) => local.has(w)) && (!f.percent || cuesAgree(r, localWords)))
    .map((row) => ({ row, own: coverage(index, row.required, local), scope: coverage(index, row.scope, context) }))
    .filter((c) => c.scope >= SCOPE_MIN);
}

function tieFigure(index: RowIndex, f: TextFigure, s: TextSentence): Tie | null {
  const cands = scored(index, f, s);
  if (cands.length === 0) return null;
  cands.sort((a, b) => b.own - a.own);
  const best = cands[0];
  const min = f.unit === "bare" && !f.percent ? OWN_MIN_BARE : OWN_MIN;
  if (best.own < min) return null;
  const near = cands.filter((c) => c.own >= best.own - MARGIN).map((c) => c.row);
  const known = near.filter((r) => r.value !== null);
  if (near.length === 1) {
    if (best.row.value === null) return null;
    const stated = statedFor(f, best.row);
    return { figure: f, sentence: s, row: best.row, stated, kind: sameValue(stated, best.row.value, f.percent) ? "agrees" : "mismatch" };
  }
  const agreeing = known.filter((r) => sameValue(statedFor(f, r), r.value!, f.percent));
  if (agreeing.length === 1) return { figure: f, sentence: s, row: agreeing[0], stated: statedFor(f, agreeing[0]), kind: "agrees" };
  // More than three rows fit: too vague to be worth a line.
  if (near.length > MAX_CANDIDATES) return null;
  return { figure: f, sentence: s, row: near[0], stated: statedFor(f, near[0]), kind: "uncertain", candidates: near };
}

/** "505/541 … đạt tỷ lệ 93,35%": the fraction's rate rule, and the parts and the rate tied through it. */
function tieFraction(index: RowIndex, f: TextFigure, s: TextSentence): Tie[] {
  const words = new Set(contentWords(s.context));
  const fits = index.rates
    .filter(({ denominator }) => f.unit === "bare" || denominator.cues.some((c) => c.join(" ") === f.unit))
    .map((r) => ({ r, score: coverage(index, [...new Set([...r.target.own, ...r.numerator.own, ...r.denominator.own])], words) }))
    .sort((a, b) => b.score - a.score);
  if (!fits.length || fits[0].score < FRACTION_MIN || (fits[1] && fits[1].score > fits[0].score - MARGIN)) return [];
  const { r } = fits[0];
  const out: Tie[] = [];
  const [numText, denText] = f.raw.split("/");
  const part = (row: TextRow, stated: Dec, written: string) => {
    if (row.value !== null)
      out.push({ figure: f, sentence: s, row, stated, written, kind: sameValue(stated, row.value, false) ? "agrees" : "mismatch" });
  };
  part(r.numerator, f.fraction!.num, numText);
  part(r.denominator, f.fraction!.den, denText);
  for (const p of s.figures)
    if (p.percent && !p.fraction && p.start > f.start && r.target.value !== null)
      out.push({ figure: p, sentence: s, row: r.target, stated: p.value, kind: sameValue(p.value, r.target.value, true) ? "agrees" : "mismatch" });
  return out;
}

function finding(t: Tie): Finding {
  const { row, figure, sentence } = t;
  const severity = t.kind === "mismatch" ? "warning" : "info";
  const params: Finding["params"] = {
    paragraph: String(sentence.paragraph),
    sentence: sentence.text,
    written: t.written ?? figure.raw,
    stated: { dec: decToString(t.stated) },
    indicator: row.text.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim(),
    unit: row.unit,
    percent: row.kind === "percent" ? "%" : "",
  };
  if (row.value !== null) params.table = { dec: decToString(row.value) };
  if (t.candidates) params.candidates = t.candidates.map((c) => `${c.form} ${c.stt}`).join(", ");
  // An uncertain tie names no row: the candidates are in the message.
  const tied = t.kind !== "uncertain";
  return {
    rule: tied ? `report.${row.form}.${row.stt}` : `report.${row.form}.uncertain`,
    check: `report.${t.kind}`,
    severity,
    form: row.form,
    stt: tied ? row.stt : undefined,
    sheet: tied ? row.sheet : undefined,
    cell: tied ? row.cell : undefined,
    value: t.written ?? figure.raw,
    expected: row.value !== null && t.kind !== "uncertain" ? decToString(row.value) : undefined,
    params,
  };
}

/** The findings of the cross-check: mismatches (warning), agreements and uncertain ties (info), in text order. */
export function checkReportText(input: TextCheckInput): Finding[] {
  const index = indexRows(input.set, input.values, input.forms);
  if (index.rows.length === 0) return [];
  const out: Finding[] = [];
  for (const s of textSentences(input.paragraphs)) {
    const ties: Tie[] = [];
    const done = new Set<TextFigure>();
    for (const f of s.figures)
      if (f.fraction) {
        const got = tieFraction(index, f, s);
        for (const t of got) done.add(t.figure);
        ties.push(...got);
        done.add(f);
      }
    for (const f of s.figures) {
      if (done.has(f)) continue;
      const t = tieFigure(index, f, s);
      if (t) ties.push(t);
    }
    // A row this sentence states rightly: its other figures there are parts or other scopes.
    const rightly = new Set(ties.filter((t) => t.kind === "agrees").map((t) => t.row));
    for (const t of ties)
      if (t.kind === "mismatch" && rightly.has(t.row)) {
        t.kind = "uncertain";
        t.candidates = [t.row];
      }
    ties.sort((a, b) => a.figure.start - b.figure.start);
    out.push(...ties.map(finding));
  }
  return out;
}
