/**
 * Form recognition: given any grid of cells (a sheet the add-in inserted, or a table pasted by hand from another
 * unit's file), find which Biểu mẫu it holds and which row is which, by STT and indicator text.
 */
import type { FormDefinition, TemplateSet } from "../forms/schema";
import { normaliseStt } from "../forms/stt";
import { a1 } from "../layout/a1";
import { memoised } from "../util/memo";
import type { CellInput, FilledRow, Finding, RecognisedForm, RecognitionResult, SheetGrid } from "./types";

import { REPORT_COPY_MARK, RESULTS_SHEET_NAME } from "../layout/names";

interface GridRow {
  /** 0-based sheet row. */
  row: number;
  stt: string | null;
  /** The STT to match by: the normal form ("3.1.2"), or "~a" for a printed "a)". */
  key: string;
  sttRaw: string;
  text: string;
  tokens: Uint32Array;
  /** Position in its segment (for the matcher's flat arrays). */
  idx: number;
}

function cellText(cell: CellInput | null | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return cell.text && cell.text !== "" ? cell.text : String(v);
  return String(v);
}

/**
 * Lowercase, NFC, no diacritics, no markup or punctuation: for comparing indicator texts (memoised). mayBeLabel and
 * MAY_BE_STT_HEADER rule texts out by what this leaves of an ASCII character: a folding that maps more (NFKC,
 * full-width letters) must widen them too (test/engine/recognise.test.ts checks the label filter against it).
 */
export const foldText = memoised(foldUncached);

function foldUncached(s: string): string {
  return s
    .normalize("NFC")
    .replace(/<[^>]*>/g, " ")
    .toLowerCase()
    .replace(/đ/g, "d")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9%]+/g, " ")
    .trim();
}

/**
 * A text's tokens as sorted integer ids, memoised: comparing two texts is then a merge of two small sorted arrays,
 * with no allocation. Each distinct token gets one id until the table holds MAX_TOKEN_IDS (a long batch of odd files
 * brings endless new words): then the ids, the memo and the sets' token caches start afresh together (`generation`).
 */
export const MAX_TOKEN_IDS = 50_000;
const tokenIds = new Map<string, number>();
let generation = 0;
const tokens = memoised((s: string): Uint32Array => {
  const f = foldText(s);
  const words = f ? f.split(" ") : [];
  const t = new Uint32Array(words.length);
  words.forEach((w, i) => {
    let id = tokenIds.get(w);
    if (id === undefined) tokenIds.set(w, (id = tokenIds.size));
    t[i] = id;
  });
  return t.sort();
});

/** How many distinct words hold an id now (a diagnostic: never above MAX_TOKEN_IDS plus one grid's words). */
export function tokenTableSize(): number {
  return tokenIds.size;
}

/** Starts the token ids afresh when the table is full; call before tokenising a grid (never in the middle). */
function boundTokenIds(): void {
  if (tokenIds.size < MAX_TOKEN_IDS) return;
  tokenIds.clear();
  tokens.clear();
  generation++;
}

/** Dice coefficient of two token multisets (sorted id arrays), 0–1. */
function similarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  // The same text has the same tokens (memoised): a row typed as the template prints it, the usual case.
  if (a === b) return 1;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

interface Columns {
  stt: number;
  text: number;
  unit: number;
  value: number;
  note: number;
}

const LABEL_RE = /^bieu mau\s*(?:so\s*)?(\d+)\b/;

type GridView = { at: (r: number, c: number) => CellInput | null | undefined; rows: number; cols: number };
const views = new WeakMap<SheetGrid, GridView>();
function cellsOf(grid: SheetGrid): GridView {
  let v = views.get(grid);
  if (!v) {
    let cols = 0;
    for (const r of grid.cells) if (r && r.length > cols) cols = r.length;
    v = { at: (r, c) => grid.cells[r]?.[c], rows: grid.cells.length, cols };
    views.set(grid, v);
  }
  return v;
}

/** The STT column, and what was read on the way: each row's first column holding an STT followed by text, and that STT. */
interface SttColumn {
  stt: number;
  voted: Int8Array;
  votedStt: Array<string | undefined>;
}

/** Finds the STT column: the column (among the first few) where most rows hold an STT followed by text. */
function findSttColumn(grid: SheetGrid): SttColumn | null {
  const { rows, cols } = cellsOf(grid);
  const lines = grid.cells;
  const maxCol = Math.min(cols, 8);
  const votes = new Array<number>(maxCol).fill(0);
  const voted = new Int8Array(rows).fill(-1);
  const votedStt = new Array<string | undefined>(rows).fill(undefined);
  for (let r = 0; r < rows; r++) {
    const line = lines[r];
    if (!line) continue;
    for (let c = 0; c < maxCol - 1; c++) {
      const norm = normaliseStt(cellText(line[c]));
      if (norm !== null && cellText(line[c + 1]).trim().length >= 3) {
        votes[c]++;
        voted[r] = c;
        votedStt[r] = norm;
        break;
      }
    }
  }
  let stt = -1;
  for (let c = 0; c < maxCol; c++) if (votes[c] > 0 && (stt < 0 || votes[c] > votes[stt])) stt = c;
  return stt < 0 || votes[stt] < 2 ? null : { stt, voted, votedStt };
}

function defaultColumns(stt: number): Columns {
  return { stt, text: stt + 1, unit: stt + 2, value: stt + 3, note: stt + 4 };
}

/** Could fold to "stt": three characters at least, and an "s" (or a letter that is one with its marks). */
const MAY_BE_STT_HEADER = /[sS\u0080-\uffff]/;

/**
 * A header row ("STT" | "Chỉ tiêu …") at r, whose STT cell reads `first`, and where its two rows put "Đơn vị",
 * "Số liệu" and "Ghi chú".
 */
function headerAt(grid: SheetGrid, r: number, stt: number, first: string): Columns | null {
  if (first.length < 3 || first.length > 5 || !MAY_BE_STT_HEADER.test(first) || foldText(first) !== "stt") return null;
  const { at, cols } = cellsOf(grid);
  if (!foldText(cellText(at(r, stt + 1))).startsWith("chi tieu")) return null;
  const columns = defaultColumns(stt);
  for (const hr of [r, r + 1]) {
    for (let c = stt + 2; c < Math.min(cols, stt + 10); c++) {
      const h = foldText(cellText(at(hr, c)));
      if (h.startsWith("so lieu")) columns.value = c;
      else if (h.startsWith("don vi")) columns.unit = c;
      else if (h.startsWith("ghi chu")) columns.note = c;
    }
  }
  return columns;
}

interface Segment {
  rows: GridRow[];
  /** "Biểu mẫu N" label seen above the segment. */
  labelNumber: number | null;
  /** The table's own header row and the columns it names (each table on a sheet has its own). */
  headerRow: number | null;
  columns: Columns;
}

/** A short non-numeric STT such as "a)", "b.", "-": kept, and matched by the template's printed STT or by text. */
function printedKey(sttRaw: string): string | null {
  return sttRaw.length > 0 && sttRaw.length <= 4 ? `~${foldText(sttRaw) || sttRaw}` : null;
}

/** The key a template row is matched by: its STT, or "~a" when it is printed "a)". */
function templateKeys(row: FormDefinition["rows"][number]): string[] {
  const printed = row.stt_as_printed;
  if (printed === undefined || normaliseStt(printed) !== null) return [row.stt];
  const k = printedKey(printed.trim());
  return k ? [row.stt, k] : [row.stt];
}

/**
 * Whether the text may fold to one starting "bieu mau": its first letter or digit is a "b" (or a character whose
 * folding is not plain: markup, a letter with marks). Most texts are ruled out at their first letter.
 */
export function mayBeLabel(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 98 || c === 66 || c === 60 || c >= 128) return true; // b, B, "<", non-ASCII
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 37) return false; // a letter, digit or %
  }
  return false;
}

function segmentRows(grid: SheetGrid, { stt, voted, votedStt }: SttColumn): Segment[] {
  const { rows, cols } = cellsOf(grid);
  const segments: Segment[] = [];
  // Read only (headers make their own): one object for every table without a header.
  const plainColumns = defaultColumns(stt);
  let current: Segment | null = null;
  let pendingLabel: number | null = null;
  let header: { row: number; columns: Columns } | null = null;
  const labelCols = Math.min(cols, stt + 6);
  for (let r = 0; r < rows; r++) {
    // A "Biểu mẫu N" label anywhere on the row starts a new table.
    const line = grid.cells[r];
    for (let c = 0; line && c < labelCols; c++) {
      const v = line[c]?.value;
      if (typeof v !== "string") continue; // a number's text never holds "mẫu"
      const raw = v;
      // "Bieu mau1" is the shortest label: the STTs and units of most cells are shorter.
      if (raw.length < 9 || raw.length > 40 || !mayBeLabel(raw) || !/m(?:a|\u1eab|a\u0302\u0303)u/i.test(raw)) continue;
      const m = LABEL_RE.exec(foldText(raw));
      if (m) {
        pendingLabel = Number(m[1]);
        current = null;
        header = null;
        break;
      }
    }
    const sttCell = cellText(line?.[stt]);
    const headerColumns = headerAt(grid, r, stt, sttCell);
    if (headerColumns) {
      header = { row: r, columns: headerColumns };
      current = null;
      continue;
    }
    const sttRaw = sttCell.trim();
    // Read already when the column was sought: normaliseStt trims, so the untrimmed cell reads the same; a cell the
    // search could not read (padded past normaliseStt's 40 characters) did not vote and is read here, trimmed.
    const sttNorm = voted[r] === stt ? votedStt[r]! : normaliseStt(sttRaw);
    const key = sttNorm ?? printedKey(sttRaw);
    if (key === null) continue;
    const columns = header?.columns ?? plainColumns;
    const text = cellText(line?.[columns.text]);
    const textLength = text.trim().length;
    if (textLength < 2 || (sttNorm === null && textLength < 3)) continue;
    if (current && sttNorm === "1" && current.rows.some((x) => x.stt !== null && x.stt !== "1" && !x.stt.startsWith("1."))) current = null;
    if (!current) {
      if (sttNorm === null) continue; // a table starts with a numbered row
      current = { rows: [], labelNumber: pendingLabel, headerRow: header?.row ?? null, columns };
      pendingLabel = null;
      segments.push(current);
    }
    current.rows.push({ row: r, stt: sttNorm, key, sttRaw, text, tokens: tokens(text), idx: current.rows.length });
  }
  return segments;
}

interface FormTokens {
  def: FormDefinition;
  /** Each row's tokens, by position. */
  tokensAt: Uint32Array[];
  /** The keys each row is matched by (templateKeys: its STT, then a printed "a)"), by position, computed once. */
  keysAt: string[][];
  /** Template rows (indices) by each key they are matched by: a grid row's key finds its template rows at once. */
  rowsByKey: Map<string, number[]>;
  /** Rows whose text names no other row of the form (similarity below MATCH_BY_TEXT): matchable by text alone. */
  uniqueAt: boolean[];
  /** "BM3.1.2.recognise" by row position: the rule id of the row's recognition findings. */
  ruleAt: string[];
  /**
   * Every row's STT as a key, in the form's order: a table's `rows` start as a copy of it. Made by JSON.parse, which
   * gives an object V8 copies whole; one built key by key becomes a dictionary after a dozen keys, and filling one in
   * cost a tenth of recognition.
   */
  rowsShape: Record<string, null>;
}

interface SetTokens {
  forms: FormTokens[];
  /**
   * For each key a grid row may have (an STT, or "~a" for a printed "a)"), the tokens of the row each form has under
   * that key, by form position: a table is scored against every form with one lookup per row.
   */
  byKey: Map<string, Array<Uint32Array | undefined>>;
}

const setTokenCache = new WeakMap<TemplateSet, { generation: number; tokens: SetTokens }>();
function setTokens(set: TemplateSet): SetTokens {
  const cached = setTokenCache.get(set);
  if (cached && cached.generation === generation) return cached.tokens;
  const forms = formTokens(set);
  const byKey = new Map<string, Array<Uint32Array | undefined>>();
  const per = (key: string): Array<Uint32Array | undefined> => {
    let p = byKey.get(key);
    if (!p) byKey.set(key, (p = new Array<Uint32Array | undefined>(forms.length).fill(undefined)));
    return p;
  };
  forms.forEach((ft, f) => {
    // An STT names its row; a printed "a)" names the last row printed so (STTs are unique, printed keys are not).
    ft.keysAt.forEach((keys, i) => (per(keys[0])[f] = ft.tokensAt[i]));
    ft.keysAt.forEach((keys, i) => keys.slice(1).forEach((k) => (per(k)[f] = ft.tokensAt[i])));
  });
  const made = { forms, byKey };
  setTokenCache.set(set, { generation, tokens: made });
  return made;
}

/** What matching needs of each form, by row position. A form's STTs are unique (the set's loader refuses duplicates). */
function formTokens(set: TemplateSet): FormTokens[] {
  return set.forms.map((def) => {
    const tokensAt = def.rows.map((r) => tokens(r.text));
    const keysAt = def.rows.map(templateKeys);
    // Depends on the template only: computed once per set, not per unmatched row of every check.
    const uniqueAt = tokensAt.map((mine) => tokensAt.filter((other) => similarity(other, mine) >= MATCH_BY_TEXT).length === 1);
    return {
      def,
      tokensAt,
      keysAt,
      rowsByKey: keysAt.reduce((m, keys, i) => {
        for (const k of keys) m.set(k, [...(m.get(k) ?? []), i]);
        return m;
      }, new Map<string, number[]>()),
      uniqueAt,
      ruleAt: def.rows.map((r) => `${def.id}.${r.stt}.recognise`),
      rowsShape: JSON.parse(JSON.stringify(Object.fromEntries(def.rows.map((r) => [r.stt, null])))) as Record<string, null>,
    };
  });
}

const MATCH_BY_STT = 0.5;
/** Rows not in the form said one by one, per table; the rest are counted in one finding. */
export const MAX_UNKNOWN_SAID = 100;
const MATCH_BY_TEXT = 0.85;
const MIN_FORM_SCORE = 0.3;

function matchRows(
  seg: Segment,
  form: FormTokens,
  grid: SheetGrid,
  columns: Columns,
  findings: Finding[],
): { rows: RecognisedForm["rows"]; ordered: Array<FilledRow | undefined>; matched: number } {
  const lines = grid.cells;
  const originRow = grid.origin?.row ?? 0;
  const originCol = grid.origin?.col ?? 0;
  const defRows = form.def.rows;
  const n = defRows.length;
  const segRows = seg.rows;
  // Flat arrays by position, not a Set and a Map keyed by STT: this runs for every table of every check.
  const used = new Uint8Array(segRows.length);
  const assigned = new Array<GridRow | undefined>(n).fill(undefined);
  // Each template row's candidates (grid rows with one of its keys), in grid order: found through the set's own
  // key index, so no map is built per check.
  const candidates = new Array<GridRow[] | undefined>(n).fill(undefined);
  for (const gr of segRows) {
    const targets = form.rowsByKey.get(gr.key);
    if (targets) for (const ti of targets) (candidates[ti] ??= []).push(gr);
  }
  const formId = form.def.id;
  const sheet = grid.sheet;
  const where = (gr: GridRow) => a1(originRow + gr.row, originCol + columns.stt);

  // 1. Same STT, similar text.
  for (let ri = 0; ri < n; ri++) {
    const list = candidates[ri];
    if (list === undefined) continue;
    const keys = form.keysAt[ri];
    // A row matched by two keys (its STT and its printed "a)") takes the STT's candidates first, as it always has.
    if (keys.length > 1) list.sort((x, y) => keys.indexOf(x.key) - keys.indexOf(y.key));
    let best: GridRow | undefined;
    let bestSim = MATCH_BY_STT;
    const rowTok = form.tokensAt[ri];
    for (const gr of list) {
      if (used[gr.idx] === 1) continue;
      const sim = similarity(gr.tokens, rowTok);
      // The first of equally similar rows wins: a row pasted again below is the copy, not the row.
      if (sim >= MATCH_BY_STT && (best === undefined || sim > bestSim)) {
        best = gr;
        bestSim = sim;
      }
    }
    if (best) {
      assigned[ri] = best;
      used[best.idx] = 1;
    }
  }
  // 2. Same text under another STT (a renumbered row), when the text names one row of the form only.
  for (let ri = 0; ri < n; ri++) {
    if (assigned[ri] !== undefined || !form.uniqueAt[ri]) continue;
    const row = defRows[ri];
    const rowTok = form.tokensAt[ri];
    const hit = segRows.find((gr) => used[gr.idx] === 0 && similarity(gr.tokens, rowTok) >= MATCH_BY_TEXT);
    if (hit) {
      assigned[ri] = hit;
      used[hit.idx] = 1;
      findings.push({
        rule: form.ruleAt[ri], check: "form.text_differs", severity: "warning", form: formId, stt: row.stt,
        sheet, cell: where(hit), value: hit.sttRaw, params: { typedStt: hit.sttRaw, text: row.text, reason: "stt" },
      });
    }
  }
  // 3. Same STT, different text: taken, and said.
  for (let ri = 0; ri < n; ri++) {
    const list = candidates[ri];
    if (assigned[ri] !== undefined || list === undefined) continue;
    const row = defRows[ri];
    const hit = list.find((gr) => used[gr.idx] === 0);
    if (hit) {
      assigned[ri] = hit;
      used[hit.idx] = 1;
      findings.push({
        rule: form.ruleAt[ri], check: "form.text_differs", severity: "warning", form: formId, stt: row.stt,
        sheet, cell: a1(originRow + hit.row, originCol + columns.text), value: hit.text, params: { text: row.text, reason: "text" },
      });
    }
  }

  // Every STT of the form, in order; the rows not found are taken out below.
  const rows = { ...form.rowsShape } as unknown as RecognisedForm["rows"];
  const ordered = new Array<FilledRow | undefined>(n).fill(undefined);
  let matched = 0;
  const valueCol = originCol + columns.value;
  for (let ri = 0; ri < n; ri++) {
    const row = defRows[ri];
    const gr = assigned[ri];
    if (!gr) {
      delete rows[row.stt];
      if (row.kind !== "group")
        findings.push({
          rule: form.ruleAt[ri], check: "form.row_missing", severity: "warning", form: formId, stt: row.stt, sheet,
          params: { text: row.text }, inferred: row.source === "inferred" || undefined,
        });
      continue;
    }
    matched++;
    const line = lines[gr.row];
    rows[row.stt] = ordered[ri] = {
      value: line?.[columns.value] ?? { value: null },
      address: a1(originRow + gr.row, valueCol),
      row: originRow + gr.row,
      unit: cellText(line?.[columns.unit]),
      note: cellText(line?.[columns.note]),
    };
  }
  // Each row the form does not have is said, up to MAX_UNKNOWN_SAID; the rest in one finding (a table with thousands
  // of pasted rows would otherwise bury the report).
  let unknown = 0;
  let first: GridRow | undefined;
  for (const gr of segRows) {
    if (used[gr.idx] === 1 || !gr.stt) continue;
    if (unknown++ < MAX_UNKNOWN_SAID)
      findings.push({
        rule: `${formId}.recognise`, check: "form.row_unknown", severity: "info", form: formId, stt: gr.stt, sheet,
        cell: where(gr), value: gr.text, params: { typedStt: gr.sttRaw },
      });
    else first ??= gr;
  }
  if (first)
    findings.push({
      rule: `${formId}.recognise`, check: "form.rows_unknown_more", severity: "info", form: formId, stt: first.stt ?? undefined, sheet,
      cell: where(first), params: { count: { dec: String(unknown - MAX_UNKNOWN_SAID) } },
    });
  return { rows, ordered, matched };
}

/** Every form found in one grid (a sheet may hold several tables, each under its "Biểu mẫu N" label). */
export function recogniseSheet(set: TemplateSet, grid: SheetGrid, findings: Finding[] = []): RecognisedForm[] {
  const found = findSttColumn(grid);
  if (found === null) return [];
  boundTokenIds();
  const segments = segmentRows(grid, found);
  const { forms: candidates, byKey } = setTokens(set);
  const out: RecognisedForm[] = [];
  const originRow = grid.origin?.row ?? 0;
  const originCol = grid.origin?.col ?? 0;
  for (const seg of segments) {
    // Each form's score: the similarity of each row's text to the form's row under the same key, over the longer of
    // the two tables.
    const sums = new Float64Array(candidates.length);
    for (const gr of seg.rows) {
      const per = byKey.get(gr.key);
      if (per === undefined) continue;
      for (let f = 0; f < per.length; f++) {
        const t = per[f];
        if (t !== undefined) sums[f] += similarity(gr.tokens, t);
      }
    }
    let best: FormTokens | undefined;
    let bestScore = 0;
    for (let f = 0; f < candidates.length; f++) {
      const ft = candidates[f];
      let score = sums[f] / Math.max(ft.def.rows.length, seg.rows.length);
      if (grid.formHint === ft.def.id) score += 0.5;
      if (seg.labelNumber !== null && seg.labelNumber === ft.def.number) score += 0.2;
      if (score > bestScore) {
        best = ft;
        bestScore = score;
      }
    }
    if (!best || bestScore < MIN_FORM_SCORE) continue;
    const { columns, headerRow } = seg;
    const { rows, ordered, matched } = matchRows(seg, best, grid, columns, findings);
    out.push({
      formId: best.def.id,
      sheet: grid.sheet,
      rows,
      ordered,
      columns: {
        stt: originCol + columns.stt, text: originCol + columns.text, unit: originCol + columns.unit,
        value: originCol + columns.value, note: originCol + columns.note,
      },
      headerRow: headerRow === null ? null : originRow + headerRow,
      firstRow: originRow + seg.rows[0].row,
      lastRow: originRow + seg.rows[seg.rows.length - 1].row,
      tagged: grid.formHint === best.def.id,
      matched,
      total: best.def.rows.length,
    });
  }
  return out;
}

export function isProductSheet(name: string): boolean {
  const n = name.normalize("NFC");
  return n === RESULTS_SHEET_NAME || n.toLowerCase().includes(REPORT_COPY_MARK);
}

/** Recognises the forms of a whole workbook; the results sheet and report copies are skipped. */
export function recogniseWorkbook(set: TemplateSet, grids: readonly SheetGrid[]): RecognitionResult {
  const findings: Finding[] = [];
  const forms: RecognisedForm[] = [];
  const unrecognisedSheets: string[] = [];
  for (const grid of grids) {
    if (isProductSheet(grid.sheet)) continue;
    const got = recogniseSheet(set, grid, findings);
    if (got.length === 0) unrecognisedSheets.push(grid.sheet);
    forms.push(...got);
  }
  const seen = new Map<string, RecognisedForm>();
  for (const f of forms) {
    const first = seen.get(f.formId);
    if (first)
      findings.push({
        rule: `${f.formId}.recognise`, check: "form.duplicate", severity: "info", form: f.formId, sheet: f.sheet,
        params: { firstSheet: first.sheet },
      });
    else seen.set(f.formId, f);
  }
  return { forms, findings, unrecognisedSheets };
}
