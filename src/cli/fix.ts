/**
 * `check --fix --write OUT.xlsx`: the fixes planned by src/layout/fixes.ts, applied to the copy being written (never
 * the input), then the copy is checked again so its check column and results sheet describe the fixed values.
 */
import type ExcelJS from "exceljs";
import { checkWorkbook } from "../engine";
import type { RecognitionResult, ValidationResult } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import { FIX_TEXT, fixResult } from "../i18n/fixes";
import type { Lang } from "../i18n/number";
import { planFixes, type CellFix } from "../layout/fixes";
import { workbookGrids } from "./xlsx-grid";
import { inVietnamese, ownStyle } from "./xlsx-write";

/** Writes each fix into the workbook; returns the fixes written. */
export function applyFixes(workbook: ExcelJS.Workbook, fixes: readonly CellFix[]): CellFix[] {
  const done: CellFix[] = [];
  for (const fix of fixes) {
    const ws = workbook.getWorksheet(fix.sheet);
    if (!ws) continue;
    const cell = ws.getCell(fix.cell);
    ownStyle(cell);
    if ("formula" in fix.to) {
      cell.value = { formula: fix.to.formula.replace(/^=/, ""), ...(fix.to.value !== null ? { result: fix.to.value } : {}) } as ExcelJS.CellFormulaValue;
      cell.numFmt = inVietnamese("0.00");
    } else {
      cell.value = fix.to.value;
      cell.numFmt = "General";
    }
    done.push(fix);
  }
  return done;
}

export interface FixedCheck {
  fixes: CellFix[];
  grids: ReturnType<typeof workbookGrids>["grids"];
  recognition: RecognitionResult;
  result: ValidationResult;
  lines: string[];
}

/** Plans, applies and re-checks; `lines` say what changed, one line per cell. */
export function fixAndRecheck(workbook: ExcelJS.Workbook, set: TemplateSet, recognition: RecognitionResult, result: ValidationResult, lang: Lang): FixedCheck {
  const fixes = applyFixes(workbook, planFixes(set, recognition, result));
  const { grids } = workbookGrids(workbook, set);
  const again = checkWorkbook(set, grids);
  const t = FIX_TEXT[lang];
  const lines = fixes.map((f) => t.cliLine(`'${f.sheet}'!${f.cell}`, f.before, fixResult(f, lang)));
  if (fixes.length) lines.push(t.cliSummary(fixes.length));
  return { fixes, grids, recognition: again.recognition, result: again.result, lines };
}
