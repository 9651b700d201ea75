/**
 * Words the command line says that are not findings (findings are rendered by src/i18n/findings.ts, shared with the
 * add-in). Vietnamese first; English with `--lang en`.
 */
import type { Lang } from "./number";
import { DEFAULT_ZIP_LIMITS, MAX_INPUT_FILE_BYTES } from "../io/zip-limits";

/** Bytes (as a decimal string) in whole MB, for the size-limit messages. */
function mb(bytes: string | undefined): string {
  return String(Math.round(Number(bytes ?? 0) / 2 ** 20));
}

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
  | "no_sheets"
  // The lean reader's (src/io/xlsx-read.ts) and the file reader's (src/cli/xlsx-read.ts) own problems.
  | "doc"
  | "not_regular_file"
  | "file_too_large"
  | "zip_encrypted_entry"
  | "zip_unsupported"
  | "zip_part_too_large"
  | "zip_total_too_large"
  | "zip_size_mismatch"
  | "zip_too_many_entries"
  // Hostile and unlucky files (issue #13): what is wrong, in words; the library's detail only with --verbose.
  | "ods"
  | "not_workbook"
  | "unsupported"
  | "sheet_too_large"
  | "too_large_to_write"
  | "internal";

/** The command line's --help texts (commander descriptions). */
export interface CliHelp {
  program: string;
  lang: string;
  templates: string;
  overwrite: string;
  /** --verbose (issue #13). */
  verbose?: string;
  new: string;
  out: string;
  forms: string;
  unit: string;
  period: string;
  reportNumber: string;
  reportDate: string;
  from: string;
  check: string;
  inputs: string;
  json: string;
  write: string;
  merge: string;
  output: string;
  force: string;
  mergeUnit: string;
  help: string;
  version: string;
}

export interface CliText {
  help: CliHelp;
  /** An output file that is already there (written only with --overwrite). */
  outputExists(path: string): string;
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
  help: {
    program: "Biểu mẫu CCHC: tạo, kiểm tra và tổng hợp phụ lục thống kê (Biểu mẫu 1–7) của báo cáo cải cách hành chính",
    lang: "ngôn ngữ thông báo: vi (mặc định) hoặc en",
    templates: "bộ biểu mẫu riêng (tệp JSON cùng lược đồ với bộ có sẵn)",
    overwrite: "cho phép ghi đè tệp kết quả đã có (không bao giờ ghi đè tệp đầu vào)",
    verbose: "khi không đọc được tệp, in thêm chi tiết kỹ thuật (lời của thư viện)",
    new: "tạo sổ làm việc có các biểu mẫu đã chọn, bố cục như add-in chèn",
    out: "tệp .xlsx sẽ tạo",
    forms: "các biểu mẫu, ví dụ 1,3,7 (mặc định: mọi biểu mẫu, hoặc các biểu mẫu có trong --from)",
    unit: "tên đơn vị báo cáo",
    period: "kỳ báo cáo: q1-2026 (Quý I), 6t-2024 (6 tháng đầu năm), q3-2025 (Quý III), nam-2025 (năm), hoặc ghi như tiêu đề \"6 tháng đầu năm 2024\"; vẫn nhận 6m, year, q2, q4, 9t",
    reportNumber: "số báo cáo, ví dụ 1125/BC-VP",
    reportDate: "ngày báo cáo, ví dụ 14/6/2024",
    from: "điền số liệu từ tệp TSV (form, STT, chỉ tiêu, đơn vị, số liệu, ghi chú) như người nhập gõ vào Excel tiếng Việt",
    check: "kiểm tra một hay nhiều sổ làm việc (tệp hoặc thư mục)",
    inputs: "tệp .xlsx hoặc thư mục",
    json: "in một tài liệu JSON thay cho báo cáo chữ",
    write: "ghi bản đã kiểm tra (cột kiểm tra, tỷ lệ, trang kết quả) vào tệp hoặc thư mục này; tệp đầu vào không bị sửa",
    merge: "tổng hợp sổ làm việc của các đơn vị thành một phụ lục",
    output: "tệp .xlsx tổng hợp",
    force: "vẫn tổng hợp cả tệp còn lỗi hoặc khác kỳ báo cáo (bản tổng hợp ghi rõ tệp còn lỗi)",
    mergeUnit: "tên đơn vị tổng hợp (mặc định: \"Tổng hợp N đơn vị\")",
    help: "xem hướng dẫn",
    version: "xem phiên bản",
  },
  outputExists: (path) => `Tệp ${path} đã có`,
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
      case "doc":
        return "tệp Word 97–2003 (.doc), không phải bảng tính Excel .xlsx";
      case "not_regular_file":
        return "không phải tệp thông thường (thiết bị, đường ống…), không đọc";
      case "file_too_large":
        return `tệp quá lớn (trên ${mb(String(MAX_INPUT_FILE_BYTES))} MB), không đọc`;
      case "zip_encrypted_entry":
        return "tệp nén có phần được mã hóa, không đọc được";
      case "zip_unsupported":
        return "tệp nén theo cách chưa được hỗ trợ";
      case "zip_part_too_large":
        return `một phần của tệp khi giải nén quá lớn${detail ? ` (${detail})` : ""}, không đọc (giới hạn ${mb(String(DEFAULT_ZIP_LIMITS.maxPartBytes))} MB)`;
      case "zip_total_too_large":
        return `tệp khi giải nén quá lớn, không đọc (giới hạn ${mb(String(DEFAULT_ZIP_LIMITS.maxTotalBytes))} MB)`;
      case "zip_size_mismatch":
        return `tệp nén bị hỏng hoặc bị làm giả: một phần giải nén ra lớn hơn kích thước ghi trong tệp (kiểu bom nén)${detail ? ` (${detail})` : ""}, không đọc`;
      case "zip_too_many_entries":
        return "tệp nén có quá nhiều phần, không phải bảng tính thông thường";
      // Hostile and unlucky files (issue #13).
      case "ods":
        return `tệp OpenDocument (.ods, của LibreOffice/OpenOffice) chưa được hỗ trợ; hãy mở rồi lưu lại dạng Excel .xlsx${detail ? ` (${detail})` : ""}`;
      case "not_workbook":
        return `tệp nén này không chứa sổ làm việc Excel (có thể là tài liệu Word hoặc tệp nén khác đổi đuôi .xlsx)${detail ? ` (${detail})` : ""}`;
      case "unsupported":
        return `sổ làm việc dùng tính năng chưa được hỗ trợ hoặc có phần bên trong bị hỏng; hãy mở bằng Excel và lưu lại${detail ? ` (${detail})` : ""}`;
      case "sheet_too_large":
        return `trang tính quá lớn để đọc; hãy xóa các vùng thừa rồi lưu lại${detail ? ` (${detail})` : ""}`;
      case "too_large_to_write":
        return `sổ làm việc quá lớn để ghi bản đã kiểm tra (quá nhiều ô, chuỗi, vùng gộp hoặc vùng phủ cả trang tính); kết quả kiểm tra vẫn dùng được; hãy xóa các vùng thừa rồi lưu lại`;
      case "internal":
        return `lỗi nội bộ của chương trình khi xử lý tệp này; các tệp khác vẫn được kiểm tra (chạy lại với --verbose để xem chi tiết và báo lỗi)${detail ? ` (${detail})` : ""}`;
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
    `Kỳ báo cáo "${p}" không hợp lệ; dùng q1-2026 (Quý I), 6t-2024 (6 tháng đầu năm), q3-2025 (Quý III) hoặc nam-2025 (năm)`,
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
  help: {
    program: "Biểu mẫu CCHC: create, check and consolidate the statistical appendix (Biểu mẫu 1–7) of CCHC reports",
    lang: "message language: vi (default) or en",
    templates: "an office's own template set (JSON in the same schema as the built-in one)",
    overwrite: "allow replacing an existing output file (input files are never overwritten)",
    verbose: "when a file cannot be read, also print the technical detail (the library's words)",
    new: "create a workbook with the chosen forms, laid out as the add-in inserts them",
    out: "the .xlsx file to create",
    forms: "forms, e.g. 1,3,7 (default: every form, or the forms in --from)",
    unit: "reporting unit",
    period: "period: q1-2026 (Q1), 6t-2024 (first half), q3-2025 (Q3), nam-2025 (year), or as a title \"6 tháng đầu năm 2024\"; 6m, year, q2, q4, 9m still accepted",
    reportNumber: "report number, e.g. 1125/BC-VP",
    reportDate: "report date, e.g. 14/6/2024",
    from: "fill values from a TSV (form, STT, indicator, unit, value, note) as typed into a Vietnamese-locale Excel",
    check: "check one or more workbooks (files or directories)",
    inputs: ".xlsx files or directories",
    json: "print one JSON document instead of the text report",
    write: "write a checked copy (check column, rates, results sheet) to this file or directory; inputs are never modified",
    merge: "consolidate unit workbooks into one appendix",
    output: "the consolidated .xlsx file",
    force: "merge inputs that still have errors, or of different periods, too (the output names files with errors)",
    mergeUnit: "name of the consolidating unit (default: \"Consolidation of N units\")",
    help: "show help",
    version: "show version",
  },
  outputExists: (path) => `${path} already exists`,
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
      case "doc":
        return "a Word 97–2003 (.doc) file, not an Excel .xlsx workbook";
      case "not_regular_file":
        return "not a regular file (a device, a pipe…), not read";
      case "file_too_large":
        return `the file is too large (over ${mb(String(MAX_INPUT_FILE_BYTES))} MB), not read`;
      case "zip_encrypted_entry":
        return "the zip has encrypted parts and cannot be read";
      case "zip_unsupported":
        return "the zip uses an unsupported compression";
      case "zip_part_too_large":
        return `a part of the file inflates too large${detail ? ` (${detail})` : ""}, not read (limit ${mb(String(DEFAULT_ZIP_LIMITS.maxPartBytes))} MB)`;
      case "zip_total_too_large":
        return `the file inflates too large, not read (limit ${mb(String(DEFAULT_ZIP_LIMITS.maxTotalBytes))} MB)`;
      case "zip_size_mismatch":
        return `the zip is damaged or forged: a part inflates past the size the file declares (like a zip bomb)${detail ? ` (${detail})` : ""}, not read`;
      case "zip_too_many_entries":
        return "the zip has too many parts for a workbook";
      // Hostile and unlucky files (issue #13).
      case "ods":
        return `OpenDocument (.ods, LibreOffice/OpenOffice) files are not supported; open it and save it as an Excel .xlsx${detail ? ` (${detail})` : ""}`;
      case "not_workbook":
        return `this zip holds no Excel workbook (perhaps a Word document or another archive renamed .xlsx)${detail ? ` (${detail})` : ""}`;
      case "unsupported":
        return `the workbook uses an unsupported feature or has a damaged part; open it in Excel and save it again${detail ? ` (${detail})` : ""}`;
      case "sheet_too_large":
        return `a sheet is too large to read; delete the unused areas and save it again${detail ? ` (${detail})` : ""}`;
      case "too_large_to_write":
        return `the workbook is too large to write a checked copy of (too many cells, strings or merges, or a range over a whole sheet); the check's results still stand; delete the unused areas and save it again`;
      case "internal":
        return `internal error while processing this file; the other files are still checked (run again with --verbose for the details, and report it)${detail ? ` (${detail})` : ""}`;
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
  badPeriod: (p) => `Invalid period "${p}"; use q1-2026 (Q1), 6t-2024 (first half), q3-2025 (Q3) or nam-2025 (year)`,
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
