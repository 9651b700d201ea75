/**
 * A batch bounds V8's young generation once it reaches 4 MB (src/cli/young-generation.ts), which is most of a long
 * batch's peak memory. Run in a fresh plain node (the compiled lib/, as bin/bieumau.js runs it): jest's own process
 * has long grown its young generation.
 */
import { execFile } from "child_process";
import { existsSync } from "fs";
import { join } from "path";
import { promisify } from "util";

const exec = promisify(execFile);
const root = join(__dirname, "..", "..");

/** Allocates in rounds, keeping part of it alive for a while (as checking a file does), and records the new space's
 *  size after each round, calling the bound between rounds when asked. */
async function newSpaceSizes(bound: boolean): Promise<{ bounded: boolean; mb: number[] }> {
  const script = `
    const v8 = require("v8");
    const y = require(${JSON.stringify(join(root, "lib", "cli", "young-generation.js"))});
    const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
    let keep = [];
    const mb = [size() / 1048576];
    for (let round = 0; round < 300; round++) {
      for (let i = 0; i < 3000; i++) { keep.push({ i, text: "x" + i }); if (keep.length > 100000) keep = []; }
      if (${bound}) y.boundYoungGeneration();
      mb.push(size() / 1048576);
    }
    console.log(JSON.stringify({ bounded: y.youngGenerationBounded(), mb }));`;
  const { stdout } = await exec(process.execPath, ["-e", script], { cwd: root });
  return JSON.parse(stdout) as { bounded: boolean; mb: number[] };
}

beforeAll(async () => {
  if (!existsSync(join(root, "lib", "cli", "young-generation.js"))) await exec("npm", ["run", "build:cli"], { cwd: root });
}, 120000);

it("left alone, the young generation grows past 8 MB under this load (so the test below can fail)", async () => {
  const { bounded, mb } = await newSpaceSizes(false);
  expect(bounded).toBe(false);
  expect(Math.max(...mb)).toBeGreaterThan(8);
}, 60000);

it("bounded between rounds, it stops growing once it has reached 4 MB", async () => {
  const { bounded, mb } = await newSpaceSizes(true);
  expect(bounded).toBe(true);
  const at = mb.findIndex((m) => m >= 4);
  expect(at).toBeGreaterThan(0);
  expect(Math.max(...mb)).toBeLessThanOrEqual(8);
  // Once bounded, never larger than when the bound was set.
  expect(Math.max(...mb.slice(at + 1))).toBeLessThanOrEqual(mb[at + 1]);
}, 60000);
