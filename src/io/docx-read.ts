/**
 * The .docx reader: the paragraphs and tables of a Word document's body, in reading order, as a DocDocument
 * (src/io/document.ts). One reader for the template learner, the Word check and the text cross-check, in Node and
 * in the browser (Uint8Array in, no Buffer, no fs).
 *
 * WordprocessingML (ECMA-376 Part 1, 17.3–17.4): w:body holds w:p and w:tbl (also inside w:sdt/w:sdtContent and
 * w:customXml); a table's w:tblGrid gives its columns, each w:tc may span columns (w:gridSpan) or continue the cell
 * above (w:vMerge without val="restart"), a row may start later (w:gridBefore) and repeat as a header (w:tblHeader).
 * Text is w:t (w:delText, deleted in tracked changes, and w:instrText, field codes, are not text); w:tab is a space,
 * w:br/w:cr a line break. mc:Fallback repeats mc:Choice and text boxes (w:txbxContent) float outside the reading
 * order: both are skipped.
 */
import type { DocBlock, DocCell, DocDocument, DocProperties, DocRow, DocTable } from "./document";
import { Numbering } from "./docx-numbering";
import { sniffContainer, packageKind, mainPart } from "./sniff";
import { xmlStream, parseXml, XmlError } from "./xml";
import { ZipArchive, ZipError, type ZipLimits, type ZipProblem } from "./zip";

export type DocumentProblem =
  | "empty_file"
  | "encrypted"
  | "doc"
  | "xls"
  | "ole_other"
  | "ods"
  | "odt"
  /** A workbook where a Word document was expected. */
  | "xlsx_not_docx"
  /** Neither an OLE file nor a zip, or a zip that is no Word document. */
  | "not_docx"
  | "xml_damaged"
  | ZipProblem;

export class DocumentReadError extends Error {
  constructor(
    readonly problem: DocumentProblem,
    /** The library's own words, for --verbose only. */
    readonly detail?: string,
  ) {
    super(`${problem}${detail ? `: ${detail}` : ""}`);
    this.name = "DocumentReadError";
  }
}

export interface DocxLimits extends ZipLimits {
  /** Rows kept of one table (the rest are counted in truncatedRows). */
  maxTableRows: number;
  /** Grid columns kept of one table. */
  maxTableColumns: number;
  /** Paragraphs and tables kept in all. */
  maxBlocks: number;
}

export const DEFAULT_DOCX_LIMITS: Omit<DocxLimits, keyof ZipLimits> = {
  // A form's table in a report has tens of rows (the sample's largest 43), a whole appendix in one table a few
  // hundred: a thousand keeps every real one, and a table dragged down 20,000 rows costs a twentieth of its memory.
  maxTableRows: 1000,
  maxTableColumns: 60,
  maxBlocks: 50_000,
};

interface CellBuild {
  lines: string[];
  span: number;
  vMerge?: "restart" | "continue";
}

interface RowBuild {
  cells: CellBuild[];
  gridBefore: number;
  repeatHeader: boolean;
}

interface TableBuild {
  number: number;
  gridCols: number;
  rows: RowBuild[];
  truncatedRows: number;
  /** Depth of nesting: a nested table's text goes into the enclosing cell. */
  nested: boolean;
}

function clean(line: string): string {
  return line.replace(/[\s\u00a0]+/g, " ").trim();
}

function intAttr(v: string | undefined, fallback: number): number {
  const n = v === undefined ? NaN : Number.parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** Builds the document model from the body's XML events. */
class BodyBuilder {
  readonly blocks: DocBlock[] = [];
  private paragraphCount = 0;
  private tableCount = 0;
  private readonly tables: TableBuild[] = [];
  private row: RowBuild | null = null;
  private cell: CellBuild | null = null;
  /** The text of the paragraph being read, line by line. */
  private para: string[] | null = null;
  private paraStyle: string | undefined;
  /** The list the paragraph belongs to (w:numPr), for its automatic number. */
  private paraNum: { id: string; ilvl: number } | null = null;
  private inText = false;
  /** Depth inside elements whose content is not body text (mc:Fallback, w:txbxContent, w:delText…). */
  private skip = 0;
  private readonly skipStack: string[] = [];

  constructor(
    private readonly limits: DocxLimits,
    private readonly numbering: Numbering,
  ) {}

  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void {
    if (this.skip > 0) {
      if (!selfClosing) this.skipStack.push(name);
      return;
    }
    switch (name) {
      case "Fallback":
      case "txbxContent":
      case "delText":
      case "instrText":
      case "del":
      case "moveFrom":
        if (!selfClosing) {
          this.skip = 1;
          this.skipStack.push(name);
        }
        return;
      case "tbl":
        this.tables.push({ number: 0, gridCols: 0, rows: [], truncatedRows: 0, nested: this.tables.length > 0 });
        return;
      case "gridCol":
        if (this.tables.length) this.top().gridCols++; // a nested table counts its own, never the outer's
        return;
      case "tr":
        if (this.tables.length === 1) this.row = { cells: [], gridBefore: 0, repeatHeader: false };
        return;
      case "gridBefore":
        if (this.row && this.tables.length === 1 && this.cell === null) this.row.gridBefore = intAttr(attrs.val, 0);
        return;
      case "tblHeader":
        if (this.row && this.cell === null) this.row.repeatHeader = attrs.val === undefined || !/^(0|false|off)$/i.test(attrs.val);
        return;
      case "tc":
        if (this.tables.length === 1) this.cell = { lines: [], span: 1 };
        return;
      case "gridSpan":
        if (this.cell && !this.inNested()) this.cell.span = Math.max(1, intAttr(attrs.val, 1));
        return;
      case "vMerge":
        if (this.cell && !this.inNested()) this.cell.vMerge = attrs.val === "restart" ? "restart" : "continue";
        return;
      case "p":
        this.para = [""];
        this.paraStyle = undefined;
        this.paraNum = null;
        return;
      case "numId":
        if (this.para) this.paraNum = { id: attrs.val ?? "0", ilvl: this.paraNum?.ilvl ?? 0 };
        return;
      case "ilvl":
        if (this.para) this.paraNum = { id: this.paraNum?.id ?? "0", ilvl: intAttr(attrs.val, 0) };
        return;
      case "pStyle":
        if (this.para) this.paraStyle = attrs.val;
        return;
      case "t":
        this.inText = !selfClosing;
        return;
      case "tab":
      case "ptab":
        // w:tab inside w:tabs (paragraph properties) is a tab stop, not text: only runs' tabs have no "pos".
        if (this.para && attrs.pos === undefined) this.appendText(" ");
        return;
      case "br":
      case "cr":
        if (this.para && attrs.type !== "page" && attrs.type !== "column") this.para.push("");
        return;
      case "noBreakHyphen":
        if (this.para) this.appendText("-");
        return;
      default:
        return;
    }
  }

  close(name: string): void {
    if (this.skip > 0) {
      this.skipStack.pop();
      if (this.skipStack.length === 0) this.skip = 0;
      return;
    }
    switch (name) {
      case "t":
        this.inText = false;
        return;
      case "p":
        this.endParagraph();
        return;
      case "tc":
        this.endCell();
        return;
      case "tr":
        this.endRow();
        return;
      case "tbl":
        this.endTable();
        return;
      default:
        return;
    }
  }

  text(t: string): void {
    if (this.inText && this.skip === 0 && this.para) this.appendText(t);
  }

  private top(): TableBuild {
    return this.tables[this.tables.length - 1];
  }

  /** Inside a table nested in a cell of the outer table. */
  private inNested(): boolean {
    return this.tables.length > 1;
  }

  private appendText(t: string): void {
    const p = this.para!;
    p[p.length - 1] += t;
  }

  private endParagraph(): void {
    const lines = (this.para ?? []).map(clean);
    this.para = null;
    if (this.paraNum && this.paraNum.id !== "0") {
      const label = this.numbering.next(this.paraNum.id, this.paraNum.ilvl);
      if (label) lines[0] = lines[0] ? `${label} ${lines[0]}` : label;
    }
    if (this.tables.length > 0) {
      // A paragraph of a cell (or of a table nested in one): its lines belong to the outermost open cell.
      if (this.cell) for (const l of lines) if (l) this.cell.lines.push(l);
      return;
    }
    this.paragraphCount++;
    if (this.blocks.length >= this.limits.maxBlocks) return;
    const text = lines.filter((l) => l).join("\n");
    this.blocks.push({ kind: "paragraph", paragraph: { number: this.paragraphCount, text, ...(this.paraStyle ? { style: this.paraStyle } : {}) } });
  }

  private endCell(): void {
    if (this.inNested()) return;
    if (this.row && this.cell) this.row.cells.push(this.cell);
    this.cell = null;
  }

  private endRow(): void {
    if (this.inNested()) return;
    const t = this.top();
    if (t && this.row) {
      if (t.rows.length < this.limits.maxTableRows) t.rows.push(this.row);
      else t.truncatedRows++;
    }
    this.row = null;
  }

  private endTable(): void {
    const t = this.tables.pop();
    if (!t || t.nested) return;
    this.tableCount++;
    if (this.blocks.length >= this.limits.maxBlocks) return;
    this.blocks.push({ kind: "table", table: this.finishTable(t) });
  }

  private finishTable(t: TableBuild): DocTable {
    const maxCols = this.limits.maxTableColumns;
    let columns = Math.min(t.gridCols, maxCols);
    const rows: DocRow[] = t.rows.map((r) => {
      const cells: DocCell[] = [];
      let col = r.gridBefore;
      for (const c of r.cells) {
        if (col >= maxCols) break;
        const span = Math.min(c.span, maxCols - col);
        const text = c.vMerge === "continue" ? "" : c.lines.join("\n");
        cells.push({ text, col, span, ...(c.vMerge ? { vMerge: c.vMerge } : {}) });
        col += span;
      }
      columns = Math.max(columns, Math.min(col, maxCols));
      return { cells, ...(r.repeatHeader ? { repeatHeader: true } : {}) };
    });
    return { number: this.tableCount, columns, rows, ...(t.truncatedRows ? { truncatedRows: t.truncatedRows } : {}) };
  }
}

function readProperties(zip: ZipArchive): DocProperties {
  const props: DocProperties = {};
  if (!zip.has("docProps/core.xml")) return props;
  let current: keyof DocProperties | null = null;
  const wanted: Record<string, keyof DocProperties> = { title: "title", subject: "subject", creator: "creator", created: "created", modified: "modified" };
  try {
    parseXml(zip.text("docProps/core.xml"), {
      open: (name) => {
        current = wanted[name] ?? null;
      },
      close: () => {
        current = null;
      },
      text: (t) => {
        if (current) props[current] = clean((props[current] ?? "") + t);
      },
    }, "docProps/core.xml");
  } catch {
    return {}; // Properties are a courtesy: a damaged core.xml never stops the document being read.
  }
  for (const k of Object.keys(props) as Array<keyof DocProperties>) if (!props[k]) delete props[k];
  return props;
}

function classify(bytes: Uint8Array): DocumentProblem | null {
  switch (sniffContainer(bytes)) {
    case "empty":
      return "empty_file";
    case "encrypted":
      return "encrypted";
    case "doc":
      return "doc";
    case "xls":
      return "xls";
    case "ole_other":
      return "ole_other";
    case "unknown":
      return "not_docx";
    case "zip":
      return null;
  }
}

/** Reads a .docx; every way it can fail is a DocumentReadError with a closed problem code. */
export function readDocx(bytes: Uint8Array, file: string, limits: Partial<DocxLimits> = {}): DocDocument {
  const lim: DocxLimits = { ...DEFAULT_DOCX_LIMITS, ...limits } as DocxLimits;
  const problem = classify(bytes);
  if (problem) throw new DocumentReadError(problem);
  try {
    const zip = ZipArchive.open(bytes, lim);
    const kind = packageKind(zip);
    if (kind === "xlsx") throw new DocumentReadError("xlsx_not_docx");
    if (kind === "ods" || kind === "odt") throw new DocumentReadError(kind);
    const main = kind === "docx" ? mainPart(zip, "docx") : null;
    if (!main) throw new DocumentReadError("not_docx");
    const numbering = Numbering.parse(zip.has("word/numbering.xml") ? zip.text("word/numbering.xml") : null);
    const builder = new BodyBuilder(lim, numbering);
    const xml = xmlStream({
      open: (n, a, s) => builder.open(n, a, s),
      close: (n) => builder.close(n),
      text: (t) => builder.text(t),
    }, main);
    zip.streamText(main, (t) => xml.write(t));
    xml.close();
    return { file, format: "docx", blocks: builder.blocks, properties: readProperties(zip) };
  } catch (e) {
    if (e instanceof DocumentReadError) throw e;
    if (e instanceof ZipError) throw new DocumentReadError(e.problem, e.detail);
    if (e instanceof XmlError) throw new DocumentReadError("xml_damaged", e.detail);
    throw e;
  }
}
