/**
 * The Vietnamese sentences a learned template set stores (rule remarks, row remarks, form sources). They are data of
 * the set, written once when it is learned, so they are Vietnamese whatever the display language.
 */
const q = (s: string) => `“${s}”`;

export const LEARN_REMARK = {
  countUnitPercent: (printed: string, unit: string | null) =>
    unit
      ? `Văn bản in đơn vị ${q(printed)} cho chỉ tiêu đếm (“Số …”); đọc là số đếm, đơn vị ${q(unit)} như chỉ tiêu cùng loại trong biểu. Cần người kiểm tra xem lại.`
      : `Văn bản in đơn vị ${q(printed)} cho chỉ tiêu đếm (“Số …”); đọc là số đếm, giữ đơn vị như văn bản in. Cần người kiểm tra xem lại.`,
  noUnit: "Văn bản không ghi đơn vị tính và chỉ tiêu không có chỉ tiêu con; đọc là số đếm. Cần người kiểm tra xem lại.",
  rate: (target: string, part: string, whole: string, why: string) =>
    `Suy luận từ văn bản: chỉ tiêu ${target} là “Tỷ lệ …” có hai chỉ tiêu con, ${whole} là tổng và ${part} là phần (${why}), nên ${target} = ${part} / ${whole} × 100.`,
  partLeWhole: (part: string, whole: string) =>
    `Suy luận từ văn bản: ${part} là phần của ${whole} (hai chỉ tiêu con của một tỷ lệ), nên ${part} ≤ ${whole}.`,
  total: (total: string, parts: string[], unit: string) =>
    `Suy luận từ văn bản: ${total} là “Tổng số …” và các chỉ tiêu con ${parts.join(", ")} cùng đơn vị “${unit}”, nên ${total} = ${parts.join(" + ")}.`,
  siblings: (whole: string, parts: string[]) =>
    `Suy luận từ văn bản: ${whole} là “Tổng số …” và ${parts.join(", ")} ngay sau là “Số …” cùng đơn vị, nên ${parts.join(" + ")} ≤ ${whole}.`,
  precondition: (row: string, children: string[]) =>
    `Suy luận từ văn bản: ${row} là chỉ tiêu Có/Không có chỉ tiêu con ${children.join(", ")}; khi ${row} = 0 (Không) thì các chỉ tiêu con để trống.`,
  requires: (row: string, children: string[]) =>
    `Suy luận từ văn bản: ${row} là chỉ tiêu Có/Không có chỉ tiêu con ${children.join(", ")}; khi ${row} = 1 (Có) thì các chỉ tiêu con có số liệu.`,
  whyTotal: "chỉ tiêu “Tổng số …” là tổng",
  whyDone: "chỉ tiêu “Số … đã …” là phần",
  whyOrder: "theo thứ tự in: chỉ tiêu đầu là tổng",
  /** The set's `document` line and each form's `source`. */
  document: (file: string, ref: string | null) => `Học từ tệp “${file}”${ref ? ` (${ref})` : ""}`,
  docRef: (kind: string | undefined, number: string | undefined, date: string | undefined) =>
    [kind ? `${kind} số ${number ?? "…"}` : number ? `Số ${number}` : "", date ? `ngày ${date}` : ""].filter(Boolean).join(" "),
  formSource: (file: string, ref: string | null, places: string) =>
    `Học từ tệp “${file}”${ref ? `, ${ref}` : ""}, ${places}; chỉ tiêu đọc từ văn bản, quan hệ giữa các chỉ tiêu là suy luận`,
  table: (n: number) => `Bảng ${n}`,
  sheet: (name: string) => `trang tính “${name}”`,
  rows: (first: number, last: number) => (first === last ? `dòng ${first}` : `dòng ${first}–${last}`),
  appendixTitle: "THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH",
  caption: "(Ban hành kèm theo Báo cáo số …/BC-… ngày …/…/… của …)",
  columns: ["STT", "Chỉ tiêu thống kê", "Kết quả thống kê: Đơn vị tính", "Kết quả thống kê: Số liệu", "Ghi chú"] as string[],
  untitled: (n: number) => `Biểu mẫu ${n}`,
} as const;

/** "2025-06-30" → "30/6/2025". */
export const dmy = (iso: string): string => {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d}/${m}/${y}`;
};
/** The day after an ISO date, as "1/7/2025". */
const dayAfter = (iso: string): string => {
  const t = new Date(`${iso}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return dmy(t.toISOString().slice(0, 10));
};
const REFORM = "chính quyền địa phương hai cấp: Nghị quyết sửa đổi, bổ sung một số điều của Hiến pháp năm 2013, thông qua 16/6/2025, Điều 110";

/** The reasons a learned set stores for its period proposals (src/forms/learn/periods.ts); Vietnamese, as data. */
export const LEARN_PERIOD_REMARK = {
  accumulates: (word: string) =>
    `Suy luận từ văn bản: chỉ tiêu đếm việc phát sinh trong kỳ (${q(word)}), cộng dồn từ 15/12 năm trước, nên báo cáo sau trong cùng năm không nhỏ hơn báo cáo trước.`,
  district: (parent: string | null, until: string) =>
    `Suy luận từ văn bản: chỉ tiêu ${parent ? `thuộc chỉ tiêu ${parent} nêu cấp huyện` : "nêu cấp huyện"}; cấp huyện không còn từ ${dayAfter(until)} (${REFORM}). Chưa có văn bản nào nói cách báo cáo chỉ tiêu này sau cải cách: ngày áp dụng là suy luận.`,
  levelCodes: (until: string) =>
    `Suy luận từ văn bản: mã hóa nêu các cấp chính quyền (“2 cấp / 3 cấp”) có từ trước cải cách ${dayAfter(until)} (không còn cấp huyện), nay không còn đúng nghĩa; chưa có văn bản nói cách mã hóa mới.`,
} as const;
