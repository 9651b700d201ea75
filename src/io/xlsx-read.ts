/**
 * The lean .xlsx reader: bytes in (a Uint8Array, in Node and in the browser), what checking needs out: each sheet's
 * name, state and cells inside the read window (value, number format, formula), its merges and the workbook's
 * defined names as ranges (never expanded). Everything else in the package (drawings, validations, conditional
 * formats, printer settings) is never inflated.
 *
 * Every way a file fails is a value with a closed problem code, never an exception: sniffed containers (.xls, .doc,
 * encrypted, .ods), the zip's own problems (a part inflating past its limit is refused while inflating, see
 * src/io/zip.ts), damaged XML.
 *
 * Parts are found as ECMA-376 Part 2 says (the main part from [Content_Types].xml, the rest through relationships),
 * with the usual names as fallback; sheets keep the workbook's order (18.2.20 "sheets").
 */
import type { CellInput } from "../engine/types";
import { MAX_COLS, MAX_ROWS } from "../excel/limits";
import { mainPart, packageKind, sniffContainer } from "./sniff";
import { parseXml, XmlError, xmlStream } from "./xml";
import { readSheet, type CellStyles, type PendingStrings, type SheetWindow } from "./xlsx-sheet";
import { ZipArchive, ZipError, type ZipLimits, type ZipProblem } from "./zip";

export type XlsxProblem =
  | "empty"
  | "encrypted"
  | "xls"
  | "doc"
  | "ole_other"
  /** Neither a zip nor an Office file (text, an image, …). */
  | "not_zip"
  | "ods"
  /** A zip that is not a workbook (a .docx, an .odt, any other zip). */
  | "not_xlsx"
  /** Damaged zip, XML or package structure. */
  | "damaged"
  | "no_sheets"
  | Exclude<ZipProblem, "zip_damaged">;

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface XlsxSheet {
  name: string;
  state: SheetState;
  /** Row-major from A1, inside the read window; empty rows are empty arrays. */
  cells: Array<Array<CellInput | null>>;
  merges: string[];
  dimension?: string;
  /** Values lie outside the read window: the sheet was read only in part. */
  truncated: boolean;
}

export interface XlsxRange {
  /** The sheet named in the reference, quotes removed; undefined for a reference without one. */
  sheet?: string;
  /** The reference after "!", e.g. "$A$1:$F$40". */
  ref: string;
}

export interface XlsxDefinedName {
  name: string;
  /** The definition as written, e.g. "'Biểu 1'!$A$1:$F$40". */
  text: string;
  /** Its cell ranges, never expanded (empty for a constant or formula). */
  ranges: XlsxRange[];
  /** 0-based index of the sheet the name is local to. */
  localSheet?: number;
  hidden: boolean;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  names: XlsxDefinedName[];
  date1904: boolean;
}

export type XlsxResult = { ok: true; workbook: XlsxWorkbook } | { ok: false; problem: XlsxProblem; detail?: string };

export interface XlsxReadOptions {
  maxRows?: number;
  maxCols?: number;
  limits?: Partial<ZipLimits>;
}

const REL_NS_END = {
  worksheet: "/worksheet",
  styles: "/styles",
  sharedStrings: "/sharedStrings",
};

/** Built-in number formats (ECMA-376 Part 1, 18.8.30), as Excel shows them in en-US. */
const BUILTIN_FORMATS: Record<number, string> = {
  1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??",
  14: "mm-dd-yy", 15: "d-mmm-yy", 16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm",
  21: "h:mm:ss", 22: "m/d/yy h:mm", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)", 39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)", 45: "mm:ss", 46: "[h]:mm:ss", 47: "mmss.0", 48: "##0.0E+0", 49: "@",
};

/** A format shows a date or time when, outside quotes and brackets, it has a date or time letter. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/");
  parts.pop();
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

function relsOf(zip: ZipArchive, part: string): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf("/");
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, { type: string; target: string }>();
  if (!zip.has(relsPart)) return rels;
  parseXml(
    zip.text(relsPart),
    {
      open(name, a) {
        if (name === "Relationship" && a.Id && a.Target && a.TargetMode !== "External")
          rels.set(a.Id, { type: a.Type ?? "", target: resolveTarget(part, a.Target) });
      },
    },
    relsPart,
  );
  return rels;
}

function partOfType(rels: Map<string, { type: string; target: string }>, end: string, fallback: string): string {
  for (const r of rels.values()) if (r.type.endsWith(end)) return r.target;
  return fallback;
}

/** The definition's comma-separated areas, sheet names unquoted ("'It''s'!A1" → sheet "It's"). */
export function definedNameRanges(text: string): XlsxRange[] {
  const out: XlsxRange[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let sheet: string | undefined;
    if (text[i] === "'") {
      let j = i + 1;
      let s = "";
      while (j < n) {
        if (text[j] === "'" && text[j + 1] === "'") {
          s += "'";
          j += 2;
        } else if (text[j] === "'") break;
        else s += text[j++];
      }
      sheet = s;
      i = j + 1;
      if (text[i] !== "!") return out;
      i++;
    } else {
      const bang = text.indexOf("!", i);
      const comma = text.indexOf(",", i);
      if (bang >= 0 && (comma < 0 || bang < comma)) {
        sheet = text.slice(i, bang);
        i = bang + 1;
      }
    }
    let end = text.indexOf(",", i);
    if (end < 0) end = n;
    const ref = text.slice(i, end).trim();
    if (/^\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$|^\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$|^\$?\d+:\$?\d+$/.test(ref))
      out.push(sheet === undefined ? { ref } : { sheet, ref });
    i = end + 1;
  }
  return out;
}

function readStyles(zip: ZipArchive, part: string, date1904: boolean): CellStyles {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  if (zip.has(part)) {
    let inCellXfs = false;
    parseXml(
      zip.text(part),
      {
        open(name, a) {
          if (name === "numFmt" && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(parseInt(a.numFmtId, 10), a.formatCode);
          else if (name === "cellXfs") inCellXfs = true;
          else if (name === "xf" && inCellXfs) xfFormats.push(a.numFmtId ? parseInt(a.numFmtId, 10) || 0 : 0);
        },
        close(name) {
          if (name === "cellXfs") inCellXfs = false;
        },
      },
      part,
      // numFmtId, formatCode: unqualified (18.8).
      "raw",
    );
  }
  const formats = xfFormats.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id]) : undefined));
  const dates = formats.map((f) => isDateFormat(f));
  return { numFmt: (i) => formats[i], isDate: (i) => dates[i] === true, date1904 };
}

/** The shared strings (18.4.9 "sst") the given indices name, streamed: the others are never kept. */
function readSharedStrings(zip: ZipArchive, part: string, wanted: ReadonlySet<number>): Map<number, string> {
  const strings = new Map<number, string>();
  if (!zip.has(part) || wanted.size === 0) return strings;
  let index = -1;
  let current = "";
  let keep = false;
  let inT = false;
  let phonetic = 0;
  const xml = xmlStream(
    {
      open(name) {
        if (name === "si") {
          index++;
          keep = wanted.has(index);
          current = "";
        } else if (name === "rPh") phonetic++;
        else if (name === "t" && keep && !phonetic) inT = true;
      },
      close(name) {
        if (name === "si" && keep) {
          // Excel's escape of characters XML cannot hold (_x000D_), 22.9.2.19 ST_Xstring.
          strings.set(index, current.includes("_x") ? current.replace(/_x([0-9A-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : current);
          keep = false;
        } else if (name === "rPh") phonetic--;
        else if (name === "t") inT = false;
      },
      text(t) {
        if (inT) current += t;
      },
    },
    part,
    // No attribute is read here.
    "raw",
  );
  let last = -1;
  for (const i of wanted) if (i > last) last = i;
  const r = zip.streamText(part, (chunk) => {
    xml.write(chunk);
    return index <= last;
  });
  if (!r.stopped) xml.close();
  return strings;
}

function zipProblem(e: ZipError): { problem: XlsxProblem; detail?: string } {
  if (e.problem === "zip_damaged") return { problem: "damaged", detail: e.detail };
  return { problem: e.problem, detail: e.part };
}

/** Reads a workbook's sheets (inside the read window), merges and defined names. Never throws for the file's sake. */
export function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxResult {
  const container = sniffContainer(bytes);
  switch (container) {
    case "empty":
    case "encrypted":
    case "xls":
    case "doc":
    case "ole_other":
      return { ok: false, problem: container };
    case "unknown":
      return { ok: false, problem: "not_zip" };
  }
  const window: SheetWindow = { maxRows: options.maxRows ?? MAX_ROWS, maxCols: options.maxCols ?? MAX_COLS };
  try {
    const zip = ZipArchive.open(bytes, options.limits);
    const kind = packageKind(zip);
    if (kind === "ods") return { ok: false, problem: "ods" };
    if (kind !== "xlsx") return { ok: false, problem: "not_xlsx" };
    const main = mainPart(zip, "xlsx");
    if (!main) return { ok: false, problem: "not_xlsx" };
    const rels = relsOf(zip, main);

    const declared: Array<{ name: string; state: SheetState; rid: string }> = [];
    const names: XlsxDefinedName[] = [];
    let date1904 = false;
    let nameOpen: { name: string; localSheet?: number; hidden: boolean } | null = null;
    let nameText = "";
    parseXml(
      zip.text(main),
      {
        open(name, a) {
          if (name === "sheet" && a.name !== undefined) {
            const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
            declared.push({ name: a.name, state, rid: a.id ?? "" });
          } else if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
          else if (name === "definedName" && a.name !== undefined) {
            const local = a.localSheetId !== undefined ? parseInt(a.localSheetId, 10) : NaN;
            nameOpen = { name: a.name, hidden: a.hidden === "1" || a.hidden === "true", ...(Number.isNaN(local) ? {} : { localSheet: local }) };
            nameText = "";
          }
        },
        close(name) {
          if (name === "definedName" && nameOpen) {
            names.push({ ...nameOpen, text: nameText, ranges: definedNameRanges(nameText) });
            nameOpen = null;
          }
        },
        text(t) {
          if (nameOpen) nameText += t;
        },
      },
      main,
    );

    const styles = readStyles(zip, partOfType(rels, REL_NS_END.styles, "xl/styles.xml"), date1904);
    const pending: PendingStrings = [];
    const sheets: XlsxSheet[] = [];
    for (const d of declared) {
      const rel = rels.get(d.rid);
      // Chart sheets and dialog sheets hold no cells.
      if (!rel || !rel.type.endsWith(REL_NS_END.worksheet)) continue;
      if (!zip.has(rel.target)) return { ok: false, problem: "damaged", detail: `missing ${rel.target}` };
      const content = readSheet(zip, rel.target, pending, styles, window);
      sheets.push({ name: d.name, state: d.state, ...content });
    }
    if (sheets.length === 0) return { ok: false, problem: "no_sheets" };
    const strings = readSharedStrings(zip, partOfType(rels, REL_NS_END.sharedStrings, "xl/sharedStrings.xml"), new Set(pending.map((p) => p.index)));
    for (const { index, row, col } of pending) {
      const s = strings.get(index);
      const cell = row[col];
      // An index past the table names no string: the cell is blank, as Excel would repair it.
      if (s === undefined || !cell) row[col] = null;
      else cell.value = s;
    }
    return { ok: true, workbook: { sheets, names, date1904 } };
  } catch (e) {
    if (e instanceof ZipError) return { ok: false, ...zipProblem(e) };
    if (e instanceof XmlError) return { ok: false, problem: "damaged", detail: e.message.slice(0, 160) };
    // Anything else is still the file's doing (a structure no real workbook has): reported, never thrown.
    return { ok: false, problem: "damaged", detail: (e instanceof Error ? e.message : String(e)).slice(0, 160) };
  }
}
