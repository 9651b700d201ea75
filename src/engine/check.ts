import type { TemplateSet } from "../forms/schema";
import { recogniseWorkbook } from "./recognise";
import type { RecognitionResult, SheetGrid, ValidationResult } from "./types";
import { validateForms } from "./validate";

/** Recognises every form in the grids (tagged or typed by hand) and validates them: what "Kiểm tra" runs. */
export function checkWorkbook(set: TemplateSet, grids: readonly SheetGrid[]): { recognition: RecognitionResult; result: ValidationResult } {
  const recognition = recogniseWorkbook(set, grids);
  const result = validateForms(set, recognition.forms);
  return { recognition, result: { ...result, findings: [...recognition.findings, ...result.findings] } };
}
