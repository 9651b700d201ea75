/** Words of the command line's Word side: `export` and checking .docx reports. Vietnamese first; English with --lang en. */
import type { Lang } from "./number";

export interface CliDocxText {
  help: { export: string; input: string; output: string; report: string };
  exportNoForms: string;
  exportWrote: (path: string, forms: number) => string;
  exportFailed: (path: string, why: string) => string;
  /** A Word document with no table that is a form. (Read problems are src/i18n/io.ts's.) */
  noAppendix: string;
  /** A reader failure with no problem code (a bug, not the file's fault). */
  unreadable: (detail: string) => string;
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
  noAppendix: "văn bản không có bảng phụ lục nào khớp Biểu mẫu (STT và tên chỉ tiêu)",
  unreadable: (detail) => `tệp .docx không đọc được (${detail})`,
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
  noAppendix: "the document has no appendix table matching a form (STT and indicator texts)",
  unreadable: (detail) => `the .docx file cannot be read (${detail})`,
  reportNotUsed: (path, why) => `Could not cross-check against the report ${path}: ${why}`,
};

export function cliDocxText(lang: Lang): CliDocxText {
  return lang === "vi" ? VI : EN;
}
