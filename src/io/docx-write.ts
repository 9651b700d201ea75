/**
 * Renders a DocPlan (src/layout/docplan.ts) as a .docx with the `docx` package, loaded only when a document is
 * written (a dynamic import: the add-in's bundle carries it as a separate chunk). Runs in Node and in the browser.
 *
 * Table rows: w:tblHeader on the two header rows (repeated at the top of each page) and w:cantSplit on every row
 * (ECMA-376 Part 1, 17.4.49 and 17.4.6); fixed layout with the plan's column widths so the table fits the page.
 */
import type { DocPlan, DocPlanForm, DocHeaderCell, DocPlanRow } from "../layout/docplan";

type Docx = typeof import("docx");

/** Twentieths of a point in a millimetre. */
const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);
/** Half-points, as w:sz counts. */
const half = (pt: number) => pt * 2;

interface Ctx {
  d: Docx;
  plan: DocPlan;
  widths: number[];
}

function para(
  c: Ctx,
  text: string,
  o: {
    bold?: boolean;
    italic?: boolean;
    size?: number;
    align?: "left" | "center" | "right" | "both";
    before?: number;
    after?: number;
    keepNext?: boolean;
    pageBreakBefore?: boolean;
  } = {},
) {
  const { d } = c;
  const align = { left: d.AlignmentType.LEFT, center: d.AlignmentType.CENTER, right: d.AlignmentType.RIGHT, both: d.AlignmentType.JUSTIFIED }[o.align ?? "left"];
  return new d.Paragraph({
    alignment: align,
    keepNext: o.keepNext,
    pageBreakBefore: o.pageBreakBefore,
    spacing: { before: o.before ?? 0, after: o.after ?? 0 },
    children: [new d.TextRun({ text, bold: o.bold, italics: o.italic, font: c.plan.font, size: half(o.size ?? c.plan.bodySize) })],
  });
}

/** A cell's text, one paragraph per line. */
function cellParas(c: Ctx, text: string, o: { bold?: boolean; align: "left" | "center" | "right" }) {
  return text.split("\n").map((line) => para(c, line, { bold: o.bold, size: c.plan.tableSize, align: o.align }));
}

function spanWidth(c: Ctx, col: number, span: number): number {
  return c.widths.slice(col, col + span).reduce((a, b) => a + b, 0);
}

function headerRow(c: Ctx, cells: DocHeaderCell[], cols: number[]) {
  const { d } = c;
  return new d.TableRow({
    tableHeader: true,
    cantSplit: true,
    children: cells.map(
      (h, i) =>
        new d.TableCell({
          children: cellParas(c, h.text, { bold: true, align: "center" }),
          columnSpan: h.colSpan,
          rowSpan: h.rowSpan,
          verticalAlign: d.VerticalAlignTable.CENTER,
          width: { size: spanWidth(c, cols[i], h.colSpan ?? 1), type: d.WidthType.DXA },
        }),
    ),
  });
}

function dataRow(c: Ctx, r: DocPlanRow) {
  const { d } = c;
  const texts: Array<[string, "left" | "center" | "right"]> = [
    [r.stt, "center"],
    [r.text, "left"],
    [r.unit, "center"],
    [r.value, "right"],
    [r.note, "left"],
  ];
  return new d.TableRow({
    cantSplit: true,
    children: texts.map(
      ([text, align], i) =>
        new d.TableCell({
          children: cellParas(c, text, { bold: r.group && i < 2, align }),
          verticalAlign: d.VerticalAlignTable.CENTER,
          width: { size: c.widths[i], type: d.WidthType.DXA },
        }),
    ),
  });
}

function formBlock(c: Ctx, f: DocPlanForm, first: boolean) {
  const { d } = c;
  const table = new d.Table({
    width: { size: c.widths.reduce((a, b) => a + b, 0), type: d.WidthType.DXA },
    columnWidths: c.widths,
    layout: d.TableLayoutType.FIXED,
    margins: { left: twips(c.plan.cellPaddingMm), right: twips(c.plan.cellPaddingMm), top: 20, bottom: 20 },
    rows: [
      // The first header row's cells sit in grid columns 0, 1, 2 (spanning 2) and 4; the second row's in 2 and 3.
      headerRow(c, f.header[0], [0, 1, 2, 4]),
      headerRow(c, f.header[1], [2, 3]),
      ...f.rows.map((r) => dataRow(c, r)),
    ],
  });
  const out: Array<InstanceType<Docx["Paragraph"]> | InstanceType<Docx["Table"]>> = [
    // Each form after the first starts a page, as appendices are printed: its table never begins in the last
    // lines of a page (LibreOffice then loses the rows after a split table's first data row).
    para(c, f.label, { bold: true, before: first ? 240 : 0, keepNext: true, pageBreakBefore: !first }),
    para(c, f.title, { bold: true, align: "center", before: 120, after: 120, keepNext: true }),
    table,
  ];
  if (f.footnote) out.push(para(c, f.footnote, { italic: true, size: c.plan.tableSize, before: 60 }));
  return out;
}

/** The .docx bytes of an appendix plan. */
export async function renderAppendixDocx(plan: DocPlan): Promise<Uint8Array> {
  const d: Docx = await import("docx");
  const c: Ctx = { d, plan, widths: plan.columnsMm.map(twips) };
  const m = plan.page.margins;
  const children = [
    para(c, plan.heading, { bold: true, align: "center" }),
    para(c, plan.title, { bold: true, align: "center", before: 60 }),
    para(c, plan.caption, { italic: true, align: "center", before: 60 }),
    ...plan.meta.map((line, i) => para(c, line, { italic: true, align: "center", before: i === 0 ? 60 : 0 })),
    ...plan.forms.flatMap((f, i) => formBlock(c, f, i === 0)),
  ];
  const doc = new d.Document({
    creator: "Biểu mẫu CCHC",
    title: `${plan.heading}: ${plan.title}`,
    styles: { default: { document: { run: { font: plan.font, size: half(plan.bodySize) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(plan.page.width), height: twips(plan.page.height), orientation: d.PageOrientation.PORTRAIT },
            margin: { top: twips(m.top), bottom: twips(m.bottom), left: twips(m.left), right: twips(m.right), header: 0, footer: 0 },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await d.Packer.toArrayBuffer(doc));
}
