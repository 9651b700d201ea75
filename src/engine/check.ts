import type { TemplateSet } from "../forms/schema";
import { periodOfGrids, type Period } from "./periods";
import { recogniseWorkbook } from "./recognise";
import type { RecognitionResult, SheetGrid, ValidationResult } from "./types";
import { validateForms } from "./validate";

/**
 * Recognises every form in the grids (tagged or typed by hand) and validates them: what "Kiểm tra" runs. The report
 * period is the one given, else the one the sheets state (header line or a hand-typed title), else none.
 */
export function checkWorkbook(
  set: TemplateSet,
  grids: readonly SheetGrid[],
  options: { period?: Period | null } = {},
): { recognition: RecognitionResult; result: ValidationResult; period: Period | null } {
  const period = options.period !== undefined ? options.period : periodOfGrids(grids);
  const recognition = recogniseWorkbook(set, grids);
  const result = validateForms(set, recognition.forms, { period });
  return { recognition, result: { ...result, findings: [...recognition.findings, ...result.findings] }, period };
}
