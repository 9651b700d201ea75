/** Words of the pane's "So sánh với kỳ trước". Vietnamese first; English when Office's display language is not Vietnamese. */
import type { Period } from "../engine/periods";
import type { Lang } from "./number";
import { periodLabel } from "./periods";

export interface UiPreviousText {
  button: string;
  hint: string;
  /** What the comparison found: warnings and notes, and what it compared with. */
  compared(file: string, previous: Period | null, current: Period | null, warnings: number, infos: number): string;
  noForms(file: string): string;
  unreadable(file: string, why: string): string;
  needCheck: string;
}

const VI: UiPreviousText = {
  button: "So sánh với kỳ trước (.xlsx)…",
  hint: "Chọn tệp báo cáo kỳ trước của đơn vị: số liệu cộng dồn từ 15/12 không được nhỏ hơn kỳ trước nằm trong kỳ này (Quý I ⊂ 6 tháng ⊂ Năm).",
  compared: (file, prev, cur, warnings, infos) =>
    `Đã so sánh với ${file} (${prev ? periodLabel(prev, "vi") : "không rõ kỳ báo cáo"}; kỳ này: ${cur ? periodLabel(cur, "vi") : "không rõ"}): ${warnings} cảnh báo, ${infos} lưu ý`,
  noForms: (file) => `Không tìm thấy biểu mẫu nào trong ${file} để so sánh`,
  unreadable: (file, why) => `Không đọc được báo cáo kỳ trước ${file}: ${why}`,
  needCheck: "Hãy bấm “Kiểm tra” trước khi so sánh với kỳ trước",
};

const EN: UiPreviousText = {
  button: "Compare with the previous report (.xlsx)…",
  hint: "Choose the unit's previous report: counts accumulated since 15/12 cannot be smaller than in an earlier report this period contains (Quý I ⊂ 6 tháng ⊂ Năm).",
  compared: (file, prev, cur, warnings, infos) =>
    `Compared with ${file} (${prev ? periodLabel(prev, "en") : "period unknown"}; this report: ${cur ? periodLabel(cur, "en") : "unknown"}): ${warnings} warnings, ${infos} notes`,
  noForms: (file) => `No forms found in ${file} to compare with`,
  unreadable: (file, why) => `Cannot read the previous report ${file}: ${why}`,
  needCheck: "Press “Check” before comparing with the previous report",
};

export function uiPreviousText(lang: Lang): UiPreviousText {
  return lang === "vi" ? VI : EN;
}
