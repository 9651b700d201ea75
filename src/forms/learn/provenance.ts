/**
 * What a document says about itself: the văn bản's kind, number and date ("Báo cáo số 1125/BC-VP ngày 14/6/2024",
 * "223/SNV-CCHCVTLT ngày 10/3/2022"), and the set version derived from it, so a later document makes a new set.
 */
import type { DocDocument } from "../../io/document";
import { rowTexts } from "../../io/document";
import { cleanText, fold } from "./text";

export interface DocRef {
  kind?: string;
  number?: string;
  date?: string;
}

const KINDS = ["Báo cáo", "Công văn", "Kế hoạch", "Quyết định", "Hướng dẫn", "Thông báo", "Văn bản", "Tờ trình"];
const KIND = `(${KINDS.join("|")})`;
/** "1125/BC-VP", "223/SNV-CCHCVTLT", "15/2024/TT-BNV"; stops before a following capitalised word ("…/BC-VPQuảng"). */
const NUMBER = "(\\d{1,5}(?:\\/\\d{4})?\\/(?:[A-ZĐ0-9]+-)*[A-ZĐ0-9]+)(?!\\p{Ll})";
const DATE = "(\\d{1,2}\\s*\\/\\s*\\d{1,2}\\s*\\/\\s*\\d{4}|\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4})";
const CODE_KIND: Record<string, string> = { BC: "Báo cáo", KH: "Kế hoạch", QĐ: "Quyết định", HD: "Hướng dẫn", TB: "Thông báo", TTr: "Tờ trình", CV: "Công văn" };

function dateText(raw: string): string {
  const m = /(\d{1,2})\D+(\d{1,2})\D+(\d{4})/u.exec(raw)!;
  return `${Number(m[1])}/${Number(m[2])}/${m[3]}`;
}

function kindFromNumber(number: string): string {
  const m = /\/([A-ZĐa-z]+)-/u.exec(number.replace(/^\d+\/(?:\d{4}\/)?/u, "/"));
  return (m && CODE_KIND[m[1]]) || "Công văn";
}

function allLines(doc: DocDocument): string[] {
  const lines: string[] = [];
  for (const b of doc.blocks) {
    if (b.kind === "paragraph") lines.push(cleanText(b.paragraph.text));
    else for (const r of b.table.rows.slice(0, 8)) lines.push(cleanText(rowTexts(r, b.table.columns).filter((t, i, a) => t && t !== a[i - 1]).join(" ")));
  }
  return lines.filter(Boolean);
}

/** The văn bản the forms were issued with, as the document states it; {} when it does not. */
export function documentRef(doc: DocDocument): DocRef {
  const lines = allLines(doc);
  // The appendix says which văn bản it belongs to: "(Ban hành kèm theo Báo cáo số 1125/BC-VP ngày 14/6/2024 …)".
  const attached = new RegExp(`kèm theo\\s+${KIND}\\s+số\\s*:?\\s*${NUMBER}\\s+ngày\\s+${DATE}`, "iu");
  for (const line of lines) {
    const m = attached.exec(line);
    if (m) return { kind: KINDS.find((k) => fold(k) === fold(m[1])), number: m[2], date: dateText(m[3]) };
  }
  // The document's own heading: "Số: 223/SNV-CCHCVTLT … , ngày 10 tháng 3 năm 2022".
  const head = lines.slice(0, 12);
  const own = new RegExp(`Số\\s*:\\s*${NUMBER}`, "u");
  for (let i = 0; i < head.length; i++) {
    const m = own.exec(head[i]);
    if (!m) continue;
    const dated = head.slice(i, i + 3).join(" ").slice(m.index);
    const d = new RegExp(`ngày\\s+${DATE}`, "iu").exec(dated);
    return { kind: kindFromNumber(m[1]), number: m[1], ...(d ? { date: dateText(d[1]) } : {}) };
  }
  return {};
}

/** FNV-1a of the tables' text: the same tables give the same version. */
function contentHash(doc: DocDocument): string {
  let h = 0x811c9dc5;
  for (const b of doc.blocks) {
    if (b.kind !== "table") continue;
    for (const r of b.table.rows)
      for (const c of r.cells)
        for (let i = 0; i < c.text.length; i++) h = Math.imul(h ^ c.text.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0").slice(0, 6);
}

const ascii = (s: string) => fold(s).replace(/[^a-z0-9]+/gu, "-").replace(/^-+|-+$/gu, "").toUpperCase();

/** The set's `template_set`: from the văn bản's number and date, else from the file name and the tables' text. */
export function setVersion(doc: DocDocument, ref: DocRef): string {
  if (ref.number) {
    const d = ref.date ? /(\d+)\/(\d+)\/(\d+)/u.exec(ref.date) : null;
    return `${ascii(ref.number)}${d ? `-${d[3]}-${d[2].padStart(2, "0")}-${d[1].padStart(2, "0")}` : ""}`;
  }
  const stem = doc.file.replace(/\.[^.]+$/u, "");
  return `${ascii(stem) || "BIEU-MAU"}-${contentHash(doc).toUpperCase()}`;
}
