/** Names of what the product writes into a workbook, shared by the layout, the engine and both hosts. */
export const RESULTS_SHEET_NAME = "Kết quả kiểm tra";
/** Report-ready copies carry this in their sheet name, and are never read as forms to check. */
export const REPORT_COPY_MARK = "bản in";
/** Header of the check column the product writes beside a table; only a column with this header is ever cleared. */
export const CHECK_COLUMN_HEADER = "Kiểm tra (Biểu mẫu CCHC)";
