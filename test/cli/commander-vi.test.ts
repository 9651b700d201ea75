/** commander's own words (usage, titles, errors) are Vietnamese like the rest of the command line; English with --lang en. */
import { cli, tempDir } from "./helpers";

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("commander in Vietnamese", () => {
  it("help: titles and usage", async () => {
    const r = await cli(["--help"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Cách dùng: bieumau \[tùy chọn\] \[lệnh\]/);
    expect(r.stdout).toContain("Tùy chọn:");
    expect(r.stdout).toContain("Lệnh:");
    expect(r.stdout).toContain("new [tùy chọn] <OUT.xlsx>");
    expect(r.stdout).not.toMatch(/Usage:|Options:|Commands:|\[options\]|default:|choices:/);
    const sub = await cli(["merge", "--help"], dir);
    expect(sub.stdout).toContain("Tham số:");
    expect(sub.stdout).toContain("--report-number <number>");
  });

  it.each([
    [["check", "--bogus", "x.xlsx"], "Lỗi: không có tùy chọn “--bogus”."],
    [["chek"], "Lỗi: không có lệnh “chek” (có phải ý bạn là check?). Các lệnh: new, check, merge."],
    [["merge", "a.xlsx"], "Lỗi: cần có tùy chọn “-o, --output <OUT.xlsx>”."],
    [["merge", "a.xlsx", "-o"], "Lỗi: tùy chọn “-o, --output <OUT.xlsx>” cần một giá trị."],
    [["check"], "Lỗi: thiếu tham số “FILE_OR_DIR”."],
    [["new", "a.xlsx", "b.xlsx"], "Lỗi: thừa tham số cho lệnh “new”: cần 1, nhận được 2."],
  ])("errors: %j", async (args, message) => {
    const r = await cli(args, dir);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(message);
    expect(r.stderr).not.toMatch(/error:|Usage:/);
  });

  it("English stays English with --lang en", async () => {
    const r = await cli(["check", "--bogus", "x.xlsx", "--lang", "en"], dir);
    expect(r.stderr).toMatch(/^error: unknown option '--bogus'/);
    expect((await cli(["--help", "--lang", "en"], dir)).stdout).toMatch(/^Usage: bieumau \[options\] \[command\]/);
  });
});
