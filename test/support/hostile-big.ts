/**
 * The large cases of issue #13 items 2, 3 and 6, made the same way every time (no randomness): ranges over whole
 * sheets, 20,000 merges, 1,048,576 dense rows, zip bombs inflating to GiB, 10,000,000 shared strings, 5,000,000 cells
 * without addresses, and files that are not regular files (FIFOs, /dev/zero and /dev/urandom symlinks).
 *
 * fflate would spend seconds deflating a GiB, so the bombs are written here directly: one literal space, then
 * length-258/distance-1 copies in a fixed-Huffman block (RFC 1951 3.2.6: 13 bits per 258 bytes), in a zip written
 * here too (APPNOTE.TXT 4.3.7, 4.3.12, 4.3.16). Big parts are deflated at level 1: the files are made, not shipped.
 */
import { deflateSync, strFromU8, strToU8 } from "fflate";

export const BIG_CASES = [
  "merges:whole",
  "merges:columns",
  "merges:20000",
  "names:whole",
  "filter:whole",
  "validation:whole",
  "rows:dense",
  "rows:far",
  "bomb:64MB",
  "bomb:1GiB",
  "bomb:4GiB-declared-small",
  "shared:10M",
  "no_refs:5M",
  "fifo",
  "devzero",
  "devurandom",
] as const;
export type BigCase = (typeof BIG_CASES)[number];

export const WHOLE = "A1:XFD1048576";
const SHEET = "xl/worksheets/sheet1.xml";

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A raw deflate stream of `prefix`, then `spaces` spaces, then `suffix`: about spaces / 159 bytes. */
export function deflateBomb(prefix: string, spaces: number, suffix: string): Uint8Array {
  const copies = Math.floor((spaces - 1) / 258);
  const out = new Uint8Array(Math.ceil(((prefix.length + suffix.length + 1) * 9 + copies * 13 + 64) / 8) + 16);
  let bit = 0;
  const put = (code: number, len: number) => {
    for (let i = len - 1; i >= 0; i--, bit++) if ((code >>> i) & 1) out[bit >>> 3] |= 1 << (bit & 7);
  };
  const literal = (ch: number) => (ch < 144 ? put(0x30 + ch, 8) : put(0x190 + ch - 144, 9));
  put(1, 1); // BFINAL
  put(1, 1); // BTYPE 01 (fixed Huffman), written least significant bit first
  put(0, 1);
  for (const ch of strToU8(prefix)) literal(ch);
  literal(0x20);
  let left = copies;
  const copy = () => {
    put(0b11000101, 8); // length code 285 (258)
    put(0, 5); // distance code 0 (1)
  };
  while (left > 0 && bit % 8 !== 0) {
    copy();
    left--;
  }
  // Aligned: 8 copies are 13 whole bytes, the same every time.
  if (left >= 8) {
    const start = bit >>> 3;
    for (let i = 0; i < 8; i++) copy();
    left -= 8;
    const block = out.slice(start, start + 13);
    while (left >= 8) {
      out.set(block, bit >>> 3);
      bit += 104;
      left -= 8;
    }
  }
  while (left-- > 0) copy();
  for (let i = copies * 258 + 1; i < spaces; i++) literal(0x20);
  for (const ch of strToU8(suffix)) literal(ch);
  put(0, 7); // end of block
  return out.subarray(0, (bit + 7) >>> 3);
}

export interface RawPart {
  deflated: Uint8Array;
  size: number;
  crc: number;
}

/** A zip of deflated parts; `declared` overrides a part's uncompressed size as the headers state it. */
export function zipRaw(parts: Record<string, Uint8Array | RawPart>, declared: Record<string, number> = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, p] of Object.entries(parts)) {
    const raw: RawPart = p instanceof Uint8Array ? { deflated: deflateSync(p, { level: p.length > 1 << 20 ? 1 : 6 }), size: p.length, crc: crc32(p) } : p;
    const size = declared[name] ?? raw.size;
    const nameBytes = strToU8(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x800, true); // UTF-8 names
    lv.setUint16(8, 8, true);
    lv.setUint16(12, 0x58e1, true); // 2024-07-01
    lv.setUint32(14, raw.crc, true);
    lv.setUint32(18, raw.deflated.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const cen = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(cen.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x800, true);
    cv.setUint16(10, 8, true);
    cv.setUint16(14, 0x58e1, true);
    cv.setUint32(16, raw.crc, true);
    cv.setUint32(20, raw.deflated.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    cen.set(nameBytes, 46);
    chunks.push(local, raw.deflated);
    central.push(cen);
    offset += local.length + raw.deflated.length;
  }
  const cenSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, cenSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const bytes = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** A worksheet's XML with `fragment` right after </sheetData> (where merges, filters and validations go). */
export function afterSheetData(xml: string, fragment: string): string {
  return xml.replace("</sheetData>", `</sheetData>${fragment}`);
}
/** Merged ranges added first to the sheet's <mergeCells> (whose count then says `count`), or in a new one. */
export function addMerges(xml: string, refs: string[], count = refs.length + 99): string {
  const cells = refs.map((ref) => `<mergeCell ref="${ref}"/>`).join("");
  if (xml.includes("<mergeCells")) return xml.replace(/<mergeCells count="\d+">/, `<mergeCells count="${count}">${cells}`);
  return afterSheetData(xml, `<mergeCells count="${refs.length}">${cells}</mergeCells>`);
}
/** A defined name added first to the workbook's <definedNames>, or in a new one after <sheets>. */
export function addDefinedName(xml: string, name: string, ref: string): string {
  const def = `<definedName name="${name}">${ref}</definedName>`;
  if (xml.includes("<definedNames>")) return xml.replace("<definedNames>", `<definedNames>${def}`);
  return xml.replace("</sheets>", `</sheets><definedNames>${def}</definedNames>`);
}
/** The worksheet's start up to and including <sheetData>, and its end from </sheetData>. */
function sheetEnds(xml: string): [string, string] {
  const open = xml.indexOf("<sheetData>") + "<sheetData>".length;
  return [xml.slice(0, open), xml.slice(xml.indexOf("</sheetData>"))];
}

/** The bytes of one large case made from the base package's parts (`parts` is a copy). Not for fifo/dev* cases. */
export function bigWorkbook(parts: Record<string, Uint8Array>, kind: BigCase): Uint8Array {
  const text = (p: string) => strFromU8(parts[p]);
  const set = (p: string, s: string) => (parts[p] = strToU8(s));
  const sheet = text(SHEET);
  const firstSheet = "&apos;Biểu mẫu 1&apos;";
  switch (kind) {
    case "merges:whole":
      set(SHEET, addMerges(sheet, [WHOLE]));
      break;
    case "merges:columns":
      set(SHEET, addMerges(sheet, ["A:XFD"]));
      break;
    case "merges:20000":
      set(SHEET, addMerges(sheet, Array.from({ length: 20000 }, (_, i) => `F${i + 1}:G${i + 1}`)));
      break;
    case "names:whole":
      set("xl/workbook.xml", addDefinedName(text("xl/workbook.xml"), "Vung", `${firstSheet}!$A$1:$XFD$1048576`));
      break;
    case "filter:whole":
      set(SHEET, afterSheetData(sheet, `<autoFilter ref="A:XFD"/>`));
      set("xl/workbook.xml", addDefinedName(text("xl/workbook.xml"), "_xlnm._FilterDatabase", `${firstSheet}!$A:$XFD`));
      break;
    case "validation:whole":
      set(SHEET, sheet.replace("<pageMargins", `<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="${WHOLE}"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations><pageMargins`));
      break;
    case "rows:dense": {
      const [head, tail] = sheetEnds(sheet);
      const rows = Array.from({ length: 1048576 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`);
      set(SHEET, head + rows.join("") + tail);
      break;
    }
    case "rows:far":
      set(SHEET, sheet.replace("</sheetData>", `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row></sheetData>`));
      break;
    case "bomb:64MB":
      set(SHEET, sheet.replace("<sheetData>", `<sheetData>${" ".repeat(64 * 1024 * 1024)}`));
      break;
    case "bomb:1GiB":
    case "bomb:4GiB-declared-small": {
      const [head, tail] = sheetEnds(sheet);
      const size = kind === "bomb:1GiB" ? 1024 ** 3 : 4 * 1024 ** 3 - 1024 ** 2;
      const deflated = deflateBomb(head, size, tail);
      const declared = kind === "bomb:1GiB" ? size : sheet.length;
      const { [SHEET]: _sheet, ...rest } = parts;
      void _sheet;
      return zipRaw({ ...rest, [SHEET]: { deflated, size: declared, crc: 0 } });
    }
    case "shared:10M": {
      const strings = text("xl/sharedStrings.xml");
      const close = strings.lastIndexOf("</sst>");
      set("xl/sharedStrings.xml", strings.slice(0, close) + "<si/>".repeat(10_000_000) + strings.slice(close));
      break;
    }
    case "no_refs:5M": {
      const [head, tail] = sheetEnds(sheet);
      const row = `<row>${"<c/>".repeat(50)}</row>`;
      set(SHEET, head + sheet.slice(head.length, sheet.length - tail.length) + row.repeat(100_000) + tail);
      break;
    }
    default:
      throw new Error(`not a workbook case: ${kind}`);
  }
  return zipRaw(parts);
}
