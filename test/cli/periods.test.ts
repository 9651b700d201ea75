/** Periods on the command line: --period forms, the header, check --json's period, --previous, merge of periods. */
import { join } from "path";
import ExcelJS from "exceljs";
import { parsePeriod } from "../../src/cli/new";
import { cli, readBook, tempDir, type JsonOut } from "./helpers";

type JsonWithPeriod = { files: Array<JsonOut["files"][number] & { period: unknown }> };

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** Types values into a workbook `new` made, by form and STT, as a clerk would (column D of the STT's row). */
async function typeValues(path: string, values: Record<string, Record<string, number>>): Promise<void> {
  const wb = await readBook(path);
  for (const ws of wb.worksheets) {
    const form = /Biểu mẫu (\d)/.exec(ws.name)?.[1];
    const want = form ? values[`BM${form}`] : undefined;
    if (!want) continue;
    ws.eachRow((row) => {
      const stt = String(row.getCell(1).value ?? "").replace(/[.,]$/, "");
      if (stt in want) row.getCell(4).value = want[stt];
    });
  }
  await wb.xlsx.writeFile(path);
}

async function make(name: string, period: string[], unit: string, values: Record<string, Record<string, number>>): Promise<string> {
  const made = await cli(["new", name, "--forms", "1,3", "--unit", unit, ...period], dir);
  expect(made.code).toBe(0);
  await typeValues(join(dir, name), values);
  return name;
}

function metaLine(wb: ExcelJS.Workbook): string {
  return String(wb.worksheets[0].getCell("A5").value);
}

describe("--period", () => {
  it("accepts the new codes, the older 6m + --year, and typed titles", () => {
    expect(parsePeriod("q1-2026")).toEqual({ period: "q1", year: 2026 });
    expect(parsePeriod("nam-2025")).toEqual({ period: "year", year: 2025 });
    expect(parsePeriod("6 tháng đầu năm 2024")).toEqual({ period: "6m", year: 2024 });
    expect(parsePeriod("Quy III nam 2025")).toEqual({ period: "q3", year: 2025 });
  });

  it("new writes the period with its cut-off dates; --period 6m --year 2024 says the same as 6t-2024", async () => {
    await make("old.xlsx", ["--period", "6m", "--year", "2024"], "Sở A", {});
    await make("new.xlsx", ["--period", "6t-2024"], "Sở A", {});
    for (const f of ["old.xlsx", "new.xlsx"])
      expect(metaLine(await readBook(join(dir, f)))).toBe(
        "Đơn vị báo cáo: Sở A    Kỳ báo cáo: 6 tháng đầu năm 2024 (số liệu từ 15/12/2023 đến 14/6/2024)",
      );
    const bad = await cli(["new", "x.xlsx", "--period", "q5-2024"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("q1-2026 (Quý I), 6t-2024 (6 tháng đầu năm)");
  });

  it("the help lists the accepted forms", async () => {
    const help = await cli(["new", "--help"], dir);
    expect(help.stdout).toContain("q1-2026");
    expect(help.stdout).toContain("nam-2025");
  });
});

describe("check: the period and the reform", () => {
  it("--json gives each file's period; a Quý I 2026 value in BM3 3.2.1 is warned, a 6 tháng 2024 one is not", async () => {
    await make("q1-2026.xlsx", ["--period", "q1-2026"], "Sở B", { BM3: { "3.2.1": 40 } });
    await make("6t-2024.xlsx", ["--period", "6t-2024"], "Sở B", { BM3: { "3.2.1": 40 } });
    const run = await cli(["check", "q1-2026.xlsx", "6t-2024.xlsx", "--json"], dir);
    const out = JSON.parse(run.stdout) as JsonWithPeriod;
    expect(out.files.map((f) => f.period)).toEqual([
      { kind: "q1", year: 2026, from: "2025-12-15", to: "2026-03-14" },
      { kind: "6t", year: 2024, from: "2023-12-15", to: "2024-06-14" },
    ]);
    const reform = (i: number) => out.files[i].findings.filter((f) => f.rule === "BM3.3.2.1.reform");
    expect(reform(0)).toEqual([expect.objectContaining({ severity: "warning", stt: "3.2.1", value: "40" })]);
    expect(reform(0)[0].message).toContain("bắt đầu sau 30/6/2025");
    expect(reform(1)).toEqual([]);
  });

  it("reads the period of a hand-made sheet from its title", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("A1").value = "THỐNG KÊ SỐ LIỆU CCHC 6 THÁNG ĐẦU NĂM 2024";
    await wb.xlsx.writeFile(join(dir, "hand.xlsx"));
    const out = JSON.parse((await cli(["check", "hand.xlsx", "--json"], dir)).stdout) as JsonWithPeriod;
    expect(out.files[0].period).toEqual({ kind: "6t", year: 2024, from: "2023-12-15", to: "2024-06-14" });
  });
});

describe("check --previous", () => {
  it("6 tháng smaller than the same unit's Quý I: warning with both figures; Quý III smaller than 6 tháng: none", async () => {
    await make("u-q1.xlsx", ["--period", "q1-2025"], "Sở C", { BM1: { "1": 12 } });
    await make("u-6t.xlsx", ["--period", "6t-2025"], "Sở C", { BM1: { "1": 9 } });
    await make("u-q3.xlsx", ["--period", "q3-2025"], "Sở C", { BM1: { "1": 3 } });
    const h1 = await cli(["check", "u-6t.xlsx", "--previous", "u-q1.xlsx", "--json"], dir);
    const found = (JSON.parse(h1.stdout) as JsonWithPeriod).files[0].findings.filter((f) => f.rule.startsWith("period."));
    expect(found).toEqual([expect.objectContaining({ rule: "period.BM1.1.accumulates", severity: "warning", stt: "1", value: "9" })]);
    expect(found[0].cell).toMatch(/^'Biểu mẫu 1'!D\d+$/);
    expect(found[0].message).toContain("ghi 9, nhỏ hơn 12 của kỳ Quý I năm 2025 (tệp u-q1.xlsx)");

    const q3 = await cli(["check", "u-q3.xlsx", "--previous", "u-6t.xlsx", "--json"], dir);
    const q3Findings = (JSON.parse(q3.stdout) as JsonWithPeriod).files[0].findings;
    expect(q3Findings.filter((f) => f.severity === "warning" && f.rule.startsWith("period."))).toEqual([]);
  });

  it("pairs a folder of previous reports by unit and period", async () => {
    const prev = join(dir, "prev");
    await cli(["new", "prev/d-q1.xlsx", "--forms", "1", "--unit", "Sở D", "--period", "q1-2025"], dir);
    await cli(["new", "prev/e-q1.xlsx", "--forms", "1", "--unit", "Sở E", "--period", "q1-2025"], dir);
    await typeValues(join(prev, "d-q1.xlsx"), { BM1: { "1": 50 } });
    await typeValues(join(prev, "e-q1.xlsx"), { BM1: { "1": 5 } });
    await make("d-6t.xlsx", ["--period", "6t-2025"], "Sở D", { BM1: { "1": 20 } });
    const run = await cli(["check", "d-6t.xlsx", "--previous", "prev"], dir);
    expect(run.stdout).toContain("So sánh với kỳ trước: prev/d-q1.xlsx (Quý I năm 2025)");
    expect(run.stdout).toContain("ghi 20, nhỏ hơn 50");
    expect(run.code).toBe(0);
  });

  it("checking several files against one previous file pairs by unit: another unit's report is not compared", async () => {
    const run = await cli(["check", "d-6t.xlsx", "u-6t.xlsx", "--previous", "prev/d-q1.xlsx", "--json"], dir);
    const out = JSON.parse(run.stdout) as JsonWithPeriod;
    const warned = (i: number) => out.files[i].findings.filter((f) => f.rule === "period.BM1.1.accumulates");
    expect(warned(0)).toHaveLength(1);
    expect(warned(1)).toEqual([]);
    expect(run.stderr).toContain("Không có báo cáo kỳ trước của cùng đơn vị để so sánh");
  });
});

describe("merge of periods", () => {
  it("refuses files of different periods unless --force, and states the common period otherwise", async () => {
    await make("m-a.xlsx", ["--period", "6t-2024"], "Sở M", { BM1: { "1": 1 } });
    await make("m-b.xlsx", ["--period", "6t-2024"], "Sở N", { BM1: { "1": 2 } });
    await make("m-c.xlsx", ["--period", "nam-2024"], "Sở P", { BM1: { "1": 3 } });
    const refused = await cli(["merge", "m-a.xlsx", "m-c.xlsx", "-o", "mixed.xlsx"], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Không tổng hợp các tệp khác kỳ báo cáo");
    expect(refused.stderr).toContain("6 tháng đầu năm 2024: m-a.xlsx");
    const forced = await cli(["merge", "m-a.xlsx", "m-c.xlsx", "-o", "mixed.xlsx", "--force"], dir);
    expect(forced.code).toBe(0);
    const same = await cli(["merge", "m-a.xlsx", "m-b.xlsx", "-o", "same.xlsx"], dir);
    expect(same.code).toBe(0);
    expect(metaLine(await readBook(join(dir, "same.xlsx")))).toContain("Kỳ báo cáo: 6 tháng đầu năm 2024 (số liệu từ 15/12/2023 đến 14/6/2024)");
  });
});

describe("the sample (6 tháng 2024) keeps exactly its findings", () => {
  it("its period is read, and it changes nothing: same findings as without a period", async () => {
    const { SAMPLE_TSV } = await import("./helpers");
    await cli(["new", "--from", SAMPLE_TSV, "s-6t.xlsx", "--period", "6t-2024"], dir);
    await cli(["new", "--from", SAMPLE_TSV, "s-none.xlsx"], dir);
    const out = JSON.parse((await cli(["check", "s-6t.xlsx", "s-none.xlsx", "--json"], dir)).stdout) as JsonWithPeriod;
    expect(out.files[0].period).toMatchObject({ kind: "6t", year: 2024 });
    expect(out.files[1].period).toBeNull();
    expect(out.files[0].findings).toEqual(out.files[1].findings);
    expect(out.files[0].findings.filter((f) => /reform|^period\./.test(f.rule))).toEqual([]);
  });
});
