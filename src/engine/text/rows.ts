/**
 * What each indicator row looks like to the text cross-check: its own words, the distinctive words of the groups
 * above it, the cues of its unit, and its value as the engine resolved it. Word weights are inverse document
 * frequencies over every row of the set, so "bãi bỏ" (one row) says more than "TTHC" (seventeen).
 */
import type { FormDefinition, FormRow, TemplateSet } from "../../forms/schema";
import { decFromString, type Dec } from "../exact";
import type { FilledForm, ResolvedValue } from "../types";
import { ALL_UNIT_CUES, contentWords, isGenericHeadingWord, normalise, unitCues } from "./words";

export interface TextRow {
  form: string;
  stt: string;
  kind: FormRow["kind"];
  text: string;
  unit: string;
  own: string[];
  /**
   * The own words a sentence must say: all but a short last alternative ("Số TTHC bãi bỏ, thay thế": a sentence
   * saying "bãi bỏ" means this row without "thay thế").
   */
  required: string[];
  /** Required words rare among the rows (in at most two): the words that tell this row apart. */
  rare: string[];
  /** Unit cues the row's own text names ("Tỷ lệ TTHC …": tthc): a rate of another unit is another rate. */
  namedCues: string[];
  /** Words of the groups above that this row's own text lacks: the scope a sentence must name. */
  scope: string[];
  cues: string[][];
  /** The table's value (null when blank or unreadable), as the engine resolved it. */
  value: Dec | null;
  sheet?: string;
  cell?: string;
}

export interface RowIndex {
  rows: TextRow[];
  weight(word: string): number;
  /** The rate rules of the forms present: target, numerator and denominator rows. */
  rates: Array<{ target: TextRow; numerator: TextRow; denominator: TextRow }>;
}

function ownText(text: string): string {
  return normalise(text.replace(/\([^)]*\)/g, " "));
}

const unique = (ws: readonly string[]) => [...new Set(ws)];

function ancestors(def: FormDefinition, stt: string): FormRow[] {
  const parts = stt.split(".");
  const out: FormRow[] = [];
  for (let k = parts.length - 1; k >= 1; k--) {
    const row = def.rows.find((r) => r.stt === parts.slice(0, k).join("."));
    if (row) out.push(row);
  }
  return out;
}

/**
 * The rows of the forms whose values are given, first copy of each form. `forms` (when given) supplies the value
 * cells' addresses, so a finding points at the table's cell too.
 */
export function indexRows(set: TemplateSet, values: readonly ResolvedValue[], forms: readonly FilledForm[] = []): RowIndex {
  const df = new Map<string, number>();
  let n = 0;
  for (const f of set.forms)
    for (const r of f.rows) {
      n++;
      for (const w of unique(contentWords(ownText(r.text)))) df.set(w, (df.get(w) ?? 0) + 1);
    }
  const weight = (w: string) => Math.log(1 + n / (df.get(w) ?? 1));

  const firstSheet = new Map<string, string>();
  for (const v of values) if (!firstSheet.has(v.form)) firstSheet.set(v.form, v.sheet);
  const valueOf = new Map<string, ResolvedValue>();
  for (const v of values) if (firstSheet.get(v.form) === v.sheet) valueOf.set(`${v.form}:${v.stt}`, v);

  const rows: TextRow[] = [];
  const byKey = new Map<string, TextRow>();
  for (const def of set.forms) {
    const sheet = firstSheet.get(def.id);
    if (sheet === undefined) continue;
    const filled = forms.find((f) => f.formId === def.id && f.sheet === sheet);
    for (const r of def.rows) {
      if (r.kind === "group" || r.kind === "code") continue;
      const own = unique(contentWords(ownText(r.text)));
      // A last comma segment of one or two words is an alternative ("bãi bỏ, thay thế"), not a requirement.
      const segments = ownText(r.text).split(/,(?!\d)/);
      const tail = segments.length > 1 ? contentWords(segments[segments.length - 1]) : [];
      const required = unique(contentWords(tail.length > 0 && tail.length <= 2 ? segments.slice(0, -1).join(",") : ownText(r.text)));
      const cues = unitCues(r.unit);
      const cueWords = new Set(cues.flat());
      const ownSet = new Set(own);
      const scope = unique(
        ancestors(def, r.stt).flatMap((a) => contentWords(ownText(a.text))),
      ).filter((w) => !ownSet.has(w) && !cueWords.has(w) && !isGenericHeadingWord(w));
      const v = valueOf.get(`${def.id}:${r.stt}`);
      const row: TextRow = {
        form: def.id,
        stt: r.stt,
        kind: r.kind,
        text: r.text,
        unit: r.unit,
        own,
        required,
        rare: required.filter((w) => (df.get(w) ?? 0) <= 2),
        namedCues: ALL_UNIT_CUES.filter((c) => hasCue(contentWords(ownText(r.text)), c)).map((c) => c.join(" ")),
        scope,
        cues,
        value: v?.value ? decFromString(v.value) : null,
        sheet,
        cell: filled?.rows[r.stt]?.address,
      };
      rows.push(row);
      byKey.set(`${def.id}:${r.stt}`, row);
    }
  }
  const rates: RowIndex["rates"] = [];
  for (const def of set.forms)
    for (const rule of def.rules) {
      if (rule.type !== "rate") continue;
      const t = byKey.get(`${def.id}:${rule.target}`);
      const nu = byKey.get(`${def.id}:${rule.numerator}`);
      const de = byKey.get(`${def.id}:${rule.denominator}`);
      if (t && nu && de) rates.push({ target: t, numerator: nu, denominator: de });
    }
  return { rows, weight, rates };
}

/** Weighted share of `words` found in `text`'s words. 1 when there are no words to find. */
export function coverage(index: RowIndex, words: readonly string[], text: ReadonlySet<string>): number {
  let have = 0;
  let all = 0;
  for (const w of words) {
    const k = index.weight(w);
    all += k;
    if (text.has(w)) have += k;
  }
  return all === 0 ? 1 : have / all;
}

/** Whether a normalised text contains a cue (a word sequence) as whole words. */
export function hasCue(words: readonly string[], cue: readonly string[]): boolean {
  outer: for (let i = 0; i + cue.length <= words.length; i++) {
    for (let k = 0; k < cue.length; k++) if (words[i + k] !== cue[k]) continue outer;
    return true;
  }
  return false;
}
