/**
 * The value of one filled row, resolved by its kind, for merge. The reading itself is the engine's (readCell); the
 * few lines below pick among its readings exactly as validate.ts's `interpret` does (percent-formatted fractions
 * ×100; a count's three-decimal "52,414" read as 52414). TODO(engine): replace with an engine export of the
 * resolved row value once there is one, so this cannot drift.
 */
import { readCell } from "../engine/reading";
import { decInt, decIsInteger, decMul, decToString, type Dec } from "../engine/exact";
import type { FilledRow } from "../engine/types";
import type { FormRow } from "../forms/schema";

export type RowValue =
  | { type: "blank" }
  | { type: "number"; dec: Dec }
  | { type: "code"; code: string }
  | { type: "unreadable"; display: string };

const HUNDRED = decInt(100);

export function rowValue(row: FormRow, filled: FilledRow | undefined): RowValue {
  const reading = readCell(filled?.value);
  if (reading.type === "blank") return { type: "blank" };
  if (reading.type !== "number") {
    if (row.kind === "code" && reading.type === "text") {
      const typed = reading.display.normalize("NFC").trim().toLowerCase();
      const hit = Object.entries(row.coding ?? {}).find(([, m]) => m.normalize("NFC").trim().toLowerCase() === typed);
      if (hit) return { type: "code", code: hit[0] };
    }
    return { type: "unreadable", display: reading.display };
  }
  let dec = reading.dec;
  if (reading.percentFormat) dec = decMul(dec, HUNDRED);
  if (row.kind === "count" && !decIsInteger(dec) && reading.alt && decIsInteger(reading.alt)) dec = reading.alt;
  if (row.kind === "code") return decIsInteger(dec) ? { type: "code", code: decToString(dec) } : { type: "unreadable", display: reading.display };
  return { type: "number", dec };
}
