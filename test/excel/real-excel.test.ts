/**
 * Where real Excel is stricter than a kind fake (issue #9), one block per item: the fake refuses what Excel refuses
 * (src/fake-excel/strict.ts), and the add-in copes with it. All against the in-memory fake.
 */
import { validateWorkbook, templateSetFor } from "../../src/commands/commands";
import { createExcelHost, TEMPLATE_SET_SETTING } from "../../src/excel/adapter";
import { HostError } from "../../src/excel/host";
import { createFakeHost, installFake, PAYLOAD_LIMIT } from "../../src/fake-excel";
import { builtinTemplateSet } from "../../src/forms";
import { normaliseStt } from "../../src/forms/stt";
import { excelText } from "../../src/i18n/excel";
import { a1 } from "../../src/layout/a1";
import { RESULTS_SHEET_NAME } from "../../src/layout/names";
import { TEMPLATE_SET_NAMESPACE } from "../../src/excel/template-store";
import { layoutOf, sampleRows, setup, typeSample } from "./helpers";

const vi = excelText("vi");
const sheetOf = (formId: string) => `Biểu mẫu ${formId.replace(/^BM/, "")}`;
const header = { unit: "Văn phòng UBND tỉnh Quảng Trị", reportNumber: "1125/BC-VP", reportDate: "14/6/2024", period: "6m" as const, year: 2024 };
const at = new Date(2026, 10, 30, 9, 5);
const codeOf = (e: unknown) => (e as { code?: string }).code;

async function inserted(options: Parameters<typeof setup>[0] = {}) {
  const ctx = setup(options);
  await ctx.host.insertForms(ctx.set, ctx.set.forms.map((f) => f.id), header);
  return ctx;
}

describe("1. a cell in edit mode", () => {
  test("the fake fails every batch with InvalidOperationInCellEditMode, and writes nothing", async () => {
    const { fake } = setup();
    fake.book.startCellEdit();
    const err = await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(err)).toBe("InvalidOperationInCellEditMode");
    expect(fake.texts("Sheet1")).toEqual({});
  });

  test("an Excel without delayForCellEdit (ExcelApi 1.10): the clerk is told to press Enter or Esc, nothing is written", async () => {
    const { fake, host, set } = await inserted({ supported: { ExcelApi: "1.10" } });
    typeSample(fake, sheetOf);
    const before = fake.snapshot();
    fake.book.startCellEdit();
    const err = await host.validate(set).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toBe("Hãy nhấn Enter hoặc Esc để kết thúc ô đang sửa, rồi bấm Kiểm tra lại.");
    expect(fake.snapshot()).toEqual(before);
  });

  test("from ExcelApi 1.11 the check waits for the edit to end (delayForCellEdit), then runs and says when", async () => {
    const { fake, set } = await inserted();
    typeSample(fake, sheetOf);
    const host = createExcelHost({ now: () => at });
    fake.book.startCellEdit();
    let done = false;
    const running = host.validate(set).then((o) => ((done = true), o));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    fake.book.endCellEdit();
    const outcome = await running;
    expect(outcome.checkedAt).toEqual(at);
    expect(fake.texts(RESULTS_SHEET_NAME).A1).toBe("KẾT QUẢ KIỂM TRA BIỂU MẪU CCHC — Kiểm tra lúc 09:05 ngày 30/11/2026");
  });
});

describe("2. Excel on the web's 5 MB limit", () => {
  /** A 5000 × 60 sheet of text (~12 MB as values, more with text and formulas). */
  function bigSheet(fake: ReturnType<typeof setup>["fake"]): void {
    const s = fake.book.addSheet("Dữ liệu gốc");
    const grid = Array.from({ length: 5000 }, (_, r) => Array.from({ length: 60 }, (_, c) => `Hồ sơ ${r}-${c} của ông Nguyễn Văn A`));
    fake.book.write(s, { r1: 0, c1: 0, r2: 4999, c2: 59 }, grid, false);
  }

  test("the fake refuses a response or a request over 5 MB", async () => {
    const { fake } = setup();
    bigSheet(fake);
    const read = await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Dữ liệu gốc").getRange("A1:BH5000");
      r.load("values");
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(read)).toBe("ResponsePayloadSizeLimitExceeded");
    const big = [[("x".repeat(1000) + " ").repeat(Math.ceil(PAYLOAD_LIMIT / 1000))]];
    const write = await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = big;
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(write)).toBe("RequestPayloadSizeLimitExceeded");
  });

  test("the add-in reads a 5000 × 60 text sheet beside the forms in pieces and still finds the BM3 3.2 error", async () => {
    const { fake, host, set } = await inserted();
    typeSample(fake, sheetOf);
    bigSheet(fake);
    const outcome = await host.validate(set);
    expect(outcome.result.findings).toContainEqual(expect.objectContaining({ rule: "BM3.3.2.rate", severity: "error" }));
    expect(outcome.recognition.forms.map((f) => f.sheet).sort()).toEqual(["Biểu mẫu 1", "Biểu mẫu 3", "Biểu mẫu 7"]);
  });

  test("the message for a row too large for one request never tells the clerk to delete sheets", () => {
    expect(vi.tooLarge).not.toMatch(/xóa|xoá/i);
    expect(excelText("en").tooLarge).not.toMatch(/remove|delete/i);
  });
});

describe("3. undo history", () => {
  test("re-checking and clearing update the results sheet in place: no sheet added, deleted or renamed after the first check", async () => {
    const { fake, host, set } = await inserted();
    typeSample(fake, sheetOf);
    await host.validate(set);
    const id = fake.book.sheetByName(RESULTS_SHEET_NAME)!.id;
    const clears = fake.book.undoClears;
    await host.validate(set);
    await host.clearChecks(set);
    await host.validate(set);
    expect(fake.book.undoClears).toBe(clears);
    expect(fake.book.sheetByName(RESULTS_SHEET_NAME)!.id).toBe(id);
  });

  test("a re-check leaves no line of the previous, longer results behind", async () => {
    const { fake, host, set } = await inserted();
    typeSample(fake, sheetOf);
    await host.validate(set);
    const long = Object.keys(fake.texts(RESULTS_SHEET_NAME)).length;
    // The forms emptied: the next check has far fewer lines, and none of the old ones may stay.
    for (const name of ["Biểu mẫu 1", "Biểu mẫu 3", "Biểu mẫu 7"]) fake.book.sheet(name).cells.clear();
    const host2 = createExcelHost();
    await host2.validate(set);
    expect(Object.keys(fake.texts(RESULTS_SHEET_NAME)).length).toBeLessThan(long);
  });
});

describe("4. manual calculation", () => {
  /** Types the sample's counts only; the add-in's own rate formulas are left to compute the rates. */
  function typeCounts(fake: ReturnType<typeof setup>["fake"]): void {
    for (const row of sampleRows()) {
      const layout = layoutOf(row.form);
      const stt = normaliseStt(row.stt);
      const r = stt === null ? undefined : layout.rowOfStt[stt];
      if (r === undefined || row.value === "") continue;
      const cell = layout.cells.find((c) => c.row === r && c.col === layout.columns.value);
      if (cell?.formula !== undefined) continue;
      fake.setCellValue(sheetOf(row.form), a1(r, layout.columns.value), row.value, { paste: true });
    }
  }
  const rateCell = () => {
    const l = layoutOf("BM3");
    return a1(l.rowOfStt["3.2"], l.columns.value);
  };

  test("the fake keeps stale formula values until calculate(); the add-in recalculates, says so, and finds what automatic mode finds", async () => {
    const auto = await inserted();
    typeCounts(auto.fake);
    const expected = await auto.host.validate(auto.set);

    const manual = await inserted();
    manual.fake.book.setCalculationMode("Manual");
    typeCounts(manual.fake);
    const stale = manual.fake.texts("Biểu mẫu 3")[rateCell()];
    expect(stale).not.toBe(auto.fake.texts("Biểu mẫu 3")[rateCell()]);
    const outcome = await manual.host.validate(manual.set);
    expect(outcome.notes).toContain(vi.manualCalculation);
    expect(outcome.result.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual(expected.result.findings.map((f) => [f.rule, f.severity, f.cell]));
    expect(manual.fake.book.calculationMode).toBe("Manual");
  });
});

describe("5. the template set travels with the workbook", () => {
  const officeSet = () => ({ ...builtinTemplateSet(), template_set: "SO-NOI-VU-2025" });

  test("stored in a custom XML part, read back after reopening, and by the ribbon command", async () => {
    const { fake, host } = setup();
    const json = JSON.stringify(officeSet());
    await host.storeTemplateSet(json);
    expect(fake.book.customXmlParts).toHaveLength(1);
    expect(fake.book.customXmlParts[0].xml).toContain(`xmlns="${TEMPLATE_SET_NAMESPACE}"`);
    const reopened = createFakeHost({ book: fake.book });
    installFake(reopened);
    const host2 = createExcelHost();
    expect(await host2.loadStoredTemplateSet()).toBe(json);
    expect((await templateSetFor(host2)).set.template_set).toBe("SO-NOI-VU-2025");
    await host2.storeTemplateSet(null);
    expect(fake.book.customXmlParts).toHaveLength(0);
    expect(await host2.loadStoredTemplateSet()).toBeNull();
  });

  test("a set an earlier version kept in the document settings is still read, and moved into the part", async () => {
    const { fake } = setup();
    const json = JSON.stringify(officeSet());
    fake.book.settings.set(TEMPLATE_SET_SETTING, json);
    const reopened = createFakeHost({ book: fake.book });
    installFake(reopened);
    const host = createExcelHost();
    expect(await host.loadStoredTemplateSet()).toBe(json);
    await host.storeTemplateSet(json);
    expect(fake.book.settings.has(TEMPLATE_SET_SETTING)).toBe(false);
    expect(await host.loadStoredTemplateSet()).toBe(json);
  });

  test("a form tagged by another set than the one in use gets a warning", async () => {
    const { fake, host } = setup();
    await host.insertForms(officeSet(), officeSet().forms.map((f) => f.id), header, { loadedSet: true });
    typeSample(fake, sheetOf);
    const outcome = await host.validate(builtinTemplateSet());
    expect(outcome.notes.some((n) => n.startsWith("Trang “Biểu mẫu 3” được chèn theo bộ biểu mẫu “SO_NOI_VU_2025”"))).toBe(true);
  });

  test("an unusable stored set is never replaced by the built-in one silently: the ribbon's results sheet says so", async () => {
    const { fake, host } = await inserted();
    await host.storeTemplateSet("{ không phải JSON");
    await validateWorkbook({ completed: jest.fn() }, host);
    expect(Object.values(fake.texts(RESULTS_SHEET_NAME)).some((t) => t.startsWith("Bộ biểu mẫu lưu trong sổ tính không hợp lệ"))).toBe(true);
  });
});

describe("6. protection", () => {
  test("Protect Workbook: inserting and report copies are refused before anything is written, and say why", async () => {
    const { fake, host, set } = await inserted();
    typeSample(fake, sheetOf);
    fake.book.structureProtected = true;
    const before = fake.snapshot();
    await expect(host.insertForms(set, ["BM1"], header)).rejects.toThrow(vi.structureBlocksInsert);
    await expect(host.makeReportCopies(set)).rejects.toThrow(vi.structureBlocksCopies);
    expect(fake.snapshot()).toEqual(before);
  });

  test("Protect Workbook with no results sheet yet: the check columns are written, the pane gets the findings and the reason", async () => {
    const { fake, host, set } = await inserted();
    typeSample(fake, sheetOf);
    fake.book.structureProtected = true;
    const outcome = await host.validate(set);
    expect(outcome.notes).toContain(vi.structureBlocksResults);
    expect(fake.book.sheetByName(RESULTS_SHEET_NAME)).toBeUndefined();
    expect(outcome.result.findings).toContainEqual(expect.objectContaining({ rule: "BM3.3.2.rate", severity: "error" }));
  });

  test("Protect Workbook with a results sheet already there: it is updated in place", async () => {
    const { fake, host, set } = await inserted();
    typeSample(fake, sheetOf);
    await host.validate(set);
    fake.book.structureProtected = true;
    const outcome = await host.validate(set);
    expect(outcome.notes).not.toContain(vi.structureBlocksResults);
    expect(fake.texts(RESULTS_SHEET_NAME).A1).toMatch(/^KẾT QUẢ KIỂM TRA BIỂU MẪU CCHC — Kiểm tra lúc \d\d:\d\d/);
  });

  test("a protected results sheet is left as it is, and the note says which sheet", async () => {
    const { fake, host, set } = await inserted();
    typeSample(fake, sheetOf);
    await host.validate(set);
    fake.book.protectSheet(RESULTS_SHEET_NAME);
    const outcome = await host.validate(set);
    expect(outcome.notes).toContain(vi.resultsSheetProtected(RESULTS_SHEET_NAME));
  });
});

describe("7. errors by code, never by their localised message", () => {
  test("a Vietnamese Office's message is not matched; the code decides", async () => {
    const { toHostError } = await import("../../src/excel/errors");
    const err = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(toHostError(err("InvalidOperationInCellEditMode", "Excel đang ở chế độ sửa ô."), vi).message).toBe(vi.cellEditMode);
    expect(toHostError(err("InvalidOperation", "Không thể thay đổi một phần của ô đã phối."), vi).message).toBe(vi.invalidOperation);
    // A message that happens to say "merge" or "protect" under another code is not read as such.
    expect(toHostError(err("GeneralException", "merge protect"), vi).message).toBe(vi.generic("GeneralException", "merge protect"));
    expect(toHostError(err("ApiNotFound", "…"), vi).message).toBe(vi.apiNotFound);
  });
});

describe("8. requirement sets", () => {
  test("the fake refuses members above the ExcelApi version it claims", async () => {
    const { fake } = setup({ supported: { ExcelApi: "1.4" } });
    const err = await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A:A").format.useStandardWidth = true;
      await ctx.sync();
    }).catch((e: unknown) => e);
    expect(codeOf(err)).toBe("ApiNotFound");
  });

  test("on the manifest's minimum (ExcelApi 1.4) every command runs without ApiNotFound", async () => {
    const { fake, host, set } = await inserted({ supported: { ExcelApi: "1.4" } });
    typeSample(fake, sheetOf);
    const outcome = await host.validate(set);
    expect(outcome.result.findings).toContainEqual(expect.objectContaining({ rule: "BM3.3.2.rate", severity: "error" }));
    await host.clearChecks(set);
    await host.makeReportCopies(set);
    await host.storeTemplateSet(JSON.stringify(set));
    expect(await host.loadStoredTemplateSet()).toBe(JSON.stringify(set));
  });
});

describe("9. the ribbon command without the pane", () => {
  test("when nothing can be written (a cell being edited on ExcelApi 1.10), a dialog says why, with its time", async () => {
    const { fake, host } = await inserted({ supported: { ExcelApi: "1.10" } });
    fake.book.startCellEdit();
    const completed = jest.fn();
    await validateWorkbook({ completed }, host);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.Office.dialogs).toHaveLength(1);
    const text = decodeURIComponent(fake.Office.dialogs[0].split("#")[1]);
    expect(text.split("\n")).toEqual([vi.commandFailed, expect.stringMatching(/^Lúc \d\d:\d\d ngày/), vi.cellEditMode, vi.openPane]);
    expect(fake.book.sheetByName(RESULTS_SHEET_NAME)).toBeUndefined();
  });

  test("Protect Workbook and no results sheet: the check columns are written and a dialog gives the reason", async () => {
    const { fake, host } = await inserted();
    typeSample(fake, sheetOf);
    fake.book.structureProtected = true;
    await validateWorkbook({ completed: jest.fn() }, host);
    expect(decodeURIComponent(fake.Office.dialogs[0].split("#")[1])).toContain(vi.structureBlocksResults);
  });
});

describe("2b. the active sheet read for learning stays under 5 MB too", () => {
  test("a 5000 × 60 text sheet as the active sheet is read in pieces, without a payload error", async () => {
    const { fake, host } = setup();
    const s = fake.book.sheet("Sheet1");
    const grid = Array.from({ length: 5000 }, (_, r) => Array.from({ length: 60 }, (_, c) => `Hồ sơ ${r}-${c} của ông Nguyễn Văn A`));
    fake.book.write(s, { r1: 0, c1: 0, r2: 4999, c2: 59 }, grid, false);
    const read = await host.readActiveSheet();
    expect(read?.cells).toHaveLength(5000);
    expect(read?.cells[4999]?.[59]?.value).toBe("Hồ sơ 4999-59 của ông Nguyễn Văn A");
  });
});
