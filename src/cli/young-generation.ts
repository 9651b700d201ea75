import { getHeapSpaceStatistics, setFlagsFromString } from "v8";

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
/** The V8 versions known to have the flag (Node 20–24: V8 11–13). An unknown flag would print an error on stderr. */
const KNOWN_V8 = /^1[1-3]\./.test(process.versions.v8);
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
