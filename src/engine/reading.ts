/**
 * What a cell says, before the row's kind is known: blank, an error value, text, or a number with the readings a
 * Vietnamese clerk's typing allows. Workbooks come from Excel set to Vietnamese (decimal comma, thousands dot) or to
 * English regional settings, so one typed text may arrive as a number, a percentage-formatted fraction, or text.
 */
import { decFromNumber, decFromString, decInt, decMul, decToString, imul, pow10, type Dec } from "./exact";
import type { CellInput } from "./types";
import { memoised } from "../util/memo";
import { formatDecimal } from "../i18n/number";

export type AltReason =
  /**
   * "52,414" stored by a vi-VN Excel as 52.414, or "1.081" stored by an en-US Excel as 1.081: the mark was meant as a
   * thousands separator; the alternative reads 52414 / 1081.
   */
  | "thousands_separator"
  /** "1.081" as text reads 1081 the vi-VN way; the alternative is the English decimal reading 1.081. */
  | "english_decimal";

export type Reading =
  | { type: "blank" }
  | { type: "error"; display: string }
  /** Text; `tooLong` when it is made of a number's characters but longer than any real figure (never parsed). */
  | { type: "text"; display: string; tooLong?: boolean }
  | {
      type: "number";
      /** The primary reading, in the cell's own units (a percentage-formatted 0.9969 reads 0.9969 here). */
      dec: Dec;
      display: string;
      /** The number arrived as text ("number stored as text"). */
      fromText: boolean;
      /** The cell is formatted as a percentage (Excel stores 99,69% as 0.9969). */
      percentFormat: boolean;
      /** The typed text carried a "%" sign (text cells). */
      percentSign: boolean;
      /** Another reading the typing allows, with why. */
      alt?: Dec;
      altReason?: AltReason;
      /** The alternative needs a rate rule to confirm it (fewer than three decimals survived). */
      weakAlt?: boolean;
      /** Text written the English way ("70.68", "1,234.5"): read as such, and said. */
      englishFormat?: boolean;
    };

const ERROR_RE = /^#(DIV\/0!|N\/A|NAME\?|NULL!|NUM!|REF!|VALUE!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|BLOCKED!|CONNECT!|UNKNOWN!)$/i;
const SPACES_RE = /[\s\u00a0\u202f]/g;

function displayOf(cell: CellInput): string {
  if (cell.text !== undefined && cell.text !== "") return cell.text;
  const v = cell.value;
  if (typeof v === "number") {
    const d = decFromNumber(v);
    if (!d) return String(v);
    if (isPercentFormat(cell.numberFormat)) return `${formatDecimal(decToString(decMul(d, decInt(100))), "vi")}%`;
    return formatDecimal(decToString(d), "vi");
  }
  return v === null || v === undefined ? "" : String(v);
}

/** A "%" outside quotes and escapes makes Excel scale by 100 (memoised per format string). */
const percentInFormat = memoised((format: string) => /%/.test(format.replace(/"[^"]*"|\\./g, "")), 1000);
export function isPercentFormat(format: string | undefined): boolean {
  return !!format && format !== "General" && format.includes("%") && percentInFormat(format);
}

/**
 * The longest typed number read as one: a count of 18 digits with 5 thousands marks and a sign is 24 characters, a
 * rate with all of Excel's 15 significant digits fewer still; anything longer is not a figure a clerk typed.
 */
export const MAX_NUMBER_TEXT = 64;
/** Only a number's characters once spaces are gone (digits, marks, sign, percent): no overlapping classes, linear. */
const NUMBER_CHARS_RE = /^[+-]?[\d.,]*%?$/;

/** Text made of a number's characters but longer than MAX_NUMBER_TEXT: reported as such, never parsed. */
export function isOverlongNumberText(raw: string): boolean {
  if (raw.length <= MAX_NUMBER_TEXT) return false;
  const t = raw.replace(SPACES_RE, "");
  return t.length > MAX_NUMBER_TEXT && NUMBER_CHARS_RE.test(t) && /\d/.test(t);
}

/** Reads text the way a clerk means it: vi-VN first, with the other reading kept when the text allows two. */
export function readNumericText(
  raw: string,
): { dec: Dec; percentSign: boolean; alt?: Dec; altReason?: AltReason; englishFormat?: boolean } | null {
  // Bounded before any other work: every step below is linear, but a 32,767-digit "count" is not a count.
  if (raw.length > MAX_NUMBER_TEXT * 4) return null;
  let t = raw.normalize("NFC").replace(SPACES_RE, "");
  if (t === "" || t.length > MAX_NUMBER_TEXT) return null;
  let percentSign = false;
  if (t.endsWith("%")) {
    percentSign = true;
    t = t.slice(0, -1);
  }
  let sign = "";
  if (t.startsWith("-") || t.startsWith("+")) {
    sign = t[0] === "-" ? "-" : "";
    t = t.slice(1);
  }
  let m: RegExpExecArray | null;
  // Plain integer.
  if (/^\d+$/.test(t)) return withDec(decFromString(sign + t), percentSign);
  // vi-VN decimal comma: "55,17", "52,414" (three digits: maybe a thousands comma).
  if ((m = /^(\d+),(\d+)$/.exec(t))) {
    const d = decFromString(`${sign}${m[1]}.${m[2]}`);
    if (d && m[2].length === 3 && m[1].length <= 3) return withDec(d, percentSign, decFromString(sign + m[1] + m[2]), "thousands_separator");
    return withDec(d, percentSign);
  }
  // vi-VN thousands dots with an optional decimal comma: "1.081", "331.084", "1.234,5".
  if ((m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(t))) {
    const d = decFromString(`${sign}${m[1].replace(/\./g, "")}${m[2] ? `.${m[2]}` : ""}`);
    if (d && !m[2] && m[1].split(".").length === 2) return withDec(d, percentSign, decFromString(sign + m[1]), "english_decimal");
    return withDec(d, percentSign);
  }
  // English decimal point: "70.68" (not a vi thousands group).
  if ((m = /^(\d+)\.(\d+)$/.exec(t))) return withDec(decFromString(`${sign}${m[1]}.${m[2]}`), percentSign, undefined, undefined, true);
  // English thousands commas with optional decimal point: "52,414,000", "1,234.5".
  if ((m = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t))) {
    return withDec(decFromString(`${sign}${m[1].replace(/,/g, "")}${m[2] ? `.${m[2]}` : ""}`), percentSign, undefined, undefined, true);
  }
  return null;
}

/** The parsed result, or null when a decimal could not be made (an alternative that cannot be made is dropped). */
function withDec(
  d: Dec | null,
  percentSign: boolean,
  alt?: Dec | null,
  altReason?: AltReason,
  englishFormat?: boolean,
): { dec: Dec; percentSign: boolean; alt?: Dec; altReason?: AltReason; englishFormat?: boolean } | null {
  if (!d) return null;
  const out: { dec: Dec; percentSign: boolean; alt?: Dec; altReason?: AltReason; englishFormat?: boolean } = { dec: d, percentSign };
  if (alt) {
    out.alt = alt;
    out.altReason = altReason;
  }
  if (englishFormat) out.englishFormat = true;
  return out;
}

/**
 * Every reading that is not a number: one class, so code reading `.type` across readings meets two object shapes
 * (this and NumberReading), not five; a property read over more shapes than four is V8's slowest kind.
 */
class PlainReading {
  constructor(
    readonly type: "blank" | "error" | "text",
    readonly display: string | undefined,
    readonly tooLong: true | undefined,
  ) {}
}
const plain = (type: "error" | "text", display: string, tooLong?: true): Reading => new PlainReading(type, display, tooLong) as Reading;

/** Reads one cell as a host gave it. Never throws. */
const BLANK: Reading = Object.freeze(new PlainReading("blank", undefined, undefined)) as Reading;

/**
 * A number reading: every field present, in one order (one object shape for the engine's hot loop). Its display
 * text is built only when a finding or a caller asks for it: formatting every number costs more than checking it.
 */
class NumberReading {
  readonly type = "number" as const;
  private shown: string | undefined;
  constructor(
    readonly dec: Dec,
    private readonly cell: CellInput,
    shown: string | undefined,
    readonly fromText: boolean,
    readonly percentFormat: boolean,
    readonly percentSign: boolean,
    readonly alt: Dec | undefined,
    readonly altReason: AltReason | undefined,
    readonly weakAlt: boolean,
    readonly englishFormat: boolean,
  ) {
    this.shown = shown;
  }

  get display(): string {
    return (this.shown ??= displayOf(this.cell));
  }
}

export function readCell(cell: CellInput | null | undefined): Reading {
  if (!cell) return BLANK;
  const v = cell.value;
  if (v === null || v === undefined || v === "") return BLANK;
  if (typeof v === "boolean") return plain("text", v ? "TRUE" : "FALSE");
  if (typeof v === "number") {
    const dec = decFromNumber(v);
    if (!dec) return plain("error", displayOf(cell) || String(v));
    const percentFormat = isPercentFormat(cell.numberFormat);
    // A count typed "52,414" under vi-VN arrives as 52.414; "1.081" under en-US as 1.081; "42.260" under en-US as
    // 42.26 (the trailing zero is lost): a thousands separator, maybe. The row's kind and the rate rules decide.
    // decFromNumber gives no trailing zeros, so dec.s is the number of decimals.
    const places = dec.s;
    if (!percentFormat && places >= 1 && places <= 3 && Math.abs(v) >= 1 && Math.abs(v) < 1000)
      return new NumberReading(dec, cell, undefined, false, false, false, { m: imul(dec.m, pow10(3 - places)), s: 0 }, "thousands_separator", places < 3, false);
    return new NumberReading(dec, cell, undefined, false, percentFormat, false, undefined, undefined, false, false);
  }
  const text = String(v);
  const trimmed = text.trim();
  if (trimmed === "") return BLANK;
  if (ERROR_RE.test(trimmed)) return plain("error", trimmed);
  if (isOverlongNumberText(trimmed)) return plain("text", text, true);
  const parsed = readNumericText(trimmed);
  if (!parsed) return plain("text", text);
  return new NumberReading(
    parsed.dec, cell, cell.text && cell.text !== "" ? cell.text : text, true, false, parsed.percentSign,
    parsed.alt, parsed.altReason, false, parsed.englishFormat ?? false,
  );
}
