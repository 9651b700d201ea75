/**
 * The adapter reads the active sheet for "Học biểu mẫu từ trang tính này" in two syncs (its used range's size, then
 * its cells in pieces under Excel on the web's 5 MB: src/excel/read.ts), against the fake Excel; the
 * pane's learner turns it into a set whose rows record their sheet rows.
 */
import { setup } from "./helpers";
import { learnFromGrid } from "../../src/taskpane/learn";

describe("readActiveSheet", () => {
  test("happy path: a form pasted into the active sheet, read in two syncs and learned", async () => {
    const { fake, host } = setup({ sheets: ["Sheet1"] });
    const rows = [
      ["A1", "Biểu mẫu 6"], ["A2", "Cải cách tài chính công"],
      ["A4", "STT"], ["B4", "Chỉ tiêu"], ["C4", "Đơn vị tính"], ["D4", "Số liệu"],
      ["A5", "1."], ["B5", "Tỷ lệ đơn vị tự chủ tài chính"], ["C5", "%"],
      ["A6", "1.1."], ["B6", "Tổng số đơn vị sự nghiệp"], ["C6", "Đơn vị"],
      ["A7", "1.2."], ["B7", "Số đơn vị đã tự chủ"], ["C7", "Đơn vị"],
    ];
    for (const [address, text] of rows) fake.setCellValue("Sheet1", address, text);
    fake.resetSyncCount();
    const grid = await host.readActiveSheet();
    expect(fake.syncCount).toBe(2);
    expect(grid?.sheet).toBe("Sheet1");
    const { set } = learnFromGrid(grid, "vi");
    const bm6 = set.forms[0];
    expect(bm6).toMatchObject({ id: "BM6", title: "Cải cách tài chính công" });
    expect(bm6.rows.map((r) => [r.stt, r.kind, r.from])).toEqual([
      ["1", "percent", { table: 1, row: 5, sheet: "Sheet1" }],
      ["1.1", "count", { table: 1, row: 6, sheet: "Sheet1" }],
      ["1.2", "count", { table: 1, row: 7, sheet: "Sheet1" }],
    ]);
    expect(bm6.rules.find((r) => r.type === "rate")).toMatchObject({ target: "1", numerator: "1.2", denominator: "1.1", source: "inferred" });
  });

  test("an empty active sheet reads as null", async () => {
    const { host } = setup({ sheets: ["Sheet1"] });
    expect(await host.readActiveSheet()).toBeNull();
  });
});
