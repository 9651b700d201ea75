import type { RowSource } from "./schema";
import { memoised } from "../util/memo";

/**
 * "3.1.2." → "3.1.2", "1," → "1", " 6 " → "6", "I." stays unmatched (null). Clerks and templates vary in how they
 * end an STT; the normal form is digits joined by dots.
 */
const normaliseMemo = memoised(normaliseUncached);

export function normaliseStt(raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw);
  return text === "" || text.length > 40 ? null : normaliseMemo(text);
}

function normaliseUncached(text: string): string | null {
  let s = text;
  s = s.normalize("NFC").trim().replace(/[.,;:)\s]+$/u, "").replace(/^[(\s]+/u, "");
  s = s.replace(/\s*[.,]\s*/gu, ".");
  return /^\d{1,3}(\.\d{1,3}){0,4}$/.test(s) ? s : null;
}

/** Rows with source "inferred" have no official text behind them: the product says so wherever it shows them. */
export function isOfficialSource(source: RowSource): boolean {
  return source !== "inferred";
}
