/**
 * One formatter per output (style.md §12): findings of a checked file as text lines, and as the JSON document of
 * `check --json`. Sentences come from the shared catalogue (renderFinding), never written here.
 */
import type { Period } from "../engine/periods";
import type { Finding, RecognitionResult } from "../engine/types";
import { renderFinding } from "../i18n/findings";
import type { Lang } from "../i18n/number";
import type { CliText } from "../i18n/cli";
import { sheetRef } from "../layout/a1";

export interface JsonFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  form: string;
  stt: string | null;
  cell: string | null;
  value: string | null;
  expected: string | null;
  message: string;
}

export interface JsonFile {
  file: string;
  forms: Array<{ form: string; sheet: string }>;
  findings: JsonFinding[];
  /** The report period the file states ("6t", 2024, cut-off dates), null when none; absent for an unreadable file. */
  period?: JsonPeriod | null;
  /** Present only when the file could not be read: why, in the chosen language. */
  error?: string;
}

export interface JsonPeriod {
  kind: Period["kind"];
  year: number;
  from: string;
  to: string;
}

export function periodJson(p: Period | null | undefined): JsonPeriod | null {
  return p ? { kind: p.kind, year: p.year, from: p.from, to: p.to } : null;
}

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => ORDER[a.f.severity] - ORDER[b.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}

export function cellOf(f: Finding): string | null {
  return f.sheet && f.cell ? sheetRef(f.sheet, f.cell) : (f.cell ?? null);
}

/** STT as the JSON shows it: "3.2", never "3.2." or "3,2". */
function sttOf(f: Finding): string | null {
  return f.stt ? f.stt.replace(/[.,;:\s]+$/u, "").replace(/,/g, ".") : null;
}

export function jsonFinding(f: Finding, lang: Lang): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    form: f.form,
    stt: sttOf(f),
    cell: cellOf(f),
    value: f.value ?? null,
    expected: f.expected ?? null,
    message: renderFinding(f, lang),
  };
}

export function jsonFile(file: string, recognition: RecognitionResult, findings: readonly Finding[], lang: Lang): JsonFile {
  return {
    file,
    forms: recognition.forms.map((f) => ({ form: f.formId, sheet: f.sheet })),
    findings: sortFindings(findings).map((f) => jsonFinding(f, lang)),
  };
}

export function counts(findings: readonly Finding[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

const MARK = { error: "✖", warning: "⚠", info: "ℹ" } as const;

/** The text report of one checked file: a heading line, a summary line, one line per finding. */
export function textReport(
  file: string,
  recognition: RecognitionResult,
  findings: readonly Finding[],
  lang: Lang,
  t: CliText,
  extra: readonly string[] = [],
): string[] {
  const lines = [file];
  if (recognition.forms.length === 0) lines.push(`  ${t.noForms}`);
  else {
    const forms = recognition.forms.map((f) => `${f.formId} (${f.sheet})`).join(", ");
    const c = counts(findings);
    lines.push(`  ${t.fileSummary(forms, c.error, c.warning, c.info)}`);
  }
  for (const e of extra) lines.push(`  ${e}`);
  if (recognition.unrecognisedSheets.length && recognition.forms.length)
    lines.push(`  ${t.unrecognisedSheets(recognition.unrecognisedSheets)}`);
  for (const f of sortFindings(findings)) {
    const where = [cellOf(f), f.stt ? `${f.form} ${sttOf(f)}` : f.form].filter(Boolean).join("  ");
    lines.push(`  ${MARK[f.severity]} ${t.severity[f.severity]}: ${where ? `${where}: ` : ""}${renderFinding(f, lang)}`);
  }
  // Sheet names, cell texts and file names come from the file: one line each, nothing a terminal would obey.
  return lines.map((line) => visible(line));
}

/**
 * Text safe to print on a terminal: control characters a cell can carry (ESC from "_x001B_", CR, BEL, C1 controls,
 * bidirectional overrides) are shown escaped ("\x1B", "\u202E"), so a file cannot move the cursor, erase lines or
 * reorder what the reviewer reads. Line feeds are kept only when `keepNewlines` (the CLI's own multi-line messages).
 */
export function visible(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? CONTROL_KEEP_LF : CONTROL, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).toUpperCase().padStart(2, "0")}` : `\\u${n.toString(16).toUpperCase().padStart(4, "0")}`;
  });
}
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_KEEP_LF = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/** JSON for a terminal: JSON.stringify escapes C0 controls; C1 controls and bidi overrides are escaped here too. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/[\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
