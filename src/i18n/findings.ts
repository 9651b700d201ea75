/**
 * The one message catalogue for findings: a finding carries facts (check code, params); this turns them into a
 * Vietnamese (or English) sentence. The task pane, the sheet write-back and the command line all render through it.
 */
import type { CheckCode, Finding, FindingParams, NumericParam } from "../engine/types";
import type { Severity } from "../forms/schema";
import { formatDecimal, type Lang } from "./number";
import { dateText, periodCodeText } from "./periods";

type Param = (name: string) => string;

/** The day after an ISO date: a row that applies until 30/6/2025 is gone from 1/7/2025. */
function next(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
type Template = (p: Param) => string;

const VI: Record<CheckCode, Template> = {
  "rate.mismatch": (p) =>
    `Tỷ lệ ${p("reported")}% không khớp với ${p("numerator")} / ${p("denominator")} × 100 = ${p("expected")}%`,
  "rate.tie": (p) =>
    `${p("numerator")} / ${p("denominator")} × 100 = ${p("exact")} nằm đúng giữa hai cách làm tròn: ${p("reported")}% được chấp nhận (hàm ROUND của Excel cho ${p("expected")}%)`,
  "rate.no_denominator": (p) => `Không phát sinh: mẫu số (STT ${p("denominatorStt")}) bằng 0 hoặc để trống, không tính tỷ lệ`,
  "sum.mismatch": (p) => `${p("total")} khác tổng các chỉ tiêu thành phần ${p("parts")} = ${p("sum")}`,
  "le.exceeded": (p) => `${p("parts")} = ${p("sum")} lớn hơn ${p("whole")} = ${p("wholeValue")}: phần không thể vượt tổng`,
  "when.should_be_blank": (p) => `STT ${p("condition")} = ${p("conditionValue")} (${p("meaning")}) nên chỉ tiêu này phải để trống`,
  "when.should_be_filled": (p) => `STT ${p("condition")} = ${p("conditionValue")} (${p("meaning")}) nên cần nhập chỉ tiêu này`,
  "when.rightly_blank": (p) => `Để trống là đúng: STT ${p("condition")} = ${p("conditionValue")} (${p("meaning")})`,
  "between.outside": (p) => `Tỷ lệ chung nằm ngoài khoảng ${p("min")}–${p("max")} của các chỉ tiêu thành phần (${p("parts")})`,
  "count.not_integer": (p) => `Số đếm (${p("unit")}) phải là số nguyên`,
  "count.negative": () => "Số đếm không thể âm",
  "count.thousands_separator": (p) =>
    (p("typed").includes(",")
      ? `“${p("typed")}”: theo định dạng Việt Nam dấu phẩy là dấu thập phân, nhưng số ${p("unit")} không thể lẻ; dấu phẩy được dùng nhầm làm dấu phân cách hàng nghìn, đọc là ${p("reading")}`
      : `“${p("typed")}”: Excel (thiết lập vùng tiếng Anh) lưu thành số lẻ, nhưng số ${p("unit")} không thể lẻ; dấu chấm là dấu phân cách hàng nghìn, đọc là ${p("reading")}`) +
    (p("confirmedBy") ? ` (cách đọc này khớp với tỷ lệ ở STT ${p("confirmedBy")})` : ""),
  "percent.out_of_range": (p) => `Tỷ lệ ${p("reading")} nằm ngoài khoảng 0–100`,
  "percent.thousands_separator": (p) => `“${p("typed")}” vượt quá 100; đọc là ${p("reading")}`,
  "percent.fraction": (p) => `Tỷ lệ ghi dạng phân số (${p("reported")}): phải ghi ${p("expected")}% (= ${p("numerator")} / ${p("denominator")} × 100); đọc là ${p("reading")}% thì khớp`,
  "code.invalid": (p) => `Mã không hợp lệ; chỉ nhận ${p("codes")}`,
  "code.meaning_typed": (p) => `Đã ghi chữ “${p("meaning")}” thay cho mã; đọc là mã ${p("code")}`,
  "cell.not_a_number": () => "Ô số liệu chứa chữ, không phải số",
  "cell.too_long": (p) => `Ô số liệu dài ${p("length")} ký tự, quá dài cho một con số (tối đa ${p("limit")} ký tự): không đọc giá trị này`,
  "cell.error_value": () => "Ô số liệu chứa lỗi công thức",
  "cell.number_as_text": (p) => `Số được lưu dạng văn bản; đọc là ${p("reading")}`,
  "cell.english_decimal": (p) => `Số ghi theo kiểu tiếng Anh (dấu chấm thập phân); đọc là ${p("reading")}`,
  "value.blank": () => "Chưa có số liệu",
  "value.blank_with_reason": (p) => `Để trống, có ghi chú: “${p("note")}”`,
  "unit.template_typo": (p) =>
    `Biểu mẫu gốc in đơn vị “${p("printed")}” cho chỉ tiêu này, nhưng đây là số đếm (${p("unit")}): lỗi của biểu mẫu, kiểm tra như số đếm`,
  "unit.differs": (p) => `Đơn vị tính “${p("typed")}” khác biểu mẫu (“${p("unit")}”)`,
  "form.row_missing": (p) => `Không tìm thấy chỉ tiêu “${p("text")}” trong bảng`,
  "form.row_unknown": () => "Dòng này không có trong biểu mẫu",
  "form.rows_unknown_more": (p) => `Còn ${p("count")} dòng nữa từ đây trở xuống không có trong biểu mẫu (không liệt kê từng dòng)`,
  "form.text_differs": (p) =>
    p("reason") === "stt" ? `STT ghi là “${p("typedStt")}”, nhưng nội dung là chỉ tiêu “${p("text")}”` : `Nội dung chỉ tiêu khác biểu mẫu (“${p("text")}”)`,
  "form.duplicate": (p) => `Biểu mẫu có hai bản trong sổ; kiểm tra liên biểu dùng bản ở trang “${p("firstSheet")}”`,
  "report.mismatch": (p) =>
    `Lời văn báo cáo (đoạn ${p("paragraph")}) ghi ${p("stated")}${p("percent")}, nhưng phụ lục ghi ${p("table")}${p("percent")} cho chỉ tiêu “${p("indicator")}”: “${p("sentence")}”`,
  "report.agrees": (p) => `Lời văn báo cáo (đoạn ${p("paragraph")}) ghi ${p("stated")}${p("percent")}, khớp với phụ lục (“${p("indicator")}”)`,
  "report.uncertain": (p) =>
    `Lời văn báo cáo (đoạn ${p("paragraph")}) ghi ${p("stated")}${p("percent")}; không xác định chắc chắn được chỉ tiêu tương ứng${p("candidates") ? ` (có thể là ${p("candidates")})` : ""}, nên không đối chiếu`,
  "reform.rightly_blank": (p) =>
    `Để trống là đúng: không còn cấp huyện từ ${dateText(next(p("until")))}` +
    (p("straddles") ? ` (kỳ ${periodCodeText(p("period"))} có cả thời gian trước và sau ngày này: nhập hay để trống đều được)` : ""),
  "reform.value_after": (p) =>
    `Kỳ ${periodCodeText(p("period"))} bắt đầu sau ${dateText(p("until"))}, khi không còn cấp huyện (chính quyền địa phương hai cấp): chỉ tiêu này nên để trống, hoặc ghi chú số liệu này là gì`,
  "reform.coding_predates": (p) =>
    `Cách mã hóa của chỉ tiêu này có từ trước ${dateText(next(p("until")))} (còn cấp huyện); sau cải cách các mã không còn đúng nghĩa, đọc mã đã nhập một cách thận trọng`,
  "period.accumulation_decreased": (p) =>
    `Số liệu cộng dồn từ ${dateText(p("from"))}: kỳ ${periodCodeText(p("period"))} ghi ${p("current")}, nhỏ hơn ${p("previous")} của kỳ ${periodCodeText(p("previousPeriod"))} (tệp ${p("previousFile")}), dù kỳ này bao gồm kỳ trước`,
  "period.state_jump": (p) =>
    `So với kỳ ${periodCodeText(p("previousPeriod"))} (${p("previous")}, tệp ${p("previousFile")}), ${p("current")} thay đổi hơn ${p("factor")} lần: kiểm tra lại`,
  "period.code_back": (p) =>
    `Kỳ ${periodCodeText(p("previousPeriod"))} ghi mã ${p("previous")} (${p("previousMeaning")}), kỳ này ghi ${p("current")} (${p("currentMeaning")}): lùi lại so với kỳ trước`,
  "period.not_comparable": (p) =>
    p("reason") === "unknown_period"
      ? `Không so sánh được với tệp ${p("previousFile")}: không đọc được kỳ báo cáo của một trong hai tệp`
      : `Không so sánh số liệu cộng dồn với tệp ${p("previousFile")}: kỳ ${periodCodeText(p("previousPeriod"))} không nằm trong kỳ ${periodCodeText(p("period"))}`,
};

const EN: Record<CheckCode, Template> = {
  "rate.mismatch": (p) => `Rate ${p("reported")}% does not match ${p("numerator")} / ${p("denominator")} × 100 = ${p("expected")}%`,
  "rate.tie": (p) =>
    `${p("numerator")} / ${p("denominator")} × 100 = ${p("exact")} lies exactly half-way: ${p("reported")}% is accepted (Excel's ROUND gives ${p("expected")}%)`,
  "rate.no_denominator": (p) => `Not applicable: the denominator (row ${p("denominatorStt")}) is 0 or blank`,
  "sum.mismatch": (p) => `${p("total")} differs from the sum of its parts ${p("parts")} = ${p("sum")}`,
  "le.exceeded": (p) => `${p("parts")} = ${p("sum")} exceeds ${p("whole")} = ${p("wholeValue")}: a part cannot exceed its whole`,
  "when.should_be_blank": (p) => `Row ${p("condition")} = ${p("conditionValue")} (${p("meaning")}), so this row must be blank`,
  "when.should_be_filled": (p) => `Row ${p("condition")} = ${p("conditionValue")} (${p("meaning")}), so this row must be filled`,
  "when.rightly_blank": (p) => `Rightly blank: row ${p("condition")} = ${p("conditionValue")} (${p("meaning")})`,
  "between.outside": (p) => `The overall rate lies outside ${p("min")}–${p("max")}, the range of its parts (${p("parts")})`,
  "count.not_integer": (p) => `A count (${p("unit")}) must be a whole number`,
  "count.negative": () => "A count cannot be negative",
  "count.thousands_separator": (p) =>
    (p("typed").includes(",")
      ? `“${p("typed")}”: in Vietnamese format the comma is the decimal mark, but a count of ${p("unit")} cannot be fractional; the comma was meant as a thousands separator, read as ${p("reading")}`
      : `“${p("typed")}”: Excel (English regional settings) stored a fraction, but a count of ${p("unit")} cannot be fractional; the dot was a thousands separator, read as ${p("reading")}`) +
    (p("confirmedBy") ? ` (this reading matches the rate in row ${p("confirmedBy")})` : ""),
  "percent.out_of_range": (p) => `Rate ${p("reading")} is outside 0–100`,
  "percent.thousands_separator": (p) => `“${p("typed")}” exceeds 100; read as ${p("reading")}`,
  "percent.fraction": (p) => `Rate written as a fraction (${p("reported")}): it should read ${p("expected")}% (= ${p("numerator")} / ${p("denominator")} × 100); read as ${p("reading")}% it matches`,
  "code.invalid": (p) => `Invalid code; allowed: ${p("codes")}`,
  "code.meaning_typed": (p) => `The word “${p("meaning")}” was typed instead of its code; read as code ${p("code")}`,
  "cell.not_a_number": () => "The value cell holds text, not a number",
  "cell.too_long": (p) => `The value cell is ${p("length")} characters long, too long for a number (at most ${p("limit")}): the value is not read`,
  "cell.error_value": () => "The value cell holds a formula error",
  "cell.number_as_text": (p) => `Number stored as text; read as ${p("reading")}`,
  "cell.english_decimal": (p) => `Number written the English way (decimal point); read as ${p("reading")}`,
  "value.blank": () => "No value yet",
  "value.blank_with_reason": (p) => `Blank, with a note: “${p("note")}”`,
  "unit.template_typo": (p) =>
    `The official template prints unit “${p("printed")}” here, but this is a count (${p("unit")}): a template typo, checked as a count`,
  "unit.differs": (p) => `Unit “${p("typed")}” differs from the form (“${p("unit")}”)`,
  "form.row_missing": (p) => `Indicator “${p("text")}” was not found in the table`,
  "form.row_unknown": () => "This row is not in the form",
  "form.rows_unknown_more": (p) => `${p("count")} more rows from here down are not in the form (not listed one by one)`,
  "form.text_differs": (p) =>
    p("reason") === "stt" ? `Numbered “${p("typedStt")}”, but the text is indicator “${p("text")}”` : `The indicator text differs from the form (“${p("text")}”)`,
  "form.duplicate": (p) => `The form appears twice; cross-form checks use the copy on sheet “${p("firstSheet")}”`,
  "report.mismatch": (p) =>
    `The report's text (paragraph ${p("paragraph")}) states ${p("stated")}${p("percent")}, but the appendix gives ${p("table")}${p("percent")} for “${p("indicator")}”: “${p("sentence")}”`,
  "report.agrees": (p) => `The report's text (paragraph ${p("paragraph")}) states ${p("stated")}${p("percent")}, as the appendix does (“${p("indicator")}”)`,
  "report.uncertain": (p) =>
    `The report's text (paragraph ${p("paragraph")}) states ${p("stated")}${p("percent")}; no single indicator can be tied to it with confidence${p("candidates") ? ` (perhaps ${p("candidates")})` : ""}, so it is not compared`,
  "reform.rightly_blank": (p) =>
    `Rightly blank: there is no district level (cấp huyện) from ${dateText(next(p("until")))}` +
    (p("straddles") ? ` (${periodCodeText(p("period"), "en")} spans both sides of that date: a value or a blank is accepted)` : ""),
  "reform.value_after": (p) =>
    `The period ${periodCodeText(p("period"), "en")} starts after ${dateText(p("until"))}, when the district level no longer exists (two-level local government): leave this row blank, or note what the figure is`,
  "reform.coding_predates": (p) =>
    `This row's coding predates ${dateText(next(p("until")))} (when the district level still existed); its codes no longer mean what they say, read the code with care`,
  "period.accumulation_decreased": (p) =>
    `Running total since ${dateText(p("from"))}: ${periodCodeText(p("period"), "en")} reports ${p("current")}, less than ${p("previous")} in ${periodCodeText(p("previousPeriod"), "en")} (file ${p("previousFile")}), though this period contains that one`,
  "period.state_jump": (p) =>
    `Compared with ${periodCodeText(p("previousPeriod"), "en")} (${p("previous")}, file ${p("previousFile")}), ${p("current")} changed more than ${p("factor")}-fold: check it`,
  "period.code_back": (p) =>
    `${periodCodeText(p("previousPeriod"), "en")} reported code ${p("previous")} (${p("previousMeaning")}), this period ${p("current")} (${p("currentMeaning")}): a step back`,
  "period.not_comparable": (p) =>
    p("reason") === "unknown_period"
      ? `Not compared with ${p("previousFile")}: the period of one of the two files could not be read`
      : `Running totals not compared with ${p("previousFile")}: ${periodCodeText(p("previousPeriod"), "en")} is not within ${periodCodeText(p("period"), "en")}`,
};

const INFERRED_SUFFIX: Record<Lang, string> = {
  vi: " (quy tắc suy luận, chưa có văn bản chính thức)",
  en: " (inferred rule, no official text yet)",
};

function isNumeric(v: string | NumericParam | undefined): v is NumericParam {
  return typeof v === "object" && v !== null && "dec" in v;
}

function paramReader(params: FindingParams, lang: Lang): Param {
  return (name) => {
    const v = params[name];
    if (v === undefined) return "";
    return isNumeric(v) ? formatDecimal(v.dec, lang) : v;
  };
}

/** The sentence for a finding, in Vietnamese unless English is asked for. */
export function renderFinding(finding: Finding, lang: Lang = "vi"): string {
  const catalogue = lang === "vi" ? VI : EN;
  const template = catalogue[finding.check];
  const text = template ? template(paramReader(finding.params, lang)) : finding.check;
  return finding.inferred ? text + INFERRED_SUFFIX[lang] : text;
}

export const SEVERITY_LABELS: Record<Lang, Record<Severity, string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  en: { error: "Error", warning: "Warning", info: "Information" },
};

/** Every check code has a sentence in both languages (used by a test). */
export const CATALOGUE = { vi: VI, en: EN } as const;
