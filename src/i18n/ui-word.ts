/** Words of the pane's Word section. Vietnamese first; English when Office's display language is not Vietnamese. */
import type { Lang } from "./number";

export interface UiWordText {
  section: string;
  downloadButton: string;
  reportButton: string;
  hint: string;
  downloaded: (file: string) => string;
  noForms: string;
  crossChecked: (file: string, warnings: number, agrees: number) => string;
}

const VI: UiWordText = {
  section: "Văn bản Word",
  downloadButton: "Tải phụ lục (.docx)",
  reportButton: "Đối chiếu với báo cáo (.docx)",
  hint: "Phụ lục theo thể thức Nghị định 30/2020/NĐ-CP, lấy số liệu đã kiểm tra; đối chiếu tìm các số liệu trong lời văn báo cáo khác với phụ lục.",
  downloaded: (file) => `Đã tạo ${file}`,
  noForms: "Chưa tìm thấy biểu mẫu nào trong sổ làm việc để xuất hoặc đối chiếu",
  crossChecked: (file, warnings, agrees) =>
    `Đã đối chiếu lời văn của ${file}: ${warnings} số liệu khác phụ lục, ${agrees} số liệu khớp`,
};

const EN: UiWordText = {
  section: "Word documents",
  downloadButton: "Download appendix (.docx)",
  reportButton: "Cross-check a report (.docx)",
  hint: "The appendix laid out under Decree 30/2020/NĐ-CP, with the checked values; the cross-check finds figures in the report's text that differ from the appendix.",
  downloaded: (file) => `Created ${file}`,
  noForms: "No form found in the workbook to export or cross-check yet",
  crossChecked: (file, warnings, agrees) => `Cross-checked the text of ${file}: ${warnings} figures differ from the appendix, ${agrees} agree`,
};

export function uiWordText(lang: Lang): UiWordText {
  return lang === "vi" ? VI : EN;
}
