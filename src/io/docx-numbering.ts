/**
 * Word's automatic numbering (ECMA-376 Part 1, 17.9): a paragraph with w:numPr shows a label ("1.", "2.1.", "a)")
 * that is not in its text. Forms whose STT column is a numbered list would otherwise read with no STT at all, so the
 * .docx reader renders the label as Word would and puts it before the paragraph's text.
 *
 * Covered: w:abstractNum levels (w:start, w:numFmt, w:lvlText with %1…%9), w:num → w:abstractNumId with
 * w:lvlOverride/w:startOverride, counters per list instance (numId), deeper levels restarting when a level above
 * advances. Not covered: numbering attached through paragraph styles, w:lvlRestart and w:isLgl.
 */
import { parseXml } from "./xml";

interface Level {
  start: number;
  format: string;
  text: string;
}

export class Numbering {
  private readonly abstract = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; starts: Map<number, number> }>();
  private readonly counters = new Map<string, number[]>();

  /** Parses word/numbering.xml; a damaged part gives no numbering rather than no document. */
  static parse(xml: string | null): Numbering {
    const n = new Numbering();
    if (!xml) return n;
    let abstractId: string | null = null;
    let level: (Level & { ilvl: number }) | null = null;
    let numId: string | null = null;
    let overrideLvl: number | null = null;
    try {
      parseXml(xml, {
        open: (name, a) => {
          if (name === "abstractNum") {
            abstractId = a.abstractNumId ?? null;
            n.abstract.set(abstractId ?? "", new Map());
          } else if (name === "lvl" && abstractId !== null) level = { ilvl: Number(a.ilvl ?? 0), start: 1, format: "decimal", text: "" };
          else if (name === "start" && level) level.start = Number(a.val ?? 1) || 0;
          else if (name === "numFmt" && level) level.format = a.val ?? "decimal";
          else if (name === "lvlText" && level) level.text = a.val ?? "";
          else if (name === "num") {
            numId = a.numId ?? null;
            if (numId !== null) n.nums.set(numId, { abstractId: "", starts: new Map() });
          } else if (name === "abstractNumId" && numId !== null) n.nums.get(numId)!.abstractId = a.val ?? "";
          else if (name === "lvlOverride" && numId !== null) overrideLvl = Number(a.ilvl ?? 0);
          else if (name === "startOverride" && numId !== null && overrideLvl !== null) n.nums.get(numId)!.starts.set(overrideLvl, Number(a.val ?? 1));
        },
        close: (name) => {
          if (name === "lvl" && level && abstractId !== null) {
            n.abstract.get(abstractId)!.set(level.ilvl, level);
            level = null;
          } else if (name === "abstractNum") abstractId = null;
          else if (name === "num") numId = null;
          else if (name === "lvlOverride") overrideLvl = null;
        },
      }, "word/numbering.xml");
    } catch {
      return new Numbering();
    }
    return n;
  }

  /** Advances the list `numId` at level `ilvl` and returns the label Word shows, or "" when there is none. */
  next(numId: string, ilvl: number): string {
    const num = this.nums.get(numId);
    const levels = num ? this.abstract.get(num.abstractId) : undefined;
    if (!num || !levels || !levels.has(ilvl)) return "";
    const startOf = (l: number) => num.starts.get(l) ?? levels.get(l)?.start ?? 1;
    let c = this.counters.get(numId);
    if (!c) this.counters.set(numId, (c = []));
    for (let l = 0; l < ilvl; l++) if (c[l] === undefined) c[l] = startOf(l);
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl] + 1;
    c.length = ilvl + 1; // deeper levels restart
    const lvl = levels.get(ilvl)!;
    return lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      return format(c![l] ?? startOf(l), levels.get(l)?.format ?? "decimal");
    }).trim();
  }
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"]];
  let out = "";
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter past z: aa, bb, …
  const ch = String.fromCharCode(97 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "none":
    case "bullet":
      return "";
    default:
      return String(n);
  }
}
