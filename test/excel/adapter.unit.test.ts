/**
 * Small adapter functions against office-addin-mock (style.md item 5: mock the host, not our code), plus the pure
 * helpers that decide how a cell is read and written.
 */
// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose full import chain pulls an ES
// module (strip-bom) that jest's CommonJS runtime on Node 20 cannot load; the enum alone is given here.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { OfficeMockObject } from "office-addin-mock";
import { createExcelHost, reportCopyName, splitAddress, toCellInput, toHostError, TEMPLATE_SET_SETTING } from "../../src/excel/adapter";
import { HostError } from "../../src/excel/host";
import { charsToPoints, renderWrites, validationRule } from "../../src/excel/render";
import { excelText } from "../../src/i18n/excel";

const vi = excelText("vi");

function officeMock(supported: string, settings: Record<string, unknown> = {}) {
  const store = new Map(Object.entries(settings));
  // The common Office API (context, settings) is plain objects and callbacks, not load/sync proxies: a plain object.
  return ({
    context: {
      displayLanguage: "vi-VN",
      requirements: { isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= Number(supported.split(".")[1]) },
      document: {
        settings: {
          get: (k: string) => (store.has(k) ? store.get(k) : null),
          set: (k: string, v: unknown) => void store.set(k, v),
          remove: (k: string) => void store.delete(k),
          saveAsync: (cb: (r: { status: string }) => void) => cb({ status: "succeeded" }),
        },
      },
    },
  }) as unknown as typeof Office;
}

describe("selectCell", () => {
  test("happy path: activates the sheet and selects the cell in one batch", async () => {
    const data = {
      context: {
        workbook: {
          worksheets: {
            requested: "",
            sheet: {
              activated: false,
              range: { address: "", selected: false, select() { this.selected = true; } },
              activate() { this.activated = true; },
              getRange(address: string) { this.range.address = address; return this.range; },
            },
            getItem(name: string) { this.requested = name; return this.sheet; },
          },
        },
      },
      // Excel.run(options, batch) from ExcelApi 1.11 (delayForCellEdit), Excel.run(batch) below.
      run: async function (a: unknown, b?: (context: unknown) => Promise<unknown>) {
        const callback = (typeof a === "function" ? a : b) as (context: unknown) => Promise<unknown>;
        return callback(this.context);
      },
    };
    const excelMock = new OfficeMockObject(data) as unknown as typeof data;
    const host = createExcelHost({ excel: excelMock as unknown as typeof Excel, office: officeMock("1.12") });
    await host.selectCell("Biểu mẫu 3", "D25");
    expect(excelMock.context.workbook.worksheets.requested).toBe("Biểu mẫu 3");
    expect(excelMock.context.workbook.worksheets.sheet.activated).toBe(true);
    expect(excelMock.context.workbook.worksheets.sheet.range).toMatchObject({ address: "D25", selected: true });
  });

  test("given a missing sheet: Excel's ItemNotFound becomes a Vietnamese HostError", async () => {
    const data = {
      context: { workbook: { worksheets: { getItem() { throw Object.assign(new Error("not found"), { code: "ItemNotFound" }); } } } },
      // Excel.run(options, batch) from ExcelApi 1.11 (delayForCellEdit), Excel.run(batch) below.
      run: async function (a: unknown, b?: (context: unknown) => Promise<unknown>) {
        const callback = (typeof a === "function" ? a : b) as (context: unknown) => Promise<unknown>;
        return callback(this.context);
      },
    };
    const host = createExcelHost({ excel: new OfficeMockObject(data) as unknown as typeof Excel, office: officeMock("1.12") });
    await expect(host.selectCell("Biểu mẫu 9", "A1")).rejects.toThrow(vi.sheetNotFound("Biểu mẫu 9"));
  });
});

describe("capabilities and settings", () => {
  test("requirement sets decide each feature", () => {
    const host = createExcelHost({ excel: {} as typeof Excel, office: officeMock("1.7") });
    expect(host.capabilities()).toEqual({ insert: true, validate: true, dataValidation: false, tags: true, settings: true, hyperlinks: true });
    const old = createExcelHost({ excel: {} as typeof Excel, office: officeMock("1.3") });
    expect(old.capabilities()).toMatchObject({ tags: false, hyperlinks: false, dataValidation: false, validate: true });
  });

  test("below ExcelApi 1.5 (no custom XML parts) the template set round-trips through document settings", async () => {
    const office = officeMock("1.4");
    const host = createExcelHost({ excel: {} as typeof Excel, office });
    expect(await host.loadStoredTemplateSet()).toBeNull();
    await host.storeTemplateSet("{\"a\":1}");
    expect(office.context.document.settings.get(TEMPLATE_SET_SETTING)).toBe("{\"a\":1}");
    expect(await host.loadStoredTemplateSet()).toBe("{\"a\":1}");
    await host.storeTemplateSet(null);
    expect(await host.loadStoredTemplateSet()).toBeNull();
  });

  test("a failed save is a HostError naming the cause", async () => {
    const office = ({
      context: {
        displayLanguage: "vi-VN",
        requirements: { isSetSupported: (_: string, v: string) => Number(v.split(".")[1]) < 5 },
        document: { settings: { set() {}, remove() {}, get: () => null, saveAsync: (cb: (r: unknown) => void) => cb({ status: "failed", error: { message: "đĩa đầy" } }) } },
      },
    }) as unknown as typeof Office;
    const host = createExcelHost({ excel: {} as typeof Excel, office });
    await expect(host.storeTemplateSet("{}")).rejects.toThrow(vi.settingsSaveFailed("đĩa đầy"));
  });
});

describe("reading cells", () => {
  test("a formula is a formula; text that reads like one stays text", () => {
    expect(toCellInput(55.17, "=IF(1,55.17)", "0.00", "55,17")).toEqual({ value: 55.17, formula: "=IF(1,55.17)", numberFormat: "0.00", text: "55,17" });
    const evil = '=HYPERLINK("http://x","y")';
    expect(toCellInput(evil, evil, "@", evil)).toEqual({ value: evil, numberFormat: "@", text: evil });
    expect(toCellInput("", "", "General", "")).toBeNull();
    expect(toCellInput("", "=IF(D9=\"\",\"\",1)", "0.00", "")).toMatchObject({ value: null, formula: "=IF(D9=\"\",\"\",1)" });
  });

  test("sheet-qualified addresses, quoted or not", () => {
    expect(splitAddress("'Biểu mẫu 3'!A7:E40")).toEqual({ sheet: "Biểu mẫu 3", address: "A7:E40" });
    expect(splitAddress("'It''s'!B2")).toEqual({ sheet: "It's", address: "B2" });
    expect(splitAddress("Sheet1!A1")).toEqual({ sheet: "Sheet1", address: "A1" });
    expect(splitAddress("A1")).toBeNull();
  });
});

describe("errors", () => {
  test("Excel's error codes become Vietnamese HostErrors", () => {
    const err = (code: string, message = "x") => Object.assign(new Error(message), { code });
    expect(toHostError(err("AccessDenied"), vi).message).toBe(vi.protectedWrite);
    expect(toHostError(err("InvalidOperation", "Cannot change part of a merged cell."), vi).message).toBe(vi.invalidOperation);
    expect(toHostError(err("ItemNotFound"), vi, { sheet: "BM" }).message).toBe(vi.sheetNotFound("BM"));
    expect(toHostError(err("InvalidArgument"), vi, { address: "ZZZ" }).message).toBe(vi.badAddress("ZZZ"));
    expect(toHostError(err("ResponsePayloadSizeLimitExceeded"), vi).message).toBe(vi.tooLarge);
    const original = new HostError("đã có");
    expect(toHostError(original, vi)).toBe(original);
    expect(toHostError("lạ", vi)).toBeInstanceOf(HostError);
  });
});

describe("writing cells", () => {
  /** A worksheet that records every operation in order. */
  function recorder() {
    const ops: string[] = [];
    const range = (address: string) => {
      const format = {
        font: new Proxy({}, { set: (_t, k) => (ops.push(`${address}.font.${String(k)}`), true) }),
        fill: new Proxy({}, { set: (_t, k) => (ops.push(`${address}.fill.${String(k)}`), true) }),
      };
      return new Proxy({ format } as Record<string, unknown>, {
        set: (_t, k, v) => (ops.push(`${address}.${String(k)}=${JSON.stringify(v)}`), true),
        get: (t, k) => t[k as string],
      });
    };
    return { ops, ws: { getRange: (a: string) => range(a) } as unknown as Excel.Worksheet };
  }

  test("strings are written as text ('@' first, then values); links use the hyperlink property", () => {
    const { ops, ws } = recorder();
    const evil = '=HYPERLINK("http://x","y")';
    renderWrites(ws, [
      { address: "A1", value: evil },
      { address: "A2", value: "Biểu mẫu 3!D25", link: { sheet: "Biểu mẫu 3", address: "D25" } },
    ], { hyperlinks: true });
    const fmt = ops.findIndex((o) => o.startsWith("A1:A2.numberFormat"));
    const vals = ops.findIndex((o) => o.startsWith("A1:A2.values"));
    expect(fmt).toBeGreaterThanOrEqual(0);
    expect(vals).toBeGreaterThan(fmt);
    expect(ops[fmt]).toBe('A1:A2.numberFormat=[["@"],["@"]]');
    expect(ops.some((o) => o.includes(".formulas="))).toBe(false);
    expect(ops).toContain(`A2.hyperlink=${JSON.stringify({ documentReference: "'Biểu mẫu 3'!D25", screenTip: "Biểu mẫu 3!D25" })}`);
  });

  test("only the product's own formulas go through `formulas`", () => {
    const { ops, ws } = recorder();
    renderWrites(ws, [{ address: "D25", formula: "=IF(OR(D26=\"\",D26=0),\"\",IFERROR(ROUND(D27/D26*100,2),\"\"))", tone: "computed" }], { hyperlinks: false });
    expect(ops).toContain('D25.formulas=[["=IF(OR(D26=\\"\\",D26=0),\\"\\",IFERROR(ROUND(D27/D26*100,2),\\"\\"))"]]');
    expect(ops.some((o) => o.includes(".values="))).toBe(false);
  });

  test("helpers: widths, validation rules, report copy names", () => {
    expect(charsToPoints(10)).toBe(56.25);
    expect(validationRule({ address: "D9", type: "whole", min: 0, promptTitle: "", prompt: "", errorTitle: "", error: "" })).toEqual({ wholeNumber: { formula1: 0, operator: "GreaterThanOrEqualTo" } });
    expect(validationRule({ address: "D9", type: "decimal", min: 0, max: 100, promptTitle: "", prompt: "", errorTitle: "", error: "" })).toEqual({ decimal: { formula1: 0, formula2: 100, operator: "Between" } });
    expect(validationRule({ address: "D9", type: "list", list: ["1", "0"], promptTitle: "", prompt: "", errorTitle: "", error: "" })).toEqual({ list: { inCellDropDown: true, source: "1,0" } });
    expect(reportCopyName("Biểu mẫu 3", new Set())).toBe("Biểu mẫu 3 (bản in)");
    expect(reportCopyName("Biểu mẫu 3", new Set(["biểu mẫu 3 (bản in)"]))).toBe("Biểu mẫu 3 (bản in 2)");
    expect(reportCopyName("x".repeat(40), new Set()).length).toBe(31);
  });
});
