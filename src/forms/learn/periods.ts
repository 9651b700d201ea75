/**
 * What the learner proposes about report periods for each learned row (pure, from the row's text and unit), every
 * proposal `…_source: "inferred"` with its reason in Vietnamese, as the built-in set marks its own (issue #12):
 *   accumulates    a count of things done in the period ("Số văn bản … đã ban hành", "Số hồ sơ … giải quyết",
 *                  "Số PAKN …", "Số cuộc …", "Số lượt …"): a later report of the same year cannot be smaller. A state
 *                  at the end of the period ("Tổng số TTHC thuộc thẩm quyền", "Số DVC đủ điều kiện", "… chưa hoàn
 *                  thành") does not; neither do rates, codes and group rows.
 *   applies_until  a row naming cấp huyện (or under one that does): cấp huyện ends on DISTRICT_LEVEL_UNTIL. A coded row
 *                  whose codes name the levels ("2 cấp / 3 cấp") keeps applying but its codes predate the reform:
 *                  `coding_until`, as BM7 2 of the built-in set has it.
 * A document dated after DISTRICT_LEVEL_UNTIL is taken to be the province's revised forms: its rows are kept as
 * printed (no date proposed) and the review says which rows name cấp huyện.
 * The word lists are data, compared word by word on the lower-case text (with diacritics; a text typed without any
 * is compared without them).
 */
import { DISTRICT_LEVEL_UNTIL } from "../../engine/periods";
import { LEARN_PERIOD_REMARK as R } from "../../i18n/learn-remarks";
import type { FormRow } from "../schema";
import { fold } from "./text";

/** The words that open a count: "Tổng số …", "Số lượng …", "Số …". */
const COUNT_HEADS = ["tổng số", "số lượng", "số"];
/** Things that only exist by happening in the period: a count of them always adds up over the year. */
const EVENT_NOUNS = ["hồ sơ", "pakn", "phản ánh", "kiến nghị", "cuộc", "lượt", "phiếu", "văn bản", "lớp", "buổi", "đợt", "đoàn"];
/** Done-in-the-period verbs: "Số nhiệm vụ đã hoàn thành", "Số TTHC công bố mới", "Số sở, ngành đã kiểm tra". */
const EVENT_VERBS = [
  "ban hành", "hoàn thành", "kiểm tra", "thanh tra", "được giao", "đã giao", "phê duyệt", "công bố", "bãi bỏ", "thay thế",
  "sửa đổi", "tiếp nhận", "giải quyết", "xử lý", "phát hiện", "khảo sát", "tổ chức", "tập huấn", "bồi dưỡng", "tuyên truyền",
  "rà soát", "cắt giảm", "đơn giản hóa", "đơn giản hoá",
];
/** Words of a state: pending, belonging, able, planned ("chưa hoàn thành", "thuộc thẩm quyền", "đủ điều kiện"). */
const PENDING = ["chưa", "đang", "còn", "tồn", "tồn đọng"];
const STATE = [
  ...PENDING, "có", "thuộc", "đủ", "hiện có", "hiện hành", "đề ra", "kế hoạch", "thực hiện", "tích hợp", "triển khai",
  "liên thông", "kết nối", "áp dụng", "cung cấp", "sử dụng",
];
/** Words naming the district level, and codes naming the levels of government. */
/** ("quận" alone would fold to "quan", as in "cơ quan", in a text typed without diacritics.) */
const DISTRICT = ["huyện", "cấp quận", "ubnd quận", "các quận"];
const LEVEL_CODES = ["cấp huyện", "huyện", "3 cấp", "ba cấp", "2 cấp", "hai cấp"];

const hasMarks = (s: string) => fold(s) !== s.normalize("NFC").toLowerCase().replace(/\s+/gu, " ").trim();
/** Lower case words joined by single spaces, padded: " số hồ sơ tthc đã giải quyết xong ". */
function words(text: string, plain: boolean): string {
  const t = plain ? fold(text) : text.normalize("NFC").toLowerCase();
  return ` ${t.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ")} `;
}
const listOf = (list: readonly string[], plain: boolean) => list.map((w) => (plain ? fold(w) : w));
/** The first of the words found in `t` (padded), with its place; null when none is. */
function first(t: string, list: readonly string[]): { word: string; at: number } | null {
  let best: { word: string; at: number } | null = null;
  for (const w of list) {
    const at = t.indexOf(` ${w} `);
    if (at >= 0 && (!best || at < best.at || (at === best.at && w.length > best.word.length))) best = { word: w, at };
  }
  return best;
}

/** Why a row accumulates ("hồ sơ", "đã hoàn thành"), or null when it is a state or not a count. */
export function accumulatesBecause(row: Pick<FormRow, "text" | "unit" | "kind">): string | null {
  if (row.kind !== "count" && row.kind !== "number") return null;
  const plain = !hasMarks(row.text);
  const t = words(row.text, plain);
  const head = listOf(COUNT_HEADS, plain).find((h) => t.startsWith(` ${h} `));
  if (!head) return null;
  const rest = t.slice(head.length + 1);
  const nouns = listOf(EVENT_NOUNS, plain);
  const noun = nouns.find((n) => rest.startsWith(` ${n} `)) ?? nouns.find((n) => words(row.unit, plain) === ` ${n} `);
  if (noun) return first(rest, listOf(PENDING, plain)) ? null : noun;
  const verb = first(rest, listOf(EVENT_VERBS, plain));
  const state = first(rest, listOf(STATE, plain));
  return verb && (!state || verb.at < state.at) ? verb.word : null;
}

/** Whether a text names cấp huyện ("Số UBND cấp huyện …", "… liên thông với UBND huyện"). */
export function namesDistrict(text: string): boolean {
  const plain = !hasMarks(text);
  return first(words(text, plain), listOf(DISTRICT, plain)) !== null;
}

/** Whether a coded row's codes name the levels of government ("2 cấp = 1; 3 cấp = 2"). */
export function codesNameLevels(row: Pick<FormRow, "coding">): boolean {
  const labels = Object.values(row.coding ?? {}).join(" ; ");
  const plain = !hasMarks(labels);
  return labels !== "" && first(words(labels, plain), listOf(LEVEL_CODES, plain)) !== null;
}

/** "14/6/2024" → "2024-06-14"; null for anything else. */
export function isoOfDocDate(date: string | undefined): string | null {
  const m = date ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/u.exec(date.trim()) : null;
  return m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : null;
}

/** Whether a document of this date already postdates the reform (its forms are the province's revised ones). */
export function afterReform(docDate: string | undefined): boolean {
  const iso = isoOfDocDate(docDate);
  return iso !== null && iso > DISTRICT_LEVEL_UNTIL;
}

/** The rows naming cấp huyện, themselves or through a parent row (by STT): STT → the STT of the row that names it. */
export function districtRows(rows: readonly FormRow[]): Map<string, string> {
  const named = new Map<string, string>();
  for (const r of rows) {
    const parent = [...named.keys()].find((s) => r.stt.startsWith(`${s}.`));
    if (parent !== undefined) named.set(r.stt, named.get(parent)!);
    else if (namesDistrict(r.text) && !(r.kind === "code" && codesNameLevels(r))) named.set(r.stt, r.stt);
  }
  return named;
}

/** The rows with the learner's period proposals added (or, for a document after the reform, only `accumulates`). */
export function proposePeriods(rows: readonly FormRow[], docDate: string | undefined): FormRow[] {
  const late = afterReform(docDate);
  const district = late ? new Map<string, string>() : districtRows(rows);
  return rows.map((row) => {
    const out: FormRow = { ...row };
    const because = accumulatesBecause(row);
    if (because) Object.assign(out, { accumulates: true, accumulates_source: "inferred", accumulates_remark: R.accumulates(because) });
    const by = district.get(row.stt);
    if (by !== undefined && row.kind !== "group")
      Object.assign(out, { applies_until: DISTRICT_LEVEL_UNTIL, applies_source: "inferred", applies_remark: R.district(by === row.stt ? null : by, DISTRICT_LEVEL_UNTIL) });
    else if (!late && row.kind === "code" && codesNameLevels(row))
      Object.assign(out, { coding_until: DISTRICT_LEVEL_UNTIL, applies_source: "inferred", applies_remark: R.levelCodes(DISTRICT_LEVEL_UNTIL) });
    return out;
  });
}
