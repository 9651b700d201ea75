/**
 * What the Excel adapter (src/excel/) says to a person: errors (HostError) and notes, Vietnamese first, English when
 * Office's display language is not Vietnamese. Findings are rendered by ./findings, never here.
 */
import type { Lang } from "./number";

export interface ExcelText {
  noExcel: string;
  notSupported: (feature: string, version: string) => string;
  skippedDataValidation: string;
  skippedTags: string;
  skippedHyperlinks: string;
  skippedPageLayout: string;
  protectedSheet: (sheet: string) => string;
  protectedSheetsNotCleared: (sheets: string[]) => string;
  protectedWrite: string;
  mergedCells: string;
  sheetNotFound: (sheet: string) => string;
  badAddress: (address: string) => string;
  tagBroken: (name: string) => string;
  tooLarge: string;
  invalidArgument: (detail: string) => string;
  generic: (detail: string) => string;
  settingsUnavailable: string;
  settingsSaveFailed: (detail: string) => string;
  noFormsForCopies: string;
  copyHeaderNote: (sheet: string) => string;
  /** Feature names for notSupported(…). */
  features: { insert: string; validate: string };
  /** A sheet larger than the read window: only its top-left part was checked. */
  sheetTruncated: (sheet: string, rows: number, cols: number) => string;
  /** Heading of the notes listed under the findings in the results sheet. */
  resultsNotesHeading: string;
  /** The comment on a sheet's tag (defined name), seen in Excel's Name Manager. */
  tagComment: (formId: string, templateSet: string) => string;
  // The ribbon command "Kiểm tra" (src/commands/commands.ts)
  commandFailed: string;
  storedSetInvalid: (detail: string) => string;
  openPane: string;
}

const VI: ExcelText = {
  noExcel: "Không kết nối được với Excel (Office.js chưa sẵn sàng). Hãy mở bổ trợ từ thẻ Trang đầu trong Excel.",
  notSupported: (feature, version) => `Phiên bản Excel này chưa hỗ trợ ${feature} (cần ExcelApi ${version}).`,
  skippedDataValidation:
    "Excel này chưa hỗ trợ Data Validation qua bổ trợ (ExcelApi 1.8): ô nhập liệu không có ràng buộc, nhưng nút Kiểm tra vẫn kiểm tra đầy đủ.",
  skippedTags:
    "Excel này chưa hỗ trợ tên định danh (ExcelApi 1.4): trang biểu mẫu không được gắn thẻ và sẽ được nhận ra theo STT và nội dung chỉ tiêu.",
  skippedHyperlinks: "Excel này chưa hỗ trợ liên kết ô (ExcelApi 1.7): cột “Ô” trong trang kết quả chỉ ghi địa chỉ.",
  skippedPageLayout: "Excel này chưa hỗ trợ thiết lập trang in qua bổ trợ (ExcelApi 1.9): hãy tự chọn khổ A4 và vùng in.",
  protectedSheet: (sheet) =>
    `Trang “${sheet}” đang được bảo vệ (Protect Sheet) nên không ghi cột kiểm tra và công thức tỷ lệ vào trang này; kết quả vẫn có trong trang “Kết quả kiểm tra”. Bỏ bảo vệ trang (Review › Unprotect Sheet) rồi bấm Kiểm tra lại.`,
  protectedSheetsNotCleared: (sheets) =>
    `Đã xóa kết quả kiểm tra, trừ ${sheets.map((s) => `trang “${s}”`).join(", ")}: trang đang được bảo vệ. Bỏ bảo vệ trang rồi bấm Xóa kết quả kiểm tra lại.`,
  protectedWrite:
    "Excel từ chối ghi vì trang tính hoặc sổ tính đang được bảo vệ. Bỏ bảo vệ (Review › Unprotect Sheet / Protect Workbook) rồi thử lại.",
  mergedCells:
    "Vùng cần ghi có ô đã gộp (Merge & Center) cắt ngang. Hãy bỏ gộp các ô ở cột bên phải bảng biểu mẫu rồi thử lại.",
  sheetNotFound: (sheet) => `Không tìm thấy trang “${sheet}”: có thể trang đã bị đổi tên hoặc xóa. Hãy bấm Kiểm tra lại.`,
  badAddress: (address) => `Địa chỉ ô “${address}” không hợp lệ.`,
  tagBroken: (name) =>
    `Thẻ “${name}” trỏ tới vùng đã bị xóa (trang hoặc các dòng của bảng đã bị xóa); biểu mẫu được tìm lại theo STT và nội dung chỉ tiêu.`,
  tooLarge: "Sổ tính quá lớn để đọc một lần (giới hạn dữ liệu của Excel trên web). Hãy xóa bớt các trang không phải biểu mẫu rồi thử lại.",
  invalidArgument: (detail) => `Excel không nhận dữ liệu bổ trợ gửi tới: ${detail}`,
  generic: (detail) => `Excel báo lỗi: ${detail}`,
  settingsUnavailable: "Excel này không hỗ trợ lưu cài đặt trong tệp: bộ biểu mẫu đã nạp sẽ không được lưu kèm sổ tính.",
  settingsSaveFailed: (detail) => `Không lưu được bộ biểu mẫu vào sổ tính: ${detail}`,
  noFormsForCopies: "Không tìm thấy biểu mẫu nào trong sổ tính để tạo bản sạch.",
  copyHeaderNote: (sheet) => `Bản sạch của trang “${sheet}”`,
  features: { insert: "chèn biểu mẫu", validate: "kiểm tra" },
  sheetTruncated: (sheet, rows, cols) =>
    `Trang “${sheet}” quá lớn: chỉ kiểm tra ${rows} dòng và ${cols} cột đầu tiên (biểu mẫu ở ngoài vùng này không được đọc).`,
  resultsNotesHeading: "GHI CHÚ",
  tagComment: (formId, templateSet) => `Biểu mẫu CCHC: ${formId}, ${templateSet}`,
  commandFailed: "KHÔNG KIỂM TRA ĐƯỢC",
  storedSetInvalid: (detail) => `Bộ biểu mẫu lưu trong sổ tính không hợp lệ (${detail}); đã dùng bộ biểu mẫu chuẩn.`,
  openPane: "Mở ngăn “Biểu mẫu” (thẻ Trang đầu) để xem chi tiết và thử lại.",
};

const EN: ExcelText = {
  noExcel: "Could not reach Excel (Office.js is not ready). Open the add-in from the Home tab in Excel.",
  notSupported: (feature, version) => `This version of Excel does not support ${feature} (needs ExcelApi ${version}).`,
  skippedDataValidation:
    "This Excel does not support data validation from add-ins (ExcelApi 1.8): input cells have no restriction, but Check still checks everything.",
  skippedTags: "This Excel does not support defined names (ExcelApi 1.4): form sheets are not tagged and are recognised by row number and text.",
  skippedHyperlinks: "This Excel does not support cell hyperlinks (ExcelApi 1.7): the results sheet's Cell column shows addresses only.",
  skippedPageLayout: "This Excel does not support page setup from add-ins (ExcelApi 1.9): choose A4 and the print area yourself.",
  protectedSheet: (sheet) =>
    `Sheet “${sheet}” is protected, so no check column or rate formulas were written there; the results sheet lists its findings. Unprotect the sheet and check again.`,
  protectedSheetsNotCleared: (sheets) => `Check results were removed except on ${sheets.map((s) => `“${s}”`).join(", ")}: protected sheets.`,
  protectedWrite: "Excel refused to write because the sheet or workbook is protected. Unprotect it and try again.",
  mergedCells: "The area to write crosses merged cells. Unmerge the cells right of the form's table and try again.",
  sheetNotFound: (sheet) => `Sheet “${sheet}” was not found: it may have been renamed or deleted. Run Check again.`,
  badAddress: (address) => `Cell address “${address}” is not valid.`,
  tagBroken: (name) => `Tag “${name}” points to a deleted range; the form is recognised again by row number and text.`,
  tooLarge: "The workbook is too large to read at once (Excel on the web limit). Remove sheets that are not forms and try again.",
  invalidArgument: (detail) => `Excel did not accept what the add-in sent: ${detail}`,
  generic: (detail) => `Excel reported an error: ${detail}`,
  settingsUnavailable: "This Excel cannot keep settings in the file: the loaded template set will not be saved with the workbook.",
  settingsSaveFailed: (detail) => `Could not save the template set in the workbook: ${detail}`,
  noFormsForCopies: "No form was found in the workbook to copy.",
  copyHeaderNote: (sheet) => `Report copy of sheet “${sheet}”`,
  features: { insert: "inserting forms", validate: "checking" },
  sheetTruncated: (sheet, rows, cols) =>
    `Sheet “${sheet}” is too large: only its first ${rows} rows and ${cols} columns were checked (a form outside them is not read).`,
  resultsNotesHeading: "NOTES",
  tagComment: (formId, templateSet) => `Biểu mẫu CCHC (CCHC forms): ${formId}, ${templateSet}`,
  commandFailed: "CHECK COULD NOT RUN",
  storedSetInvalid: (detail) => `The template set kept in the workbook is not valid (${detail}); the built-in set was used.`,
  openPane: "Open the “Biểu mẫu” pane (Home tab) for details and try again.",
};

export function excelText(lang: Lang): ExcelText {
  return lang === "vi" ? VI : EN;
}
