/** `check --fix --write OUT.xlsx`: the certain fixes land in the copy, the input stays byte for byte as it was. */
import { readFileSync } from "fs";
import { join } from "path";
import { cli, readBook, SAMPLE_TSV, tempDir } from "./helpers";

let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  expect((await cli(["new", "--from", SAMPLE_TSV, "x.xlsx"], dir)).code).toBe(0);
});
afterAll(() => cleanup());

describe("check --fix", () => {
  it("needs --write, and says so in Vietnamese", async () => {
    const r = await cli(["check", "x.xlsx", "--fix"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--fix chỉ sửa trong bản ghi ra/);
  });

  it("writes a fixed copy that checks clean, lists each cell it changed, and never touches the input", async () => {
    const before = readFileSync(join(dir, "x.xlsx"));
    const r = await cli(["check", "x.xlsx", "--fix", "--write", "fixed.xlsx"], dir);
    expect(r.code).toBe(1); // the report is about the input, which has one error
    expect(r.stdout).toContain("✎ 'Biểu mẫu 3'!D23: “52,414” → 52.414");
    expect(r.stdout).toMatch(/✎ 'Biểu mẫu 3'!D\d+: “98,57%” → công thức tính từ số liệu/);
    expect(r.stdout).toContain("Đã sửa 7 ô trong bản ghi ra.");
    expect(readFileSync(join(dir, "x.xlsx")).equals(before)).toBe(true);

    const ws = (await readBook(join(dir, "fixed.xlsx"))).getWorksheet("Biểu mẫu 3")!;
    expect(ws.getCell("D23").value).toBe(52414);
    // Only the fixed cell's format changed: the typed rates next to it keep their percent format.
    expect(ws.getCell("D22").numFmt).toBe("0.00%");
    const again = await cli(["check", "fixed.xlsx"], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/0 lỗi, 0 cảnh báo/);
  });
});
