/** One cell as read through Office.js, into the engine's shape. */
import type { CellInput } from "../engine/types";

/** A text cell that reads "=…" is text, not a formula. */
export function toCellInput(value: unknown, formula: unknown, numberFormat: unknown, text: unknown): CellInput | null {
  const v = value === "" || value === undefined ? null : (value as CellInput["value"]);
  const f = typeof formula === "string" && formula.startsWith("=") && !(typeof value === "string" && value === formula) ? formula : undefined;
  if (v === null && !f) return null;
  const cell: CellInput = { value: v };
  if (typeof text === "string") cell.text = text;
  if (typeof numberFormat === "string") cell.numberFormat = numberFormat;
  if (f) cell.formula = f;
  return cell;
}
