/**
 * Words the command line says that are not findings (findings are rendered by src/i18n/findings.ts, shared with the
 * add-in). Vietnamese first; English with `--lang en`.
 */
import type { Lang } from "./number";

/** Why a file could not be read. A closed set: the CLI turns each into one sentence. */
export type ReadProblem =
  | "not_found"
  | "is_directory"
  | "empty_file"
  | "encrypted"
  | "xls"
  | "ole_other"
  | "not_xlsx"
  | "corrupt"
  | "no_sheets";

export interface CliText {
  readProblem(p: ReadProblem, detail?: string): string;
  severity: { error: string; warning: string; info: string };
  fileSummary(forms: string, errors: number, warnings: number, infos: number): string;
  noForms: string;
  unrecognisedSheets(names: string[]): string;
  sheetTruncated(sheet: string, rows: number, cols: number): string;
  total(files: number, withErrors: number, unreadable: number): string;
  wrote(path: string): string;
  notWritten(path: string, why: string): string;
  refuseOverwrite(path: string): string;
  refuseInput(path: string): string;
  noInputs: string;
  noXlsxInDir(dir: string): string;
  writeNeedsDir(out: string): string;
  templatesBad(path: string, problems: string[]): string;
  templatesUnreadable(path: string, why: string): string;
  unknownForm(id: string): string;
  badPeriod(p: string): string;
  tsvUnreadable(path: string, why: string): string;
  tsvRowUnknown(line: number, form: string, stt: string): string;
  tsvFormNotChosen(form: string): string;
  tsvBadLine(line: number): string;
  progress: string;
  // merge
  mergeInputsWithErrors(files: string[]): string;
  mergeForced(files: string[]): string;
  mergeNothing: string;
  mergeSummary(units: number, forms: string): string;
  mergeCodes(parts: Array<[string, number]>): string;
  mergeRateNotSummed(min: string, max: string, n: number): string;
  mergeMissingCount(n: number): string;
  missingSheetName: string;
  missingHeader: [string, string, string, string, string];
  missingForm: string;
  missingValue: string;
  blankWithReason(note: string): string;
  unreadableInput: string;
  forcedBanner(files: string[]): string;
  inputsSheetName: string;
  inputsHeader: [string, string, string, string, string];
  mergedUnit(n: number): string;
}

const vi: CliText = {
  readProblem(p, detail) {
    switch (p) {
      case "not_found":
        return "không tìm thấy tệp";
      case "is_directory":
        return "đây là thư mục, không phải tệp";
      case "empty_file":
        return "tệp rỗng (0 byte), không có bảng tính nào";
      case "encrypted":
        return "tệp được đặt mật khẩu (mã hóa); hãy mở bằng Excel, gỡ mật khẩu rồi kiểm tra lại";
      case "xls":
        return "tệp Excel 97–2003 (.xls) chưa được hỗ trợ; hãy mở bằng Excel và lưu lại dạng .xlsx";
      case "ole_other":
        return "tệp Office dạng cũ không phải bảng tính Excel .xlsx";
      case "not_xlsx":
        return "không phải tệp Excel .xlsx";
      case "corrupt":
        return `tệp .xlsx bị hỏng, không đọc được${detail ? ` (${detail})` : ""}`;
      case "no_sheets":
        return "sổ làm việc không có trang tính nào";
    }
  },
  severity: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  fileSummary: (forms, e, w, i) => `${forms}: ${e} lỗi, ${w} cảnh báo, ${i} thông tin`,
  noForms: "không tìm thấy biểu mẫu nào (không có bảng nào khớp STT và tên chỉ tiêu của Biểu mẫu)",
  unrecognisedSheets: (names) => `Trang tính không có biểu mẫu: ${names.join(", ")}`,
  sheetTruncated: (sheet, rows, cols) =>
    `Trang tính "${sheet}" quá lớn: chỉ đọc ${rows} dòng và ${cols} cột đầu tiên`,
  total: (files, withErrors, unreadable) =>
    `Tổng cộng: ${files} tệp; ${withErrors} tệp có lỗi; ${unreadable} tệp không đọc được.`,
  wrote: (path) => `Đã ghi ${path}`,
  notWritten: (path, why) => `Không ghi ${path}: ${why}`,
  refuseOverwrite: (path) => `Tệp ${path} đã có; không ghi đè (dùng --overwrite nếu muốn thay nó)`,
  refuseInput: (path) => `${path} là tệp đầu vào; không bao giờ ghi đè tệp đầu vào, hãy chọn tên khác`,
  noInputs: "Chưa chọn tệp nào để kiểm tra",
  noXlsxInDir: (dir) => `Thư mục ${dir} không có tệp .xlsx nào`,
  writeNeedsDir: (out) => `Kiểm tra nhiều tệp thì --write phải là một thư mục (không phải ${out})`,
  templatesBad: (path, problems) => `Bộ biểu mẫu ${path} không hợp lệ:\n  - ${problems.join("\n  - ")}`,
  templatesUnreadable: (path, why) => `Không đọc được bộ biểu mẫu ${path}: ${why}`,
  unknownForm: (id) => `Không có biểu mẫu "${id}" trong bộ biểu mẫu đang dùng`,
  badPeriod: (p) =>
    `Kỳ báo cáo "${p}" không hợp lệ; dùng q1, q2, q3, q4, 6t (6 tháng), 9t (9 tháng) hoặc nam, có thể kèm năm, ví dụ 6t-2024`,
  tsvUnreadable: (path, why) => `Không đọc được tệp số liệu ${path}: ${why}`,
  tsvRowUnknown: (line, form, stt) => `Dòng ${line}: ${form} không có chỉ tiêu STT "${stt}"; bỏ qua`,
  tsvFormNotChosen: (form) => `Tệp số liệu có ${form} nhưng biểu mẫu này không được chọn (--forms); bỏ qua`,
  tsvBadLine: (line) => `Dòng ${line}: không đủ cột (form, STT, chỉ tiêu, đơn vị, số liệu, ghi chú); bỏ qua`,
  progress: "Đang kiểm tra",
  mergeInputsWithErrors: (files) =>
    `Không tổng hợp vì ${files.length} tệp có lỗi (sửa lỗi trước, hoặc dùng --force để vẫn tổng hợp):\n  - ${files.join("\n  - ")}`,
  mergeForced: (files) => `Đã tổng hợp cả ${files.length} tệp có lỗi (--force): ${files.join(", ")}`,
  mergeNothing: "Không có tệp nào đọc được để tổng hợp",
  mergeSummary: (units, forms) => `Tổng hợp ${units} đơn vị: ${forms}`,
  mergeCodes: (parts) => parts.map(([code, n]) => `${code}: ${n} đơn vị`).join("; "),
  mergeRateNotSummed: (min, max, n) =>
    `Không cộng, không lấy trung bình: ${n} đơn vị báo cáo, từ ${min}% đến ${max}%`,
  mergeMissingCount: (n) => `Thiếu số liệu của ${n} đơn vị`,
  missingSheetName: "Thiếu số liệu",
  missingHeader: ["Đơn vị", "Tệp", "Biểu mẫu", "STT", "Thiếu"],
  missingForm: "Thiếu cả biểu mẫu",
  missingValue: "Để trống",
  blankWithReason: (note) => `Để trống (ghi chú: ${note})`,
  unreadableInput: "Tệp không đọc được",
  forcedBanner: (files) =>
    `LƯU Ý: bản tổng hợp này gồm cả số liệu của ${files.length} tệp còn lỗi (tổng hợp với --force): ${files.join(", ")}`,
  inputsSheetName: "Tệp đầu vào",
  inputsHeader: ["Đơn vị", "Tệp", "Biểu mẫu", "Số lỗi", "Ghi chú"],
  mergedUnit: (n) => `Tổng hợp ${n} đơn vị`,
};

const en: CliText = {
  readProblem(p, detail) {
    switch (p) {
      case "not_found":
        return "file not found";
      case "is_directory":
        return "this is a directory, not a file";
      case "empty_file":
        return "the file is empty (0 bytes), it holds no workbook";
      case "encrypted":
        return "the file is password-protected (encrypted); open it in Excel, remove the password, and check again";
      case "xls":
        return "Excel 97–2003 (.xls) files are not supported; open it in Excel and save it as .xlsx";
      case "ole_other":
        return "an old-style Office file that is not an Excel .xlsx workbook";
      case "not_xlsx":
        return "not an Excel .xlsx file";
      case "corrupt":
        return `the .xlsx file is damaged and cannot be read${detail ? ` (${detail})` : ""}`;
      case "no_sheets":
        return "the workbook has no worksheets";
    }
  },
  severity: { error: "Error", warning: "Warning", info: "Info" },
  fileSummary: (forms, e, w, i) => `${forms}: ${e} errors, ${w} warnings, ${i} info`,
  noForms: "no form found (no table matches the STT and indicator text of a Biểu mẫu)",
  unrecognisedSheets: (names) => `Sheets without a form: ${names.join(", ")}`,
  sheetTruncated: (sheet, rows, cols) => `Sheet "${sheet}" is too large: only its first ${rows} rows and ${cols} columns were read`,
  total: (files, withErrors, unreadable) =>
    `Total: ${files} files; ${withErrors} with errors; ${unreadable} could not be read.`,
  wrote: (path) => `Wrote ${path}`,
  notWritten: (path, why) => `Did not write ${path}: ${why}`,
  refuseOverwrite: (path) => `${path} already exists; not overwriting it (use --overwrite to replace it)`,
  refuseInput: (path) => `${path} is an input file; input files are never overwritten, choose another name`,
  noInputs: "No file given to check",
  noXlsxInDir: (dir) => `Directory ${dir} holds no .xlsx file`,
  writeNeedsDir: (out) => `When checking several files, --write must be a directory (not ${out})`,
  templatesBad: (path, problems) => `Template set ${path} is not valid:\n  - ${problems.join("\n  - ")}`,
  templatesUnreadable: (path, why) => `Cannot read template set ${path}: ${why}`,
  unknownForm: (id) => `There is no form "${id}" in the template set in use`,
  badPeriod: (p) => `Invalid period "${p}"; use q1, q2, q3, q4, 6m, 9m or year, optionally with a year, e.g. 6m-2024`,
  tsvUnreadable: (path, why) => `Cannot read data file ${path}: ${why}`,
  tsvRowUnknown: (line, form, stt) => `Line ${line}: ${form} has no row with STT "${stt}"; skipped`,
  tsvFormNotChosen: (form) => `The data file has ${form} but that form was not chosen (--forms); skipped`,
  tsvBadLine: (line) => `Line ${line}: too few columns (form, STT, indicator, unit, value, note); skipped`,
  progress: "Checking",
  mergeInputsWithErrors: (files) =>
    `Not merging: ${files.length} files have errors (fix them first, or use --force to merge anyway):\n  - ${files.join("\n  - ")}`,
  mergeForced: (files) => `Merged ${files.length} files that have errors (--force): ${files.join(", ")}`,
  mergeNothing: "No readable file to merge",
  mergeSummary: (units, forms) => `Merged ${units} units: ${forms}`,
  mergeCodes: (parts) => parts.map(([code, n]) => `${code}: ${n} units`).join("; "),
  mergeRateNotSummed: (min, max, n) => `Not summed nor averaged: ${n} units reported, from ${min}% to ${max}%`,
  mergeMissingCount: (n) => `Missing from ${n} units`,
  missingSheetName: "Missing data",
  missingHeader: ["Unit", "File", "Form", "STT", "Missing"],
  missingForm: "Whole form missing",
  missingValue: "Blank",
  blankWithReason: (note) => `Blank (note: ${note})`,
  unreadableInput: "File could not be read",
  forcedBanner: (files) =>
    `NOTE: this consolidation includes data from ${files.length} files that still have errors (merged with --force): ${files.join(", ")}`,
  inputsSheetName: "Input files",
  inputsHeader: ["Unit", "File", "Forms", "Errors", "Note"],
  mergedUnit: (n) => `Consolidation of ${n} units`,
};

export function cliText(lang: Lang): CliText {
  return lang === "en" ? en : vi;
}
