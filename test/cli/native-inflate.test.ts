/**
 * The command line inflates small parts with Node's zlib (src/cli/native-inflate.ts); what it reads is what the
 * portable reader reads with fflate's inflater.
 */
import { join } from "path";
import { setWholeInflater } from "../../src/io/zip";
import { builtinTemplateSet } from "../../src/forms/load";
import { readWorkbookFile } from "../../src/cli/xlsx-read";
import { cli, SAMPLE_TSV, tempDir } from "./helpers";

// The module object itself (an ES namespace import's bindings cannot be spied on).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zlib = require("zlib") as typeof import("zlib");

let dir: string;
let cleanup: () => void;

beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => {
  setWholeInflater(null);
  cleanup();
});

test("check reads through zlib, and the cells it gets equal fflate's", async () => {
  expect((await cli(["new", "--from", SAMPLE_TSV, "mau.xlsx"], dir)).code).toBe(0);
  const spy = jest.spyOn(zlib, "inflateRawSync");
  try {
    const r = await cli(["check", "mau.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(spy.mock.calls.length).toBeGreaterThan(3);
  } finally {
    spy.mockRestore();
  }
  const set = builtinTemplateSet();
  const viaZlib = await readWorkbookFile(join(dir, "mau.xlsx"), set);
  setWholeInflater(null);
  const viaFflate = await readWorkbookFile(join(dir, "mau.xlsx"), set);
  expect(viaZlib.ok && viaZlib.grids.map((g) => g.sheet)).toEqual(["Biểu mẫu 1", "Biểu mẫu 3", "Biểu mẫu 7"]);
  expect(JSON.stringify(viaZlib) === JSON.stringify(viaFflate)).toBe(true);
}, 60000);
