/** Argument handling, the TSV, typing rules of `new --from`, languages, and one smoke test of the built bin. */
import { execFile } from "child_process";
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { promisify } from "util";
import { parsePeriod } from "../../src/cli/new";
import { parseTsv, resolveFormId, stripMarkup } from "../../src/cli/tsv";
import { cliText } from "../../src/i18n/cli";
import { cli, readBook, tempDir } from "./helpers";

const exec = promisify(execFile);
let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe("the TSV of new --from", () => {
  it("drops <i>…</i> markup and the header line, normalises STT", () => {
    expect(stripMarkup("Hệ thống <i>Liên thông 2 cấp.</i> <i>3 cấp.</i>")).toBe("Hệ thống Liên thông 2 cấp. 3 cấp.");
    const { rows, badLines } = parseTsv("form\tstt\tchi_tieu\tdvt\tso_lieu\tghi_chu\nBM1\t2.1.\tx\ty\t29\t\nBM1\toops\n");
    expect(rows).toMatchObject([{ line: 2, form: "BM1", stt: "2.1", value: "29" }]);
    expect(badLines).toEqual([3]);
  });

  it("names forms as BM3, 3 or Biểu mẫu 3", () => {
    const forms = [{ id: "BM3", number: 3 }];
    for (const t of ["BM3", "bm3", "3", "Biểu mẫu 3"]) expect(resolveFormId(t, forms)).toBe("BM3");
    expect(resolveFormId("BM4", forms)).toBeNull();
  });

  it("reads periods", () => {
    expect(parsePeriod("6t-2024")).toEqual({ period: "6m", year: 2024 });
    expect(parsePeriod("q1/2025")).toEqual({ period: "q1", year: 2025 });
    expect(parsePeriod("2024")).toEqual({ year: 2024 });
    expect(parsePeriod("tuần-2024")).toBeNull();
  });
});

describe("new --from types values as a vi-VN Excel stores them", () => {
  it("keeps a typed rate over its formula, a blank rate's formula, and '=' text as text", async () => {
    writeFileSync(
      join(dir, "d.tsv"),
      ["form\tstt\tct\tdvt\tso_lieu\tghi_chu", "BM1\t1,\t\t\t=SUM(A1:A3)\t=không phải công thức", "BM1\t2,\t\t\t55,17\t", "BM1\t2.1.\t\t\t1.081\t",
        "BM3\t3.1.\t\t\t\t", "BM3\t3.1.1.\t\t\t52,414\t"].join("\n"),
    );
    const r = await cli(["new", "--from", "d.tsv", "d.xlsx", "--forms", "1,3"], dir);
    expect(r.code).toBe(0);
    const wb = await readBook(join(dir, "d.xlsx"));
    const bm1 = wb.getWorksheet("Biểu mẫu 1")!;
    expect(bm1.getCell("D9").value).toBe("=SUM(A1:A3)"); // text, never a formula
    expect(bm1.getCell("D9").numFmt).toBe("@");
    expect(bm1.getCell("E9").value).toBe("=không phải công thức");
    expect(bm1.getCell("D10").value).toBe(55.17); // typed over the rate formula
    expect(bm1.getCell("D11").value).toBe(1081); // "1.081": thousands dot
    const bm3 = wb.getWorksheet("Biểu mẫu 3")!;
    expect((bm3.getCell("D22").value as { formula: string }).formula).toMatch(/^IF\(/); // blank rate: live formula
    expect(bm3.getCell("D23").value).toBe(52.414); // what vi-VN Excel stores for "52,414"
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Biểu mẫu 1", "Biểu mẫu 3"]);
    // Data validation comes from the layout plan.
    expect(bm1.getCell("D11").dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual" });
  });

  it("rejects an unknown form and a bad template set with a Vietnamese message and exit 2", async () => {
    const r = await cli(["new", "x.xlsx", "--forms", "4"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(cliText("vi").unknownForm("4"));
    writeFileSync(join(dir, "bad.json"), JSON.stringify({ template_set: "X", forms: [] }));
    const b = await cli(["check", "d.xlsx", "--templates", "bad.json"], dir);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^Bộ biểu mẫu bad\.json không hợp lệ/);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });
});

describe("languages and help", () => {
  it("speaks Vietnamese by default and English with --lang en", async () => {
    const vi = await cli(["check", "missing.xlsx"], dir);
    expect(vi.code).toBe(2);
    expect(vi.stdout).toContain(cliText("vi").readProblem("not_found"));
    const en = await cli(["check", "missing.xlsx", "--lang", "en"], dir);
    expect(en.stdout).toContain(cliText("en").readProblem("not_found"));
  });

  it("prints help in Vietnamese", async () => {
    const h = await cli(["--help"], dir);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("kiểm tra một hay nhiều sổ làm việc");
  });

  it("shows a progress bar only on a terminal, and only for more than a few files", async () => {
    for (const n of [1, 2, 3, 4, 5]) await cli(["new", `p/${n}.xlsx`, "--forms", "1"], dir);
    const tty = await cli(["check", "p"], dir, { tty: true });
    expect(tty.stderr).toContain(cliText("vi").progress);
    const pipe = await cli(["check", "p"], dir, { tty: false });
    expect(pipe.stderr).not.toContain(cliText("vi").progress);
  });
});

describe("the built bin", () => {
  it("runs `bieumau --help` and `check` from lib/ after npm run build:cli", async () => {
    const root = join(__dirname, "..", "..");
    await exec("npm", ["run", "build:cli"], { cwd: root });
    const help = await exec("node", [join(root, "bin", "bieumau.js"), "--help"], { cwd: dir });
    expect(help.stdout).toContain("bieumau");
    expect(help.stdout).toContain("merge");
    const checked = await exec("node", [join(root, "bin", "bieumau.js"), "check", "d.xlsx", "--json"], { cwd: dir }).catch((e: { code: number; stdout: string }) => e);
    expect((checked as { code?: number }).code ?? 0).toBeLessThanOrEqual(1);
    expect(JSON.parse(checked.stdout).files[0].forms.map((f: { form: string }) => f.form)).toEqual(["BM1", "BM3"]);
  }, 120000);
});
