/**
 * Words for report periods: "6 tháng đầu năm 2024", "(số liệu từ 15/12/2023 đến 14/6/2024)", dates as d/m/yyyy.
 * The period itself (kinds, cut-off dates) is data in src/engine/periods.ts.
 */
import type { Period, PeriodKind } from "../engine/periods";
import { isoParts, parsePeriodCode, reportPeriod } from "../engine/periods";
import type { Lang } from "./number";

const KIND_VI: Record<PeriodKind, (y: number) => string> = {
  q1: (y) => `Quý I năm ${y}`,
  "6t": (y) => `6 tháng đầu năm ${y}`,
  q3: (y) => `Quý III năm ${y}`,
  nam: (y) => `Năm ${y}`,
};
const KIND_EN: Record<PeriodKind, (y: number) => string> = {
  q1: (y) => `Q1 ${y}`,
  "6t": (y) => `first half of ${y}`,
  q3: (y) => `Q3 ${y}`,
  nam: (y) => `year ${y}`,
};

/** "2023-12-15" → "15/12/2023" (Vietnamese and English alike: the forms are Vietnamese documents). */
export function dateText(iso: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const [y, m, d] = isoParts(iso);
  return `${String(d).padStart(2, "0")}/${m}/${y}`;
}

export function periodLabel(p: Pick<Period, "kind" | "year">, lang: Lang = "vi"): string {
  return (lang === "vi" ? KIND_VI : KIND_EN)[p.kind](p.year);
}

/** "6 tháng đầu năm 2024 (số liệu từ 15/12/2023 đến 14/6/2024)": what the header's period line says. */
export function periodWithDates(p: Period, lang: Lang = "vi"): string {
  return lang === "vi"
    ? `${periodLabel(p, lang)} (số liệu từ ${dateText(p.from)} đến ${dateText(p.to)})`
    : `${periodLabel(p, lang)} (data from ${dateText(p.from)} to ${dateText(p.to)})`;
}

/** A period code carried by a finding ("q1-2026") as words; the code itself when it is not one. */
export function periodCodeText(code: string, lang: Lang = "vi"): string {
  const parsed = parsePeriodCode(code);
  return parsed?.kind && parsed.year ? periodLabel(reportPeriod(parsed.kind, parsed.year), lang) : code;
}

/** The accepted spellings of --period, for the help and the error message. */
export const PERIOD_FORMS = "q1-2026, 6t-2024, q3-2025, nam-2025";

/** The pane's hint under the period picker: the cut-off and the due date of Văn bản 581/BNV-CCHC. */
export function periodHint(p: Period, lang: Lang = "vi"): string {
  return lang === "vi"
    ? `Số liệu từ ${dateText(p.from)} đến ${dateText(p.to)}; gửi chậm nhất ${dateText(p.due)} (Văn bản 581/BNV-CCHC)`
    : `Data from ${dateText(p.from)} to ${dateText(p.to)}; due by ${dateText(p.due)} (Văn bản 581/BNV-CCHC)`;
}
