/**
 * bieumau merge FILE_OR_DIR… -o OUT.xlsx [--force]: consolidates unit workbooks into one appendix.
 * - counts (and plain numbers) are summed exactly;
 * - rates are never averaged: each rate cell keeps the layout's live formula over the summed parts;
 * - a percentage without parts (e.g. "Tỷ lệ sở, ngành đã kết nối") is neither summed nor averaged: blank, with the
 *   range reported by the units in its note;
 * - coded answers are summarised in the note ("1: 12 đơn vị; 0: 3 đơn vị"), the code kept only when all agree;
 * - a sheet lists which unit is missing which form or value; another lists the inputs.
 * Inputs with errors stop the merge unless --force, and then the output says so on every sheet.
 */
import { resolve } from "path";
import { checkFile, type CheckedFile } from "./check";
import { expandInputs, loadTemplateSet, shown, UsageError, type Ctx } from "./io";
import { errorDetail } from "./read-problem";
import { fileIds, reachesInput } from "./same-file";
import { buildMerge, type MergeOptions } from "./merge-build";
import { writeOutput } from "./xlsx-write";

export { type MergeOptions } from "./merge-build";

export async function runMerge(ctx: Ctx, inputs: readonly string[], options: MergeOptions): Promise<number> {
  const { set, loaded } = await loadTemplateSet(ctx, options.templates);
  const { files, emptyDirs } = await expandInputs(ctx, inputs);
  for (const d of emptyDirs) ctx.err(ctx.t.noXlsxInDir(d));
  if (files.length === 0) throw new UsageError(ctx.t.noInputs);
  const target = resolve(ctx.cwd, options.output);
  // Device and inode, not path strings: OUT may reach an input through a symlinked folder or a hard link.
  if (await reachesInput(target, await fileIds(files))) throw new UsageError(ctx.t.refuseInput(shown(ctx, target)));

  const checked: CheckedFile[] = [];
  for (const file of files) {
    // One boundary per file: an unexpected failure is this file's outcome, never the batch's end.
    try {
      checked.push(await checkFile(file, set));
    } catch (e) {
      checked.push({ file, outcome: { ok: false, file, problem: "internal", detail: errorDetail(e) }, findings: [] });
    }
  }
  const built = buildMerge(ctx, set, loaded, checked, options, (file) => shown(ctx, file));
  if (!built.workbook) return built.code;

  if ((await writeOutput(built.workbook, target, options.overwrite ?? false)) === "exists") {
    ctx.err(ctx.t.refuseOverwrite(shown(ctx, target)));
    return 2;
  }
  ctx.out(ctx.t.mergeSummary(built.units, built.formIds.join(", ")));
  if (built.withErrors.length) ctx.out(ctx.t.mergeForced(built.withErrors));
  ctx.out(ctx.t.wrote(shown(ctx, target)));
  return built.code;
}

