/**
 * How a report's sentences and the forms' indicator texts are compared: one normalisation for both (lowercase, NFC,
 * one tone placement, the abbreviations reports use), then syllables less the words that say nothing about which
 * indicator is meant. Everything here is data (cue lists), so a new form or unit is a line, not code.
 */
import { memoised } from "../../util/memo";

/**
 * Spelled-out names and their abbreviations, longest first: a report writes "thủ tục hành chính" where a form says
 * "TTHC", "DVC trực tuyến" where it says "DVCTT". Both sides are rewritten to the short form.
 */
const ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/thủ tục hành chính/g, "tthc"],
  [/dịch vụ công trực tuyến/g, "dvctt"],
  [/\bdvc trực tuyến/g, "dvctt"],
  [/dịch vụ công/g, "dvc"],
  [/phản ánh,? kiến nghị/g, "pakn"],
  [/cải cách hành chính/g, "cchc"],
  [/ủy ban nhân dân/g, "ubnd"],
  [/\btỉ lệ/g, "tỷ lệ"],
  [/\bthanh toán/g, "thành toán"], // the template's own spelling of BM7 6.5 ("thành toán")
];

/**
 * Syllables that never tell one indicator from another: function words, "số" (number), "tỷ lệ" (the kind says
 * that), "đạt" (reached). Negations ("chưa", "không") are kept: they change the indicator.
 */
const STOP = new Set(
  "số các của và đã được là có trong cho với tại theo những nhưng hoặc tỷ lệ lượng đó này từ đến trên về do thì mà vào cả gồm bao đạt khi hơn như mỗi việc đối".split(" "),
);

/**
 * Words of group headings that only say "this is about results" ("Kết quả giải quyết TTHC", "Thống kê TTHC"): a
 * sentence need not repeat them for a row under that heading to be meant.
 */
const GENERIC_HEADING = new Set("thống kê kết quả thực hiện xây dựng vận hành cung cấp số liệu triển khai công tác".split(" "));

/**
 * What a report writes after a figure to say what it counts, per unit of the forms (normalised). A figure followed
 * by one of these counts that unit; a figure followed by another word ("1.790 tài khoản") counts something else.
 */
const UNIT_CUES: Record<string, readonly string[]> = {
  "thủ tục": ["tthc", "thủ tục"],
  "hồ sơ": ["hồ sơ"],
  "nhiệm vụ": ["nhiệm vụ"],
  "văn bản": ["văn bản"],
  dvc: ["dvctt", "dvc"],
  pakn: ["pakn"],
  "cơ quan, đơn vị": ["cơ quan", "đơn vị", "sở", "ngành"],
  "vấn đề": ["vấn đề"],
  "số lượng": ["phiếu"],
};

/** Old and new tone placement ("hoá"/"hóa", "uỷ"/"ủy"): one form, the new one. */
function toneNew(s: string): string {
  return s
    .replace(/o([àáảãạ])(?![\p{L}])/gu, (_, v: string) => ({ à: "òa", á: "óa", ả: "ỏa", ã: "õa", ạ: "ọa" })[v]!)
    .replace(/u([ỳýỷỹỵ])(?![\p{L}])/gu, (_, v: string) => ({ ỳ: "ùy", ý: "úy", ỷ: "ủy", ỹ: "ũy", ỵ: "ụy" })[v]!);
}

/** Lowercase, NFC, new tone placement, abbreviations applied; punctuation kept (clauses are cut on it). */
export const normalise = memoised((s: string): string => {
  let t = toneNew(s.normalize("NFC").replace(/<[^>]*>/g, " ").toLowerCase());
  for (const [re, short] of ABBREVIATIONS) t = t.replace(re, short);
  return t;
}, 5000);

/** The syllables of a normalised text that can tell indicators apart (no numbers, no stop words). */
export const contentWords: (normalised: string) => readonly string[] = memoised(
  (normalised: string): readonly string[] => normalised.split(/[^\p{L}]+/u).filter((w) => w && !STOP.has(w)),
  5000,
);

export function isGenericHeadingWord(w: string): boolean {
  return GENERIC_HEADING.has(w);
}

/** The cues of a row's unit, as token sequences (["hồ", "sơ"]). The unit itself when no list names it. */
export function unitCues(unit: string): string[][] {
  const key = normalise(unit).replace(/\s+/g, " ").trim();
  const cues = UNIT_CUES[key] ?? (key && !/[=%]/.test(key) ? [key] : []);
  return cues.map((c) => c.split(" "));
}

/** Every cue of every unit, for telling "a figure of some unit" from "a figure of something else". */
export const ALL_UNIT_CUES: readonly string[][] = Object.values(UNIT_CUES).flatMap((cs) => cs.map((c) => c.split(" ")));

/** Words before a number that make it a date, a document number, a rank or an article, not a figure. */
export const NOT_A_FIGURE_BEFORE = new Set(
  [
    ..."ngày tháng năm số điều khoản thứ mã qđ đoạn lần phiên kỳ khóa hạng chương mục điểm mẫu lục".split(" "),
    "quyết định", "nghị định", "thông tư", "chỉ thị", "nghị quyết", "kế hoạch", "công văn", "dịch vụ",
  ],
);
