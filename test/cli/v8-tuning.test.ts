/**
 * src/cli/v8-tuning.ts: a batch bounds V8's young generation once it reaches 8 MB (most of a long batch's peak
 * memory) and how far the old generation may grow past what survived, and the command delays V8's optimising
 * compiler (most of a short command's compiling never pays back).
 * Run in a fresh plain node (the compiled lib/, as bin/bieumau.js runs it): jest's own process has long grown its
 * young generation, and its flags are its own.
 */
import { execFile } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { promisify } from "util";

const exec = promisify(execFile);
const root = join(__dirname, "..", "..");

/** Allocates in rounds, keeping part of it alive for a while (as checking a file does), and records the new space's
 *  size after each round, calling the bound between rounds when asked. */
async function newSpaceSizes(bound: boolean, batch = true): Promise<{ bounded: boolean; mb: number[] }> {
  const script = `
    const v8 = require("v8");
    const y = require(${JSON.stringify(join(root, "lib", "cli", "v8-tuning.js"))});
    const size = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
    let keep = [];
    const mb = [size() / 1048576];
    for (let round = 0; round < 300; round++) {
      for (let i = 0; i < 3000; i++) { keep.push({ i, text: "x" + i }); if (keep.length > 100000) keep = []; }
      if (${bound}) y.boundYoungGeneration(${batch});
      mb.push(size() / 1048576);
    }
    console.log(JSON.stringify({ bounded: y.youngGenerationBounded(), mb }));`;
  const { stdout } = await exec(process.execPath, ["-e", script], { cwd: root });
  return JSON.parse(stdout) as { bounded: boolean; mb: number[] };
}

beforeAll(async () => {
  if (!existsSync(join(root, "lib", "cli", "v8-tuning.js"))) await exec("npm", ["run", "build:cli"], { cwd: root });
}, 120000);

it("left alone, the young generation grows past 16 MB under this load (so the test below can fail)", async () => {
  const { bounded, mb } = await newSpaceSizes(false);
  expect(bounded).toBe(false);
  expect(Math.max(...mb)).toBeGreaterThan(16);
}, 60000);

/** The new space reached `limit` MB, stayed below twice that, and never grew once the bound was set. */
function expectStoppedAt(mb: number[], limit: number): void {
  const at = mb.findIndex((m) => m >= limit);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(Math.max(...mb)).toBeLessThan(2 * limit);
  expect(Math.max(...mb.slice(at + 1))).toBeLessThanOrEqual(mb[at + 1]);
}

it("bounded between rounds, it stops growing once it has reached 8 MB", async () => {
  const { bounded, mb } = await newSpaceSizes(true);
  expect(bounded).toBe(true);
  expectStoppedAt(mb, 8);
}, 60000);

/**
 * The heap's peak (MB) under a load that keeps 40 MB alive for a while, lets it go and makes garbage, six times over
 * (a full collection that finds much alive lets the old generation grow far past it), calling the bound as it goes.
 */
async function heapPeakMb(bound: boolean): Promise<{ bounded: boolean; peak: number }> {
  const script = `
    const v8 = require("v8");
    const y = require(${JSON.stringify(join(root, "lib", "cli", "v8-tuning.js"))});
    let peak = 0;
    const used = () => { const h = v8.getHeapStatistics().total_heap_size; if (h > peak) peak = h; };
    for (let round = 0; round < 6; round++) {
      let live = [];
      for (let i = 0; i < 400000; i++) {
        live.push({ i, s: "v" + i, a: [i, i + 1] });
        if (i % 10000 === 0) { used(); if (${bound}) y.boundYoungGeneration(); }
      }
      live = null;
      for (let i = 0; i < 2000000; i++) { const o = { i, s: "w" + i }; if (i % 10000 === 0) used(); }
    }
    console.log(JSON.stringify({ bounded: y.youngGenerationBounded(), peak: peak / 1048576 }));`;
  // The old generation's own ceiling set high: V8 sizes it by the machine's memory (256 MB on a 1 GB machine or
  // container), which would stop the unbounded run short of what this test shows.
  const { stdout } = await exec(process.execPath, ["--max-old-space-size=2048", "-e", script], { cwd: root });
  return JSON.parse(stdout) as { bounded: boolean; peak: number };
}

it("bounded, the old generation grows to half again what survived, not up to four times (peak under 150 MB, not over)", async () => {
  // Measured here: 253–285 MB left alone, 173–225 MB with only the young generation bounded, 77–98 MB bounded.
  const left = await heapPeakMb(false);
  const bounded = await heapPeakMb(true);
  expect(left.bounded).toBe(false);
  expect(left.peak).toBeGreaterThan(150);
  expect(bounded.bounded).toBe(true);
  expect(bounded.peak).toBeLessThan(150);
}, 60000);

it("a run of one file is bounded at 4 MB instead (a single large workbook keeps its memory low)", async () => {
  const { bounded, mb } = await newSpaceSizes(true, false);
  expect(bounded).toBe(true);
  // A batch's bound (8 MB) would let it reach 8.
  expectStoppedAt(mb, 4);
}, 60000);

/** How many calls a small function takes before V8 has optimised it, in a fresh node, with or without the delay. */
async function callsBeforeOptimised(delay: boolean): Promise<number> {
  const script = `
    if (${delay}) require(${JSON.stringify(join(root, "lib", "cli", "v8-tuning.js"))}).delayOptimisation();
    function f(a) { let s = 0; s += a * 2; s += a >> 1; s ^= a; return s; }
    function g(k) { return f(k) + 1; }
    let calls = 0;
    // Status bit 16: optimised (V8's %GetOptimizationStatus).
    while (calls < 1000000 && !(%GetOptimizationStatus(g) & 16)) { for (let j = 0; j < 1000; j++) g(j); calls += 1000; }
    console.log(calls);`;
  // No concurrent compiling: the function is optimised when V8 decides to, not when a background thread finishes.
  const { stdout } = await exec(process.execPath, ["--allow-natives-syntax", "--no-concurrent-recompilation", "-e", script], { cwd: root });
  return Number(stdout);
}

it("the command delays optimisation: a function runs several times as often before V8 compiles it", async () => {
  const plain = await callsBeforeOptimised(false);
  const delayed = await callsBeforeOptimised(true);
  expect(plain).toBeGreaterThan(0);
  expect(plain).toBeLessThan(1000000);
  expect(delayed).toBeGreaterThan(2 * plain);
}, 60000);

it("bin/bieumau.js sets the delay before the command's code is loaded, and a lib/ without the module still runs", () => {
  const bin = readFileSync(join(root, "bin", "bieumau.js"), "utf8");
  const at = bin.indexOf("delayOptimisation()");
  expect(at).toBeGreaterThan(-1);
  expect(at).toBeLessThan(bin.indexOf('require("../lib/cli/main.js")'));
  // Inside a try: only a speed-up, never a reason for a command to fail.
  expect(bin.lastIndexOf("try {", at)).toBeGreaterThan(-1);
  expect(bin.indexOf("catch", at)).toBeLessThan(bin.indexOf('require("../lib/cli/main.js")'));
});

it("the settings print nothing: `bieumau --version` writes only the version", async () => {
  const { stdout, stderr } = await exec(process.execPath, [join(root, "bin", "bieumau.js"), "--version"], { cwd: root });
  expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  expect(stderr).toBe("");
}, 60000);
