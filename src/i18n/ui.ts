/**
 * Every string the task pane and the demo show, Vietnamese first. English is used when Office's display language is
 * not Vietnamese (langFromLocale in ./number). Messages about findings come from ./findings, not from here.
 */
import type { Lang } from "./number";
import type { ReportPeriod } from "../layout/types";
import type { Severity } from "../forms/schema";
import type { HostCapabilities } from "../excel/host";

export interface UiText {
  appTitle: string;
  appSubtitle: string;
  loading: string;
  dismiss: string;
  // template set
  setSection: string;
  setBuiltin: (name: string) => string;
  setLoaded: (name: string, file: string) => string;
  setLoadedFromWorkbook: (name: string) => string;
  setDocument: string;
  setLoadButton: string;
  setUseBuiltin: string;
  setInvalid: string;
  setStored: string;
  setNotStored: string;
  // forms
  formsSection: string;
  formsAll: string;
  formLabel: (n: number, title: string) => string;
  formFromLoadedSet: string;
  formUnavailable: string;
  formUnavailableReason: (reason: string) => string;
  inferredBadge: (rows: number, rules: number) => string;
  inferredRowsTitle: string;
  inferredExplain: string;
  // header
  headerSection: string;
  headerUnit: string;
  headerUnitPlaceholder: string;
  headerReportNumber: string;
  headerReportNumberPlaceholder: string;
  headerReportDate: string;
  headerReportDatePlaceholder: string;
  headerPeriod: string;
  headerYear: string;
  periods: Record<ReportPeriod, string>;
  periodNone: string;
  // insert
  insertButton: string;
  insertNothingSelected: string;
  inserted: (sheets: string[]) => string;
  insertedCopies: (sheets: string[]) => string;
  // check
  checkSection: string;
  validateButton: string;
  clearButton: string;
  reportCopiesButton: string;
  validated: (counts: { error: number; warning: number; info: number }) => string;
  noFindings: string;
  /** The check read no form at all: not "no errors". */
  noFormsFound: string;
  checkedAt: (time: string) => string;
  staleFindings: (time: string) => string;
  cleared: string;
  reportCopiesMade: (sheets: string[]) => string;
  unrecognisedSheets: (sheets: string[]) => string;
  severity: Record<Severity, string>;
  findingsTitle: string;
  findingWhere: (stt: string | undefined, sheet: string | undefined, cell: string | undefined) => string;
  findingInferred: string;
  crossForm: string;
  selectFailed: string;
  // capabilities and errors
  capabilityMissing: Record<keyof HostCapabilities, string>;
  errorTitle: string;
  unexpectedError: (message: string) => string;
  busy: string;
}

const periodsVi: Record<ReportPeriod, string> = {
  q1: "Quý I",
  q2: "Quý II",
  q3: "Quý III",
  q4: "Quý IV",
  "6m": "6 tháng",
  "9m": "9 tháng",
  year: "Năm",
};

const periodsEn: Record<ReportPeriod, string> = {
  q1: "Quarter I",
  q2: "Quarter II",
  q3: "Quarter III",
  q4: "Quarter IV",
  "6m": "6 months",
  "9m": "9 months",
  year: "Year",
};

const list = (items: string[]): string => items.join(", ");

/** "09:05 30/11/2026", local time. */

export const vi: UiText = {
  appTitle: "Biểu mẫu CCHC",
  appSubtitle: "Thống kê số liệu báo cáo cải cách hành chính",
  loading: "Đang tải…",
  dismiss: "Đóng",
  setSection: "Bộ biểu mẫu",
  setBuiltin: (name) => `Đang dùng bộ biểu mẫu có sẵn ${name}.`,
  setLoaded: (name, file) => `Đang dùng bộ biểu mẫu của đơn vị ${name} (tệp ${file}).`,
  setLoadedFromWorkbook: (name) => `Đang dùng bộ biểu mẫu của đơn vị ${name}, lưu kèm sổ tính này.`,
  setDocument: "Theo văn bản",
  setLoadButton: "Nạp bộ biểu mẫu của đơn vị (JSON)…",
  setUseBuiltin: "Dùng bộ có sẵn",
  setInvalid: "Không nạp được bộ biểu mẫu:",
  setStored: "Bộ biểu mẫu đã được lưu kèm sổ tính: người mở sổ tính này sẽ kiểm tra theo cùng bộ biểu mẫu.",
  setNotStored: "Excel này không lưu được thiết lập trong sổ tính: bộ biểu mẫu chỉ dùng trong phiên làm việc này.",
  formsSection: "Chọn biểu mẫu",
  formsAll: "Tất cả biểu mẫu của bộ",
  formLabel: (n, title) => `Biểu mẫu ${n}: ${title}`,
  formFromLoadedSet: "của đơn vị",
  formUnavailable: "chưa có",
  formUnavailableReason: (reason) => `Chưa có trong bộ biểu mẫu này. ${reason}`,
  inferredBadge: (rows, rules) =>
    [rows ? `${rows} chỉ tiêu suy luận` : "", rules ? `${rules} quy tắc suy luận` : ""].filter(Boolean).join(", "),
  inferredRowsTitle: "Chỉ tiêu, quy tắc không có văn bản chính thức (suy luận)",
  inferredExplain: "Các dòng này không lấy từ văn bản chính thức; hãy đối chiếu với văn bản của đơn vị.",
  headerSection: "Thông tin chung (điền một lần)",
  headerUnit: "Đơn vị báo cáo",
  headerUnitPlaceholder: "Ví dụ: UBND tỉnh Quảng Trị",
  headerReportNumber: "Số báo cáo",
  headerReportNumberPlaceholder: "Ví dụ: 1125/BC-VP",
  headerReportDate: "Ngày báo cáo",
  headerReportDatePlaceholder: "Ví dụ: 14/6/2024",
  headerPeriod: "Kỳ báo cáo",
  headerYear: "Năm",
  periods: periodsVi,
  periodNone: "(chưa chọn)",
  insertButton: "Chèn biểu mẫu",
  insertNothingSelected: "Hãy chọn ít nhất một biểu mẫu.",
  inserted: (sheets) => `Đã chèn ${sheets.length} trang tính: ${list(sheets)}.`,
  insertedCopies: (sheets) => `Biểu mẫu đã có trong sổ tính nên được thêm thành bản sao mới, không ghi đè: ${list(sheets)}.`,
  checkSection: "Kiểm tra số liệu",
  validateButton: "Kiểm tra",
  clearButton: "Xóa kết quả kiểm tra",
  reportCopiesButton: "Bản sạch để dán vào báo cáo",
  validated: (c) => `Đã kiểm tra: ${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} thông tin.`,
  noFindings: "Không phát hiện lỗi hay cảnh báo nào.",
  checkedAt: (time) => `Kết quả của lần kiểm tra lúc ${time}.`,
  staleFindings: (time) =>
    `Sổ tính đã thay đổi sau lần kiểm tra lúc ${time}: các kết quả dưới đây có thể đã cũ. Bấm “Kiểm tra” để cập nhật.`,
  noFormsFound:
    "Không tìm thấy biểu mẫu nào trong sổ tính này, nên chưa kiểm tra được gì. Hãy bấm “Chèn biểu mẫu” ở trên để chèn biểu mẫu chuẩn, hoặc chép bảng vào một trang với đủ cột STT, Chỉ tiêu, Đơn vị tính, Số liệu để phần bổ trợ nhận ra.",
  cleared: "Đã xóa mọi kết quả kiểm tra; số liệu đã nhập được giữ nguyên.",
  reportCopiesMade: (sheets) => `Đã tạo bản sạch: ${list(sheets)}.`,
  unrecognisedSheets: (sheets) => `Không nhận ra biểu mẫu nào trong: ${list(sheets)}.`,
  severity: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  findingsTitle: "Kết quả kiểm tra",
  findingWhere: (stt, sheet, cell) =>
    [stt ? `STT ${stt}` : "", sheet && cell ? `${sheet}!${cell}` : cell ?? ""].filter(Boolean).join(" · "),
  findingInferred: "suy luận",
  crossForm: "Liên biểu",
  selectFailed: "Không chọn được ô",
  capabilityMissing: {
    insert: "Phiên bản Excel này không hỗ trợ chèn biểu mẫu (cần ExcelApi 1.4).",
    validate: "Phiên bản Excel này không hỗ trợ kiểm tra và ghi kết quả (cần ExcelApi 1.4).",
    dataValidation: "Phiên bản Excel này không hỗ trợ ràng buộc dữ liệu: ô nhập sẽ không có danh sách mã và giới hạn giá trị.",
    tags: "Phiên bản Excel này không gắn được nhãn cho trang tính: biểu mẫu được nhận ra theo nội dung bảng.",
    settings: "Phiên bản Excel này không lưu được bộ biểu mẫu kèm sổ tính.",
    hyperlinks: "Phiên bản Excel này không tạo được liên kết trong trang kết quả kiểm tra.",
  },
  errorTitle: "Có lỗi",
  unexpectedError: (message) => `Lỗi không mong đợi: ${message}`,
  busy: "Đang xử lý…",
};

export const en: UiText = {
  appTitle: "CCHC report forms",
  appSubtitle: "Statistical appendix of administrative-reform reports",
  loading: "Loading…",
  dismiss: "Dismiss",
  setSection: "Template set",
  setBuiltin: (name) => `Using the built-in template set ${name}.`,
  setLoaded: (name, file) => `Using your office's template set ${name} (file ${file}).`,
  setLoadedFromWorkbook: (name) => `Using your office's template set ${name}, kept with this workbook.`,
  setDocument: "Follows",
  setLoadButton: "Load your office's template set (JSON)…",
  setUseBuiltin: "Use the built-in set",
  setInvalid: "The template set could not be loaded:",
  setStored: "The template set is kept with the workbook: whoever opens it validates against the same set.",
  setNotStored: "This Excel cannot keep settings in the workbook: the template set is used for this session only.",
  formsSection: "Choose forms",
  formsAll: "All forms of the set",
  formLabel: (n, title) => `Form ${n}: ${title}`,
  formFromLoadedSet: "office's own",
  formUnavailable: "unavailable",
  formUnavailableReason: (reason) => `Not in this template set. ${reason}`,
  inferredBadge: (rows, rules) =>
    [rows ? `${rows} inferred rows` : "", rules ? `${rules} inferred rules` : ""].filter(Boolean).join(", "),
  inferredRowsTitle: "Rows and rules without an official text (inferred)",
  inferredExplain: "These rows do not come from an official text; compare them with your office's documents.",
  headerSection: "Report header (filled once)",
  headerUnit: "Reporting unit",
  headerUnitPlaceholder: "e.g. UBND tỉnh Quảng Trị",
  headerReportNumber: "Report number",
  headerReportNumberPlaceholder: "e.g. 1125/BC-VP",
  headerReportDate: "Report date",
  headerReportDatePlaceholder: "e.g. 14/6/2024",
  headerPeriod: "Period",
  headerYear: "Year",
  periods: periodsEn,
  periodNone: "(none)",
  insertButton: "Insert forms",
  insertNothingSelected: "Choose at least one form.",
  inserted: (sheets) => `Inserted ${sheets.length} sheet(s): ${list(sheets)}.`,
  insertedCopies: (sheets) => `Already in the workbook, so added as new copies instead of overwriting: ${list(sheets)}.`,
  checkSection: "Validate",
  validateButton: "Validate",
  clearButton: "Clear the checks",
  reportCopiesButton: "Clean copies for the report",
  validated: (c) =>
    `Validated: ${c.error} ${c.error === 1 ? "error" : "errors"}, ${c.warning} ${c.warning === 1 ? "warning" : "warnings"}, ${c.info} ${c.info === 1 ? "note" : "notes"}.`,
  noFindings: "No errors or warnings found.",
  checkedAt: (time) => `Results of the check at ${time}.`,
  staleFindings: (time) => `The workbook changed after the check at ${time}: the results below may be out of date. Press “Validate” to refresh them.`,
  noFormsFound:
    "No form was found in this workbook, so nothing was checked. Press “Insert forms” above to insert the standard forms, or copy the table into a sheet with the STT, indicator, unit and value columns so the add-in recognises it.",
  cleared: "Every check was removed; the figures typed in are unchanged.",
  reportCopiesMade: (sheets) => `Clean copies made: ${list(sheets)}.`,
  unrecognisedSheets: (sheets) => `No form recognised in: ${list(sheets)}.`,
  severity: { error: "Errors", warning: "Warnings", info: "Information" },
  findingsTitle: "Findings",
  findingWhere: (stt, sheet, cell) =>
    [stt ? `No. ${stt}` : "", sheet && cell ? `${sheet}!${cell}` : cell ?? ""].filter(Boolean).join(" · "),
  findingInferred: "inferred",
  crossForm: "Cross-form",
  selectFailed: "Could not select the cell",
  capabilityMissing: {
    insert: "This Excel cannot insert forms (ExcelApi 1.4 needed).",
    validate: "This Excel cannot validate and write results (ExcelApi 1.4 needed).",
    dataValidation: "This Excel has no data validation: input cells get no code lists or limits.",
    tags: "This Excel cannot tag sheets: forms are recognised from their tables.",
    settings: "This Excel cannot keep the template set with the workbook.",
    hyperlinks: "This Excel cannot add links in the results sheet.",
  },
  errorTitle: "Error",
  unexpectedError: (message) => `Unexpected error: ${message}`,
  busy: "Working…",
};

export function uiText(lang: Lang): UiText {
  return lang === "vi" ? vi : en;
}
