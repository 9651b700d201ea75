/**
 * The lean reader (src/io/xlsx-read.ts, used by the CLI) hands the engine the same cells as the old exceljs path,
 * and so the same findings, on every kind of workbook the tests make: the sample made by `new`, the sample typed
 * into plain and laid-out sheets (vi-VN and en-US typing), a merge output, a checked copy, generated unit workbooks,
 * and hand-written packages with what other tools save (inline and rich strings, shared formulas, cells and rows
 * without addresses, values under merges, dates, booleans, errors, a hidden sheet).
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/engine";
import type { CellInput, SheetGrid } from "../../src/engine/types";
import { builtinTemplateSet } from "../../src/forms/load";
import { planSheets } from "../../src/layout/plan";
import { allFindings } from "../../src/cli/check";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { renderLayout } from "../../src/cli/xlsx-write";
import { exceljsGrids } from "../support/exceljs-read";
import { sampleAsPlainSheet, sampleInLayout } from "../support/sample";
import { cli, SAMPLE_TSV, tempDir, writeGrids } from "./helpers";

const set = builtinTemplateSet();
let dir: string;
let cleanup: () => void;
const files: string[] = [];

/** What the engine reads of a cell: value, formula, number format ("General" is no format). */
function essential(cell: CellInput | null | undefined): unknown {
  if (!cell || cell.value === null || cell.value === undefined) return cell?.formula ? { formula: cell.formula } : null;
  const fmt = cell.numberFormat && cell.numberFormat !== "General" ? cell.numberFormat : undefined;
  return { value: cell.value, ...(cell.formula ? { formula: cell.formula } : {}), ...(fmt ? { fmt } : {}) };
}

function essentialGrids(grids: readonly SheetGrid[]): unknown {
  return grids.map((g) => {
    const rows = g.cells.map((row) => Array.from({ length: row?.length ?? 0 }, (_, c) => essential(row?.[c])));
    while (rows.length && rows[rows.length - 1].every((c) => c === null)) rows.pop();
    return { sheet: g.sheet, hint: g.formHint ?? null, rows: rows.map((r) => { while (r.length && r[r.length - 1] === null) r.pop(); return r; }) };
  });
}

function sheetXml(rows: string, extra = ""): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

/**
 * A package as another tool might write it. exceljs reads it only when every row and cell has its address, and
 * only without the whole-sheet filter range (it expands it cell by cell: gigabytes).
 */
function handWritten(addresses: boolean): Uint8Array {
  const row2 = addresses
    ? `<row r="2"><c r="A2" t="inlineStr"><is><t>1</t></is></c><c r="B2" t="inlineStr"><is><r><t>Hồ sơ </t></r><r><t>đã nhận</t></r></is></c><c r="C2" s="4"><v>1234</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#DIV/0!</v></c></row>`
    : `<row><c t="inlineStr"><is><t>1</t></is></c><c t="inlineStr"><is><r><t>Hồ sơ </t></r><r><t>đã nhận</t></r></is></c><c s="4"><v>1234</v></c><c t="b"><v>1</v></c><c t="e"><v>#DIV/0!</v></c></row>`;
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return zipSync({
    "[Content_Types].xml": strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`),
    "_rels/.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": strToU8(`<?xml version="1.0"?><workbook ${ns}><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/><sheet name="Ẩn" sheetId="2" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name="BieuMau_BM1_x">'Dữ liệu'!$A$1:$E$9</definedName>${addresses ? "" : `<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'Dữ liệu'!$A$1:$XFD$1048576</definedName>`}</definedNames></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`),
    "xl/styles.xml": strToU8(`<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="10" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="3"/></cellXfs></styleSheet>`),
    "xl/sharedStrings.xml": strToU8(`<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>STT</t></si><si><r><t>Số </t></r><r><rPr><b/></rPr><t>hồ sơ</t></r><rPh><t>x</t></rPh></si><si><t>dòng_x000D_mới</t></si></sst>`),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
      row2 +
      `<row r="4"><c r="A4"><v>3</v></c><c r="B4" s="2"><f>B2/B3</f><v>0.5</v></c><c r="C4" s="1"><f t="shared" ref="C4:C6" si="0">A4/$A$4*100%</f><v>1</v></c><c r="D4" s="3"><v>45473</v></c></row>` +
      `<row r="5"><c r="A5"><v>6</v></c><c r="C5" s="1"><f t="shared" si="0"/><v>2</v></c><c r="E5" t="str"><f>"x"&amp;A5</f><v>x6</v></c></row>` +
      `<row r="6"><c r="A6"><v>9</v></c><c r="C6" s="1"><f t="shared" si="0"/><v>3</v></c></row>` +
      `<row r="8"><c r="A8" t="inlineStr"><is><t>gộp</t></is></c><c r="B8" t="inlineStr"><is><t>dưới ô gộp</t></is></c></row>`,
      `<mergeCells count="1"><mergeCell ref="A8:C8"/></mergeCells>`,
    )),
    "xl/worksheets/sheet2.xml": strToU8(sheetXml(`<row r="2"><c r="B2"><v>42</v></c></row>`)),
  });
}

/** Bench-like unit workbooks: forms 1, 3, 7 with random counts, codes and some typed rates. */
async function generated(n: number): Promise<string[]> {
  let seed = 7;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
  const wb = new ExcelJS.Workbook();
  const layouts = planSheets(set, ["BM1", "BM3", "BM7"], { unit: "Đơn vị", period: "6m", year: 2024 });
  const sheets = layouts.map((layout) => renderLayout(wb, layout));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    for (const [k, layout] of layouts.entries()) {
      const form = set.forms.find((f) => f.id === layout.formId)!;
      for (const row of form.rows) {
        const cell = sheets[k].getCell(layout.rowOfStt[row.stt] + 1, layout.columns.value + 1);
        if (row.kind === "count") cell.value = rnd(4) === 0 ? `${rnd(100)},${rnd(1000)}` : rnd(5000);
        else if (row.kind === "code") cell.value = Number(Object.keys(row.coding ?? { 0: "" })[rnd(2)] ?? 0);
        else if (row.kind === "percent" && !cell.formula && rnd(3) === 0) cell.value = rnd(10001) / 100;
      }
    }
    const file = join(dir, `gen-${i}.xlsx`);
    await wb.xlsx.writeFile(file);
    out.push(file);
  }
  return out;
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("bieumau-lean-"));
  expect((await cli(["new", "--from", SAMPLE_TSV, "tagged.xlsx"], dir)).code).toBe(0);
  expect((await cli(["new", "--from", SAMPLE_TSV, "--lang", "en", "tagged-en.xlsx"], dir)).code).toBe(0);
  await writeGrids(join(dir, "plain-vi.xlsx"), [sampleAsPlainSheet("vi-VN")]);
  await writeGrids(join(dir, "plain-en.xlsx"), [sampleAsPlainSheet("en-US")]);
  await writeGrids(join(dir, "layout-vi.xlsx"), sampleInLayout(set, "vi-VN"));
  await writeGrids(join(dir, "layout-en.xlsx"), sampleInLayout(set, "en-US"));
  expect((await cli(["check", "tagged.xlsx", "--write", "checked.xlsx"], dir)).code).toBe(1);
  expect((await cli(["merge", "tagged.xlsx", "checked.xlsx", "--force", "-o", "merged.xlsx"], dir)).code).toBe(0);
  writeFileSync(join(dir, "hand.xlsx"), handWritten(true));
  writeFileSync(join(dir, "hand-no-addresses.xlsx"), handWritten(false));
  const big = new ExcelJS.Workbook();
  const ws = big.addWorksheet("Dài");
  for (let r = 1; r <= 5003; r++) ws.getCell(r, 1).value = r;
  ws.getCell(2, 70).value = "ngoài cửa sổ";
  await big.xlsx.writeFile(join(dir, "long.xlsx"));
  files.push(...["tagged", "tagged-en", "plain-vi", "plain-en", "layout-vi", "layout-en", "checked", "merged", "hand", "long"].map((f) => join(dir, `${f}.xlsx`)));
  files.push(...(await generated(12)));
}, 120000);
afterAll(() => cleanup());

describe("the lean reader and exceljs agree", () => {
  it("on the cells, the tags and the truncation of every workbook", async () => {
    for (const file of files) {
      const lean = await readWorkbookFile(file, set);
      if (!lean.ok) throw new Error(`${file}: ${lean.problem} ${lean.detail ?? ""}`);
      const old = await exceljsGrids(readFileSync(file), set);
      expect({ file, grids: essentialGrids(lean.grids) }).toEqual({ file, grids: essentialGrids(old.grids) });
      expect(lean.truncated.map((t) => t.sheet)).toEqual(old.truncated);
    }
  });

  it("on the findings of every workbook", async () => {
    let findings = 0;
    for (const file of files) {
      const lean = await readWorkbookFile(file, set);
      if (!lean.ok) throw new Error(file);
      const old = await exceljsGrids(readFileSync(file), set);
      const a = checkWorkbook(set, lean.grids);
      const b = checkWorkbook(set, old.grids);
      expect({ file, findings: allFindings(a.recognition, a.result) }).toEqual({ file, findings: allFindings(b.recognition, b.result) });
      findings += a.result.findings.length;
    }
    expect(findings).toBeGreaterThan(50);
  });

  it("reads what other tools write as Excel shows it", async () => {
    const lean = await readWorkbookFile(join(dir, "hand-no-addresses.xlsx"), set);
    if (!lean.ok) throw new Error(lean.problem);
    const addressed = await readWorkbookFile(join(dir, "hand.xlsx"), set);
    expect(addressed.ok && addressed.grids).toEqual(lean.grids);
    const [data, hidden] = lean.grids;
    expect(data.formHint).toBe("BM1");
    const v = (r: number, c: number) => data.cells[r]?.[c]?.value;
    expect([v(0, 0), v(0, 1), v(0, 2)]).toEqual(["STT", "Số hồ sơ", "dòng\rmới"]);
    expect([v(1, 0), v(1, 1), v(1, 2), v(1, 3), v(1, 4)]).toEqual(["1", "Hồ sơ đã nhận", 1234, true, "#DIV/0!"]);
    expect(data.cells[1][2]?.numberFormat).toBe("#,##0");
    expect(data.cells[3][2]).toEqual({ value: 1, formula: "=A4/$A$4*100%", numberFormat: "0.00%" });
    expect(data.cells[4][2]?.formula).toBe("=A5/$A$4*100%");
    expect(data.cells[5][2]?.formula).toBe("=A6/$A$4*100%");
    expect(data.cells[3][1]).toEqual({ value: 0.5, formula: "=B2/B3", numberFormat: "0.0%" });
    expect(v(3, 3)).toBe("2024-06-30");
    expect(v(7, 0)).toBe("gộp");
    expect(v(7, 1)).toBeUndefined();
    expect(hidden.cells[1][1]?.value).toBe(42);
    // The filter's whole-sheet range is handed over as written, never expanded.
    expect(lean.names.find((n) => n.name === "_xlnm._FilterDatabase")?.ranges).toEqual([{ sheet: "Dữ liệu", ref: "$A$1:$XFD$1048576" }]);
  });
});
