/** The fake behaves like Office.js where the adapter depends on it: load/sync, deferred errors, formulas, display. */
import { compileFormula, createFakeHost, excelRound, formatNumber, type FakeHost } from "../../src/fake-excel";

const RATE = '=IF(OR(D9="",D9=0),"",IFERROR(ROUND(D11/D10*100,2),""))';

function withCells(cells: Record<string, string>): FakeHost {
  const fake = createFakeHost();
  for (const [a, v] of Object.entries(cells)) fake.setCellValue("Sheet1", a, v);
  return fake;
}

describe("load and sync", () => {
  test("a property is readable only after load() and sync(), as in Office.js", async () => {
    const fake = withCells({ A1: "5" });
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => r.values).toThrow(/not available/);
      r.load("values");
      expect(() => r.values).toThrow(/not available/);
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      expect(() => r.text).toThrow(/not available/);
    });
  });

  test("an error surfaces at sync and the rest of the batch is not carried out", async () => {
    const fake = createFakeHost();
    fake.resetSyncCount();
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Không có").getRange("A1").values = [[1]];
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(fake.texts("Sheet1")).toEqual({});
    expect(fake.syncCount).toBe(1);
  });

  test("Excel.run syncs once more at its end only when something is still queued", async () => {
    const fake = createFakeHost();
    fake.resetSyncCount();
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
    });
    expect(fake.syncCount).toBe(1);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["y"]];
      await ctx.sync();
    });
    expect(fake.syncCount).toBe(2);
  });

  test("null objects: an empty sheet has no used range; a missing sheet is a null object", async () => {
    const fake = createFakeHost();
    await fake.Excel.run(async (ctx) => {
      const used = ctx.workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true);
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Không có");
      await ctx.sync();
      expect(used.isNullObject).toBe(true);
      expect(missing.isNullObject).toBe(true);
    });
  });

  test("writing: '=…' into a Text cell stays text; a number-looking string becomes a number; null leaves a cell", async () => {
    const fake = createFakeHost();
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1").numberFormat = [["@"]];
      ws.getRange("A1:C1").values = [["=HYPERLINK(\"x\")", "123", null]];
      ws.getRange("C1").values = [["giữ"]];
      ws.getRange("A1:C1").values = [[null, null, null]];
      await ctx.sync();
    });
    const cells = fake.snapshot().sheets[0].cells;
    expect(cells.A1).toEqual({ value: '=HYPERLINK("x")', numberFormat: "@" });
    expect(cells.B1).toEqual({ value: 123 });
    expect(cells.C1).toEqual({ value: "giữ" });
  });
});

describe("formulas", () => {
  const evalWith = (cells: Record<string, string>, formula: string) => {
    const fake = withCells({ ...cells, D12: formula });
    return fake.book.valueOut(fake.book.sheet("Sheet1"), 11, 3);
  };

  test("happy path: the product's rate formula", () => {
    expect(evalWith({ D9: "1", D10: "10.099", D11: "9.751" }, RATE.replace(/D9/g, "D10"))).toBe(96.55);
    expect(evalWith({ D9: "29", D10: "29", D11: "16" }, RATE)).toBe(55.17);
  });

  test("blank or zero denominator gives blank, never #DIV/0!", () => {
    expect(evalWith({}, RATE)).toBe("");
    expect(evalWith({ D9: "0", D10: "0", D11: "5" }, RATE)).toBe("");
    expect(evalWith({ D9: "5", D10: "0", D11: "5" }, RATE)).toBe("");
    expect(evalWith({ D9: "5" }, "=D11/D10")).toBe("#DIV/0!");
  });

  test("Excel's ROUND: half away from zero on the 15-digit value", () => {
    expect(excelRound((2675 / 100000) * 100, 2)).toBe(2.68);
    expect(excelRound((1 / 32) * 100, 2)).toBe(3.13);
    expect(excelRound((201 / 20000) * 100, 2)).toBe(1.01);
    expect(excelRound(-2.5, 0)).toBe(-3);
  });

  test("errors propagation and unknown functions", () => {
    expect(evalWith({ D10: "abc" }, "=D10*2")).toBe("#VALUE!");
    expect(evalWith({ D10: "abc" }, '=IFERROR(D10*2,"x")')).toBe("x");
    expect(evalWith({}, "=VLOOKUP(1,A1:B2,2)")).toBe("#NAME?");
    expect(evalWith({}, "=1+")).toBe("#NAME?");
    expect(evalWith({ A1: "1", A2: "2", A3: "x" }, "=SUM(A1:A3)&\"!\"")).toBe("3!");
    const compiled = compileFormula('=IF(A1="","trống","có")');
    expect(compiled(() => null)).toBe("trống");
  });

  test("inserting rows moves same-sheet references; deleting the referenced rows gives #REF!", () => {
    const fake = withCells({ D9: "29", D10: "29", D11: "16", D12: RATE });
    fake.book.insertRows("Sheet1", 9, 2);
    const moved = fake.snapshot().sheets[0].cells.D14;
    expect(moved.formula).toBe('=IF(OR(D9="",D9=0),"",IFERROR(ROUND(D13/D12*100,2),""))');
    expect(moved.value).toBe(55.17);
    fake.book.deleteRows("Sheet1", 12, 1);
    expect(fake.snapshot().sheets[0].cells.D13.formula).toContain("#REF!");
  });
});

describe("display text and names", () => {
  test("vi-VN and en-US separators for the formats the product and clerks use", () => {
    expect(formatNumber(0.9969, "0.00%", "vi-VN")).toBe("99,69%");
    expect(formatNumber(59789, "#,##0", "vi-VN")).toBe("59.789");
    expect(formatNumber(55.17, "General", "vi-VN")).toBe("55,17");
    expect(formatNumber(55.17, "General", "en-US")).toBe("55.17");
    expect(formatNumber(96.5, "0.00", "vi-VN")).toBe("96,50");
    expect(formatNumber(17, "#,##0.##", "vi-VN")).toBe("17,");
    expect(formatNumber(1081.5, "#,##0.##", "en-US")).toBe("1,081.5");
  });

  test("typing goes through the engine's reading of vi-VN input", () => {
    const fake = withCells({ A1: "1.081", A2: "99,69%", A3: "55,17", A4: "Có" });
    expect(fake.texts("Sheet1")).toEqual({ A1: "1.081", A2: "99,69%", A3: "55,17", A4: "Có" });
    expect(fake.snapshot().sheets[0].cells.A2).toEqual({ value: 0.9969, numberFormat: "0.00%" });
  });

  test("a defined name follows its sheet's rename and inserted rows, and breaks when the sheet is deleted", async () => {
    const fake = createFakeHost({ sheets: ["Sheet1", "Biểu mẫu 3"] });
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.names.add("BieuMau_BM3_X", ctx.workbook.worksheets.getItem("Biểu mẫu 3").getRange("A7:E40"));
      await ctx.sync();
    });
    fake.book.renameSheet("Biểu mẫu 3", "TTHC");
    fake.book.insertRows("TTHC", 10, 3);
    expect(fake.snapshot().names).toEqual([{ name: "BieuMau_BM3_X", reference: "TTHC!$A$7:$E$43" }]);
    fake.book.deleteSheet("TTHC");
    await fake.Excel.run(async (ctx) => {
      const n = ctx.workbook.names.getItem("BieuMau_BM3_X");
      n.load("type,value");
      const r = n.getRangeOrNullObject();
      await ctx.sync();
      expect(n.type).toBe("Error");
      expect(r.isNullObject).toBe(true);
    });
  });

  test("a protected sheet refuses writes to locked cells at sync", async () => {
    const fake = createFakeHost();
    fake.book.protectSheet("Sheet1");
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });
});

describe("used part of a range, intersections, payload limit (what validate's read window relies on)", () => {
  test("Range.getUsedRangeOrNullObject / getUsedRange / getIntersection behave as in Office.js", async () => {
    const fake = withCells({ B3: "1", CA6000: "x" });
    await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      const inWindow = ws.getRange("A1:BH5000").getUsedRangeOrNullObject(true);
      inWindow.load("address,values");
      const none = ws.getRange("D1:E2").getUsedRangeOrNullObject(true);
      const whole = ws.getUsedRange(true);
      whole.load("address,rowCount,columnCount");
      const cut = whole.getIntersection("A1:BH5000");
      cut.load("address");
      await ctx.sync();
      expect(inWindow.isNullObject).toBe(false);
      expect(inWindow.address).toBe("Sheet1!B3");
      expect(inWindow.values).toEqual([[1]]);
      expect(none.isNullObject).toBe(true);
      expect(whole).toMatchObject({ address: "Sheet1!B3:CA6000", rowCount: 5998, columnCount: 78 });
      expect(cut.address).toBe("Sheet1!B3:BH5000");
    });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("D1:E2").getUsedRange(true).load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").getIntersection("D4:E5").load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("loading the contents of a huge used range exceeds the response payload limit; its size alone does not", async () => {
    const fake = withCells({ A1: "1", AD100000: "2" });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Sheet1").getUsedRange(true).load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    await fake.Excel.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Sheet1").getUsedRange(true);
      r.load("address,rowCount,columnCount");
      await ctx.sync();
      expect(r.rowCount * r.columnCount).toBe(3_000_000);
    });
  });
});
