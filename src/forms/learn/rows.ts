/**
 * Each learned row's STT, kind, unit and coding: `%` → percent; "Có = 1; Không = 0" (in the unit or the text) →
 * code with its meanings; no unit and children → group; else count. A "Số …" row printed with unit "%" keeps the
 * printed unit and is flagged for review, as BM1 4.1 of the built-in set is.
 */
import type { FormRow } from "../schema";
import type { Place } from "../provenance";
import { normaliseStt } from "../stt";
import { LEARN_REMARK } from "../../i18n/learn-remarks";
import { cleanText, fold } from "./text";
import type { RawRow, Skipped } from "./types";

const PUNCT_EDGES = /^[\s;,.:()\-–]+|[\s;,.:()\-–]+$/gu;

/**
 * "Có = 1; Không = 0", "Chưa có = 0 2 cấp = 1 3 cấp = 2" → {"1": "Có", "0": "Không"}; null unless the whole text is
 * such a coding with at least two codes.
 */
export function parseCoding(text: string): Record<string, string> | null {
  const re = /=\s*(-?\d+)(?!\s*[\d,.]\d)/gu;
  const out: Record<string, string> = {};
  let prev = 0;
  let n = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const label = text.slice(prev, m.index).replace(PUNCT_EDGES, "").trim();
    if (!label || label.length > 60 || m[1] in out) return null;
    out[m[1]] = label;
    prev = re.lastIndex;
    n++;
  }
  if (n < 2 || text.slice(prev).replace(PUNCT_EDGES, "").trim() !== "") return null;
  return out;
}

/** A coding printed in the indicator text: on lines of its own, or in parentheses at its end. */
function codingInText(row: RawRow): { text: string; coding: Record<string, string>; printed: string } | null {
  if (row.lines && row.lines.length > 1) {
    const lines = row.lines.map(cleanText).filter(Boolean);
    const codeLines = lines.filter((l) => parseCoding(l));
    if (codeLines.length > 0 && codeLines.length < lines.length) {
      const printed = codeLines.join(" ");
      const coding = parseCoding(printed);
      if (coding) return { text: lines.filter((l) => !codeLines.includes(l)).join(" "), coding, printed };
    }
  }
  const m = /^(.*?)\s*[([]([^()[\]]*=[^()[\]]*)[)\]]\s*\.?$/u.exec(row.text) ?? /^(.*?)\s*:\s*([^:]*=\s*-?\d+[^:]*)$/u.exec(row.text);
  const coding = m ? parseCoding(m[2]) : null;
  return m && coding ? { text: m[1].trim(), coding, printed: m[2].trim() } : null;
}

const isPercentUnit = (unit: string) => /^\(?%\)?$|^t[ỷi] l[ệe] ?\(?%\)?$/iu.test(unit.trim());
const startsWithSo = (text: string) => /^(?:so|tong so)\s/u.test(fold(text)) && !/^so lieu\b/u.test(fold(text));

/** A learned row before its kind is known: its normal STT and where it came from. */
interface Numbered {
  raw: RawRow;
  stt: string;
}

/** Normal STTs: "2.1." → "2.1"; "a)" under "2.1" → "2.1.1" (the letter's place in the alphabet). */
function number(rows: readonly RawRow[], skipped: Skipped[]): Numbered[] {
  const out: Numbered[] = [];
  const seen = new Set<string>();
  let lastNumeric: string | null = null;
  for (const raw of rows) {
    let stt = normaliseStt(raw.sttPrinted);
    if (stt !== null) lastNumeric = stt;
    else {
      const letter = /^\(?([a-zđ])\)\.?$/u.exec(raw.sttPrinted.trim());
      const index = letter ? "abcdđeghiklmnopqrstuvxy".indexOf(letter[1]) + 1 : 0;
      if (lastNumeric === null || index < 1) {
        skipped.push({ place: raw.place, problem: "stt_unreadable", text: raw.sttPrinted });
        continue;
      }
      stt = `${lastNumeric}.${index}`;
    }
    if (seen.has(stt)) {
      skipped.push({ place: raw.place, problem: "duplicate_stt", text: raw.sttPrinted });
      continue;
    }
    seen.add(stt);
    out.push({ raw, stt });
  }
  return out;
}

/** The unit of a count printed with "%": the unit of another count of the form named in its text, if any. */
function unitNamedInText(text: string, countUnits: readonly string[]): string | null {
  const t = fold(text);
  const candidates = countUnits.filter((u) => fold(u).length >= 3 && t.includes(fold(u)));
  return candidates.sort((a, b) => b.length - a.length)[0] ?? null;
}

export function learnRows(rawRows: readonly RawRow[], skipped: Skipped[]): FormRow[] {
  const numbered = number(rawRows, skipped);
  const parents = new Set(numbered.map((n) => n.stt.split(".").slice(0, -1).join(".")));
  const hasChildren = (i: number) => parents.has(numbered[i].stt);
  const countUnits = numbered
    .map((n) => n.raw.unit)
    .filter((u) => u && !isPercentUnit(u) && !parseCoding(u));
  return numbered.map(({ raw, stt }, i): FormRow => {
    const base = { stt, stt_as_printed: raw.sttPrinted, source: "province" as const, from: raw.place satisfies Place };
    const unitCoding = raw.unit ? parseCoding(raw.unit) : null;
    if (unitCoding) return { ...base, text: raw.text, unit: raw.unit, kind: "code", coding: unitCoding };
    const inText = codingInText(raw);
    if (inText && (!raw.unit || /^m[aã]$/iu.test(raw.unit)))
      return { ...base, text: inText.text, unit: raw.unit || inText.printed, kind: "code", coding: inText.coding };
    if (isPercentUnit(raw.unit)) {
      if (!startsWithSo(raw.text)) return { ...base, text: raw.text, unit: raw.unit, kind: "percent" };
      const named = unitNamedInText(raw.text, countUnits);
      return {
        ...base,
        text: raw.text,
        unit: named ?? raw.unit,
        kind: "count",
        ...(named ? { unit_official_typo: raw.unit } : {}),
        review: ["count_unit_percent"],
        remark: LEARN_REMARK.countUnitPercent(raw.unit, named),
      };
    }
    if (!raw.unit && hasChildren(i)) return { ...base, text: raw.text, unit: "", kind: "group" };
    if (!raw.unit) return { ...base, text: raw.text, unit: "", kind: "count", review: ["no_unit"], remark: LEARN_REMARK.noUnit };
    return { ...base, text: raw.text, unit: raw.unit, kind: "count" };
  });
}
