/**
 * The data file of `bieumau new --from`: a TSV shaped like ../shared/samples/quang-tri-2024-6t.tsv, one indicator a
 * line: form, STT, indicator text, unit, value as typed, note. The first line is a header when its STT column is not
 * an STT. Values stay text here: what Excel stores for them is the engine's excelTypedCell.
 */
import { normaliseStt } from "../forms/stt";

export interface TsvRow {
  /** 1-based line number in the file. */
  line: number;
  form: string;
  /** As written ("3.1.2.", "1,"). */
  sttAsWritten: string;
  /** Normalised ("3.1.2"), or null when the column holds no STT. */
  stt: string | null;
  text: string;
  unit: string;
  value: string;
  note: string;
}

export interface TsvParse {
  rows: TsvRow[];
  /** Lines with fewer than five columns (1-based). */
  badLines: number[];
}

/** Markup some copies carry inside a cell ("<i>Liên thông 2 cấp…</i>"): dropped, the words kept. */
export function stripMarkup(s: string): string {
  return s
    .replace(/<\/?(?:i|b|u|em|strong|br|span|sup|sub)(?:\s[^>]*)?\/?>/gi, "")
    .replace(/[ \t]{2,}/g, " ")
    .trim();
}

export function parseTsv(text: string): TsvParse {
  const rows: TsvRow[] = [];
  const badLines: number[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    const cols = raw.split("\t").map((c) => c.normalize("NFC"));
    const stt = normaliseStt(cols[1] ?? "");
    if (line === 1 && stt === null) return; // header line
    if (cols.length < 5) {
      badLines.push(line);
      return;
    }
    rows.push({
      line,
      form: cols[0].trim(),
      sttAsWritten: cols[1].trim(),
      stt,
      text: stripMarkup(cols[2] ?? ""),
      unit: stripMarkup(cols[3] ?? ""),
      value: cols[4] ?? "",
      note: stripMarkup(cols[5] ?? ""),
    });
  });
  return { rows, badLines };
}

/** "BM3", "bm3", "3", "Biểu mẫu 3" → the id of a form in the set, or null. */
export function resolveFormId(token: string, forms: ReadonlyArray<{ id: string; number: number }>): string | null {
  const t = token.normalize("NFC").trim();
  const byId = forms.find((f) => f.id.toLowerCase() === t.toLowerCase());
  if (byId) return byId.id;
  const m = /^(?:bm|biểu\s*mẫu|bieu\s*mau)?\s*(\d+)$/i.exec(t);
  if (m) {
    const n = Number(m[1]);
    const byNumber = forms.find((f) => f.number === n);
    if (byNumber) return byNumber.id;
  }
  return null;
}
