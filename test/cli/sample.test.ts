/**
 * The "done when": `bieumau new --from` the real sample, then `check --json`, reports what
 * ../shared/samples/quang-tri-2024-6t.expected.md says; the same table typed into a plain sheet gives the same findings.
 */
import { join } from "path";
import { sampleAsPlainSheet } from "../support/sample";
import { cli, readBook, SAMPLE_TSV, tempDir, writeGrids, type JsonOut } from "./helpers";

let dir: string;
let cleanup: () => void;
let tagged: JsonOut["files"][number];
let plain: JsonOut["files"][number];

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  const made = await cli(["new", "--from", SAMPLE_TSV, "x.xlsx", "--unit", "Văn phòng UBND tỉnh Quảng Trị", "--period", "6t-2024"], dir);
  expect(made.code).toBe(0);
  const checked = await cli(["check", "x.xlsx", "--json"], dir);
  expect(checked.code).toBe(1); // one error in the sample
  tagged = (JSON.parse(checked.stdout) as JsonOut).files[0];

  await writeGrids(join(dir, "typed.xlsx"), [sampleAsPlainSheet("vi-VN")]);
  const typed = await cli(["check", "typed.xlsx", "--json"], dir);
  expect(typed.code).toBe(1);
  plain = (JSON.parse(typed.stdout) as JsonOut).files[0];
});
afterAll(() => cleanup());

const key = (f: { rule: string; severity: string; stt: string | null }) => `${f.severity} ${f.rule} ${f.stt}`;

describe("new --from the sample, then check --json", () => {
  it("finds the three forms on their sheets", () => {
    expect(tagged.forms).toEqual([
      { form: "BM1", sheet: "Biểu mẫu 1" },
      { form: "BM3", sheet: "Biểu mẫu 3" },
      { form: "BM7", sheet: "Biểu mẫu 7" },
    ]);
  });

  it("reports exactly one error: BM3 3.2, 98,57% against 9.751 / 10.099 = 96,55%", () => {
    const errors = tagged.findings.filter((f) => f.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ form: "BM3", stt: "3.2", cell: "'Biểu mẫu 3'!D25", value: "98,57%", expected: "96.55" });
    expect(errors[0].message).toContain("96,55");
  });

  it("warns about the six counts typed with a thousands comma and reads them as whole numbers", () => {
    const warned = tagged.findings.filter((f) => f.severity === "warning" && /count/.test(f.rule));
    expect(warned.map((f) => `${f.stt}=${f.expected}`).sort()).toEqual(
      ["3.1.1=52414", "3.1.2=52249", "3.2.1=10099", "3.2.2=9751", "3.3.1=77881", "3.3.2=77857"].sort(),
    );
    for (const f of warned) expect(f.form).toBe("BM3");
  });

  it("says the template notes as information", () => {
    const infos = tagged.findings.filter((f) => f.severity === "info");
    expect(infos.some((f) => f.form === "BM1" && f.stt === "4.1" && /unit/.test(f.rule + f.message) )).toBe(true);
    for (const stt of ["1", "4"]) expect(infos.some((f) => f.form === "BM7" && f.stt === stt && f.message.includes("Sở TTTT theo dõi"))).toBe(true);
    for (const stt of ["6.1", "6.2"]) expect(infos.some((f) => f.form === "BM1" && f.stt === stt)).toBe(true);
  });

  it("does not flag the checks that pass", () => {
    const flagged = tagged.findings.filter((f) => f.severity !== "info").map((f) => `${f.form} ${f.stt}`);
    for (const ok of ["BM1 2", "BM1 5.1", "BM3 1.4", "BM3 3.1", "BM3 3.3", "BM3 3.4", "BM7 6.1", "BM7 6.2", "BM7 6.3", "BM7 6.4", "BM7 6.5", "BM7 6.1.1", "BM7 6.5.1"])
      expect(flagged).not.toContain(ok);
  });

  it("uses STT without trailing marks and quoted sheet references in every finding", () => {
    for (const f of tagged.findings) {
      expect(f.stt === null || /^\d+(\.\d+)*$/.test(f.stt)).toBe(true);
      expect(["error", "warning", "info"]).toContain(f.severity);
      if (f.cell) expect(f.cell).toMatch(/^'Biểu mẫu \d'!D\d+$/);
      expect(f.message.length).toBeGreaterThan(0);
    }
  });

  it("kept the typed rates over their formulas and the live formula where the rate was blank", async () => {
    const wb = await readBook(join(dir, "x.xlsx"));
    const bm3 = wb.getWorksheet("Biểu mẫu 3")!;
    expect(bm3.getCell("D25").value).toBeCloseTo(0.9857, 10); // "98,57%" as Excel stores it
    expect(bm3.getCell("D25").numFmt).toBe("0.00%");
    const bm1 = wb.getWorksheet("Biểu mẫu 1")!;
    const blankRate = bm1.getCell("D16").value as { formula?: string };
    expect(blankRate.formula).toMatch(/^IF\(OR\(D17="",D17=0\)/);
    expect(wb.definedNames.model.map((n: { name: string }) => n.name).sort()).toEqual([
      "BieuMau_BM1_CCHC_PL_2022",
      "BieuMau_BM3_CCHC_PL_2022",
      "BieuMau_BM7_CCHC_PL_2022",
    ]);
    // The TSV's <i>…</i> markup never reaches the sheet, and notes are typed.
    expect(bm1.getCell("E10").value).toBe("Nhiệm vụ của Văn phòng");
  });
});

describe("the same table typed by hand into a plain sheet", () => {
  it("is recognised as the three forms", () => {
    expect(plain.forms.map((f) => f.form)).toEqual(["BM1", "BM3", "BM7"]);
  });

  it("gives the same findings (rule, severity, STT) as the tagged workbook", () => {
    expect(plain.findings.map(key).sort()).toEqual(tagged.findings.map(key).sort());
    expect(plain.findings.length).toBeGreaterThan(10);
  });
});
