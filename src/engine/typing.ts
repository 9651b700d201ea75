/**
 * What Excel stores when a clerk types text into a General cell, under Vietnamese (decimal comma, thousands dot) or
 * English (decimal point, thousands comma) regional settings. Used to fill workbooks from a TSV (`bieumau new
 * --from`), by the demo's grid, and by tests, so each sees what a real workbook would hold.
 *
 * Text that starts with "=" is returned as text: the product never turns user text into a formula.
 */
import { decFromString, decToNumber } from "./exact";
import type { CellInput } from "./types";

export type TypingLocale = "vi-VN" | "en-US";

const SEPARATORS: Record<TypingLocale, { decimal: string; group: string }> = {
  "vi-VN": { decimal: ",", group: "." },
  "en-US": { decimal: ".", group: "," },
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function excelTypedCell(typed: string, locale: TypingLocale = "vi-VN"): CellInput {
  const text = typed.normalize("NFC");
  const t = text.trim();
  if (t === "") return { value: null, text: "" };
  if (t.startsWith("=") || t.startsWith("'")) {
    // A leading apostrophe is Excel's own "keep as text" mark: it is not part of the value.
    const value = t.startsWith("'") ? t.slice(1) : t;
    return { value, text: value, numberFormat: "@" };
  }
  const { decimal, group } = SEPARATORS[locale];
  const g = escapeRe(group);
  const d = escapeRe(decimal);
  const re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?(%?)$`);
  const m = re.exec(t);
  if (!m) return { value: t, text: t };
  const [, sign, intPart, frac, pct] = m;
  const grouped = intPart.includes(group);
  const canonical = `${sign === "-" ? "-" : ""}${intPart.split(group).join("")}${frac ? `.${frac}` : ""}`;
  const dec = decFromString(canonical);
  if (!dec) return { value: t, text: t };
  if (pct) {
    // "99,69%" is stored as 0.9969 with a percentage format showing as many decimals as were typed.
    const value = Number((decToNumber(dec) / 100).toPrecision(15));
    const places = frac ? frac.length : 0;
    return { value, text: t, numberFormat: places ? `0.${"0".repeat(places)}%` : "0%" };
  }
  const value = decToNumber(dec);
  if (grouped) return { value, text: t, numberFormat: frac ? `#,##0.${"0".repeat(frac.length)}` : "#,##0" };
  // General shows the shortest form in the locale's marks ("62,50" displays "62,5").
  const shown = String(value).replace(".", decimal);
  return { value, text: shown, numberFormat: "General" };
}
