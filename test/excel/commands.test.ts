/** The ribbon command "Kiểm tra" against the fake: it checks, shows the counts in the workbook, always completes. */
import { HostError } from "../../src/excel/host";
import { RESULTS_SHEET_NAME } from "../../src/layout/names";
import { setup, typeSample } from "./helpers";

describe("validateWorkbook", () => {
  test("happy path: the results sheet is in front and states the counts; the event completes", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, set.forms.map((f) => f.id), {});
    typeSample(fake, (id) => `Biểu mẫu ${id.replace(/^BM/, "")}`);
    const { validateWorkbook } = await import("../../src/commands/commands");
    const completed = jest.fn();
    await validateWorkbook({ completed }, host);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.book.activeSheetId).toBe(fake.book.sheet(RESULTS_SHEET_NAME).id);
    expect(fake.texts(RESULTS_SHEET_NAME).A2).toMatch(/^1 lỗi, \d+ cảnh báo, \d+ thông tin/);
  });

  test("uses the template set kept in the workbook; an unusable one falls back to the built-in set", async () => {
    const { host, set } = setup();
    const { templateSetFor } = await import("../../src/commands/commands");
    await host.storeTemplateSet(JSON.stringify({ ...set, template_set: "Tỉnh X 2024" }));
    expect((await templateSetFor(host)).set.template_set).toBe("Tỉnh X 2024");
    await host.storeTemplateSet("{ không phải JSON");
    const fallback = await templateSetFor(host);
    expect(fallback.set.template_set).toBe(set.template_set);
    expect(fallback.note).toMatch(/không hợp lệ/);
  });

  test("when checking fails, the workbook says why and the event still completes", async () => {
    const { fake, host } = setup();
    host.validate = async () => {
      throw new HostError("Trang “Biểu mẫu 3” đang được bảo vệ.");
    };
    const { validateWorkbook } = await import("../../src/commands/commands");
    const completed = jest.fn();
    await validateWorkbook({ completed }, host);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(fake.texts(RESULTS_SHEET_NAME)).toMatchObject({
      A1: "KHÔNG KIỂM TRA ĐƯỢC",
      A2: expect.stringMatching(/^Lúc \d\d:\d\d ngày \d\d\/\d\d\/\d{4}$/),
      A3: "Trang “Biểu mẫu 3” đang được bảo vệ.",
    });
  });

  test("registers itself under the manifest's FunctionName", async () => {
    const { fake } = setup();
    await jest.isolateModulesAsync(async () => {
      await import("../../src/commands/commands");
    });
    await Promise.resolve();
    expect([...fake.Office.registered.keys()]).toEqual(["validateWorkbook"]);
  });
});
