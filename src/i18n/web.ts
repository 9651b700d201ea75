/**
 * What the browser checker (src/web, dist/kiem-tra.html) says beside the findings (rendered by ./findings) and the
 * command line's sentences it shares (./cli: read problems, file summaries). Vietnamese first.
 */
import type { Lang } from "./number";

export interface WebText {
  title: string;
  intro: string;
  privacy: string;
  choose: string;
  force: string;
  downloadChecked: string;
  downloadMerged: string;
  working: (done: number, total: number) => string;
  tooMany: (max: number) => string;
  tooBig: (file: string, mb: number) => string;
  notXlsx: (file: string) => string;
  headers: [string, string, string, string];
  noFindings: string;
  mergedName: string;
  checkedName: (file: string) => string;
  documentNote: string;
  downloadFailed: (detail: string) => string;
  mergeRefused: string;
  language: string;
}

const VI: WebText = {
  title: "Kiểm tra biểu mẫu CCHC",
  intro:
    "Chọn một hoặc nhiều tệp .xlsx báo cáo của các đơn vị (hoặc báo cáo Word .docx có phụ lục biểu mẫu): trang này kiểm tra từng tệp bằng cùng bộ máy kiểm tra với phần bổ trợ Excel và lệnh bieumau, chỉ ra từng lỗi theo ô, và cho tải về bản đã kiểm tra và sổ tổng hợp.",
  privacy: "Tệp không rời khỏi máy tính này: không tải lên đâu cả, trang không gửi yêu cầu mạng nào.",
  choose: "Chọn tệp .xlsx hoặc .docx",
  force: "Tổng hợp cả các tệp còn lỗi (sổ tổng hợp sẽ ghi rõ điều này)",
  downloadChecked: "Tải bản đã kiểm tra",
  downloadMerged: "Tải sổ tổng hợp",
  working: (done, total) => `Đang kiểm tra ${done}/${total} tệp…`,
  tooMany: (max) => `Mỗi lần chỉ kiểm tra tối đa ${max} tệp; các tệp sau tệp thứ ${max} được bỏ qua.`,
  tooBig: (file, mb) => `${file}: tệp lớn hơn ${mb} MB, không kiểm tra trên trình duyệt (hãy dùng lệnh bieumau).`,
  notXlsx: (file) => `${file}: không phải tệp .xlsx hay .docx.`,
  headers: ["Ô", "Mức", "Quy tắc", "Nội dung"],
  noFindings: "Không có lỗi hay cảnh báo nào.",
  mergedName: "tong-hop.xlsx",
  checkedName: (file) => file.replace(/\.xls[xm]$/i, "") + " (da kiem tra).xlsx",
  documentNote: "Báo cáo Word: các bảng phụ lục được kiểm tra như một sổ Excel, lời văn được đối chiếu với số liệu trong bảng; không có bản đã kiểm tra và không đưa vào sổ tổng hợp.",
  downloadFailed: (detail) => `Không tạo được tệp tải về: ${detail}`,
  mergeRefused: "Có tệp còn lỗi: sửa lỗi trước, hoặc đánh dấu “Tổng hợp cả các tệp còn lỗi”.",
  language: "English",
};

const EN: WebText = {
  title: "CCHC form checker",
  intro:
    "Choose one or more units' .xlsx reports (or Word .docx reports with the forms' appendix): this page checks each file with the same engine as the Excel add-in and the bieumau command, lists every problem by cell, and lets you download the checked copy and the consolidated workbook.",
  privacy: "Files never leave this computer: nothing is uploaded and the page makes no network request.",
  choose: "Choose .xlsx or .docx files",
  force: "Consolidate files that still have errors (the workbook says so)",
  downloadChecked: "Download the checked copy",
  downloadMerged: "Download the consolidated workbook",
  working: (done, total) => `Checking ${done}/${total} files…`,
  tooMany: (max) => `At most ${max} files at a time; files after the ${max}th were skipped.`,
  tooBig: (file, mb) => `${file}: larger than ${mb} MB, not checked in the browser (use the bieumau command).`,
  notXlsx: (file) => `${file}: not an .xlsx or .docx file.`,
  headers: ["Cell", "Severity", "Rule", "Finding"],
  noFindings: "No errors or warnings.",
  mergedName: "consolidated.xlsx",
  checkedName: (file) => file.replace(/\.xls[xm]$/i, "") + " (checked).xlsx",
  documentNote: "Word report: the appendix tables are checked as a workbook and the text is compared with their figures; no checked copy, and not consolidated.",
  downloadFailed: (detail) => `The download could not be made: ${detail}`,
  mergeRefused: "Some files still have errors: fix them first, or tick “Consolidate files that still have errors”.",
  language: "Tiếng Việt",
};

export function webText(lang: Lang): WebText {
  return lang === "vi" ? VI : EN;
}
