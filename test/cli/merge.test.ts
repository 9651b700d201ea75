/** bieumau merge: counts summed, rates recomputed from the summed parts, codes summarised, missing data listed. */
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import type ExcelJS from "exceljs";
import { cli, readBook, tempDir } from "./helpers";
import { cliText } from "../../src/i18n/cli";

const t = cliText("vi");
let dir: string;
let cleanup: () => void;

/** A TSV as the sample is shaped: form, STT, indicator, unit, value, note. */
function tsv(rows: Array<[string, string, string, string?]>): string {
  return ["form\tstt\tchi_tieu\tdon_vi_tinh\tso_lieu\tghi_chu", ...rows.map(([f, s, v, n]) => `${f}\t${s}\t\t\t${v}\t${n ?? ""}`)].join("\n");
}

async function unit(name: string, file: string, rows: Array<[string, string, string, string?]>): Promise<void> {
  writeFileSync(join(dir, `${file}.tsv`), tsv(rows));
  const r = await cli(["new", "--from", `${file}.tsv`, `units/${file}.xlsx`, "--unit", name], dir);
  expect(r.code).toBe(0);
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  await unit("Sở A", "a", [
    ["BM1", "2.1.", "29"], ["BM1", "2.2.", "16"], ["BM1", "6,", "1"], ["BM1", "6.1.", "100"], ["BM1", "6.2.", "0"],
    ["BM3", "3.1.1.", "1.000"], ["BM3", "3.1.2.", "990"], ["BM7", "5.1.1.", "100%"],
  ]);
  await unit("Sở B", "b", [
    ["BM1", "2.1.", "1"], ["BM1", "2.2.", "1"], ["BM1", "6,", "0"],
    ["BM3", "3.1.1.", "10"], ["BM3", "3.1.2.", "0"], ["BM7", "5.1.1.", "90"],
  ]);
  // Unit C sent only Biểu mẫu 1, and left 2.1 blank.
  await unit("UBND huyện C", "c", [["BM1", "2.2.", "5"], ["BM1", "6,", "1"], ["BM1", "6.1.", "50"], ["BM1", "6.2.", "2"]]);
}, 60000);
afterAll(() => cleanup());

describe("merge of clean inputs", () => {
  let wb: ExcelJS.Workbook;
  let code: number;
  let stdout: string;
  beforeAll(async () => {
    ({ code, stdout } = await cli(["merge", "units", "-o", "tong-hop.xlsx"], dir));
    wb = await readBook(join(dir, "tong-hop.xlsx"));
  }, 60000);
  const bm = (n: number) => wb.getWorksheet(`Biểu mẫu ${n}`)!;

  it("exits 0 and says what it merged", () => {
    expect(code).toBe(0);
    expect(stdout).toContain(t.mergeSummary(3, "BM1, BM3, BM7"));
  });

  it("sums counts exactly", () => {
    expect(bm(1).getCell("D11").value).toBe(30); // 2.1: 29 + 1 (+ blank)
    expect(bm(1).getCell("D12").value).toBe(22); // 2.2: 16 + 1 + 5
    expect(bm(3).getCell("D23").value).toBe(1010); // 3.1.1: "1.000" typed the Vietnamese way + 10
    expect(bm(3).getCell("D24").value).toBe(990);
    expect(bm(1).getCell("D28").value).toBe(150); // 6.1
  });

  it("recomputes rates from the summed parts with the layout's formula, never averaging", () => {
    const rate = bm(1).getCell("D10").value as { formula: string; result: number };
    expect(rate.formula).toBe('IF(OR(D11="",D11=0),"",IFERROR(ROUND(D12/D11*100,2),""))');
    expect(rate.result).toBe(73.33); // 22 / 30; the average of the units' rates would be 77.59
    expect((bm(3).getCell("D22").value as { result: number }).result).toBe(98.02); // 990 / 1010
  });

  it("summarises coded answers in the note", () => {
    expect(bm(1).getCell("D27").value).toBeNull(); // the units disagree: no single code
    expect(bm(1).getCell("E27").value).toBe(t.mergeCodes([["1", 2], ["0", 1]]));
  });

  it("neither sums nor averages a percentage without parts", () => {
    let row = 0;
    bm(7).eachRow((r, i) => (row = r.getCell(1).value === "5.1.1." ? i : row)); // BM7 5.1.1
    expect(row).toBeGreaterThan(0);
    expect(bm(7).getCell(`D${row}`).value).toBeNull();
    expect(bm(7).getCell(`E${row}`).value).toBe(t.mergeRateNotSummed("90", "100", 2));
  });

  it("lists which unit is missing which form or value, and not rows that are rightly blank", () => {
    const ws = wb.getWorksheet(t.missingSheetName)!;
    const lines: string[] = [];
    ws.eachRow((r, i) => i > 1 && lines.push([1, 3, 4, 5].map((c) => r.getCell(c).value ?? "").join("|")));
    expect(lines).toContain(`UBND huyện C|Biểu mẫu 3||${t.missingForm}`);
    expect(lines).toContain(`UBND huyện C|Biểu mẫu 7||${t.missingForm}`);
    expect(lines).toContain(`UBND huyện C|Biểu mẫu 1|2.1|${t.missingValue}`);
    expect(lines.some((l) => l.startsWith("Sở B|Biểu mẫu 1|6.1"))).toBe(false); // 6 = 0 ⇒ 6.1 rightly blank
    expect(bm(1).getCell("E11").value).toBe(t.mergeMissingCount(1));
  });

  it("gives a merged workbook that itself checks clean", async () => {
    const r = await cli(["check", "tong-hop.xlsx", "--json"], dir);
    const out = JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ severity: string }> }> };
    expect(out.files[0].findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("merge with an input that has errors", () => {
  beforeAll(async () => {
    await unit("Sở D", "d", [["BM1", "2.1.", "10"], ["BM1", "2.2.", "20"]]); // 2.2 > 2.1
  }, 30000);

  it("refuses without --force and writes nothing", async () => {
    const r = await cli(["merge", "units", "-o", "refused.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(t.mergeInputsWithErrors(["units/d.xlsx"]).split("\n")[0]);
    expect(existsSync(join(dir, "refused.xlsx"))).toBe(false);
  });

  it("merges with --force and says so in the output", async () => {
    const r = await cli(["merge", "units", "-o", "forced.xlsx", "--force"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(t.mergeForced(["units/d.xlsx"]));
    const wb = await readBook(join(dir, "forced.xlsx"));
    expect(wb.getWorksheet(t.inputsSheetName)!.getCell("A1").value).toBe(t.forcedBanner(["units/d.xlsx"]));
    let banner = false;
    wb.getWorksheet("Biểu mẫu 1")!.eachRow((row) => (banner ||= row.getCell(1).value === t.forcedBanner(["units/d.xlsx"])));
    expect(banner).toBe(true);
  });
});
