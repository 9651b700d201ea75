/**
 * An imported set carries the learner's period proposals through the command line: `template import` of the real
 * report, then `new --templates SET.json --period q1-2026` with a value in BM3 3.2.1 gives the reform warning exactly
 * as the built-in set does, and `check --previous` with the imported set gives the accumulation warning.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { cli, readBook, tempDir, type JsonOut } from "./helpers";
import { parseTemplateSetText } from "../../src/forms/load";
import { SAMPLE_DOCX } from "../support/sample";

let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir("bieumau-template-periods-"));
  const imported = await cli(["template", "import", SAMPLE_DOCX, "-o", "set.json"], dir);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toContain("đề xuất về kỳ báo cáo (suy luận");
});
afterAll(() => cleanup());

/** Types values into a workbook `new` made, by form and STT (column D of the STT's row), as a clerk would. */
async function typeValues(path: string, values: Record<string, Record<string, number>>): Promise<void> {
  const wb = await readBook(path);
  for (const ws of wb.worksheets) {
    const want = values[`BM${/Biểu mẫu (\d)/.exec(ws.name)?.[1]}`];
    if (!want) continue;
    ws.eachRow((row) => {
      const stt = String(row.getCell(1).value ?? "").replace(/[.,]$/, "");
      if (stt in want) row.getCell(4).value = want[stt];
    });
  }
  await wb.xlsx.writeFile(path);
}

async function make(name: string, period: string, unit: string, templates: string[], values: Record<string, Record<string, number>>): Promise<void> {
  const made = await cli(["new", name, "--forms", "1,3", "--unit", unit, "--period", period, ...templates], dir);
  expect(made.code).toBe(0);
  await typeValues(join(dir, name), values);
}

type Finding = JsonOut["files"][number]["findings"][number];
const facts = (fs: Finding[]) => fs.map(({ rule, severity, form, stt, cell, value }) => ({ rule, severity, form, stt, cell, value }));

it("the imported set marks the rows in the file it writes", () => {
  const set = parseTemplateSetText(readFileSync(join(dir, "set.json"), "utf8"));
  const bm3 = set.forms.find((f) => f.id === "BM3")!;
  expect(bm3.rows.find((r) => r.stt === "3.2.1")).toMatchObject({ applies_until: "2025-06-30", applies_source: "inferred", accumulates: true, accumulates_source: "inferred" });
});

it("Quý I 2026 with a value in BM3 3.2.1: the reform warning, as with the built-in set", async () => {
  await make("learned.xlsx", "q1-2026", "Sở B", ["--templates", "set.json"], { BM3: { "3.2.1": 40 } });
  await make("builtin.xlsx", "q1-2026", "Sở B", [], { BM3: { "3.2.1": 40 } });
  const reform = async (file: string, templates: string[]) => {
    const run = await cli(["check", file, "--json", ...templates], dir);
    return (JSON.parse(run.stdout) as JsonOut).files[0].findings.filter((f) => f.rule.endsWith(".reform"));
  };
  const learned = await reform("learned.xlsx", ["--templates", "set.json"]);
  const builtin = await reform("builtin.xlsx", []);
  expect(facts(learned)).toEqual(facts(builtin));
  // The blank cấp huyện rows get the "rightly blank" info, the same for both; the typed value gets the warning.
  expect(learned.filter((f) => f.severity === "info").map((f) => f.stt)).toEqual(["3.2", "1.4.2", "3.2", "3.2.2"]);
  const warned = learned.filter((f) => f.severity === "warning");
  expect(warned).toEqual([expect.objectContaining({ rule: "BM3.3.2.1.reform", stt: "3.2.1", value: "40" })]);
  expect(warned[0].message).toBe(builtin.find((f) => f.severity === "warning")!.message);
  expect(warned[0].message).toContain("bắt đầu sau 30/6/2025");
});

it("check --previous with the imported set: a 6 tháng total smaller than the Quý I one is warned", async () => {
  const set = ["--templates", "set.json"];
  await make("c-q1.xlsx", "q1-2025", "Sở C", set, { BM1: { "1": 12 } });
  await make("c-6t.xlsx", "6t-2025", "Sở C", set, { BM1: { "1": 9 } });
  const run = await cli(["check", "c-6t.xlsx", "--previous", "c-q1.xlsx", "--json", ...set], dir);
  const found = (JSON.parse(run.stdout) as JsonOut).files[0].findings.filter((f) => f.rule.startsWith("period."));
  expect(found).toEqual([expect.objectContaining({ rule: "period.BM1.1.accumulates", severity: "warning", stt: "1", value: "9" })]);
  expect(found[0].message).toContain("ghi 9, nhỏ hơn 12 của kỳ Quý I năm 2025 (tệp c-q1.xlsx)");
  // The same with the built-in set: the same finding.
  await make("d-q1.xlsx", "q1-2025", "Sở C", [], { BM1: { "1": 12 } });
  await make("d-6t.xlsx", "6t-2025", "Sở C", [], { BM1: { "1": 9 } });
  const plain = await cli(["check", "d-6t.xlsx", "--previous", "d-q1.xlsx", "--json"], dir);
  const builtin = (JSON.parse(plain.stdout) as JsonOut).files[0].findings.filter((f) => f.rule.startsWith("period."));
  expect(facts(found)).toEqual(facts(builtin));
}, 30_000);
