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
  /** InvalidOperation, by its code only (its message is localised and never matched). */
  invalidOperation: string;
  /** InvalidOperationInCellEditMode. */
  cellEditMode: string;
  /** ApiNotFound: a member above what this Excel supports. */
  apiNotFound: string;
  /** ActivityLimitReached, RequestAborted, Conflict…: Excel was busy. */
  busy: string;
  itemExists: string;
  /** The workbook was in manual calculation mode: recalculated before checking. */
  manualCalculation: string;
  /** A form's tag names another template set than the one in use. */
  tagOtherSet: (sheet: string, tagSet: string, usedSet: string) => string;
  /** Protect Workbook (structure) is on and what it blocks. */
  structureBlocksResults: string;
  structureBlocksInsert: string;
  structureBlocksCopies: string;
  /** The results sheet itself is protected. */
  resultsSheetProtected: (sheet: string) => string;
  /** When the results sheet was written: "Kiểm tra lúc 09:15 ngày 30/11/2026". */
  checkedAt: (when: Date) => string;
  /** Written in the results sheet by "Xóa kết quả kiểm tra". */
  clearedAt: (when: Date) => string;
  /** A notice from the ribbon command, with its time. */
  noticeAt: (when: Date) => string;
  /** The custom XML part holding the template set could not be read. */
  storedSetUnreadable: (detail: string) => string;
  sheetNotFound: (sheet: string) => string;
  badAddress: (address: string) => string;
  tagBroken: (name: string) => string;
  tooLarge: string;
  invalidArgument: (detail: string) => string;
  generic: (code: string, detail: string) => string;
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
  invalidOperation:
    "Excel không cho thực hiện thao tác này: thường do vùng cần ghi có ô đã gộp (Merge & Center) cắt ngang, hoặc trang tính đang được bảo vệ. Hãy bỏ gộp các ô ở cột bên phải bảng biểu mẫu, bỏ bảo vệ rồi thử lại.",
  cellEditMode: "Hãy nhấn Enter hoặc Esc để kết thúc ô đang sửa, rồi bấm Kiểm tra lại.",
  apiNotFound:
    "Phiên bản Excel này thiếu một chức năng bổ trợ cần dùng. Hãy cập nhật Office, hoặc dùng trang kiểm tra trên trình duyệt (kiem-tra.html) hay lệnh bieumau.",
  busy: "Excel đang bận (đang tính toán, lưu tệp hoặc có người khác cùng sửa). Hãy đợi một lát rồi thử lại.",
  itemExists: "Đã có một trang hoặc tên trùng với tên bổ trợ cần tạo. Hãy bấm lại để bổ trợ chọn tên khác.",
  manualCalculation:
    "Excel đang ở chế độ tính toán thủ công (Formulas › Calculation Options › Manual): bổ trợ đã tính lại sổ tính (như nhấn F9) trước khi kiểm tra, để công thức tỷ lệ không giữ giá trị cũ.",
  tagOtherSet: (sheet, tagSet, usedSet) =>
    `Trang “${sheet}” được chèn theo bộ biểu mẫu “${tagSet}”, nhưng đang kiểm tra theo bộ “${usedSet}”. Hãy nạp đúng bộ biểu mẫu (nút Nạp bộ biểu mẫu) nếu đơn vị dùng bộ khác.`,
  structureBlocksResults:
    "Sổ tính đang bật Bảo vệ cấu trúc (Review › Protect Workbook) nên không thêm được trang “Kết quả kiểm tra”; kết quả chỉ có trong ngăn bổ trợ. Bỏ bảo vệ sổ tính rồi bấm Kiểm tra lại để có trang kết quả.",
  structureBlocksInsert:
    "Sổ tính đang bật Bảo vệ cấu trúc (Review › Protect Workbook) nên không thêm được trang biểu mẫu. Chưa ghi gì vào sổ tính. Bỏ bảo vệ sổ tính rồi thử lại.",
  structureBlocksCopies:
    "Sổ tính đang bật Bảo vệ cấu trúc (Review › Protect Workbook) nên không thêm được bản sạch. Chưa ghi gì vào sổ tính. Bỏ bảo vệ sổ tính rồi thử lại.",
  resultsSheetProtected: (sheet) =>
    `Trang “${sheet}” đang được bảo vệ nên không cập nhật được; kết quả chỉ có trong ngăn bổ trợ. Bỏ bảo vệ trang này rồi bấm Kiểm tra lại.`,
  checkedAt: (d) => `Kiểm tra lúc ${hhmm(d)} ngày ${ddmmyyyy(d)}`,
  clearedAt: (d) => `Đã xóa kết quả kiểm tra lúc ${hhmm(d)} ngày ${ddmmyyyy(d)}. Bấm Kiểm tra để kiểm tra lại.`,
  noticeAt: (d) => `Lúc ${hhmm(d)} ngày ${ddmmyyyy(d)}`,
  storedSetUnreadable: (detail) => `Không đọc được bộ biểu mẫu lưu trong sổ tính: ${detail}`,
  sheetNotFound: (sheet) => `Không tìm thấy trang “${sheet}”: có thể trang đã bị đổi tên hoặc xóa. Hãy bấm Kiểm tra lại.`,
  badAddress: (address) => `Địa chỉ ô “${address}” không hợp lệ.`,
  tagBroken: (name) =>
    `Thẻ “${name}” trỏ tới vùng đã bị xóa (trang hoặc các dòng của bảng đã bị xóa); biểu mẫu được tìm lại theo STT và nội dung chỉ tiêu.`,
  tooLarge:
    "Một dòng của sổ tính quá lớn để Excel trên web gửi cho bổ trợ (giới hạn 5 MB mỗi lần). Hãy mở tệp bằng Excel trên máy tính, hoặc kiểm tra bằng trang kiem-tra.html hay lệnh bieumau.",
  invalidArgument: (detail) => `Excel không nhận dữ liệu bổ trợ gửi tới: ${detail}`,
  generic: (code, detail) => `Excel báo lỗi (${code}): ${detail}`,
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
  invalidOperation:
    "Excel does not allow this operation: usually merged cells cross the area to write, or the sheet is protected. Unmerge the cells right of the form's table, unprotect, and try again.",
  cellEditMode: "Press Enter or Esc to finish editing the cell, then press Check again.",
  apiNotFound: "This version of Excel lacks a feature the add-in needs. Update Office, or use the browser checker (kiem-tra.html) or the bieumau command.",
  busy: "Excel is busy (calculating, saving, or someone else is editing). Wait a moment and try again.",
  itemExists: "A sheet or name the add-in needs already exists. Press again and the add-in will choose another name.",
  manualCalculation:
    "Excel is in manual calculation mode: the add-in recalculated the workbook (as F9 does) before checking, so rate formulas do not show stale values.",
  tagOtherSet: (sheet, tagSet, usedSet) =>
    `Sheet “${sheet}” was inserted with template set “${tagSet}” but is checked with “${usedSet}”. Load the right template set if the unit uses another one.`,
  structureBlocksResults:
    "The workbook structure is protected (Review › Protect Workbook), so the results sheet cannot be added; the results are in the pane only. Unprotect the workbook and check again.",
  structureBlocksInsert: "The workbook structure is protected (Review › Protect Workbook), so no form sheet can be added. Nothing was written.",
  structureBlocksCopies: "The workbook structure is protected (Review › Protect Workbook), so no report copy can be added. Nothing was written.",
  resultsSheetProtected: (sheet) => `Sheet “${sheet}” is protected and was not updated; the results are in the pane only.`,
  checkedAt: (d) => `Checked at ${hhmm(d)} on ${ddmmyyyy(d)}`,
  clearedAt: (d) => `Check results cleared at ${hhmm(d)} on ${ddmmyyyy(d)}. Press Check to check again.`,
  noticeAt: (d) => `At ${hhmm(d)} on ${ddmmyyyy(d)}`,
  storedSetUnreadable: (detail) => `The template set kept in the workbook could not be read: ${detail}`,
  sheetNotFound: (sheet) => `Sheet “${sheet}” was not found: it may have been renamed or deleted. Run Check again.`,
  badAddress: (address) => `Cell address “${address}” is not valid.`,
  tagBroken: (name) => `Tag “${name}” points to a deleted range; the form is recognised again by row number and text.`,
  tooLarge:
    "One row of the workbook is too large for Excel on the web to send to the add-in (5 MB per request). Open the file in desktop Excel, or check it with kiem-tra.html or the bieumau command.",
  invalidArgument: (detail) => `Excel did not accept what the add-in sent: ${detail}`,
  generic: (code, detail) => `Excel reported an error (${code}): ${detail}`,
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

const pad = (n: number) => String(n).padStart(2, "0");
/** Local time "09:05". */
function hhmm(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
/** Local date "30/11/2026". */
function ddmmyyyy(d: Date): string {
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function excelText(lang: Lang): ExcelText {
  return lang === "vi" ? VI : EN;
}
