/** Texts of the check column, the results sheet and write-back notes, Vietnamese first, English when asked. */
import type { Lang } from "./number";

interface ResultsText {
  noRowAbove: (sheet: string, form: string, resultsSheet: string) => string;
  columnsTaken: (sheet: string, form: string) => string;
  computedFromParts: string;
  title: string;
  summary: (errors: number, warnings: number, infos: number, set: string, forms: string) => string;
  noForms: string;
  unrecognised: string;
  findingHeaders: string[];
  relationsTitle: string;
  relationHeaders: string[];
  status: Record<"pass" | "fail" | "not_applicable", string>;
  inferredRule: string;
  formName: (n: number) => string;
  formsRead: string;
  crossForm: string;
  ruleKind: Record<"rate" | "sum_eq" | "sum_le" | "when" | "between_parts", string>;
}

export const RESULTS_TEXT: Record<Lang, ResultsText> = {
  vi: {
    noRowAbove: (sheet, form, results) =>
      `Trang “${sheet}”: bảng ${form} bắt đầu ở dòng đầu trang, không có chỗ cho tiêu đề cột kiểm tra; kết quả chỉ ghi ở trang “${results}”.`,
    columnsTaken: (sheet, form) =>
      `Trang “${sheet}”: các cột bên phải bảng ${form} đều đã có dữ liệu, không ghi cột kiểm tra (dữ liệu giữ nguyên).`,
    computedFromParts: "Tính từ số liệu: ",
    title: "KẾT QUẢ KIỂM TRA BIỂU MẪU CCHC",
    summary: (e, w, i, set, forms) => `${e} lỗi, ${w} cảnh báo, ${i} thông tin. Bộ biểu mẫu: ${set}.${forms ? ` Biểu mẫu đã đọc: ${forms}.` : ""}`,
    noForms: "không có",
    unrecognised: "Trang không nhận ra biểu mẫu: ",
    findingHeaders: ["Biểu mẫu", "STT", "Ô", "Mức độ", "Nội dung", "Giá trị đã nhập", "Giá trị đúng"],
    relationsTitle: "KIỂM TRA LIÊN BIỂU VÀ CÁC QUAN HỆ",
    relationHeaders: ["Biểu mẫu", "", "Kết quả", "Loại", "Quan hệ", "Vế trái", "Vế phải"],
    status: { pass: "Đạt", fail: "Không đạt", not_applicable: "Không áp dụng (thiếu số liệu)" },
    inferredRule: "Quy tắc suy luận, chưa có văn bản chính thức",
    formName: (n) => `Biểu mẫu ${n}`,
    formsRead: "Biểu mẫu đã đọc: ",
    crossForm: "Liên biểu",
    ruleKind: { rate: "Tỷ lệ", sum_eq: "Tổng", sum_le: "Không vượt", when: "Điều kiện", between_parts: "Trong khoảng" },
  },
  en: {
    noRowAbove: (sheet, form, results) =>
      `Sheet “${sheet}”: table ${form} starts on the sheet's first row, leaving no room for the check column's header; results are on sheet “${results}” only.`,
    columnsTaken: (sheet, form) =>
      `Sheet “${sheet}”: every column right of table ${form} holds data; no check column written (data kept as it was).`,
    computedFromParts: "Computed from the parts: ",
    title: "CCHC FORM CHECK RESULTS",
    summary: (e, w, i, set, forms) =>
      `${e} ${e === 1 ? "error" : "errors"}, ${w} ${w === 1 ? "warning" : "warnings"}, ${i} information. Template set: ${set}.${forms ? ` Forms read: ${forms}.` : ""}`,
    noForms: "none",
    unrecognised: "Sheets with no recognised form: ",
    findingHeaders: ["Form", "Row", "Cell", "Severity", "Message", "Value typed", "Expected"],
    relationsTitle: "CROSS-FORM CHECKS AND RELATIONS",
    relationHeaders: ["Form", "", "Result", "Kind", "Relation", "Left", "Right"],
    status: { pass: "Pass", fail: "Fail", not_applicable: "Not applicable (missing values)" },
    inferredRule: "Inferred rule, no official text",
    formName: (n) => `Form ${n}`,
    formsRead: "Forms read: ",
    crossForm: "Cross-form",
    ruleKind: { rate: "Rate", sum_eq: "Sum", sum_le: "At most", when: "Condition", between_parts: "Between" },
  },
};
