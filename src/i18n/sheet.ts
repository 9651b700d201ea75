/**
 * Texts written into the form sheets themselves. The forms are Vietnamese official tables, so these are Vietnamese
 * whatever Office's display language; kept here with every other user-visible text.
 */
import type { ReportPeriod } from "../layout/types";

export const PERIOD_LABELS: Record<ReportPeriod, string> = {
  q1: "Quý I",
  q2: "Quý II",
  q3: "Quý III",
  q4: "Quý IV",
  "6m": "6 tháng đầu năm",
  "9m": "9 tháng",
  year: "Năm",
};

export const SHEET_TEXT = {
  formLabel: (n: number) => `Biểu mẫu ${n}`,
  sheetName: (n: number, copy: number) => (copy > 1 ? `Biểu mẫu ${n} (${copy})` : `Biểu mẫu ${n}`),
  caption: (reportNumber: string | undefined, reportDate: string | undefined, unit: string | undefined) =>
    `(Ban hành kèm theo Báo cáo số ${reportNumber || "…"} ngày ${reportDate || "…/…/…"} của ${unit || "…"})`,
  unitLine: (unit: string | undefined) => `Đơn vị báo cáo: ${unit || "…"}`,
  periodLine: (period: string) => `Kỳ báo cáo: ${period}`,
  periodText: (label: string, year: number | undefined, isYear: boolean) => {
    if (isYear) return year ? `Năm ${year}` : "Năm …";
    if (!year) return label || "…";
    return label.endsWith("năm") ? `${label} ${year}` : `${label || "…"} năm ${year}`;
  },
  loadedSetLine: (id: string) => `Bộ biểu mẫu: ${id} (do đơn vị nạp)`,
  defaultGroupHeading: "Kết quả thống kê",
  inferredFootnote: "(*) Chỉ tiêu hoặc quy tắc suy luận, chưa có văn bản chính thức làm căn cứ.",
  sourceLine: (source: string) => `Nguồn biểu mẫu: ${source}.`,
  /**
   * The note under a form with rows dated by the template set (†): until when (or from when) they apply, whether a
   * coded row's codes predate the date, and whether the date is inferred. 30/6/2025 is the two-level reform's.
   */
  datedFootnote: (mark: string, dates: { from?: string; until?: string; codingUntil?: boolean }, inferred: boolean) => {
    const d = (iso: string) => iso.split("-").reverse().map((x, i) => (i === 1 ? String(Number(x)) : x)).join("/");
    const parts: string[] = [];
    if (dates.until)
      parts.push(
        dates.until === "2025-06-30"
          ? `chỉ tiêu về cấp huyện, áp dụng đến 30/6/2025: từ 01/7/2025 không còn cấp huyện (chính quyền địa phương hai cấp), kỳ báo cáo sau ngày này để trống các dòng này`
          : `chỉ tiêu áp dụng đến ${d(dates.until)}, kỳ báo cáo sau ngày này để trống`,
      );
    if (dates.from) parts.push(`chỉ tiêu áp dụng từ ${d(dates.from)}`);
    if (dates.codingUntil) parts.push("chỉ tiêu có mã: cách mã hóa có từ trước cải cách, đọc thận trọng");
    const text = parts.join("; ");
    return `(${mark}) ${text.charAt(0).toUpperCase()}${text.slice(1)}${inferred ? " (suy luận, chưa có văn bản hướng dẫn)." : "."}`;
  },
  /** Excel Data Validation prompts and alerts, per row kind. */
  validation: {
    count: (unit: string) => ({
      promptTitle: "Số đếm",
      prompt: `Nhập số nguyên không âm (${unit || "đơn vị"}), ví dụ 1081. Không gõ dấu phân cách hàng nghìn.`,
      errorTitle: "Giá trị không hợp lệ",
      error: "Chỉ tiêu này là số đếm: chỉ nhận số nguyên từ 0 trở lên.",
    }),
    percent: () => ({
      promptTitle: "Tỷ lệ (%)",
      prompt: "Nhập tỷ lệ từ 0 đến 100, làm tròn 2 chữ số thập phân (ví dụ 96,55).",
      errorTitle: "Giá trị không hợp lệ",
      error: "Tỷ lệ phải nằm trong khoảng 0 đến 100.",
    }),
    code: (codes: string) => ({
      promptTitle: "Chọn mã",
      prompt: codes,
      errorTitle: "Mã không hợp lệ",
      error: `Chỉ nhận một trong các mã: ${codes}.`,
    }),
    number: () => ({ promptTitle: "Số liệu", prompt: "Nhập một số.", errorTitle: "Giá trị không hợp lệ", error: "Ô này chỉ nhận số." }),
  },
  /** Words in a rule's relation as the results sheet shows it ("6 = 0 ⇒ 6.1 trống"). */
  relationBlank: "trống",
  relationFilled: "có số liệu",
} as const;
