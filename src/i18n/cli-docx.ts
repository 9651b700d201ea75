/** Words of the command line's Word side: `export` and checking .docx reports. Vietnamese first; English with --lang en. */
import type { Lang } from "./number";

export interface CliDocxText {
  help: { export: string; input: string; output: string; report: string };
  exportNoForms: string;
  exportWrote: (path: string, forms: number) => string;
  exportFailed: (path: string, why: string) => string;
  /** Why a .docx report could not be used (docx-read's problem codes, plus "no_appendix"). */
  docProblem: (problem: string, detail?: string) => string;
  reportNotUsed: (path: string, why: string) => string;
}

const VI: CliDocxText = {
  help: {
    export: "xuất phụ lục của sổ làm việc thành văn bản Word (.docx) theo thể thức Nghị định 30/2020/NĐ-CP",
    input: "sổ làm việc .xlsx",
    output: "tệp .docx sẽ ghi",
    report: "báo cáo Word (.docx) để đối chiếu số liệu trong lời văn với phụ lục",
  },
  exportNoForms: "không tìm thấy biểu mẫu nào để xuất (không có bảng nào khớp STT và tên chỉ tiêu của Biểu mẫu)",
  exportWrote: (path, forms) => `Đã ghi ${path} (${forms} biểu mẫu)`,
  exportFailed: (path, why) => `Không ghi được ${path}: ${why}`,
  docProblem(problem, detail) {
    const d = detail ? ` (${detail})` : "";
    switch (problem) {
      case "no_appendix":
        return "văn bản không có bảng phụ lục nào khớp Biểu mẫu (STT và tên chỉ tiêu)";
      case "encrypted":
        return "tệp được đặt mật khẩu (mã hóa); hãy mở bằng Word, gỡ mật khẩu rồi kiểm tra lại";
      case "doc":
        return "tệp Word 97–2003 (.doc) chưa được hỗ trợ; hãy mở bằng Word và lưu lại dạng .docx";
      case "empty_file":
        return "tệp rỗng (0 byte)";
      case "not_found":
        return "không tìm thấy tệp";
      case "not_docx":
        return "không phải tệp Word .docx";
      default:
        return `tệp .docx bị hỏng hoặc không đọc được${d}`;
    }
  },
  reportNotUsed: (path, why) => `Không đối chiếu được với báo cáo ${path}: ${why}`,
};

const EN: CliDocxText = {
  help: {
    export: "write the workbook's appendix as a Word document (.docx) laid out under Decree 30/2020/NĐ-CP",
    input: "an .xlsx workbook",
    output: "the .docx file to write",
    report: "a Word report (.docx) whose text is cross-checked against the appendix",
  },
  exportNoForms: "no form found to export (no table matches a form's STT and indicator texts)",
  exportWrote: (path, forms) => `Wrote ${path} (${forms} forms)`,
  exportFailed: (path, why) => `Could not write ${path}: ${why}`,
  docProblem(problem, detail) {
    const d = detail ? ` (${detail})` : "";
    switch (problem) {
      case "no_appendix":
        return "the document has no appendix table matching a form (STT and indicator texts)";
      case "encrypted":
        return "the file is password-protected (encrypted); open it in Word, remove the password and check again";
      case "doc":
        return "Word 97–2003 files (.doc) are not supported; open it in Word and save it as .docx";
      case "empty_file":
        return "the file is empty (0 bytes)";
      case "not_found":
        return "file not found";
      case "not_docx":
        return "not a Word .docx file";
      default:
        return `the .docx file is damaged or unreadable${d}`;
    }
  },
  reportNotUsed: (path, why) => `Could not cross-check against the report ${path}: ${why}`,
};

export function cliDocxText(lang: Lang): CliDocxText {
  return lang === "vi" ? VI : EN;
}
