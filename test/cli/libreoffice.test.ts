/**
 * Every formula the tool writes, checked by a real spreadsheet engine: LibreOffice headless opens the written .xlsx
 * (with its cached results poisoned, and a profile that recalculates on load), and each rate cell must equal the
 * engine's exact value.
 */
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { builtinTemplateSet } from "../../src/forms/load";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { checkWorkbook } from "../../src/engine";
import { cli, readBook, SAMPLE_TSV, tempDir } from "./helpers";
import { convert, freshProfile, sofficePath } from "./libreoffice";

const soffice = sofficePath();
const maybe = soffice ? describe : describe.skip;
if (!soffice) console.warn("Bỏ qua kiểm tra bằng LibreOffice: không tìm thấy soffice (cài gói libreoffice-calc) / LibreOffice not found: skipped");

const set = builtinTemplateSet();
let dir: string;
let cleanup: () => void;

/** The sample with every rate left blank (so the live formulas stay) and edge cases for rounding. */
function blankRatesTsv(): string {
  const lines = readFileSync(SAMPLE_TSV, "utf8").split(/\r?\n/).filter(Boolean);
  const override: Record<string, string> = {
    "BM1 2.1.": "32", "BM1 2.2.": "1", // 3,125: a tie, Excel's ROUND says 3,13
    "BM1 3.3.1.": "20000", "BM1 3.3.2.": "201", // 1,005: floats say 1,00
    "BM3 3.1.1.": "100000", "BM3 3.1.2.": "2675", // 2,675: toFixed says 2,67
    "BM3 3.4.1.": "0", "BM3 3.4.2.": "0", // denominator 0: blank, no division
  };
  return lines
    .map((line, i) => {
      if (i === 0) return line;
      const cols = line.split("\t");
      const key = `${cols[0]} ${cols[1]}`;
      if (override[key] !== undefined) cols[4] = override[key];
      else if (cols[3] === "%" && set.forms.find((f) => f.id === cols[0])?.rules.some((r) => r.type === "rate" && `${r.target}` === cols[1].replace(/[.,]$/, "")))
        cols[4] = "";
      return cols.join("\t");
    })
    .join("\n");
}

/** Copies a workbook with every formula's cached result replaced by -999, so only a recalculation can be right. */
async function poisoned(src: string, dst: string): Promise<number> {
  const wb = await readBook(src);
  let n = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === "object" && typeof v.formula === "string") {
          cell.value = { formula: v.formula, result: -999 };
          n++;
        }
      }),
    ),
  );
  await wb.xlsx.writeFile(dst);
  return n;
}

maybe("rate formulas recalculated by LibreOffice", () => {
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir("bieumau-lo-"));
    writeFileSync(join(dir, "rates.tsv"), blankRatesTsv());
    expect((await cli(["new", "--from", "rates.tsv", "made.xlsx"], dir)).code).toBe(0);
    expect((await cli(["new", "--from", SAMPLE_TSV, "u1.xlsx", "--unit", "Đơn vị 1"], dir)).code).toBe(0);
    expect((await cli(["new", "--from", "rates.tsv", "u2.xlsx", "--unit", "Đơn vị 2"], dir)).code).toBe(0);
    expect((await cli(["merge", "u1.xlsx", "u2.xlsx", "-o", "merged.xlsx", "--force"], dir)).code).toBe(0);
  }, 60000);
  afterAll(() => cleanup?.());

  it.each(["made.xlsx", "merged.xlsx"])("%s: every rate cell LibreOffice computes equals the engine's value", async (name) => {
    const src = join(dir, name);
    const poisonedPath = join(dir, `poisoned-${name}`);
    const formulas = await poisoned(src, poisonedPath);
    expect(formulas).toBeGreaterThan(5);
    await convert(soffice!, freshProfile(join(dir, `profile-${name}`)), "xlsx", join(dir, "lo"), [poisonedPath]);

    const read = await readWorkbookFile(src, set);
    if (!read.ok) throw new Error(read.problem);
    const { result } = checkWorkbook(set, read.grids);
    const live = result.computed.filter((c) => c.reported === "formula");
    expect(live.length).toBeGreaterThan(5);

    const lo = await readBook(join(dir, "lo", `poisoned-${name}`));
    for (const rate of live) {
      const v = lo.getWorksheet(rate.sheet)!.getCell(rate.cell).value as { result?: unknown } | number | string | null;
      const got = v !== null && typeof v === "object" ? v.result : v;
      const where = `${rate.form} ${rate.stt} ${rate.cell}`;
      if (rate.value === null) expect({ where, got: got ?? "" }).toEqual({ where, got: "" });
      else expect({ where, got }).toEqual({ where, got: Number(rate.value) });
    }
    if (name === "made.xlsx") {
      const byStt = (form: string, stt: string) => live.find((c) => c.form === form && c.stt === stt)?.value;
      expect(byStt("BM1", "2")).toBe("3.13");
      expect(byStt("BM1", "3.3")).toBe("1.01");
      expect(byStt("BM3", "3.1")).toBe("2.68");
      expect(byStt("BM3", "3.4")).toBeNull();
    }
  }, 120000);
});
