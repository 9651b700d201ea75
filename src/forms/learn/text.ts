/** Text as the learner compares and keeps it. */

/**
 * A cell's text as one line: lines joined with a space (Word wraps an indicator over several paragraphs), markup
 * that a converter left as literal text ("<i>…</i>") dropped, runs of spaces collapsed.
 */
export function cleanText(raw: string): string {
  return raw
    .normalize("NFC")
    .replace(/<\/?(?:i|b|u|em|strong|span|sup|sub)\s*>|<br\s*\/?>/giu, " ")
    .replace(/[\s\u00a0]+/gu, " ")
    .trim();
}

/** Lowercase without diacritics ("Đơn vị tính" → "don vi tinh"), for matching headers and words. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/đ/gu, "d")
    .replace(/Đ/gu, "D")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

/** "Biểu mẫu 3", "BIỂU MẪU SỐ 3: Cải cách …", "Biểu số 03/BC-CCHC", "BM3" → the form number and the rest of the line. */
export function formLabel(text: string): { number: number; rest: string } | null {
  const m = /^\s*(?:bieu\s*mau|bieu|bm|mau)\s*(?:so\s*)?(\d{1,2})(?![\d.])(?:\/[a-z0-9-]+)?\s*(?:[.:\-–—)]\s*)?(.*)$/u.exec(fold(text));
  if (!m) return null;
  const number = Number(m[1]);
  if (number < 1) return null;
  // The rest in its printed form: the same number of characters from the end of the original text.
  const original = cleanText(text);
  const rest = m[2] ? original.slice(original.length - m[2].length).trim() : "";
  return { number, rest };
}
