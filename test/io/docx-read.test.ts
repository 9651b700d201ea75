import { readFileSync } from "fs";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import { readDocx, DocumentReadError, type DocumentProblem } from "../../src/io/docx-read";
import { rowTexts, type DocDocument, type DocTable } from "../../src/io/document";
import { documentProblemText } from "../../src/i18n/io";
import { buildDocx, numbered, p, STT_NUMBERING, tbl } from "../support/docx";

const SAMPLE = join(__dirname, "../../../shared/samples/quang-tri-2024-6t.docx");

function tables(doc: DocDocument): DocTable[] {
  return doc.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
}
function paragraphs(doc: DocDocument): string[] {
  return doc.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.paragraph.text] : []));
}
function problem(bytes: Uint8Array): DocumentProblem | "none" {
  try {
    readDocx(bytes, "x.docx");
  } catch (e) {
    if (e instanceof DocumentReadError) return e.problem;
    throw e;
  }
  return "none";
}

describe("readDocx", () => {
  test("happy path: the sample report's body and its three appendix tables, in reading order", () => {
    const doc = readDocx(readFileSync(SAMPLE), "quang-tri-2024-6t.docx");
    expect(doc.format).toBe("docx");
    const ts = tables(doc);
    expect(ts.map((t) => [t.number, t.columns])).toEqual([[1, 5], [2, 5], [3, 5]]);
    // Two header rows: "Kết quả thống kê" spans Đơn vị tính and Số liệu; STT, Chỉ tiêu, Ghi chú merge down.
    expect(rowTexts(ts[0].rows[0], 5)).toEqual(["STT", expect.stringMatching(/^Chỉ tiêu thống kê/), "Kết quả thống kê", "Kết quả thống kê", "Ghi chú"]);
    expect(ts[0].rows[1].cells.filter((c) => c.vMerge === "continue").map((c) => c.col)).toEqual([0, 1, 4]);
    expect(rowTexts(ts[0].rows[1], 5).slice(2, 4)).toEqual(["Đơn vị tính", "Số liệu"]);
    // BM3 3.2 as printed: the rate the validator must call wrong.
    const bm3 = ts[1].rows.map((r) => rowTexts(r, 5));
    expect(bm3.find((r) => r[0] === "3.2.")?.[3]).toBe("98,57%");
    // The label and title stand in the paragraphs just before each table.
    const order = doc.blocks.map((b) => (b.kind === "table" ? `T${b.table.number}` : b.paragraph.text)).filter((s) => /^(T\d|Biểu mẫu \d)$/.test(s));
    expect(order).toEqual(["Biểu mẫu 1", "T1", "Biểu mẫu 3", "T2", "Biểu mẫu 7", "T3"]);
    // The body sentence the Word cross-check needs, whole.
    expect(paragraphs(doc).some((t) => t.includes("107 TTHC bãi bỏ"))).toBe(true);
  });

  test("merged cells: gridSpan, vMerge, gridBefore and repeated header rows land on the grid", () => {
    const body = tbl([
      { header: true, cells: [{ text: "STT", vMerge: "restart" }, { text: "Kết quả", span: 2 }] },
      { header: true, cells: [{ vMerge: "continue" }, "Đơn vị", "Số liệu"] },
      { gridBefore: 1, cells: ["Văn bản", "12"] },
    ]);
    const [t] = tables(readDocx(buildDocx(body), "m.docx"));
    expect(t.columns).toBe(3);
    expect(t.rows.map((r) => r.repeatHeader ?? false)).toEqual([true, true, false]);
    expect(rowTexts(t.rows[0], 3)).toEqual(["STT", "Kết quả", "Kết quả"]);
    expect(rowTexts(t.rows[1], 3)).toEqual(["", "Đơn vị", "Số liệu"]);
    expect(t.rows[2].cells.map((c) => [c.col, c.text])).toEqual([[1, "Văn bản"], [2, "12"]]);
  });

  test("text as printed: wrapped lines, breaks and tabs; deleted text, field codes, fallbacks and text boxes left out", () => {
    const run = (x: string) => `<w:r>${x}</w:r>`;
    const body =
      p("Số văn bản\nđã ban hành") +
      `<w:p>${run('<w:t>A</w:t><w:tab/><w:t>B</w:t>')}<w:del><w:r><w:delText>XÓA</w:delText></w:r></w:del>` +
      `${run('<w:instrText> PAGE </w:instrText>')}<w:ins>${run("<w:t>C</w:t>")}</w:ins>` +
      `<mc:AlternateContent><mc:Choice Requires="wps">${run("<w:t>D</w:t>")}</mc:Choice><mc:Fallback>${run("<w:t>D</w:t>")}</mc:Fallback></mc:AlternateContent>` +
      `${run('<w:drawing><w:txbxContent><w:p><w:r><w:t>HỘP</w:t></w:r></w:p></w:txbxContent></w:drawing>')}</w:p>` +
      `<w:sdt><w:sdtContent>${p("Trong khối")}</w:sdtContent></w:sdt>`;
    const doc = readDocx(buildDocx(body, { title: "Mẫu của Sở" }), "t.docx");
    expect(paragraphs(doc)).toEqual(["Số văn bản\nđã ban hành", "A BCD", "Trong khối"]);
    expect(doc.properties.title).toBe("Mẫu của Sở");
  });

  test("a table nested in a cell gives its text to that cell; cells of several paragraphs keep their lines", () => {
    const inner = tbl([["x", "y"]]);
    const body = tbl([["1.", { xml: p("Tổng số") + inner }], ["2.", "dòng một\n\ndòng hai"]]);
    const ts = tables(readDocx(buildDocx(body), "n.docx"));
    expect(ts).toHaveLength(1);
    expect(rowTexts(ts[0].rows[0], 2)).toEqual(["1.", "Tổng số\nx\ny"]);
    expect(rowTexts(ts[0].rows[1], 2)).toEqual(["2.", "dòng một\ndòng hai"]);
  });

  test("automatic numbering: an STT column numbered by Word reads as printed (1. / 1.1. / a), restarts below, overrides)", () => {
    const cell = (numId: number, ilvl: number) => ({ xml: numbered("", numId, ilvl) });
    const body = tbl([
      [cell(1, 0), "Tổng số"],
      [cell(1, 1), "Trong đó"],
      [cell(1, 1), "Khác"],
      [cell(1, 2), "chi tiết"],
      [cell(1, 0), "Tỷ lệ"],
      [cell(1, 1), "Số đã xong"],
    ]) + numbered("Cải cách thể chế", 2);
    const doc = readDocx(buildDocx(body, { numbering: STT_NUMBERING }), "n.docx");
    expect(tables(doc)[0].rows.map((r) => rowTexts(r, 2)[0])).toEqual(["1.", "1.1.", "1.2.", "a)", "2.", "2.1."]);
    expect(paragraphs(doc)).toEqual(["4. Cải cách thể chế"]);
  });

  test("bounded: rows past the limit are counted, not kept", () => {
    const rows = Array.from({ length: 30 }, (_, i) => [String(i + 1), "x"]);
    const [t] = tables(readDocx(buildDocx(tbl(rows)), "b.docx", { maxTableRows: 10 }));
    expect(t.rows).toHaveLength(10);
    expect(t.truncatedRows).toBe(20);
  });

  test("given wrong input: every problem is a code with a sentence in both languages", () => {
    const ole = (name: string) => {
      const b = new Uint8Array(600);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      [...name].forEach((ch, i) => (b[100 + i * 2] = ch.charCodeAt(0)));
      return b;
    };
    const good = buildDocx(p("x"));
    const cases: Array<[Uint8Array, DocumentProblem]> = [
      [new Uint8Array(), "empty_file"],
      [ole("WordDocument"), "doc"],
      [ole("EncryptedPackage"), "encrypted"],
      [ole("Workbook"), "xls"],
      [strToU8("xin chào, không phải tệp Word"), "not_docx"],
      [good.subarray(0, good.length - 40), "zip_damaged"],
      [zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }), "xlsx_not_docx"],
      [zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.text") }), "odt"],
      [zipSync({ "word/document.xml": strToU8("<w:document><w:body><w:p></w:body>") }), "xml_damaged"],
      [zipSync({ "other.txt": strToU8("x") }), "not_docx"],
    ];
    for (const [bytes, expected] of cases) {
      expect(problem(bytes)).toBe(expected);
      expect(documentProblemText(expected, "vi")).toMatch(/[ạ-ỹà-ý]/);
      expect(documentProblemText(expected, "en")).not.toBe(documentProblemText(expected, "vi"));
    }
  });
});
