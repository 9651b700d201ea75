/**
 * The header's period (the pane's and `new`'s ReportPeriod, which also knows Quý II/IV and 9 tháng) as an official
 * period of Văn bản 581/BNV-CCHC, and back.
 */
import { reportPeriod, type Period, type PeriodKind } from "../engine/periods";
import type { ReportHeader, ReportPeriod } from "./types";

const TO_KIND: Partial<Record<ReportPeriod, PeriodKind>> = { q1: "q1", "6m": "6t", q3: "q3", year: "nam" };
const FROM_KIND: Record<PeriodKind, ReportPeriod> = { q1: "q1", "6t": "6m", q3: "q3", nam: "year" };

/** The official period a header names, or null (no year, or a period without official cut-off dates). */
export function headerPeriod(header: Pick<ReportHeader, "period" | "year">): Period | null {
  const kind = header.period ? TO_KIND[header.period] : undefined;
  return kind && header.year ? reportPeriod(kind, header.year) : null;
}

export function reportPeriodOfKind(kind: PeriodKind): ReportPeriod {
  return FROM_KIND[kind];
}
