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
  return sign + groupThousands(int, group) + (frac ? point + frac : "");
}

/** "1234567" → "1.234.567": one pass over the digits (a lookahead regex here is quadratic in the digit count). */
function groupThousands(int: string, group: string): string {
  const head = int.length % 3 || 3;
  if (int.length <= 3) return int;
  const parts = [int.slice(0, head)];
  for (let i = head; i < int.length; i += 3) parts.push(int.slice(i, i + 3));
  return parts.join(group);
}
