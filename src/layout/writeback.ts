/**
 * What "Kiểm tra" writes back, computed purely from the recognition, the engine's result and the grids as read.
 * Both hosts render this plan; neither decides anything about it.
 */
import type { TemplateSet } from "../forms/schema";
import type { CellInput, Finding, RecognisedForm, RecognitionResult, SheetGrid, ValidationResult } from "../engine/types";
import { renderFinding, SEVERITY_LABELS } from "../i18n/findings";
import { formatDecimal, type Lang } from "../i18n/number";
import { RESULTS_TEXT } from "../i18n/results";
import { a1, columnLetters, parseA1 } from "./a1";
import { CHECK_COLUMN_HEADER, RESULTS_SHEET_NAME } from "./names";
import { FORM_FONT, rateFormula, rateRuleFor } from "./plan";
import { planRowHeights, type TextCell } from "./textfit";
import type { ClearPlan, SheetWrites, WriteBackPlan, WriteCell, WriteTone } from "./writeback-types";

const SYMBOL: Record<"error" | "warning" | "info", string> = { error: "✗", warning: "⚠", info: "ℹ" };
const RANK = { error: 3, warning: 2, info: 1 } as const;
const CHECK_COLUMN_WIDTH = 48;
/** Results sheet columns: form, STT, cell, severity, message, value typed, expected value. */
const RESULTS_WIDTHS = [12, 7, 17, 10, 62, 13, 11];
/** How far right of the table the check column may move when the user has filled the columns next to it. */
const CHECK_COLUMN_SEARCH = 6;

function gridLookup(grids: readonly SheetGrid[]): (sheet: string, row: number, col: number) => CellInput | null | undefined {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  return (sheet, row, col) => {
    const g = bySheet.get(sheet);
    if (!g) return undefined;
    return g.cells[row - (g.origin?.row ?? 0)]?.[col - (g.origin?.col ?? 0)];
  };
}

function isEmpty(cell: CellInput | null | undefined): boolean {
  return !cell || ((cell.value === null || cell.value === undefined || cell.value === "") && !cell.formula);
}

function checkHeaderRow(form: RecognisedForm): number | null {
  if (form.headerRow !== null) return form.headerRow;
  return form.firstRow > 0 ? form.firstRow - 1 : null;
}

/** The column the product uses (or used) for checks beside this table: ours if present, else the first empty one. */
function findCheckColumn(
  form: RecognisedForm,
  at: ReturnType<typeof gridLookup>,
): { col: number; ours: boolean } | null {
  const headerRow = checkHeaderRow(form);
  for (let col = form.columns.note + 1; col <= form.columns.note + CHECK_COLUMN_SEARCH; col++) {
    const head = headerRow === null ? undefined : at(form.sheet, headerRow, col);
    if (head && head.value === CHECK_COLUMN_HEADER) return { col, ours: true };
  }
  for (let col = form.columns.note + 1; col <= form.columns.note + CHECK_COLUMN_SEARCH; col++) {
    let free = true;
    for (let r = headerRow ?? form.firstRow; r <= form.lastRow && free; r++) free = isEmpty(at(form.sheet, r, col));
    if (free) return { col, ours: false };
  }
  return null;
}

function toneOf(findings: Finding[]): WriteTone {
  let best: WriteTone = "ok";
  let rank = 0;
  for (const f of findings) if (RANK[f.severity] > rank) {
    rank = RANK[f.severity];
    best = f.severity;
  }
  return best;
}

function checkText(findings: Finding[], lang: Lang, computedNote: string | null): string {
  const lines = findings
    .slice()
    .sort((a, b) => RANK[b.severity] - RANK[a.severity])
    .map((f) => `${SYMBOL[f.severity]} ${renderFinding(f, lang)}`);
  if (computedNote) lines.push(computedNote);
  return lines.length ? lines.join("\n") : "✓";
}

export function planWriteBack(
  set: TemplateSet,
  recognition: RecognitionResult,
  result: ValidationResult,
  grids: readonly SheetGrid[],
  lang: Lang = "vi",
): WriteBackPlan {
  const at = gridLookup(grids);
  const notes: string[] = [];
  const bySheet = new Map<string, SheetWrites>();
  const sheetWrites = (sheet: string) => {
    let w = bySheet.get(sheet);
    if (!w) bySheet.set(sheet, (w = { sheet, cells: [], columnWidths: {}, font: { ...FORM_FONT } }));
    return w;
  };
  const findingsAt = new Map<string, Finding[]>();
  for (const f of result.findings) {
    if (!f.sheet || !f.stt) continue;
    const k = `${f.sheet}\u0000${f.form}\u0000${f.stt}`;
    findingsAt.set(k, [...(findingsAt.get(k) ?? []), f]);
  }
  const computedAt = new Map(result.computed.map((c) => [`${c.sheet}\u0000${c.form}\u0000${c.stt}`, c]));

  for (const form of recognition.forms) {
    const def = set.forms.find((f) => f.id === form.formId);
    if (!def) continue;
    const w = sheetWrites(form.sheet);
    const headerRow = checkHeaderRow(form);
    // Without a row above the table there is nowhere to put the column's header, and without the header the column
    // could not be found again (to clear it, or to reuse it on the next run): write none.
    const check = headerRow === null ? null : findCheckColumn(form, at);
    if (headerRow === null) {
      notes.push(RESULTS_TEXT[lang].noRowAbove(form.sheet, form.formId, RESULTS_SHEET_NAME));
    } else if (!check) {
      notes.push(RESULTS_TEXT[lang].columnsTaken(form.sheet, form.formId));
    } else {
      w.cells.push({ address: a1(headerRow, check.col), value: CHECK_COLUMN_HEADER, tone: "header", bold: true, wrap: true });
      w.columnWidths![check.col] = CHECK_COLUMN_WIDTH;
    }
    for (const row of def.rows) {
      const filled = form.rows[row.stt];
      if (!filled || filled.row === undefined) continue;
      const key = `${form.sheet}\u0000${form.formId}\u0000${row.stt}`;
      const computed = computedAt.get(key);
      // A blank rate cell of a form the product inserted (tagged) gets its live formula back; a rate typed over the
      // formula is kept as typed. Tables typed by hand are never written into.
      const rate = form.tagged ? rateRuleFor(def, row.stt) : undefined;
      if (rate && computed?.reported === "blank") {
        const n = form.rows[rate.numerator]?.row;
        const d = form.rows[rate.denominator]?.row;
        if (n !== undefined && d !== undefined)
          w.cells.push({ address: filled.address, formula: rateFormula(form.columns.value, n, d, rate.scale, rate.decimals), tone: "computed" });
      }
      if (!check || row.kind === "group") continue;
      const here = findingsAt.get(key) ?? [];
      const computedNote =
        computed?.reported === "typed" && computed.value !== null
          ? `${RESULTS_TEXT[lang].computedFromParts}${formatDecimal(computed.value, lang)}%`
          : null;
      w.cells.push({
        address: a1(filled.row, check.col),
        value: checkText(here, lang, computedNote),
        tone: toneOf(here),
        wrap: true,
      });
    }
  }

  for (const w of bySheet.values()) w.rowHeights = heightsOf(w);
  return { formSheets: [...bySheet.values()], results: planResultsSheet(set, recognition, result, lang), notes };
}

/** The rows the written text needs (textfit.ts), in the sheet's font and the plan's column widths. */
function heightsOf(w: SheetWrites): Record<number, number> {
  const widths: number[] = [];
  for (const [c, width] of Object.entries(w.columnWidths ?? {})) widths[Number(c)] = width;
  const size = w.font?.size ?? 11;
  const text: TextCell[] = [];
  for (const c of w.cells) {
    const at = parseA1(c.address);
    if (!at || c.value === undefined || c.value === null || c.value === "") continue;
    text.push({ row: at.row, col: at.col, text: String(c.value), font: { size, bold: c.bold }, wrap: !!c.wrap });
  }
  return planRowHeights(text, widths, []);
}

function planResultsSheet(set: TemplateSet, recognition: RecognitionResult, result: ValidationResult, lang: Lang): SheetWrites & { name: string } {
  const cells: WriteCell[] = [];
  const count = (s: Finding["severity"]) => result.findings.filter((f) => f.severity === s).length;
  const t = RESULTS_TEXT[lang];
  const formName = (id: string) => {
    const n = set.forms.find((f) => f.id === id)?.number;
    return n === undefined ? id : t.formName(n);
  };
  // The engine names a row of another form by the set's id ("BM7 6.1.1"); a reader sees "6.1.1 (Biểu mẫu 7)".
  const ids = set.forms.map((f) => f.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length);
  const refs = ids.length ? new RegExp(`\\b(${ids.join("|")}) (\\d+(?:\\.\\d+)*)`, "g") : null;
  const inWords = (text: string) => (refs ? text.replace(refs, (_m, id: string, stt: string) => `${stt} (${formName(id)})`) : text);
  let r = 0;
  cells.push({ address: a1(r++, 0), value: t.title, bold: true });
  cells.push({ address: a1(r++, 0), value: t.summary(count("error"), count("warning"), count("info"), set.template_set, "") });
  const formsRead = recognition.forms.map((f) => (formName(f.formId) === f.sheet ? f.sheet : `${formName(f.formId)} (${f.sheet})`)).join(", ");
  cells.push({ address: a1(r++, 0), value: t.formsRead + (formsRead || t.noForms) });
  if (recognition.unrecognisedSheets.length)
    cells.push({ address: a1(r++, 0), value: t.unrecognised + recognition.unrecognisedSheets.join(", ") });
  r++;
  t.findingHeaders.forEach((h, c) => cells.push({ address: a1(r, c), value: h, tone: "header", bold: true, wrap: true }));
  r++;
  const ordered = result.findings.slice().sort((a, b) => RANK[b.severity] - RANK[a.severity]);
  for (const f of ordered) {
    const row = [
      formName(f.form),
      f.stt ?? "",
      f.cell && f.sheet ? `${f.sheet}!${f.cell}` : f.sheet ?? "",
      SEVERITY_LABELS[lang][f.severity],
      inWords(renderFinding(f, lang)),
      f.value ?? "",
      f.expected !== undefined ? formatDecimal(f.expected, lang) : "",
    ];
    row.forEach((v, c) =>
      cells.push({
        address: a1(r, c),
        value: v,
        tone: c === 3 ? f.severity : undefined,
        wrap: true,
        link: c === 2 && f.cell && f.sheet ? { sheet: f.sheet, address: f.cell } : undefined,
      }),
    );
    r++;
  }
  r++;
  cells.push({ address: a1(r++, 0), value: t.relationsTitle, bold: true });
  t.relationHeaders.forEach((h, c) => cells.push({ address: a1(r, c), value: h, tone: "header", bold: true, wrap: true }));
  r++;
  const evaluations = result.evaluations.slice().sort((a, b) => Number(b.crossForm) - Number(a.crossForm));
  for (const e of evaluations) {
    // Form, (blank), result, kind of check, the relation in words, left and right sides.
    const relation = e.inferred ? `${inWords(e.relation)} (${t.inferredRule})` : inWords(e.relation);
    const row = [
      e.crossForm ? t.crossForm : formName(e.form),
      "",
      t.status[e.status],
      t.ruleKind[e.type as keyof typeof t.ruleKind] ?? "",
      relation,
      e.left !== undefined ? formatDecimal(e.left, lang) : "",
      e.right !== undefined ? formatDecimal(e.right, lang) : "",
    ];
    row.forEach((v, c) =>
      cells.push({
        address: a1(r, c),
        value: v,
        wrap: true,
        tone: c === 2 ? (e.status === "fail" ? "error" : e.status === "pass" ? "ok" : undefined) : undefined,
      }),
    );
    r++;
  }
  const sheet: SheetWrites & { name: string } = {
    name: RESULTS_SHEET_NAME,
    sheet: RESULTS_SHEET_NAME,
    cells,
    columnWidths: Object.fromEntries(RESULTS_WIDTHS.map((w, c) => [c, w])),
    font: { ...FORM_FONT },
    page: { orientation: "landscape", fitToWidth: 1 },
  };
  sheet.rowHeights = heightsOf(sheet);
  return sheet;
}

/** What "Xóa kết quả kiểm tra" removes: our check columns (found by their header) and the results sheet. */
export function planClear(recognition: RecognitionResult, grids: readonly SheetGrid[]): ClearPlan {
  const at = gridLookup(grids);
  const bySheet = new Map<string, string[]>();
  for (const form of recognition.forms) {
    const headerRow = checkHeaderRow(form);
    if (headerRow === null) continue;
    for (let col = form.columns.note + 1; col <= form.columns.note + CHECK_COLUMN_SEARCH; col++) {
      const head = at(form.sheet, headerRow, col);
      if (head && head.value === CHECK_COLUMN_HEADER) {
        const letters = columnLetters(col);
        bySheet.set(form.sheet, [...(bySheet.get(form.sheet) ?? []), `${letters}${headerRow + 1}:${letters}${form.lastRow + 1}`]);
        break;
      }
    }
  }
  return { formSheets: [...bySheet].map(([sheet, ranges]) => ({ sheet, ranges })), resultsSheet: RESULTS_SHEET_NAME };
}
