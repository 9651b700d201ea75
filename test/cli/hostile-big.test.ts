/**
 * Each large reproduction of issue #13 items 2, 3 and 6 through the command line, made by test/support/hostile-big.ts
 * from a real form workbook: `check` reads ranges as ranges and stops at the read window, refuses bombs while
 * inflating and what is not a regular file at once; `check --write` never hands exceljs a range it would expand (the
 * copy is not written, and the reason is said). Every run ends with exit 0/1/2, no stack trace, and the input unchanged. (The read-level cases are in lean-hostile.)
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { strFromU8, unzipSync } from "fflate";
import { cliText } from "../../src/i18n/cli";
import { BIG_CASES, bigWorkbook, type BigCase } from "../support/hostile-big";
import { fingerprint } from "../support/fuzz-check";
import { cli, SAMPLE_TSV, tempDir } from "./helpers";

let dir: string;
let cleanup: () => void;
let parts: Record<string, Uint8Array>;
beforeAll(async () => {
  ({ dir, cleanup } = tempDir("bieumau-big-"));
  expect((await cli(["new", "--from", SAMPLE_TSV, "good.xlsx"], dir)).code).toBe(0);
  parts = unzipSync(readFileSync(join(dir, "good.xlsx")));
}, 60000);
afterAll(() => cleanup());

const vi = cliText("vi");
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n|TypeError|RangeError|heap out of memory/);

/**
 * What `check --write` must say of each case: read (0/1, the ranges kept as written), read but the copy refused (2),
 * or the file refused with this problem (2).
 */
const expected: Record<BigCase, { code: number[]; problem?: string; writeRefused?: boolean }> = {
  "merges:whole": { code: [2], writeRefused: true },
  "merges:columns": { code: [2], writeRefused: true },
  "merges:20000": { code: [2], writeRefused: true },
  "names:whole": { code: [2], writeRefused: true },
  "filter:whole": { code: [2], writeRefused: true },
  "validation:whole": { code: [2], writeRefused: true },
  "rows:dense": { code: [2], writeRefused: true },
  "rows:far": { code: [0, 1] },
  "bomb:64MB": { code: [2], problem: "zip_part_too_large" },
  "bomb:1GiB": { code: [2], problem: "zip_part_too_large" },
  "bomb:4GiB-declared-small": { code: [2], problem: "zip_size_mismatch" },
  "shared:10M": { code: [2], writeRefused: true },
  "no_refs:5M": { code: [2], writeRefused: true },
  fifo: { code: [2], problem: "not_regular_file" },
  devzero: { code: [2], problem: "not_regular_file" },
  devurandom: { code: [2], problem: "not_regular_file" },
};

describe.each(BIG_CASES.map((c) => [c]))("%s", (kind) => {
  const file = `${kind.replace(/[:]/g, "-")}.xlsx`;
  beforeAll(() => {
    const path = join(dir, file);
    if (kind === "fifo") execFileSync("mkfifo", [path]);
    else if (kind === "devzero") symlinkSync("/dev/zero", path);
    else if (kind === "devurandom") symlinkSync("/dev/urandom", path);
    else writeFileSync(path, bigWorkbook({ ...parts }, kind));
  }, 60000);

  it("check --write: exit 0/1/2 as documented, a Vietnamese message, no stack, the input unchanged", async () => {
    const want = expected[kind];
    const before = fingerprint(join(dir, file));
    const out = `out-${file}`;
    const r = await cli(["check", "--write", out, file], dir);
    noStack(r.stdout + r.stderr);
    expect(want.code).toContain(r.code);
    expect(fingerprint(join(dir, file))).toBe(before);
    if (want.problem) {
      expect(r.stdout).toContain(vi.readProblem(want.problem as never));
      return;
    }
    expect(r.stdout).toContain("Biểu mẫu");
    // What exceljs would expand or build cell by cell is never handed to it: the copy is not written, the reason is
    // said, and the exit code is 2 (a file could not be written).
    const refused = r.stdout.includes(vi.readProblem("too_large_to_write"));
    if (want.writeRefused) expect(refused).toBe(true);
    if (refused || r.stdout.includes(vi.notWritten(out, ""))) expect(existsSync(join(dir, out))).toBe(false);
    else expect(strFromU8(unzipSync(readFileSync(join(dir, out)))["xl/workbook.xml"])).toContain("Biểu mẫu");
  }, 120000);
});
