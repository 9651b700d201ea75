/**
 * The sheets as a clerk prints them: `new --from` the sample, `check --write`, `merge`; every wrapped text has a row
 * tall enough for it (against a lower bound independent of the estimator), the results sheet and the merge's lists
 * print on one landscape page width in one font, and no output carries an internal word ("seed:", rule ids).
 */
import ExcelJS from "exceljs";
import { join } from "path";
import { cli, readBook, SAMPLE_TSV, tempDir } from "./helpers";

let dir: string;
let cleanup: () => void;
const books: Record<string, ExcelJS.Workbook> = {};

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  expect((await cli(["new", "--from", SAMPLE_TSV, "a.xlsx", "--unit", "Văn phòng UBND tỉnh Quảng Trị"], dir)).code).toBe(0);
  expect((await cli(["new", "--from", SAMPLE_TSV, "b.xlsx", "--unit", "Sở Y tế"], dir)).code).toBe(0);
  expect((await cli(["check", "a.xlsx", "--write", "checked.xlsx"], dir)).code).toBe(1);
  const merged = await cli(
    ["merge", "a.xlsx", "b.xlsx", "-o", "merged.xlsx", "--force", "--unit", "Sở Nội vụ", "--report-number", "12/BC-SNV", "--report-date", "20/6/2024"],
    dir,
  );
  expect(merged.code).toBe(0);
  for (const name of ["a", "checked", "merged"]) books[name] = await readBook(join(dir, `${name}.xlsx`));
}, 60000);
afterAll(() => cleanup());

/** Width of column `c` in Excel character units (8.43 when not set). */
const widthOf = (ws: ExcelJS.Worksheet, c: number) => ws.getColumn(c).width ?? 8.43;

/**
 * A lower bound on the lines a wrapped text takes: Times New Roman's narrowest run of ordinary text averages well
 * above 0.4 em a character, and a column of w units holds at most (7w + 5) px of it.
 */
function minLines(text: string, fontSize: number, widthChars: number): number {
  const lineWidthPt = (widthChars * 7 + 5) * 0.75;
  return text.split("\n").reduce((n, para) => n + Math.max(1, Math.ceil((para.length * 0.4 * fontSize) / lineWidthPt)), 0);
}

function mergedWidth(ws: ExcelJS.Worksheet, cell: ExcelJS.Cell): number {
  if (!cell.isMerged) return widthOf(ws, Number(cell.col));
  // The master cell of a merge spans to the right while the next cells share its master.
  let w = 0;
  for (let c = Number(cell.col); c <= ws.columnCount; c++) {
    const other = ws.getCell(Number(cell.row), c);
    if (c > Number(cell.col) && other.master !== cell) break;
    w += widthOf(ws, c);
  }
  return w;
}

describe("row heights in the written workbooks", () => {
  it.each(["a", "checked", "merged"])("%s.xlsx: every wrapped text has a row tall enough for it", (name) => {
    let checked = 0;
    for (const ws of books[name].worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (!cell.alignment?.wrapText || typeof cell.value !== "string" || cell.value === "" || cell.master !== cell) return;
          const size = cell.font?.size ?? 11;
          const need = minLines(cell.value, size, mergedWidth(ws, cell)) * size * 1.1;
          checked++;
          if (!(row.height >= need)) throw new Error(`${ws.name}!${cell.address} “${cell.value.slice(0, 40)}…”: height ${row.height} < ${need}`);
          expect(row.height).toBeLessThanOrEqual(409);
        }),
      );
    expect(checked).toBeGreaterThan(50);
  });

  it("the long heading of Biểu mẫu 1 row 4 takes several lines; a short row one", () => {
    const ws = books.a.getWorksheet("Biểu mẫu 1")!;
    let heading = 0;
    let short = 0;
    ws.eachRow((row, i) => {
      const stt = String(row.getCell(1).value ?? "");
      if (stt === "4,") heading = ws.getRow(i).height;
      if (stt === "2.1.") short = ws.getRow(i).height;
    });
    expect(heading).toBeGreaterThanOrEqual(3 * 15.75);
    expect(short).toBeLessThan(2 * 15.75);
  });
});

describe("the results sheet and the merge's lists", () => {
  const sheets = () => [
    books.checked.getWorksheet("Kết quả kiểm tra")!,
    books.merged.getWorksheet("Thiếu số liệu")!,
    books.merged.getWorksheet("Tệp đầu vào")!,
  ];

  it("print on one landscape A4 page width, in the forms' font", () => {
    for (const ws of sheets()) {
      expect(ws).toBeDefined();
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      const fonts = new Set<string>();
      ws.eachRow((row) => row.eachCell((cell) => void fonts.add(`${cell.font?.name} ${cell.font?.size}`)));
      expect([...fonts]).toEqual(["Times New Roman 12"]);
      // Wide enough: the columns together fill at least most of a landscape page.
      let chars = 0;
      for (let c = 1; c <= 7; c++) chars += widthOf(ws, c);
      expect(chars).toBeGreaterThan(110);
    }
  });

  it("names forms and checks in words, never by internal ids", () => {
    const texts: string[] = [];
    for (const ws of sheets()) ws.eachRow((row) => row.eachCell((cell) => void texts.push(String(cell.value))));
    expect(texts.filter((t) => /\bBM\d\b|\.(rate|le|count|blank|precondition)\b/.test(t))).toEqual([]);
    expect(texts).toContain("Biểu mẫu 3");
  });
});

describe("no internal word in any output", () => {
  it.each(["a", "checked", "merged"])("%s.xlsx: no “seed:” anywhere, the footnote names the document", (name) => {
    const all: string[] = [];
    for (const ws of books[name].worksheets) ws.eachRow((row) => row.eachCell((cell) => void all.push(String(cell.value ?? ""))));
    expect(all.filter((t) => /\bseed\b/i.test(t))).toEqual([]);
    expect(all.some((t) => /Nguồn biểu mẫu: Báo cáo 1125\/BC-VP/.test(t))).toBe(true);
  });

  it("the merged caption carries the consolidated report's number, date and unit", () => {
    const ws = books.merged.getWorksheet("Biểu mẫu 1")!;
    expect(ws.getCell("A4").value).toBe("(Ban hành kèm theo Báo cáo số 12/BC-SNV ngày 20/6/2024 của Sở Nội vụ)");
  });

  it("counts are grouped by thousands, rates keep two decimals, both with Vietnamese separators", () => {
    const ws = books.merged.getWorksheet("Biểu mẫu 3")!;
    const formats = new Set<string>();
    ws.eachRow((row) => {
      const unit = String(row.getCell(3).value ?? "");
      const d = row.getCell(4);
      if (unit === "%" && d.formula) formats.add(`rate ${d.numFmt}`);
      else if (typeof d.value === "number" && unit !== "%") formats.add(`count ${d.numFmt}`);
    });
    expect([...formats].sort()).toEqual(["count [$-42A]#,##0", "rate [$-42A]0.00"]);
  });
});
