export type Lang = "vi" | "en";

/** Picks the language from an Office display language tag ("vi-VN" → vi, anything else → en). */
export function langFromLocale(locale: string | undefined | null): Lang {
  return !locale || /^vi\b/i.test(locale) ? "vi" : "en";
}

/**
 * Formats a canonical decimal string ("9751", "-96.55") as a person reads it:
 * vi "9.751" / "96,55", en "9,751" / "96.55". Anything that is not a canonical decimal is returned as it is.
 */
export function formatDecimal(dec: string, lang: Lang): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(dec);
  if (!m) return dec;
  const [, sign, int, frac] = m;
  const group = lang === "vi" ? "." : ",";
  const point = lang === "vi" ? "," : ".";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return sign + grouped + (frac ? point + frac : "");
}
