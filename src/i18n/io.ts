/**
 * What the readers (src/io) say when a document cannot be read: one sentence per problem code, Vietnamese first.
 * The library's own words never appear here; hosts show them only when asked (--verbose).
 */
import type { DocumentProblem } from "../io/docx-read";
import type { Lang } from "./number";

const VI: Record<DocumentProblem, string> = {
  empty_file: "tệp rỗng (0 byte)",
  encrypted: "tệp được đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ tài liệu) rồi lưu lại",
  doc: "tệp Word 97–2003 (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu lại dạng .docx",
  xls: "đây là bảng tính Excel 97–2003 (.xls), không phải văn bản Word; hãy lưu lại dạng .xlsx hoặc chọn tệp .docx",
  ole_other: "tệp Office dạng cũ không phải văn bản Word .docx",
  ods: "đây là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice hoặc Excel và lưu lại dạng .xlsx",
  odt: "đây là văn bản OpenDocument (.odt); hãy mở bằng LibreOffice hoặc Word và lưu lại dạng .docx",
  xlsx_not_docx: "đây là bảng tính Excel (.xlsx), không phải văn bản Word (.docx)",
  not_docx: "không phải văn bản Word .docx",
  xml_damaged: "nội dung văn bản bị hỏng (XML không hợp lệ), không đọc được",
  zip_damaged: "tệp bị hỏng (gói nén không đọc được, có thể do tải về hoặc gửi thư chưa trọn)",
  zip_encrypted_entry: "tệp nén có phần được mã hóa, không đọc được",
  zip_unsupported: "tệp dùng kiểu nén không được hỗ trợ",
  zip_part_too_large: "một phần của tệp lớn bất thường khi giải nén (quá 50 MB), đã dừng đọc để bảo vệ máy",
  zip_total_too_large: "tệp giải nén ra quá lớn (quá 200 MB), đã dừng đọc để bảo vệ máy",
  zip_size_mismatch: "tệp nén bị hỏng hoặc bị làm giả: một phần giải nén ra lớn hơn kích thước ghi trong tệp (kiểu bom nén), đã dừng đọc để bảo vệ máy",
  zip_too_many_entries: "tệp chứa số phần lớn bất thường, đã dừng đọc",
};

const EN: Record<DocumentProblem, string> = {
  empty_file: "the file is empty (0 bytes)",
  encrypted: "the file is password-protected; open it in Word, remove the password (File → Info → Protect Document) and save it again",
  doc: "Word 97–2003 (.doc) files are not supported; open it in Word and save it as .docx",
  xls: "this is an Excel 97–2003 workbook (.xls), not a Word document; save it as .xlsx or choose a .docx",
  ole_other: "an old-format Office file that is not a Word .docx document",
  ods: "this is an OpenDocument spreadsheet (.ods); open it in LibreOffice or Excel and save it as .xlsx",
  odt: "this is an OpenDocument text (.odt); open it in LibreOffice or Word and save it as .docx",
  xlsx_not_docx: "this is an Excel workbook (.xlsx), not a Word document (.docx)",
  not_docx: "not a Word .docx document",
  xml_damaged: "the document's content is damaged (invalid XML) and cannot be read",
  zip_damaged: "the file is damaged (its zip package cannot be read; perhaps an incomplete download or e-mail)",
  zip_encrypted_entry: "a part of the zip package is encrypted and cannot be read",
  zip_unsupported: "the file uses an unsupported compression method",
  zip_part_too_large: "a part of the file inflates to an unusual size (over 50 MB); reading stopped to protect the computer",
  zip_total_too_large: "the file inflates to over 200 MB; reading stopped to protect the computer",
  zip_size_mismatch: "the zip is damaged or forged: a part inflates past the size the file declares (like a zip bomb); reading stopped to protect the computer",
  zip_too_many_entries: "the file holds an unusual number of parts; reading stopped",
};

export function documentProblemText(problem: DocumentProblem, lang: Lang): string {
  return (lang === "vi" ? VI : EN)[problem];
}
