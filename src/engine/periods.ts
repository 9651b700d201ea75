/**
 * Report periods as data (pure): kind, year, the data cut-off dates and the due date.
 *
 * Source: Bộ Nội vụ, Văn bản 581/BNV-CCHC "hướng dẫn thực hiện chế độ báo cáo cải cách hành chính định kỳ", as
 * republished by Sở Nội vụ Nam Định (see ../shared/spec/periods-and-reform.md):
 *   Quý I      15/12 of the previous year – 14/3
 *   6 tháng    15/12 of the previous year – 14/6
 *   Quý III    15/6 – 14/9 (not cumulative)
 *   Năm        15/12 of the previous year – 14/12
 * and "thời hạn gửi chậm nhất là ngày 20 của tháng cuối kỳ báo cáo". There is no "9 tháng" period in it; Quý II and
 * Quý IV are not periods of that text either, so they have no cut-off dates here.
 *
 * The two-level reform (rows dated `applies_until: "2025-06-30"` in the built-in set), as far as read:
 * - Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp năm 2013, passed by the Quốc hội 470/470 and in force on
 *   passing (vietnamnet.vn bulletin of 17/6/2025): Điều 110 "các đơn vị hành chính … được tổ chức thành hai cấp, gồm
 *   tỉnh, thành phố trực thuộc trung ương và các đơn vị hành chính dưới tỉnh"; the resolution also ends the
 *   district-level units. Its number (203/2025/QH15) is given by one secondary page (nhansu.vn), not read in the text.
 * - Nghị quyết 202/2025/QH15 (12/6/2025) on merging provincial units: 34 provinces and cities (baodautu.vn).
 * - The 2025 Law on the Organisation of Local Government (amended): the draft put the end of the district level at
 *   1/7/2025 (laodong.vn, baohaiduong.vn); its number and final text were not found, so it is not named here.
 * How the cấp huyện rows of the appendix are reported after 1/7/2025 is in no text we have read: inferred.
 */
import type { SheetGrid } from "./types";
import { memoised } from "../util/memo";

/** The last day cấp huyện exists (the two-level reform above): the `applies_until` of rows about it. */
export const DISTRICT_LEVEL_UNTIL = "2025-06-30";

export type PeriodKind = "q1" | "6t" | "q3" | "nam";
export const PERIOD_KINDS: readonly PeriodKind[] = ["q1", "6t", "q3", "nam"];

export interface Period {
  kind: PeriodKind;
  year: number;
  /** First day of the data cut-off, ISO "YYYY-MM-DD". */
  from: string;
  /** Last day of the data cut-off, ISO. */
  to: string;
  /** The report is due by this day (the 20th of the period's last month), ISO. */
  due: string;
  /** Last day of the calendar span the report is named after (31/3, 30/6, 30/9, 31/12), ISO. */
  nominalEnd: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The period of a kind and year, with its dates from Văn bản 581/BNV-CCHC. */
export function reportPeriod(kind: PeriodKind, year: number): Period {
  switch (kind) {
    case "q1":
      return { kind, year, from: iso(year - 1, 12, 15), to: iso(year, 3, 14), due: iso(year, 3, 20), nominalEnd: iso(year, 3, 31) };
    case "6t":
      return { kind, year, from: iso(year - 1, 12, 15), to: iso(year, 6, 14), due: iso(year, 6, 20), nominalEnd: iso(year, 6, 30) };
    case "q3":
      return { kind, year, from: iso(year, 6, 15), to: iso(year, 9, 14), due: iso(year, 9, 20), nominalEnd: iso(year, 9, 30) };
    case "nam":
      return { kind, year, from: iso(year - 1, 12, 15), to: iso(year, 12, 14), due: iso(year, 12, 20), nominalEnd: iso(year, 12, 31) };
  }
}

/** The same period as a short code: "6t-2024". */
export function periodCode(p: Pick<Period, "kind" | "year">): string {
  return `${p.kind}-${p.year}`;
}

/** ISO "2023-12-15" → [2023, 12, 15]. */
export function isoParts(date: string): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y, m, d];
}

/** Whether `outer`'s cut-off contains `inner`'s (Quý I ⊂ 6 tháng ⊂ Năm of the same year; Quý III ⊂ Năm only). */
export function periodContains(outer: Period, inner: Period): boolean {
  return outer.from <= inner.from && inner.to <= outer.to;
}

/** Both periods count from the same start (15/12): a later one's running totals cannot be smaller. */
export function accumulatesOver(later: Period, earlier: Period): boolean {
  return later.from === earlier.from && periodContains(later, earlier) && later.to !== earlier.to;
}

/** Whether two periods are the same one. */
export function samePeriod(a: Pick<Period, "kind" | "year"> | null | undefined, b: Pick<Period, "kind" | "year"> | null | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.year === b.year;
}

/**
 * Whether a row dated `applies_from`/`applies_until` applies in a period: "yes", "no", or "either" for a period
 * whose span straddles the date. A period's span runs from its cut-off start to the end of the calendar span it is
 * named after (6 tháng 2025 reaches 30/6/2025), so 6 tháng 2025, Quý III 2025 and Năm 2025 straddle 30/6/2025.
 */
export function rowApplies(row: { applies_from?: string; applies_until?: string }, period: Period): "yes" | "no" | "either" {
  const start = period.from;
  const end = period.nominalEnd > period.to ? period.nominalEnd : period.to;
  let result: "yes" | "no" | "either" = "yes";
  if (row.applies_until) {
    if (start > row.applies_until) return "no";
    if (!(end < row.applies_until)) result = "either";
  }
  if (row.applies_from) {
    if (end < row.applies_from) return "no";
    if (start < row.applies_from) result = "either";
  }
  return result;
}

/** Lower case, NFC, no diacritics (đ → d), single spaces: hand-typed titles come with and without accents. */
function foldUncached(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Memoised: the top rows of every sheet are folded on every check, and the same titles recur across a batch. */
const fold = memoised(foldUncached, 5000);

const LEGACY_KINDS: Record<string, PeriodKind | null> = {
  q1: "q1", q3: "q3", "6t": "6t", "6m": "6t", "6thang": "6t", nam: "nam", year: "nam",
  q2: null, q4: null, "9m": null, "9t": null, "9thang": null,
};

/**
 * A period as typed on the command line: "q1-2026", "6t-2024", "q3-2025", "nam-2025" (also "6m"/"year", the older
 * spellings, and "/" or "_" or nothing between kind and year). Kinds without official cut-off dates (q2, q4, 9t)
 * give `kind: null`; an unknown text gives null.
 */
export function parsePeriodCode(text: string): { kind: PeriodKind | null; year?: number } | null {
  const t = fold(text).replace(/\s+/g, "");
  const m = /^([a-z0-9]+?)[-/_.]?((?:19|20)\d{2})?$/.exec(t);
  if (!m || !(m[1] in LEGACY_KINDS)) return null;
  return { kind: LEGACY_KINDS[m[1]], ...(m[2] ? { year: Number(m[2]) } : {}) };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/**
 * The period a hand-typed title or header names: "Quý I năm 2026", "6 tháng đầu năm 2024", "Năm 2025",
 * "Kỳ báo cáo: 6 tháng đầu năm 2024 (số liệu từ …)", with or without diacritics. Null when none is named, or when the
 * title names a period without official cut-off dates (Quý II, Quý IV, 9 tháng).
 */
export function periodFromTitle(text: string): Period | null {
  const t = fold(text);
  const quarter = /\bquy ?(iv|iii|ii|i|[1-4])\b[^0-9]{0,12}?((?:19|20)\d{2})\b/.exec(t);
  if (quarter) {
    const q = ROMAN[quarter[1]];
    return q === 1 ? reportPeriod("q1", Number(quarter[2])) : q === 3 ? reportPeriod("q3", Number(quarter[2])) : null;
  }
  const months = /\b(6|sau|9|chin) ?thang(?: dau)?(?: nam)?[^0-9]{0,6}?((?:19|20)\d{2})\b/.exec(t);
  if (months) return months[1] === "6" || months[1] === "sau" ? reportPeriod("6t", Number(months[2])) : null;
  // "ngày 14 tháng 6 năm 2024" is a date, not the period "Năm 2024".
  const year = /(?<!thang \d{1,2} )(?<![a-z])nam ((?:19|20)\d{2})\b/.exec(t);
  if (year) return reportPeriod("nam", Number(year[1]));
  return null;
}

/** The label that marks the period line the add-in and `new` write ("Kỳ báo cáo: …"), folded. */
const PERIOD_LINE = /ky bao cao ?:/;
/** Necessary for any match of periodFromTitle (each of its patterns ends in a year). */
const HAS_YEAR = /(?:19|20)\d\d/;

/**
 * The period a workbook states: the "Kỳ báo cáo:" line of a sheet header first, else a title in the top rows of a
 * sheet that names one (a hand-made table). Null when no sheet says.
 */
export function periodOfGrids(grids: readonly SheetGrid[], topRows = 12): Period | null {
  let titled: Period | null = null;
  for (const grid of grids)
    for (const row of grid.cells.slice(0, topRows))
      for (const cell of row ?? []) {
        const v = cell?.value;
        // Every period this reads names a year (19xx/20xx): a text without one is skipped before folding.
        if (typeof v !== "string" || v.length > 400 || !HAS_YEAR.test(v)) continue;
        const folded = fold(v);
        const at = folded.search(PERIOD_LINE);
        if (at >= 0) {
          const p = periodFromTitle(folded.slice(at).replace(PERIOD_LINE, ""));
          if (p) return p;
          continue;
        }
        // A title is short; a long text in the top rows is a message (a check column, a results sheet), not a title.
        if (!titled && v.length <= 150) titled = periodFromTitle(v);
      }
  return titled;
}
