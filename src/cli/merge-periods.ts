/** Which periods the inputs of a merge state: one common period, or several (refused unless --force). */
import { periodCode, type Period } from "../engine/periods";

export interface MergePeriods {
  /** The one period every input that states one states; null when none does or they differ. */
  common: Period | null;
  /** Two or more different stated periods. Inputs that state none are not counted as different. */
  mixed: boolean;
  groups: Array<{ period: Period | null; files: string[] }>;
}

export function mergePeriods(inputs: ReadonlyArray<{ file: string; period: Period | null }>): MergePeriods {
  const groups = new Map<string, { period: Period | null; files: string[] }>();
  for (const { file, period } of inputs) {
    const key = period ? periodCode(period) : "";
    const g = groups.get(key) ?? { period, files: [] };
    g.files.push(file);
    groups.set(key, g);
  }
  const known = [...groups.values()].filter((g) => g.period);
  return { common: known.length === 1 ? known[0].period : null, mixed: known.length > 1, groups: [...groups.values()] };
}
