/**
 * The review's words for the learner's period proposals (src/forms/learn/periods.ts): rows taken to accumulate, rows
 * dated by the two-level reform, and a document dated after it whose rows were kept as printed.
 */
import type { Proposal } from "../forms/learn/types";
import type { Lang } from "./number";
import { dmy } from "./learn-remarks";

export interface LearnPeriodText {
  heading(n: number): string;
  proposal(p: Proposal): string;
  keptAsPrinted(docDate: string, until: string, rows: string[]): string;
  /** The pane's count under the review. */
  kept(kept: number, all: number): string;
}

const vi: LearnPeriodText = {
  heading: (n) => `${n} đề xuất về kỳ báo cáo (suy luận, không phải quy định chính thức; hãy xem lại):`,
  proposal: (p) =>
    p.kind === "accumulates"
      ? `${p.stt}: cộng dồn từ 15/12 năm trước — báo cáo sau trong cùng năm không nhỏ hơn báo cáo trước (suy luận) [${p.id}]`
      : p.kind === "applies_until"
        ? `${p.stt}: chỉ áp dụng đến ${dmy(p.date!)} — chỉ tiêu nêu cấp huyện (suy luận) [${p.id}]`
        : `${p.stt}: mã hóa có từ trước ${dmy(p.date!)} — mã nêu các cấp chính quyền (suy luận) [${p.id}]`,
  keptAsPrinted: (docDate, until, rows) =>
    `Văn bản ngày ${docDate}, sau ${dmy(until)}: coi là biểu mẫu tỉnh đã sửa sau cải cách; các chỉ tiêu nêu cấp huyện (${rows.join(", ")}) giữ như văn bản in, không đề xuất ngày áp dụng.`,
  kept: (kept, all) => `Giữ ${kept}/${all} đề xuất về kỳ báo cáo.`,
};

const en: LearnPeriodText = {
  heading: (n) => `${n} report-period proposals (inferred, not official rules; review them):`,
  proposal: (p) =>
    p.kind === "accumulates"
      ? `${p.stt}: accumulates from 15/12 of the previous year — a later report of the same year cannot be smaller (inferred) [${p.id}]`
      : p.kind === "applies_until"
        ? `${p.stt}: applies until ${dmy(p.date!)} only — the row names cấp huyện (inferred) [${p.id}]`
        : `${p.stt}: codes predate ${dmy(p.date!)} — they name the levels of government (inferred) [${p.id}]`,
  keptAsPrinted: (docDate, until, rows) =>
    `Document dated ${docDate}, after ${dmy(until)}: taken as the province's revised forms; the rows naming cấp huyện (${rows.join(", ")}) are kept as printed, no date proposed.`,
  kept: (kept, all) => `Keeping ${kept} of ${all} report-period proposals.`,
};

export function learnPeriodText(lang: Lang): LearnPeriodText {
  return lang === "en" ? en : vi;
}
