/** One-click fixes in the add-in, against the fake Excel: applied on a click, undone exactly, two syncs each. */
import { applyFixes, undoFixes } from "../../src/excel/fixes";
import { planFixes } from "../../src/layout/fixes";
import { layoutOf, setup, typeSample } from "./helpers";

const sheetOf = (formId: string) => `Biểu mẫu ${formId.slice(2)}`;
const header = { unit: "Văn phòng UBND tỉnh Quảng Trị", period: "6m" as const, year: 2024 };

async function checkedSample() {
  const ctx = setup();
  await ctx.host.insertForms(ctx.set, ctx.set.forms.map((f) => f.id), header);
  typeSample(ctx.fake, sheetOf);
  const outcome = await ctx.host.validate(ctx.set);
  const fixes = planFixes(ctx.set, outcome.recognition, outcome.result);
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => (ctx.fake.Excel as unknown as typeof Excel).run(batch);
  return { ...ctx, outcome, fixes, run };
}

const row = (formId: string, stt: string) => layoutOf(formId).rowOfStt[stt] + 1;

describe("applyFixes / undoFixes on the fake", () => {
  it("fixes every certain finding in two syncs, and the next check no longer finds them", async () => {
    const { fake, host, set, fixes, run } = await checkedSample();
    expect(fixes.map((f) => f.kind).sort()).toEqual(["rate_formula", ...Array(6).fill("thousands")]);
    fake.resetSyncCount();
    const out = await applyFixes(run, fixes);
    expect(fake.syncCount).toBe(2);
    expect(out.applied).toHaveLength(7);
    expect(out.stale).toEqual([]);
    const cells = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")!.cells;
    expect(cells[`D${row("BM3", "3.1.1")}`].value).toBe(52414);
    expect(cells[`D${row("BM3", "3.2")}`].formula).toMatch(/^=IF\(OR\(/);
    const again = await host.validate(set);
    expect(again.result.findings.filter((f) => f.check === "count.thousands_separator" || f.check === "rate.mismatch")).toEqual([]);
  });

  it("“Hoàn tác” puts back exactly what was there: values, text, number formats", async () => {
    const { fake, fixes, run } = await checkedSample();
    const before = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")!;
    const out = await applyFixes(run, fixes);
    fake.resetSyncCount();
    const undone = await undoFixes(run, out.undo);
    expect(fake.syncCount).toBe(2);
    expect(undone.restored).toHaveLength(7);
    const after = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")!;
    for (const fix of fixes) {
      const b = before.cells[fix.cell];
      const a = after.cells[fix.cell];
      expect({ value: a.value, formula: a.formula }).toEqual({ value: b.value, formula: b.formula });
      if (typeof b.value !== "string") expect(a.numberFormat).toEqual(b.numberFormat);
    }
  });

  it("leaves a cell the user changed after the check, and one changed after the fix", async () => {
    const { fake, fixes, run } = await checkedSample();
    const cell = `D${row("BM3", "3.1.1")}`;
    fake.setCellValue("Biểu mẫu 3", cell, "52414", { paste: true });
    const out = await applyFixes(run, fixes);
    expect(out.stale.map((f) => f.cell)).toEqual([cell]);
    const other = `D${row("BM3", "3.2.1")}`;
    fake.setCellValue("Biểu mẫu 3", other, "10100", { paste: true });
    const undone = await undoFixes(run, out.undo);
    expect(undone.changed.map((c) => c.address)).toEqual([other]);
    expect(fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")!.cells[other].value).toBe(10100);
  });

  it("writes text back as text, never as a formula", async () => {
    const { fake, run } = await checkedSample();
    const cell = `D${row("BM3", "1.2")}`;
    fake.setCellValue("Biểu mẫu 3", cell, "'=1+1", { paste: true }); // text, as Excel keeps a leading apostrophe
    const out = await applyFixes(run, [
      { kind: "number_text", rule: "x", check: "cell.number_as_text", form: "BM3", stt: "1.2", sheet: "Biểu mẫu 3", cell, before: "=1+1", to: { value: 2 } },
    ]);
    expect(out.applied).toHaveLength(1);
    await undoFixes(run, out.undo);
    const c = fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")!.cells[cell];
    expect(c).toMatchObject({ value: "=1+1", numberFormat: "@" });
    expect(c.formula).toBeUndefined();
  });
});

describe("against office-addin-mock (the host mocked, not our code)", () => {
  // office-addin-mock needs only the OfficeApp enum from office-addin-manifest (see adapter.unit.test.ts).
  jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel" } }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { OfficeMockObject } = require("office-addin-mock") as typeof import("office-addin-mock");

  function mockWith(cell: { values: unknown[][]; formulas: unknown[][]; numberFormat: unknown[][]; text: unknown[][] }) {
    const data = {
      context: {
        workbook: {
          worksheets: {
            requested: "",
            sheet: { address: "", range: cell, getRange(address: string) { this.address = address; return this.range; } },
            getItem(name: string) { this.requested = name; return this.sheet; },
          },
        },
      },
      run: async function (callback: (context: unknown) => Promise<unknown>) { return callback(this.context); },
    };
    const mock = new OfficeMockObject(data) as unknown as typeof data;
    const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) => mock.run(batch as (c: unknown) => Promise<T>) as Promise<T>;
    return { mock, run };
  }

  it("loads the cell, then writes the number under General, and records the text it replaced", async () => {
    const { mock, run } = mockWith({ values: [["52,414"]], formulas: [["52,414"]], numberFormat: [["@"]], text: [["52,414"]] });
    const fix = { kind: "thousands", rule: "BM3.3.1.1.count", check: "count.thousands_separator", form: "BM3", stt: "3.1.1", sheet: "Biểu mẫu 3", cell: "D23", before: "52,414", to: { value: 52414 } } as const;
    const out = await applyFixes(run, [fix]);
    expect(mock.context.workbook.worksheets.requested).toBe("Biểu mẫu 3");
    expect(mock.context.workbook.worksheets.sheet.address).toBe("D23");
    expect(mock.context.workbook.worksheets.sheet.range).toMatchObject({ values: [[52414]], numberFormat: [["General"]] });
    expect(out.undo).toEqual([{ sheet: "Biểu mẫu 3", address: "D23", value: "52,414", numberFormat: "@", wrote: { value: 52414 } }]);
  });

  it("a cell that now holds a formula is not touched", async () => {
    const { mock, run } = mockWith({ values: [[52414]], formulas: [["=52000+414"]], numberFormat: [["General"]], text: [["52414"]] });
    const out = await applyFixes(run, [
      { kind: "thousands", rule: "r", check: "count.thousands_separator", form: "BM3", stt: "3.1.1", sheet: "Biểu mẫu 3", cell: "D23", before: "52414", to: { value: 52414 } },
    ]);
    expect(out.stale).toHaveLength(1);
    expect(mock.context.workbook.worksheets.sheet.range.formulas).toEqual([["=52000+414"]]);
  });
});
