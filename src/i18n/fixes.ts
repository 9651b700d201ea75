/** Texts of one-click fixes (pane, CLI), Vietnamese first. */
import type { CellFix, FixKind } from "../layout/fixes";
import { formatDecimal, type Lang } from "./number";

interface FixText {
  /** The button on one finding, e.g. "Đổi thành 52.414". */
  action: (fix: CellFix) => string;
  /** A group's title and its button. */
  group: (kind: FixKind, n: number) => string;
  fixAll: string;
  undo: string;
  applied: (n: number) => string;
  undone: (n: number) => string;
  /** A cell changed since the check: its fix was not applied. */
  stale: (where: string) => string;
  /** CLI. */
  help: string;
  needsWrite: string;
  cliLine: (where: string, before: string, after: string) => string;
  cliSummary: (n: number) => string;
}

const num = (n: number, lang: Lang) => formatDecimal(String(n), lang);
const after = (fix: CellFix, lang: Lang) =>
  "formula" in fix.to ? (lang === "vi" ? "công thức tính từ số liệu" : "the formula over its parts") : num(fix.to.value, lang);

export const FIX_TEXT: Record<Lang, FixText> = {
  vi: {
    action: (fix) =>
      "formula" in fix.to ? "Trả lại công thức" : fix.kind === "code_meaning" ? `Đổi thành mã ${fix.to.value}` : `Đổi thành số ${num(fix.to.value, "vi")}`,
    group: (kind, n) =>
      ({
        thousands: `${n} số đếm dùng dấu phẩy làm dấu phân cách hàng nghìn`,
        number_text: `${n} số được lưu dưới dạng văn bản`,
        code_meaning: `${n} câu trả lời ghi bằng chữ thay cho mã`,
        rate_formula: `${n} tỷ lệ gõ đè lên công thức, không khớp với số liệu`,
      })[kind],
    fixAll: "Sửa tất cả",
    undo: "Hoàn tác",
    applied: (n) => `Đã sửa ${n} ô.`,
    undone: (n) => `Đã trả lại ${n} ô như trước khi sửa.`,
    stale: (where) => `${where} đã thay đổi sau lần kiểm tra, không sửa; hãy kiểm tra lại.`,
    help: "sửa các lỗi có cách sửa chắc chắn (dấu phẩy hàng nghìn, số lưu dạng văn bản, chữ thay cho mã, tỷ lệ gõ đè công thức) trong bản ghi ra; cần --write",
    needsWrite: "--fix chỉ sửa trong bản ghi ra: hãy dùng kèm --write TỆP.xlsx (không bao giờ sửa tệp đầu vào).",
    cliLine: (where, before, a) => `  ✎ ${where}: “${before}” → ${a}`,
    cliSummary: (n) => `Đã sửa ${n} ô trong bản ghi ra.`,
  },
  en: {
    action: (fix) =>
      "formula" in fix.to ? "Put the formula back" : fix.kind === "code_meaning" ? `Change to code ${fix.to.value}` : `Change to ${num(fix.to.value, "en")}`,
    group: (kind, n) =>
      ({
        thousands: `${n} ${n === 1 ? "count uses" : "counts use"} a comma as the thousands separator`,
        number_text: `${n} ${n === 1 ? "number is" : "numbers are"} stored as text`,
        code_meaning: `${n} ${n === 1 ? "answer is" : "answers are"} typed as words instead of a code`,
        rate_formula: `${n} ${n === 1 ? "rate was" : "rates were"} typed over the formula and disagree with the parts`,
      })[kind],
    fixAll: "Fix all",
    undo: "Undo",
    applied: (n) => `Fixed ${n} ${n === 1 ? "cell" : "cells"}.`,
    undone: (n) => `Restored ${n} ${n === 1 ? "cell" : "cells"} as they were.`,
    stale: (where) => `${where} changed after the check and was not fixed; check again.`,
    help: "fix findings with a certain correction (thousands commas, numbers as text, words for codes, rates typed over the formula) in the written copy; needs --write",
    needsWrite: "--fix only fixes the written copy: use it with --write FILE.xlsx (the input is never changed).",
    cliLine: (where, before, a) => `  ✎ ${where}: “${before}” → ${a}`,
    cliSummary: (n) => `Fixed ${n} ${n === 1 ? "cell" : "cells"} in the written copy.`,
  },
};

export function fixResult(fix: CellFix, lang: Lang): string {
  return after(fix, lang);
}
