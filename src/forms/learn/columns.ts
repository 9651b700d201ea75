/**
 * Which column of a table holds what, by its header text in any order: STT, Chỉ tiêu, Đơn vị tính, Số liệu, Ghi chú.
 * Two header rows with merged cells ("Kết quả thống kê" over "Đơn vị tính" / "Số liệu") and a row numbering the
 * columns ("(1) (2) (3)") are read; any other column ("Kỳ trước", "Cùng kỳ") is kept out of the form.
 */
import { rowTexts, type DocTable } from "../../io/document";
import { normaliseStt } from "../stt";
import { cleanText, fold } from "./text";

export type ColumnRole = "stt" | "text" | "unit" | "value" | "note";

export interface ColumnMap {
  stt: number;
  text: number;
  unit?: number;
  value?: number;
  note?: number;
  /** Columns kept out of the form, with their header as printed. */
  extra: Array<{ col: number; label: string }>;
  /** The header of each found column as printed ("Kết quả thống kê: Đơn vị tính" under a merged heading). */
  labels: Partial<Record<ColumnRole, string>>;
  /** The grid columns of the table the map was read from. */
  width: number;
}

export interface HeaderFound {
  columns: ColumnMap;
  /** 0-based index of the first header row and of the first row after the header. */
  start: number;
  end: number;
}

const STT = /^(?:stt|tt|so tt|so thu tu)$/u;
const TEXT = /chi tieu|noi dung|tieu chi/u;
const UNIT = /^(?:don vi tinh|dvt|don vi)$|don vi tinh/u;
const VALUE_LEAF = /so lieu|ket qua|gia tri|ky nay|ky bao cao|thuc hien/u;
const OTHER_PERIOD = /ky truoc|cung ky|nam truoc|ke hoach|so sanh/u;
const NOTE = /ghi chu/u;

const bare = (s: string) => fold(s).replace(/[().:*]/gu, "").trim();

/** A row that numbers the columns: "(1) (2) (3) (4) (5)" or "A B 1 2 3". */
export function isNumberingRow(texts: readonly string[]): boolean {
  const filled = texts.filter((t, i) => t !== "" && t !== texts[i - 1]);
  return filled.length >= 3 && filled.every((t) => /^\(?[0-9A-Za-z]{1,2}\)?$/u.test(t.trim()));
}

function headerRow(texts: readonly string[]): boolean {
  const f = texts.map(bare);
  return f.some((t) => STT.test(t)) && f.some((t) => TEXT.test(t));
}

/** A second header row: short headings ("Đơn vị tính", "Số liệu", "Kỳ trước"), no row number, or nothing at all. */
function looksLikeHeaderContinuation(texts: readonly string[]): boolean {
  const f = texts.map(bare);
  if (texts.some((t) => normaliseStt(t) !== null) || f.some((t) => t.length > 40)) return false;
  return f.some((t) => UNIT.test(t) || VALUE_LEAF.test(t) || OTHER_PERIOD.test(t) || NOTE.test(t)) || f.every((t) => t === "");
}

/** Finds the header in the first rows of a table; null when it has no STT and Chỉ tiêu columns. */
export function findHeader(table: DocTable, searchRows = 15): HeaderFound | null {
  const width = table.columns || Math.max(0, ...table.rows.map((r) => r.cells.reduce((n, c) => Math.max(n, c.col + c.span), 0)));
  const texts = table.rows.slice(0, searchRows + 4).map((r) => rowTexts(r, width).map(cleanText));
  const start = texts.findIndex((t, i) => i < searchRows && headerRow(t));
  if (start < 0) return null;
  let end = start + 1;
  while (end < texts.length && end < start + 4 && (looksLikeHeaderContinuation(texts[end]) || isNumberingRow(texts[end]))) end++;
  const headerRows = texts.slice(start, end).filter((t) => !isNumberingRow(t));

  const map: ColumnMap = { stt: -1, text: -1, extra: [], labels: {}, width };
  for (let c = 0; c < width; c++) {
    const stack: string[] = [];
    for (const row of headerRows) if (row[c] && row[c] !== stack[stack.length - 1]) stack.push(row[c]);
    if (stack.length === 0) continue;
    const leaf = bare(stack[stack.length - 1]);
    const all = bare(stack.join(" "));
    const printed = stack.length > 1 ? `${stack[0]}: ${stack.slice(1).join(" ")}` : stack[0];
    const role: ColumnRole | null = STT.test(leaf)
      ? "stt"
      : TEXT.test(leaf)
        ? "text"
        : UNIT.test(leaf)
          ? "unit"
          : NOTE.test(leaf)
            ? "note"
            : OTHER_PERIOD.test(leaf)
              ? null
              : VALUE_LEAF.test(leaf) || (stack.length > 1 && VALUE_LEAF.test(all) && !OTHER_PERIOD.test(all))
                ? "value"
                : null;
    const taken = role === "stt" || role === "text" ? map[role] >= 0 : role !== null && map[role] !== undefined;
    if (role && !taken) {
      map[role] = c;
      map.labels[role] = printed;
    } else map.extra.push({ col: c, label: printed });
  }
  if (map.stt < 0 || map.text < 0) return null;
  return { columns: map, start, end };
}
