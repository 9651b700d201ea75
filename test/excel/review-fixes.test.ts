/**
 * Regressions from the review of src/excel and src/commands: report-copy captions of hand-typed tables, a read window
 * so one big sheet cannot exceed Office.js's payload limit, a results sheet that can be the only visible sheet, string
 * constants always written as text, the stored-set note shown by the ribbon command, and feature names in the chosen
 * language. All against the in-memory fake (src/fake-excel).
 */
import { createExcelHost } from "../../src/excel/adapter";
import { CELL_BUDGET } from "../../src/excel/read";
import { MAX_COLS, MAX_ROWS } from "../../src/excel/limits";
import { Range } from "../../src/fake-excel/api";
import { excelText } from "../../src/i18n/excel";
import { RESULTS_SHEET_NAME } from "../../src/layout/names";
import { captionText } from "../../src/layout/plan";
import { layoutOf, sampleRows, setup, typeSample } from "./helpers";

const vi = excelText("vi");
const en = excelText("en");
const sheetOf = (formId: string) => `Biểu mẫu ${formId.replace(/^BM/, "")}`;
const header = { unit: "Văn phòng UBND tỉnh Quảng Trị", reportNumber: "1125/BC-VP", reportDate: "14/6/2024", period: "6m" as const, year: 2024 };

/** Types the sample's BM3 as a hand-made table whose header row is at `headerRow` (1-based), columns A–E. */
function typeHandTable(fake: ReturnType<typeof setup>["fake"], sheet: string, headerRow: number): void {
  ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Ghi chú"].forEach((h, i) => fake.setCellValue(sheet, `${"ABCDE"[i]}${headerRow}`, h));
  sampleRows()
    .filter((r) => r.form === "BM3")
    .forEach((r, i) => {
      const row = headerRow + 1 + i;
      fake.setCellValue(sheet, `A${row}`, `'${r.stt}`);
      fake.setCellValue(sheet, `B${row}`, r.text);
      fake.setCellValue(sheet, `C${row}`, r.unit);
      if (r.value) fake.setCellValue(sheet, `D${row}`, r.value);
      if (r.note) fake.setCellValue(sheet, `E${row}`, r.note);
    });
}

/** Records every non-null entry written through Range.formulas while `fn` runs. */
async function formulasWritten(fn: () => Promise<unknown>): Promise<unknown[]> {
  const desc = Object.getOwnPropertyDescriptor(Range.prototype, "formulas")!;
  const written: unknown[] = [];
  Object.defineProperty(Range.prototype, "formulas", {
    ...desc,
    set(this: Range, v: unknown[][]) {
      for (const row of v) for (const x of row) if (x !== null && x !== undefined) written.push(x);
      desc.set!.call(this, v);
    },
  });
  try {
    await fn();
  } finally {
    Object.defineProperty(Range.prototype, "formulas", desc);
  }
  return written;
}

describe("report copies take the working sheet's caption only from a tagged sheet", () => {
  test("a hand-typed table: the lines above it are not copied as caption / unit line", async () => {
    const { fake, host, set } = setup();
    const sheet = "Số liệu huyện";
    fake.book.addSheet(sheet);
    typeHandTable(fake, sheet, 12);
    // What a clerk keeps above a pasted table: neither line is the caption nor the unit line.
    fake.setCellValue(sheet, "A9", "Số liệu tạm, chưa rà soát");
    fake.setCellValue(sheet, "A10", "Người lập: Nguyễn Văn A");
    const outcome = await host.validate(set);
    expect(outcome.recognition.forms.find((f) => f.sheet === sheet)).toMatchObject({ formId: "BM3", tagged: false });
    await host.makeReportCopies(set);
    const copy = fake.texts("Biểu mẫu 3 (bản in)");
    expect(copy.A4).toBe(captionText(set, {}));
    expect(copy.A5).toMatch(/^Đơn vị báo cáo: /);
    expect(Object.values(copy)).not.toContain("Số liệu tạm, chưa rà soát");
    expect(Object.values(copy)).not.toContain("Người lập: Nguyễn Văn A");
  });

  test("a tagged sheet: the caption is copied when it still reads as one, not when the clerk typed something else", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, set.forms.map((f) => f.id), header);
    typeSample(fake, sheetOf);
    fake.setCellValue("Biểu mẫu 3", "A5", "xem tờ trình kèm theo");
    await host.makeReportCopies(set);
    const copy = fake.texts("Biểu mẫu 3 (bản in)");
    expect(copy.A4).toMatch(/^\(Ban hành kèm theo Báo cáo số 1125\/BC-VP/);
    expect(copy.A5).toBe(layoutOf("BM3").cells.find((c) => c.address === "A5")!.value);
  });
});

describe("validate reads at most the first 5000 rows × 60 columns of a sheet", () => {
  test("a big data sheet beside the forms: checked with a note, read in pieces under Excel on the web's 5 MB, no payload error", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, set.forms.map((f) => f.id), header);
    typeSample(fake, sheetOf);
    fake.book.addSheet("Dữ liệu gốc");
    fake.setCellValue("Dữ liệu gốc", "A1", "mã hồ sơ");
    fake.setCellValue("Dữ liệu gốc", "AD1", "ghi chú");
    fake.setCellValue("Dữ liệu gốc", "A100000", "12345");
    fake.resetSyncCount();
    const outcome = await host.validate(set);
    // Outline, sizes, the 5000 × 30 cells in pieces of CELL_BUDGET (the forms share the last piece), writes.
    expect(fake.syncCount).toBeLessThanOrEqual(2 + Math.ceil((5000 * 30 + 3 * 60 * 20) / CELL_BUDGET) + 2);
    expect(outcome.notes).toContain(vi.sheetTruncated("Dữ liệu gốc", MAX_ROWS, MAX_COLS));
    expect(outcome.result.findings).toContainEqual(expect.objectContaining({ rule: "BM3.3.2.rate", severity: "error" }));
    expect(Object.values(fake.texts(RESULTS_SHEET_NAME))).toContain(vi.sheetTruncated("Dữ liệu gốc", MAX_ROWS, MAX_COLS));
  });

  test("columns past BH and rows past 5000 are cut; a form inside the window is still found; no note for small sheets", async () => {
    const { fake, host, set } = setup();
    const sheet = "Tổng hợp";
    fake.book.addSheet(sheet);
    typeHandTable(fake, sheet, 3);
    fake.setCellValue(sheet, "BI2", "ngoài vùng");
    const outcome = await host.validate(set);
    expect(outcome.recognition.forms.find((f) => f.sheet === sheet)?.formId).toBe("BM3");
    expect(outcome.notes).toEqual([vi.sheetTruncated(sheet, MAX_ROWS, MAX_COLS)]);
    fake.setCellValue(sheet, "BI2", "");
    expect((await host.validate(set)).notes).toEqual([]);
  });

  test("an older Excel (ExcelApi 1.3, no *OrNullObject): the same window, through getIntersection", async () => {
    const { fake, host, set } = setup({ supported: { ExcelApi: "1.3" } });
    fake.book.addSheet("Dữ liệu gốc");
    fake.setCellValue("Dữ liệu gốc", "B3", "x");
    fake.setCellValue("Dữ liệu gốc", "CA6000", "y");
    fake.resetSyncCount();
    const outcome = await host.validate(set);
    expect(fake.syncCount).toBeLessThanOrEqual(2 + Math.ceil((4998 * 59) / CELL_BUDGET) + 2);
    expect(outcome.notes).toContain(vi.sheetTruncated("Dữ liệu gốc", MAX_ROWS, MAX_COLS));
  });
});

describe("the results sheet is replaced without ever leaving no visible sheet", () => {
  test("validate when the results sheet is the only visible sheet", async () => {
    const { fake, host, set } = setup({ sheets: [RESULTS_SHEET_NAME, "Ẩn"] });
    fake.book.sheet("Ẩn").visibility = "Hidden";
    fake.resetSyncCount();
    await host.validate(set);
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    // Updated in place (never deleted and recreated: that would clear Excel's undo history).
    expect(fake.book.sheets.map((s) => s.name)).toEqual([RESULTS_SHEET_NAME, "Ẩn"]);
    expect(fake.texts(RESULTS_SHEET_NAME).A1).toMatch(/KẾT QUẢ KIỂM TRA/);
    await host.validate(set);
    expect(fake.book.sheets.map((s) => s.name)).toEqual([RESULTS_SHEET_NAME, "Ẩn"]);
    expect(fake.book.undoClears).toBe(0);
  });

  test("showNotice when the results sheet is the only sheet", async () => {
    const { fake, host } = setup({ sheets: [RESULTS_SHEET_NAME] });
    await host.showNotice(["A", "B"]);
    expect(fake.book.sheets.map((s) => s.name)).toEqual([RESULTS_SHEET_NAME]);
    expect(fake.texts(RESULTS_SHEET_NAME)).toMatchObject({ A1: "A", A2: expect.stringMatching(/^Lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/), A3: "B" });
  });
});

describe("string constants are written as text, never through `formulas`", () => {
  test("inserting and copying: `formulas` carries only the product's own formulas", async () => {
    const { fake, host, set } = setup();
    const written = await formulasWritten(async () => {
      await host.insertForms(set, set.forms.map((f) => f.id), header);
      typeSample(fake, sheetOf);
      await host.makeReportCopies(set);
    });
    expect(written.length).toBeGreaterThan(0);
    for (const f of written) expect(f).toMatch(/^=IF\(/);
    // Labels are text cells.
    const bm3 = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")!;
    expect(bm3.cells.A1).toMatchObject({ value: "Biểu mẫu 3", numberFormat: "@" });
  });

  test("clerk text Excel would convert (\"1E5\", \"=…\") stays text in a report copy; numbers stay numbers", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, set.forms.map((f) => f.id), header);
    typeSample(fake, sheetOf);
    const l = layoutOf("BM3");
    const noteCell = `E${l.rowOfStt["1.1"] + 1}`;
    const noteCell2 = `E${l.rowOfStt["1.2"] + 1}`;
    fake.setCellValue("Biểu mẫu 3", noteCell, "'1E5");
    fake.setCellValue("Biểu mẫu 3", noteCell2, "'=1+1");
    await host.makeReportCopies(set);
    const copy = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3 (bản in)")!;
    expect(copy.cells[noteCell]).toMatchObject({ value: "1E5", numberFormat: "@" });
    expect(copy.cells[noteCell2]).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(copy.cells[noteCell2].formula).toBeUndefined();
    expect(typeof copy.cells[`D${l.rowOfStt["3.1.1"] + 1}`].value).toBe("number");
  });
});

describe("the ribbon command and the language of messages", () => {
  test("an unusable stored template set: the fallback to the built-in set is said in the results sheet", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, ["BM3"], header);
    await host.storeTemplateSet("{ không phải JSON");
    const { validateWorkbook, templateSetFor } = await import("../../src/commands/commands");
    const { note } = await templateSetFor(host);
    expect(note).toBeDefined();
    await validateWorkbook({ completed: jest.fn() }, host);
    const texts = fake.texts(RESULTS_SHEET_NAME);
    expect(texts.A2).toMatch(/^\d+ lỗi/);
    expect(Object.values(texts)).toContain(vi.resultsNotesHeading);
    expect(Object.values(texts)).toContain(note);
  });

  test("the command's sentences come from the i18n catalogue", async () => {
    const { fake, host } = setup();
    host.validate = async () => {
      throw new Error("x");
    };
    const { validateWorkbook } = await import("../../src/commands/commands");
    await validateWorkbook({ completed: jest.fn() }, host);
    expect(fake.texts(RESULTS_SHEET_NAME)).toMatchObject({ A1: vi.commandFailed, A2: expect.stringMatching(/^Lúc /), A3: "x", A4: vi.openPane });
  });

  test("feature names in 'not supported' come in the chosen language", async () => {
    const { fake } = setup({ supported: { ExcelApi: "1.0" } });
    const hostEn = createExcelHost({ excel: fake.Excel as unknown as typeof Excel, office: fake.Office as unknown as typeof Office, lang: "en" });
    const set = (await import("../../src/forms")).builtinTemplateSet();
    const [insertMsg, validateMsg] = [en.notSupported(en.features.insert, "1.1"), en.notSupported(en.features.validate, "1.1")];
    await expect(hostEn.insertForms(set, ["BM3"], {})).rejects.toThrow(insertMsg);
    await expect(hostEn.validate(set)).rejects.toThrow(validateMsg);
    await expect(hostEn.validate(set)).rejects.toThrow(/^This version of Excel does not support checking \(/);
    const hostVi = createExcelHost({ excel: fake.Excel as unknown as typeof Excel, office: fake.Office as unknown as typeof Office, lang: "vi" });
    await expect(hostVi.insertForms(set, ["BM3"], {})).rejects.toThrow(vi.notSupported("chèn biểu mẫu", "1.1"));
  });
});
