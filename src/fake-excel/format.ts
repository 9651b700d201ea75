/**
 * Displayed text of a cell, as Excel's `Range.text` gives it, for the handful of number formats the product and
 * clerks use: General, "@", "0", "0.00", "#,##0", "#,##0.##", "0%", "0.00%". Separators follow the workbook's
 * regional settings (vi-VN: "." groups thousands, "," is the decimal mark). An unknown format falls back to General.
 */
import { excelRound, isError, type FValue } from "./formula";

export type FakeLocale = "vi-VN" | "en-US";

function separators(locale: FakeLocale): { group: string; point: string } {
  return locale === "vi-VN" ? { group: ".", point: "," } : { group: ",", point: "." };
}

function localise(plain: string, locale: FakeLocale, grouping: boolean): string {
  const { group, point } = separators(locale);
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(plain);
  if (!m) return plain;
  const int = grouping ? m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group) : m[2];
  return m[1] + int + (m[3] !== undefined ? point + m[3] : "");
}

function general(n: number, locale: FakeLocale): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return localise(String(n), locale, false);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return n.toExponential(5).replace(/\.?0+e/, "E").replace("e", "E");
  // Excel's General shows at most 11 characters; 10 significant digits is a close, honest approximation.
  const s = String(Number(n.toPrecision(10)));
  return localise(s, locale, false);
}

function fixed(n: number, decimals: number): string {
  const r = excelRound(n, decimals);
  return r.toFixed(decimals);
}

export function formatNumber(n: number, numberFormat: string, locale: FakeLocale): string {
  const f = numberFormat.trim();
  switch (f) {
    case "":
    case "General":
    case "@":
      return general(n, locale);
    case "0":
      return localise(fixed(n, 0), locale, false);
    case "0.00":
      return localise(fixed(n, 2), locale, false);
    case "#,##0":
      return localise(fixed(n, 0), locale, true);
    case "#,##0.00":
      return localise(fixed(n, 2), locale, true);
    case "#,##0.##": {
      // Excel keeps the decimal mark even when no decimals follow: 17 shows as "17." ("17," in vi-VN).
      const s = fixed(n, 2).replace(/0+$/, "");
      return localise(s, locale, true);
    }
    case "0%":
      return localise(fixed(n * 100, 0), locale, false) + "%";
    case "0.00%":
      return localise(fixed(n * 100, 2), locale, false) + "%";
    default:
      return general(n, locale);
  }
}

export function displayText(v: FValue, numberFormat: string, locale: FakeLocale): string {
  if (v === null) return "";
  if (isError(v)) return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  return formatNumber(v, numberFormat, locale);
}
