/**
 * V8 settings for a short-lived command, set from inside the process: `bieumau` is started by a plain
 * `#!/usr/bin/env node` (and npm's shims on Windows), which can pass node no flags, and NODE_OPTIONS belongs to the
 * user. Only flags V8 reads as it runs take effect this way.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from "v8";

/**
 * Each flag is set only on the V8 versions known to have it: an unknown flag prints an error on stderr. V8 11 is
 * Node 20; 12 and 13 are Node 22 and 24.
 */
const V8_MAJOR = Number(process.versions.v8.split(".")[0]);

/**
 * V8 11 (Node 20) optimises a function once it has run about 66 KB of bytecode (`--interrupt-budget=67584`); in a
 * command that lives under a second most of that compiling is never paid back. Raised to 500 KB by bin/bieumau.js
 * before a command's code is loaded. Measured on `check` in alternating runs, median CPU time (user + system) of 10:
 * one workbook 0.33 → 0.26 s, 50 workbooks 0.86 → 0.72 s; of 4: 1,000 workbooks unchanged (4.61 vs 4.66 s); the
 * 100,000-row workbook unchanged (0.5 s). V8 reads it whenever it sets a function's budget, so setting it at
 * start-up is enough.
 */
const INTERRUPT_BUDGET = 500 * 1024;

export function delayOptimisation(): void {
  // Newer V8 (12, 13) has no such flag: it decides by call counts, and was not measured here; left alone there.
  if (V8_MAJOR === 11) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/**
 * A batch's peak memory is mostly V8's young generation: its two semi-spaces grow, doubling, up to 16 MB each
 * (32 MB of new space), although nothing a file's check makes outlives the file. Measured on `check --json` over 5,000
 * workbooks: 140 MB peak RSS by default, 98 MB with new space held at 4 MB. With the old generation's growth bounded
 * too (below), 8 MB costs no more memory than 4 (86 and 87 MB) and less time: 1,000 workbooks 4.46 vs 4.93 s of CPU
 * (medians of 8 alternating runs, 8 MB ahead in every pair), 27.0 vs 28.7 G instructions (callgrind); 16 MB is no
 * faster than 8 and takes 9 MB more.
 *
 * A single file keeps the earlier 4 MB: its check is one file long, so a larger young generation saves it little,
 * and the 100,000-row workbook peaked at 84–88 MB with 8 MB against 70–72 MB with 4.
 *
 * Node starts V8 before our code runs, so the size cannot be set (`--max-semi-space-size` is read once, at start-up,
 * and `NODE_OPTIONS` belongs to the user). What is read at every growth is the growth factor; once the new space has
 * reached the limit it is set to 1, and it stops growing there. Called before each file (start-up has usually grown
 * the new space to 4 MB by the first).
 */
const BATCH_LIMIT = 8 * 1024 * 1024;
const ONE_FILE_LIMIT = 4 * 1024 * 1024;
let bounded = false;

/**
 * The old generation is let grow to 1.5 × what survived its last full collection. V8's own factor goes up to 4× when
 * collections are cheap: in about half the runs of `check --json` over 5,000 files, one collection ran while
 * incremental marking had kept 30 MB of a moment's garbage, and the heap was then let grow to 164 MB before the
 * next (peak RSS 230 MB instead of 107 MB). Read by V8 at every collection. With it, 84–88 MB in 14 runs of 14
 * (6 with the flag given to node, 8 set from here); without, 106–237 MB; CPU unchanged within the machine's noise.
 */
const OLD_GROWTH_PERCENT = 50;

/** `batch`: the run checks more than one file. */
export function boundYoungGeneration(batch = true): void {
  // --semi-space-growth-factor and --heap-growing-percent: V8 11 to 13 (Node 20 to 24).
  if (bounded || V8_MAJOR < 11 || V8_MAJOR > 13) return;
  const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  if (!newSpace || newSpace.space_size < (batch ? BATCH_LIMIT : ONE_FILE_LIMIT)) return;
  bounded = true;
  setFlagsFromString("--semi-space-growth-factor=1");
  setFlagsFromString(`--heap-growing-percent=${OLD_GROWTH_PERCENT}`);
}

/** For tests: whether the bound has been set in this process. */
export function youngGenerationBounded(): boolean {
  return bounded;
}
