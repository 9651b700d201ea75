/**
 * commander's own words (help titles, usage, errors) in the CLI's language. commander builds them in English; the
 * help titles go through Help.styleTitle and the errors through outputError, where these turn them into Vietnamese.
 */
import type { Lang } from "./number";

const TITLES: Record<string, string> = {
  "Usage:": "Cách dùng:",
  "Arguments:": "Tham số:",
  "Options:": "Tùy chọn:",
  "Commands:": "Lệnh:",
  "Global Options:": "Tùy chọn chung:",
};

export function helpTitle(title: string, lang: Lang): string {
  return lang === "vi" ? (TITLES[title] ?? title) : title;
}

/** "[options]" and "[command]" in a usage line. */
export function usageLine(usage: string, lang: Lang): string {
  return lang === "vi" ? usage.replace("[options]", "[tùy chọn]").replace("[command]", "[lệnh]") : usage;
}

/** The "(choices: …, default: …)" commander adds to an option's description. */
export function optionNotes(description: string, lang: Lang): string {
  return lang === "vi" ? description.replace(/\bchoices: /, "chọn một trong: ").replace(/\bdefault: /, "mặc định: ") : description;
}

const q = (s: string) => `“${s}”`;

/** One of commander's error messages ("error: …"), in Vietnamese; an unknown one is prefixed and kept. */
export function commanderError(message: string, lang: Lang): string {
  if (lang !== "vi") return message;
  const text = message.replace(/\n$/, "");
  const rules: Array<[RegExp, (...m: string[]) => string]> = [
    [/^error: unknown option '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/s, (f, s) => `Lỗi: không có tùy chọn ${q(f)}${s ? ` (có phải ý bạn là ${s.replace(/^one of /, "một trong ")}?)` : ""}.`],
    [/^error: unknown command '([^']*)'(?:\n\(Did you mean (.*)\?\))?$/s, (c, s) => `Lỗi: không có lệnh ${q(c)}${s ? ` (có phải ý bạn là ${s.replace(/^one of /, "một trong ")}?)` : ""}. Các lệnh: new, check, merge.`],
    [/^error: missing required argument '([^']*)'$/, (a) => `Lỗi: thiếu tham số ${q(a)}.`],
    [/^error: option '([^']*)' argument missing$/, (o) => `Lỗi: tùy chọn ${q(o)} cần một giá trị.`],
    [/^error: required option '([^']*)' not specified$/, (o) => `Lỗi: cần có tùy chọn ${q(o)}.`],
    [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\.$/, (c, e, g) => `Lỗi: thừa tham số${c ? ` cho lệnh ${q(c)}` : ""}: cần ${e}, nhận được ${g}.`],
    [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/, (o, v, c) => `Lỗi: tùy chọn ${q(o)} không nhận giá trị ${q(v)}; chỉ nhận: ${c}.`],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(text);
    if (m) return `${say(...m.slice(1))}\n`;
  }
  return `${text.replace(/^error: /, "Lỗi: ")}\n`;
}

/** The help line of the built-in help option and command. */
export const HELP_COMMAND_TEXT: Record<Lang, string> = { vi: "xem hướng dẫn của một lệnh", en: "display help for command" };
