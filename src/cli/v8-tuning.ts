/**
 * V8 settings for a short-lived command, set from inside the process: `bieumau` is started by a plain
 * `#!/usr/bin/env node` (and npm's shims on Windows), which can pass node no flags, and NODE_OPTIONS belongs to the
 * user. Only flags V8 reads as it runs take effect this way; each is set only on the V8 versions known to have it.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from "v8";

/** The V8 versions known to have these flags (Node 20–24: V8 11–13). An unknown flag would print an error on stderr. */
const KNOWN_V8 = /^1[1-3]\./.test(process.versions.v8);

/**
 * V8 optimises a function once it has run about 132 KB of bytecode; in a command that lives under a second most of
 * that compiling is never paid back. Raised to 500 KB by bin/bieumau.js before a command runs. Measured on
 * `check` in alternating runs, median CPU time (user + system) of 10: one workbook 0.33 → 0.26 s, 50 workbooks
 * 0.86 → 0.72 s; of 4: 1,000 workbooks unchanged (4.61 vs 4.66 s); the 100,000-row workbook unchanged (0.5 s). V8
 * reads it whenever it sets a function's budget, so setting it at start-up is enough.
 */
const INTERRUPT_BUDGET = 500 * 1024;

export function delayOptimisation(): void {
  if (KNOWN_V8) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

/**
 * A batch's peak memory is mostly V8's young generation: its two semi-spaces grow, doubling, up to 16 MB each
 * (32 MB of new space), although nothing a file's check makes outlives the file. Measured on `check --json` over 5,000
 * workbooks: 140 MB peak RSS by default, 98 MB with new space held at 4 MB, at no measurable cost in time
 * (`npm run bench -- cli`).
 *
 * Node starts V8 before our code runs, so the size cannot be set (`--max-semi-space-size` is read once, at start-up,
 * and `NODE_OPTIONS` belongs to the user). What is read at every growth is the growth factor; once the new space has
 * reached LIMIT it is set to 1, and it stops growing there. Called between files, so a short run never pays anything.
 */
const LIMIT = 4 * 1024 * 1024;
let bounded = false;

export function boundYoungGeneration(): void {
  if (bounded || !KNOWN_V8) return;
  const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  if (!newSpace || newSpace.space_size < LIMIT) return;
  bounded = true;
  setFlagsFromString("--semi-space-growth-factor=1");
}

/** For tests: whether the bound has been set in this process. */
export function youngGenerationBounded(): boolean {
  return bounded;
}
