/**
 * Builds small .docx files for tests, by writing WordprocessingML directly (so a test controls exactly which
 * structures appear: gridSpan, vMerge, repeated header rows, tracked changes, text boxes…).
 */
import { strToU8, zipSync } from "fflate";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A paragraph; "\n" in the text becomes a line break (w:br). */
export function p(text: string, style?: string): string {
  const runs = text.split("\n").map((line, i) => `${i ? "<w:r><w:br/></w:r>" : ""}<w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r>`);
  return `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ""}${runs.join("")}</w:p>`;
}

/** A table cell: a string, or an object with span / vMerge / raw inner XML. */
export type CellSpec = string | { text?: string; span?: number; vMerge?: "restart" | "continue"; xml?: string };

export interface RowSpec {
  cells: CellSpec[];
  header?: boolean;
  gridBefore?: number;
}

export function tbl(rows: Array<CellSpec[] | RowSpec>, columns?: number): string {
  const norm = rows.map((r) => (Array.isArray(r) ? { cells: r } : r));
  const cols = columns ?? Math.max(...norm.map((r) => r.cells.reduce<number>((n, c) => n + (typeof c === "string" ? 1 : c.span ?? 1), r.gridBefore ?? 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(cols)}</w:tblGrid>`;
  const body = norm
    .map((r) => {
      const trPr = r.header || r.gridBefore ? `<w:trPr>${r.gridBefore ? `<w:gridBefore w:val="${r.gridBefore}"/>` : ""}${r.header ? "<w:tblHeader/>" : ""}</w:trPr>` : "";
      const cells = r.cells
        .map((c) => {
          const spec = typeof c === "string" ? { text: c } : c;
          const tcPr = `<w:tcPr>${spec.span && spec.span > 1 ? `<w:gridSpan w:val="${spec.span}"/>` : ""}${spec.vMerge ? (spec.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : "<w:vMerge/>") : ""}</w:tcPr>`;
          const inner = spec.xml ?? (spec.text ?? "").split("\n\n").map((para) => p(para)).join("");
          return `<w:tc>${tcPr}${inner || "<w:p/>"}</w:tc>`;
        })
        .join("");
      return `<w:tr>${trPr}${cells}</w:tr>`;
    })
    .join("");
  return `<w:tbl><w:tblPr/>${grid}${body}</w:tbl>`;
}

/** A whole .docx around body XML. */
export function buildDocx(bodyXml: string, options: { title?: string; numbering?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    "word/document.xml": strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`),
  };
  if (options.numbering)
    files["word/numbering.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${options.numbering}</w:numbering>`);
  if (options.title)
    files["docProps/core.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(options.title)}</dc:title></cp:coreProperties>`,
    );
  return zipSync(files);
}

/** A paragraph numbered automatically by list `numId` at level `ilvl` (its label is not in its text). */
export function numbered(text: string, numId: number, ilvl = 0): string {
  return `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>${text ? `<w:r><w:t>${esc(text)}</w:t></w:r>` : ""}</w:p>`;
}

/** numbering.xml content: list 1 numbers "1." / "1.1." / "a)", the way forms number their STT column. */
export const STT_NUMBERING =
  '<w:abstractNum w:abstractNumId="0">' +
  '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
  '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>' +
  '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>' +
  '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
  '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/></w:lvlOverride></w:num>';
