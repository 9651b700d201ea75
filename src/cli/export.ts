/**
 * bieumau export WORKBOOK.xlsx -o PHU-LUC.docx: the workbook's appendix as a Word document (Nghị định 30/2020).
 * The workbook goes through the same reading, recognition and engine as `check`; the document plan
 * (src/layout/docplan.ts) takes the engine's resolved values and computed rates, src/io/docx-write.ts renders it.
 */
import { promises as fs } from "fs";
import { dirname, resolve } from "path";
import { recogniseWorkbook, validateForms } from "../engine";
import type { SheetGrid } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { cliDocxText } from "../i18n/cli-docx";
import { planAppendix, type DocPlan } from "../layout/docplan";
import { loadTemplateSet, shown, UsageError, type Ctx } from "./io";
import { readWorkbookFile } from "./xlsx-read";

export interface ExportOptions {
  output: string;
  templates?: string;
  overwrite?: boolean;
}

/** The first cell of the grids whose text starts like `pattern`: the caption and the unit line above a table. */
function firstText(grids: readonly SheetGrid[], pattern: RegExp): string | undefined {
  for (const g of grids)
    for (const row of g.cells.slice(0, 12))
      for (const c of row ?? []) {
        const v = c?.value;
        if (typeof v === "string" && pattern.test(v.trim())) return v.trim();
      }
  return undefined;
}

/** The appendix plan of a workbook's grids, or null when no form is recognised. */
export function appendixPlanOf(set: TemplateSet, grids: readonly SheetGrid[]): DocPlan | null {
  const recognition = recogniseWorkbook(set, grids);
  if (recognition.forms.length === 0) return null;
  const result = validateForms(set, recognition.forms, { values: true });
  return planAppendix({
    set,
    forms: recognition.forms,
    values: result.values ?? [],
    computed: result.computed,
    caption: firstText(grids, /^\(\s*Ban hành kèm theo/i),
    meta: firstText(grids, /^Đơn vị báo cáo:/i),
  });
}

export async function runExport(ctx: Ctx, input: string, options: ExportOptions): Promise<number> {
  const t = cliDocxText(ctx.lang);
  const { set } = await loadTemplateSet(ctx, options.templates);
  const file = resolve(ctx.cwd, input);
  const target = resolve(ctx.cwd, options.output);
  if (file === target) throw new UsageError(ctx.t.refuseInput(shown(ctx, target)));
  const outcome = await readWorkbookFile(file, set);
  if (!outcome.ok) {
    ctx.err(`${shown(ctx, file)}\n  ✖ ${ctx.t.readProblem(outcome.problem, outcome.detail)}`);
    return 2;
  }
  const plan = appendixPlanOf(set, outcome.grids);
  if (!plan) {
    ctx.err(`${shown(ctx, file)}\n  ✖ ${t.exportNoForms}`);
    return 2;
  }
  if (!options.overwrite && (await fs.stat(target).catch(() => null))) {
    ctx.err(ctx.t.refuseOverwrite(shown(ctx, target)));
    return 2;
  }
  try {
    // Loaded on demand: only export needs the Word writer (and the docx package behind it).
    const { renderAppendixDocx } = await import("../io/docx-write");
    const bytes = await renderAppendixDocx(plan);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, bytes, { flag: options.overwrite ? "w" : "wx" });
  } catch (e) {
    ctx.err(t.exportFailed(shown(ctx, target), (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    return 2;
  }
  ctx.out(t.exportWrote(shown(ctx, target), plan.forms.length));
  return 0;
}
