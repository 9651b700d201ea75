import { strToU8, zipSync } from "fflate";
import { tooLargeForWriter, MAX_WRITE_CELLS, MAX_WRITE_STRINGS } from "../../src/cli/write-guard";

/** A package whose sheet holds `filler` cells before its closing parts, so the scan crosses many pieces. */
function pkg(sheetTail: string, workbook = "<workbook/>", filler = 20_000, level: 0 | 6 = 0): Uint8Array {
  const rows = Array.from({ length: filler }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
  return zipSync(
    {
      "xl/workbook.xml": strToU8(workbook),
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData>${sheetTail}</worksheet>`),
    },
    { level },
  );
}

const merges = (n: number) => `<mergeCells count="${n}">${Array.from({ length: n }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join("")}</mergeCells>`;

describe("check --write's guard before exceljs", () => {
  test("happy path: a form's few merges and small ranges pass", () => {
    expect(tooLargeForWriter(pkg(merges(40) + '<dataValidations><dataValidation sqref="D5:D90"/></dataValidations>'))).toBe(false);
  });

  test("a whole-sheet range found after megabytes of cells, whichever piece it falls in", () => {
    for (const level of [0, 6] as const) {
      expect(tooLargeForWriter(pkg('<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>', "<workbook/>", 20_000, level))).toBe(true);
      expect(tooLargeForWriter(pkg('<autoFilter ref="A:XFD"/>', "<workbook/>", 20_000, level))).toBe(true);
    }
  });

  test("merges are counted across pieces: 2,000 pass, 2,001 do not", () => {
    expect(tooLargeForWriter(pkg(merges(2000)))).toBe(false);
    expect(tooLargeForWriter(pkg(merges(2001)))).toBe(true);
  });

  test("a defined name over a whole sheet, its text split by any piece boundary", () => {
    const names = Array.from({ length: 3000 }, (_, i) => `<definedName name="n${i}">Sheet1!$A$1:$B$2</definedName>`).join("");
    const wb = `<workbook><definedNames>${names}<definedName name="_xlnm._FilterDatabase">Sheet1!$A:$XFD</definedName></definedNames></workbook>`;
    expect(tooLargeForWriter(pkg("", wb, 10))).toBe(true);
    expect(tooLargeForWriter(pkg("", wb.replace("$A:$XFD", "$A$1:$C$9"), 10))).toBe(false);
  });
});

describe("check --write's guard: cells and shared strings exceljs would build one object each for", () => {
  test("200,000 cells pass; 200,001 do not, counted across pieces and sheets", () => {
    expect(tooLargeForWriter(pkg("", "<workbook/>", MAX_WRITE_CELLS))).toBe(false);
    expect(tooLargeForWriter(pkg("", "<workbook/>", MAX_WRITE_CELLS + 1))).toBe(true);
    const half = (n: number) => `<worksheet><sheetData><row>${"<c/>".repeat(n)}</row></sheetData></worksheet>`;
    const two = (n: number) => zipSync({ "xl/worksheets/sheet1.xml": strToU8(half(n)), "xl/worksheets/sheet2.xml": strToU8(half(n)) }, { level: 6 });
    expect(tooLargeForWriter(two(MAX_WRITE_CELLS / 2))).toBe(false);
    expect(tooLargeForWriter(two(MAX_WRITE_CELLS / 2 + 1))).toBe(true);
  });

  test("shared strings: the limit passes, one more does not, whatever their prefix or form", () => {
    const sst = (n: number, si: string) => zipSync({ "xl/workbook.xml": strToU8("<workbook/>"), "xl/sharedStrings.xml": strToU8(`<x:sst>${si.repeat(n)}</x:sst>`) }, { level: 6 });
    for (const si of ["<si/>", "<si><t>a</t></si>", "<x:si><x:t>b</x:t></x:si>"]) {
      expect(tooLargeForWriter(sst(MAX_WRITE_STRINGS, si))).toBe(false);
      expect(tooLargeForWriter(sst(MAX_WRITE_STRINGS + 1, si))).toBe(true);
    }
  });
});
