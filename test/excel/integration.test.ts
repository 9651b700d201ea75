/**
 * The adapter against the in-memory fake Excel: insert → type the Quảng Trị sample → Kiểm tra → write-back, with the
 * sync counts the issue requires. The fake throws PropertyNotLoaded for anything read without load + sync, so these
 * tests also prove the adapter's batching is real.
 */
import { HostError } from "../../src/excel/host";
import { excelText } from "../../src/i18n/excel";
import { CHECK_COLUMN_HEADER, RESULTS_SHEET_NAME } from "../../src/layout/names";
import { layoutOf, sampleRows, setup, typeSample } from "./helpers";

const vi = excelText("vi");
const sheetOf = (formId: string) => `Biểu mẫu ${formId.replace(/^BM/, "")}`;
const header = { unit: "Văn phòng UBND tỉnh Quảng Trị", reportNumber: "1125/BC-VP", reportDate: "14/6/2024", period: "6m" as const, year: 2024 };

async function insertedWithSample() {
  const ctx = setup();
  await ctx.host.insertForms(ctx.set, ctx.set.forms.map((f) => f.id), header);
  typeSample(ctx.fake, sheetOf);
  return ctx;
}

function resultsRowFor(texts: Record<string, string>, cell: string): number | null {
  for (const [addr, text] of Object.entries(texts)) if (addr.startsWith("C") && text === cell) return Number(addr.slice(1));
  return null;
}

describe("insert", () => {
  test("every form of the set in at most 2 syncs, laid out, tagged, typed and locked", async () => {
    const { fake, host, set } = setup();
    fake.resetSyncCount();
    const result = await host.insertForms(set, set.forms.map((f) => f.id), header);
    expect(fake.syncCount).toBeLessThanOrEqual(2);
    expect(result.sheets).toEqual(set.forms.map((f) => sheetOf(f.id)));
    expect(result.copies).toEqual([]);

    const layout = layoutOf("BM3");
    const snap = fake.snapshot();
    const sheet = snap.sheets.find((s) => s.name === "Biểu mẫu 3")!;
    expect(snap.names).toContainEqual(expect.objectContaining({ name: layout.tagName, reference: `'Biểu mẫu 3'!${layout.tableRange.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}` }));
    expect(sheet.merges).toEqual(expect.arrayContaining(layout.merges));
    expect(sheet.page).toMatchObject({ orientation: "Portrait", paperSize: "A4", printArea: expect.any(String) });

    // A count: unlocked, whole number ≥ 0 with a Vietnamese prompt.
    const count = sheet.cells[`D${layout.rowOfStt["3.1.1"] + 1}`];
    expect(count.format?.locked).toBe(false);
    expect(count.validation).toMatchObject({ type: "WholeNumber", operator: "GreaterThanOrEqualTo", formula1: 0 });
    expect(count.validation?.prompt?.message).toMatch(/số nguyên không âm/);
    // A rate: a live formula, locked (the default) and shaded; blank while its denominator is blank.
    const rate = sheet.cells[`D${layout.rowOfStt["3.2"] + 1}`];
    expect(rate.formula).toMatch(/^=IF\(OR\(D\d+="",D\d+=0\),"",IFERROR\(ROUND\(D\d+\/D\d+\*100,2\),""\)\)$/);
    expect(rate.value).toBe("");
    expect(rate.format?.locked).toBeUndefined();
    expect(rate.format?.fill).toBe("#E7EEF7");
    // A coded answer: a list of its codes.
    const bm1 = snap.sheets.find((s) => s.name === "Biểu mẫu 1")!;
    const code = bm1.cells[`D${layoutOf("BM1").rowOfStt["6"] + 1}`];
    expect(code.validation).toMatchObject({ type: "List", source: "0,1" });
  });

  test("the rate formula computes live as the clerk types, blank for a zero denominator", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, ["BM3"], {});
    const l = layoutOf("BM3");
    const row = (stt: string) => l.rowOfStt[stt] + 1;
    fake.setCellValue("Biểu mẫu 3", `D${row("3.2.1")}`, "10.099");
    fake.setCellValue("Biểu mẫu 3", `D${row("3.2.2")}`, "9.751");
    expect(fake.texts("Biểu mẫu 3")[`D${row("3.2")}`]).toBe("96,55");
    fake.setCellValue("Biểu mẫu 3", `D${row("3.2.1")}`, "0");
    expect(fake.texts("Biểu mẫu 3")[`D${row("3.2")}`]).toBeUndefined();
  });

  test("a form already in the workbook is never overwritten: a numbered second copy is added", async () => {
    const { fake, host, set } = await insertedWithSample();
    const before = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3");
    const again = await host.insertForms(set, ["BM3"], header);
    expect(again.sheets).toEqual(["Biểu mẫu 3 (2)"]);
    expect(again.copies).toEqual(["Biểu mẫu 3 (2)"]);
    const snap = fake.snapshot();
    expect(snap.sheets.find((s) => s.name === "Biểu mẫu 3")).toEqual(before);
    expect(snap.names.map((n) => n.name)).toContain(`${layoutOf("BM3").tagName}__2`);
  });

  test("data validation rejects a typed value that breaks it; pasting, as in Excel, does not", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, ["BM3"], {});
    const cell = `D${layoutOf("BM3").rowOfStt["3.1.1"] + 1}`;
    const typed = fake.setCellValue("Biểu mẫu 3", cell, "52,414");
    expect(typed).toMatchObject({ ok: false, message: expect.stringMatching(/số nguyên/) });
    expect(fake.texts("Biểu mẫu 3")[cell]).toBeUndefined();
    expect(fake.setCellValue("Biểu mẫu 3", cell, "52,414", { paste: true })).toEqual({ ok: true });
  });
});

describe("validate and write back", () => {
  test("the sample: BM3 3.2 rate error in the check column and the results sheet, in at most 4 syncs", async () => {
    const { fake, host, set } = await insertedWithSample();
    fake.resetSyncCount();
    const outcome = await host.validate(set);
    // Outline, sizes and tag bounds, cells (one piece for three forms), writes: src/excel/read.ts.
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    expect(outcome.counts.error).toBeGreaterThanOrEqual(1);
    const rateError = outcome.result.findings.find((f) => f.rule === "BM3.3.2.rate" && f.severity === "error");
    expect(rateError).toMatchObject({ sheet: "Biểu mẫu 3", cell: `D${layoutOf("BM3").rowOfStt["3.2"] + 1}` });

    const l = layoutOf("BM3");
    const bm3 = fake.texts("Biểu mẫu 3");
    expect(bm3[`F${l.headerRows[0] + 1}`]).toBe(CHECK_COLUMN_HEADER);
    expect(bm3[`F${l.rowOfStt["3.2"] + 1}`]).toMatch(/^✗ Tỷ lệ 98,57% không khớp với 9\.751 \/ 10\.099 × 100 = 96,55%/);
    expect(bm3[`F${l.rowOfStt["3.2"] + 1}`]).toMatch(/Tính từ số liệu: 96,55%/);
    expect(bm3[`F${l.rowOfStt["1.4"] + 1}`]).toBe("✓");
    const snap = fake.snapshot();
    const checkCell = snap.sheets.find((s) => s.name === "Biểu mẫu 3")!.cells[`F${l.rowOfStt["3.2"] + 1}`];
    expect(checkCell.format?.font?.color).toBe("#A80000");
    expect(checkCell.numberFormat).toBe("@");
    // The typed rate is kept as typed.
    expect(bm3[`D${l.rowOfStt["3.2"] + 1}`]).toBe("98,57%");

    const results = fake.texts(RESULTS_SHEET_NAME);
    expect(results.A2).toMatch(/^1 lỗi, \d+ cảnh báo, \d+ thông tin/);
    const at = resultsRowFor(results, `Biểu mẫu 3!D${l.rowOfStt["3.2"] + 1}`);
    expect(at).not.toBeNull();
    expect(results[`D${at}`]).toBe("Lỗi");
    expect(results[`F${at}`]).toBe("98,57%");
    expect(results[`G${at}`]).toBe("96,55");
    const link = snap.sheets.find((s) => s.name === RESULTS_SHEET_NAME)!.cells[`C${at}`];
    expect(link.hyperlink).toMatchObject({ documentReference: `'Biểu mẫu 3'!D${l.rowOfStt["3.2"] + 1}` });
    expect(link.formula).toBeUndefined();
    // Cross-form checks are listed with their result.
    expect(Object.values(results).some((t) => /6\.1\.1 \(Biểu mẫu 7\)/.test(t))).toBe(true);
  });

  test("validating twice gives the same workbook as validating once", async () => {
    const { fake, host, set } = await insertedWithSample();
    await host.validate(set);
    const once = fake.snapshot();
    await host.validate(set);
    expect(fake.snapshot()).toEqual(once);
  });

  test("clearing removes only what validate wrote: the user's data is exactly as it was", async () => {
    const { fake, host, set } = await insertedWithSample();
    const before = fake.snapshot();
    await host.validate(set);
    expect(fake.snapshot()).not.toEqual(before);
    fake.resetSyncCount();
    await host.clearChecks(set);
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    // Every sheet as it was; the results sheet stays (undo history) and only says the results were cleared.
    const after = fake.snapshot();
    expect({ ...after, sheets: after.sheets.filter((s) => s.name !== RESULTS_SHEET_NAME) }).toEqual(before);
    expect(Object.keys(fake.texts(RESULTS_SHEET_NAME))).toEqual(["A1"]);
  });

  test("a blank rate cell gets its live formula back", async () => {
    const { fake, host, set } = await insertedWithSample();
    const l = layoutOf("BM7");
    const cell = `D${l.rowOfStt["6.2"] + 1}`;
    fake.setCellValue("Biểu mẫu 7", cell, "79,92");
    fake.setCellValue("Biểu mẫu 7", cell, "");
    expect(fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 7")!.cells[cell]?.formula).toBeUndefined();
    await host.validate(set);
    const after = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 7")!.cells[cell];
    expect(after.formula).toMatch(/^=IF\(OR\(/);
    expect(fake.texts("Biểu mẫu 7")[cell]).toBe("79,92");
  });

  test("a sheet renamed and rows inserted inside the table are still found through the tag", async () => {
    const { fake, host, set } = await insertedWithSample();
    fake.book.renameSheet("Biểu mẫu 3", "TTHC 6 tháng");
    const l = layoutOf("BM3");
    fake.book.insertRows("TTHC 6 tháng", l.rowOfStt["2"], 2);
    fake.book.moveSheet("TTHC 6 tháng", 0);
    const outcome = await host.validate(set);
    const form = outcome.recognition.forms.find((f) => f.formId === "BM3")!;
    expect(form).toMatchObject({ sheet: "TTHC 6 tháng", tagged: true });
    const cell = `D${l.rowOfStt["3.2"] + 3}`;
    expect(outcome.result.findings).toContainEqual(expect.objectContaining({ rule: "BM3.3.2.rate", sheet: "TTHC 6 tháng", cell }));
    expect(fake.texts("TTHC 6 tháng")[`F${l.rowOfStt["3.2"] + 3}`]).toMatch(/^✗/);
    const listed = await host.listForms(set);
    expect(listed).toContainEqual({ formId: "BM3", sheet: "TTHC 6 tháng", tagged: true, templateSet: expect.any(String) });
  });

  test("deleted rows: the form is still checked and the missing row is reported, never a crash", async () => {
    const { fake, host, set } = await insertedWithSample();
    const l = layoutOf("BM1");
    fake.book.deleteRows("Biểu mẫu 1", l.rowOfStt["7"], 1);
    const outcome = await host.validate(set);
    expect(outcome.recognition.forms.map((f) => f.formId)).toContain("BM1");
    expect(outcome.result.findings).toContainEqual(expect.objectContaining({ form: "BM1", check: "form.row_missing", stt: "7" }));
  });

  test("a deleted form sheet leaves a broken tag: a Vietnamese note, and the other forms are checked", async () => {
    const { fake, host, set } = await insertedWithSample();
    fake.book.deleteSheet("Biểu mẫu 1");
    const outcome = await host.validate(set);
    expect(outcome.notes).toContain(vi.tagBroken(layoutOf("BM1").tagName!));
    expect(outcome.recognition.forms.map((f) => f.formId).sort()).toEqual(["BM3", "BM7"]);
  });

  test("a protected sheet is left as it is, with a note; the results sheet still lists its findings", async () => {
    const { fake, host, set } = await insertedWithSample();
    fake.book.protectSheet("Biểu mẫu 3");
    const before = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3");
    const outcome = await host.validate(set);
    expect(outcome.notes).toContain(vi.protectedSheet("Biểu mẫu 3"));
    expect(fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")).toEqual(before);
    expect(Object.values(fake.texts(RESULTS_SHEET_NAME)).some((t) => /^Tỷ lệ 98,57% không khớp/.test(t))).toBe(true);
    // Typing into an unlocked input cell of the protected sheet still works; a locked cell refuses.
    expect(fake.setCellValue("Biểu mẫu 3", `D${layoutOf("BM3").rowOfStt["1.1"] + 1}`, "5")).toEqual({ ok: true });
    expect(() => fake.setCellValue("Biểu mẫu 3", "B1", "x")).toThrow(/protected/);
  });

  test("clearing with a protected sheet clears the rest and says which sheet was left", async () => {
    const { fake, host, set } = await insertedWithSample();
    await host.validate(set);
    fake.book.protectSheet("Biểu mẫu 7");
    await expect(host.clearChecks(set)).rejects.toThrow(vi.protectedSheetsNotCleared(["Biểu mẫu 7"]));
    // The results sheet stays (deleting it would clear the undo history) and says that the results were cleared.
    expect(fake.texts(RESULTS_SHEET_NAME).A1).toMatch(/^Đã xóa kết quả kiểm tra lúc \d\d:\d\d ngày /);
    expect(fake.texts("Biểu mẫu 3")[`F${layoutOf("BM3").headerRows[0] + 1}`]).toBeUndefined();
  });

  test("merged cells across the check column give a clear HostError, not a crash", async () => {
    const { fake, host, set } = await insertedWithSample();
    const l = layoutOf("BM3");
    const proxyRun = fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Biểu mẫu 3").getRange(`F${l.rowOfStt["1.2"] + 1}:F${l.rowOfStt["1.3"] + 1}`).merge(false);
      await ctx.sync();
    });
    await proxyRun;
    const err = await host.validate(set).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).message).toBe(vi.invalidOperation);
  });

  test("text that reads like a formula is written back as text, never as a formula", async () => {
    const { fake, host, set } = await insertedWithSample();
    const l = layoutOf("BM3");
    const cell = `D${l.rowOfStt["1.1"] + 1}`;
    const evil = '=HYPERLINK("http://example.invalid","bấm vào đây")';
    fake.setCellValue("Biểu mẫu 3", cell, `'${evil}`, { paste: true });
    await host.validate(set);
    const snap = fake.snapshot();
    const results = snap.sheets.find((s) => s.name === RESULTS_SHEET_NAME)!;
    const hits = Object.entries(results.cells).filter(([, c]) => c.value === evil || (typeof c.value === "string" && c.value.includes(evil)));
    expect(hits.length).toBeGreaterThan(0);
    for (const [, c] of hits) {
      expect(c.formula).toBeUndefined();
      expect(c.numberFormat).toBe("@");
    }
    for (const s of snap.sheets) for (const c of Object.values(s.cells)) expect(c.formula ?? "").not.toMatch(/HYPERLINK/i);
  });

  test("a table pasted by hand (no tag, elsewhere on a sheet) is recognised and checked", async () => {
    const { fake, host, set } = setup();
    const sheet = "Dán từ huyện";
    fake.book.addSheet(sheet);
    const rows = sampleRows().filter((r) => r.form === "BM3");
    fake.setCellValue(sheet, "B3", "STT");
    fake.setCellValue(sheet, "C3", "Chỉ tiêu thống kê");
    fake.setCellValue(sheet, "D3", "Đơn vị tính");
    fake.setCellValue(sheet, "E3", "Số liệu");
    fake.setCellValue(sheet, "F3", "Ghi chú");
    rows.forEach((r, i) => {
      const row = 4 + i;
      fake.setCellValue(sheet, `B${row}`, `'${r.stt}`);
      fake.setCellValue(sheet, `C${row}`, r.text);
      fake.setCellValue(sheet, `D${row}`, r.unit);
      if (r.value) fake.setCellValue(sheet, `E${row}`, r.value);
      if (r.note) fake.setCellValue(sheet, `F${row}`, r.note);
    });
    const outcome = await host.validate(set);
    const form = outcome.recognition.forms.find((f) => f.sheet === sheet);
    expect(form).toMatchObject({ formId: "BM3", tagged: false });
    const rateRow = 4 + rows.findIndex((r) => r.stt.startsWith("3.2") && r.stt.length <= 4);
    expect(outcome.result.findings).toContainEqual(expect.objectContaining({ rule: "BM3.3.2.rate", cell: `E${rateRow}` }));
    expect(fake.texts(sheet)[`G${rateRow}`]).toMatch(/^✗/);
  });
});

describe("report copies, selection, settings, capabilities", () => {
  test("report copies: no check column, no shading, Times New Roman 13, the clerk's values; not read as forms", async () => {
    const { fake, host, set } = await insertedWithSample();
    await host.validate(set);
    fake.resetSyncCount();
    const made = await host.makeReportCopies(set);
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    expect(made).toEqual(["Biểu mẫu 1 (bản in)", "Biểu mẫu 3 (bản in)", "Biểu mẫu 7 (bản in)"]);
    const l = layoutOf("BM3");
    const copy = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3 (bản in)")!;
    const texts = fake.texts("Biểu mẫu 3 (bản in)");
    expect(texts[`D${l.rowOfStt["3.2"] + 1}`]).toBe("98,57%");
    expect(texts[`D${l.rowOfStt["3.1"] + 1}`]).toBe("99,69%");
    expect(texts.A4).toMatch(/1125\/BC-VP/);
    expect(Object.keys(texts).some((a) => a.startsWith("F"))).toBe(false);
    const cellsWithFill = Object.values(copy.cells).filter((c) => c.format?.fill);
    expect(cellsWithFill).toEqual([]);
    expect(copy.cells[`B${l.rowOfStt["3.2"] + 1}`].format?.font).toMatchObject({ name: "Times New Roman", size: 13 });
    expect(copy.page.printArea).toBe(`$A$1:$E$${l.printArea.split(":")[1].replace(/\D/g, "")}`);
    const again = await host.validate(set);
    expect(again.recognition.forms.map((f) => f.sheet)).not.toContain("Biểu mẫu 3 (bản in)");
  });

  test("selectCell activates the sheet and selects the cell; a missing sheet is a Vietnamese HostError", async () => {
    const { fake, host, set } = await insertedWithSample();
    fake.resetSyncCount();
    await host.selectCell("Biểu mẫu 3", "D25");
    expect(fake.syncCount).toBe(1);
    expect(fake.book.selection).toEqual({ sheetId: fake.book.sheet("Biểu mẫu 3").id, address: "D25" });
    expect(fake.book.activeSheetId).toBe(fake.book.sheet("Biểu mẫu 3").id);
    await expect(host.selectCell("Không có", "A1")).rejects.toThrow(vi.sheetNotFound("Không có"));
    void set;
  });

  test("the template set is kept in the document settings and found again when the workbook is reopened", async () => {
    const { fake, host } = setup();
    expect(await host.loadStoredTemplateSet()).toBeNull();
    await host.storeTemplateSet('{"template_set":"X"}');
    const reopened = setup({ book: fake.book });
    expect(await reopened.host.loadStoredTemplateSet()).toBe('{"template_set":"X"}');
    await reopened.host.storeTemplateSet(null);
    expect(await setup({ book: fake.book }).host.loadStoredTemplateSet()).toBeNull();
  });

  test("an older Excel: features it lacks are skipped with a Vietnamese note, the rest works", async () => {
    const { fake, host, set } = setup({ supported: { ExcelApi: "1.4" } });
    expect(host.capabilities()).toEqual({ insert: true, validate: true, dataValidation: false, tags: true, settings: true, hyperlinks: false });
    const inserted = (await host.insertForms(set, set.forms.map((f) => f.id), {})) as { notes?: string[] };
    expect(inserted.notes).toEqual(expect.arrayContaining([vi.skippedDataValidation, vi.skippedPageLayout]));
    const sheet = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")!;
    expect(Object.values(sheet.cells).some((c) => c.validation)).toBe(false);
    typeSample(fake, sheetOf);
    const outcome = await host.validate(set);
    expect(outcome.notes).toContain(vi.skippedHyperlinks);
    const results = fake.snapshot().sheets.find((s) => s.name === RESULTS_SHEET_NAME)!;
    expect(Object.values(results.cells).some((c) => c.hyperlink)).toBe(false);
  });

  test("no Office at all: a Vietnamese HostError, not a TypeError", async () => {
    const { createExcelHost } = await import("../../src/excel/adapter");
    const host = createExcelHost({ excel: {} as typeof Excel, office: undefined, lang: "vi" });
    await expect(host.validate({} as never)).rejects.toThrow(HostError);
  });
});
