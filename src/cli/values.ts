/**
 * The value of one filled row for merge, as the engine resolved it (validateForms with { values: true }): the
 * thousands readings, percentage formats and code meanings are the engine's, so merge and check never disagree.
 */
import { decFromString, type Dec } from "../engine/exact";
import type { ResolvedValue } from "../engine/types";
import type { FormRow } from "../forms/schema";

export type RowValue =
  | { type: "blank" }
  | { type: "number"; dec: Dec }
  | { type: "code"; code: string }
  | { type: "unreadable"; display: string };

export function rowValue(row: FormRow, resolved: ResolvedValue | undefined): RowValue {
  if (!resolved) return { type: "blank" };
  if (resolved.unreadable) return { type: "unreadable", display: resolved.display };
  if (resolved.value === null) return { type: "blank" };
  if (row.kind === "code") {
    return row.coding?.[resolved.value] !== undefined ? { type: "code", code: resolved.value } : { type: "unreadable", display: resolved.display };
  }
  const dec = decFromString(resolved.value);
  return dec ? { type: "number", dec } : { type: "unreadable", display: resolved.display };
}
