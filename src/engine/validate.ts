/**
 * The rules engine: filled forms in, findings out. Pure: no Office.js, no DOM, no file I/O, and it never throws for
 * anything a user typed (bad values are findings).
 */
import type { FormDefinition, FormRow, Rule, Severity, TemplateSet } from "../forms/schema";
import {
  iadd,
  imul,
  pow10,
  type Int,
  decAdd,
  decCmp,
  decInt,
  decIsInteger,
  decMul,
  decPlaces,
  decSign,
  decSub,
  decToString,
  halfUlp,
  quotientWithin,
  roundQuotient,
  type Dec,
} from "./exact";
import { rowApplies, type Period } from "./periods";
import { MAX_NUMBER_TEXT, readCell, type Reading } from "./reading";
import { SHEET_TEXT } from "../i18n/sheet";
import { memoised } from "../util/memo";
import type {
  CheckCode,
  ComputedRate,
  FilledForm,
  FilledRow,
  Finding,
  FindingParams,
  ResolvedValue,
  RuleEvaluation,
  ValidationResult,
} from "./types";

/** A rule's row reference compiled to a position: the form and the row's index in it (-1: the form has no such row). */
interface Slot {
  form: string;
  index: number;
}

/** Every row a rule names, as positions (compiled once per set: no STT is looked up while checking). */
interface RuleSlots {
  /** rate: target, numerator, denominator; sum_eq: total; sum_le: whole; when: the condition; between_parts: target. */
  first: Slot;
  numerator: Slot;
  denominator: Slot;
  parts: Slot[];
  blank: Slot[];
  filled: Slot[];
}

interface CompiledRule {
  rule: Rule;
  meta: RuleMeta;
  at: RuleSlots;
}

const NO_SLOT: Slot = { form: "", index: -1 };

function ruleSlots(rule: Rule, slot: (ref: string) => Slot): RuleSlots {
  const all = (refs: readonly string[] | undefined) => (refs ?? []).map(slot);
  switch (rule.type) {
    case "rate":
      return { first: slot(rule.target), numerator: slot(rule.numerator), denominator: slot(rule.denominator), parts: [], blank: [], filled: [] };
    case "sum_eq":
      return { first: slot(rule.total), numerator: NO_SLOT, denominator: NO_SLOT, parts: all(rule.parts), blank: [], filled: [] };
    case "sum_le":
      return { first: slot(rule.whole), numerator: NO_SLOT, denominator: NO_SLOT, parts: all(rule.parts), blank: [], filled: [] };
    case "when":
      return { first: slot(rule.if.row), numerator: NO_SLOT, denominator: NO_SLOT, parts: [], blank: all(rule.then.blank), filled: all(rule.then.filled) };
    case "between_parts":
      return { first: slot(rule.target), numerator: NO_SLOT, denominator: NO_SLOT, parts: all(rule.parts), blank: [], filled: [] };
  }
}

interface CompiledForm {
  def: FormDefinition;
  /** The form's rows, each with every field present (see uniformRow). */
  rows: FormRow[];
  /** The form's rules with what they say regardless of values, rate rules first (they settle readings). */
  rules: CompiledRule[];
  rowIndex: Map<string, number>;
  /** "f1.2.1" for each row, by position: the stem of its findings' rule ids, built once. */
  rowIds: string[];
  rowByStt: Map<string, FormRow>;
  order: number;
}

interface CompiledSet {
  forms: Map<string, CompiledForm>;
  crossRules: Array<CompiledRule & { form: string }>;
}

const compiledSets = new WeakMap<TemplateSet, CompiledSet>();

/**
 * A template row with every field present (absent ones undefined), in one order. A set's rows come in as many object
 * shapes as combinations of optional fields (8 in the built-in set), and V8 reads a property over more than four
 * shapes the slowest way; the engine reads a row's kind, unit, source and coding for every row of every check. One
 * object literal, so every row has one shape; the type makes a field added to the schema fail to compile here.
 */
function uniformRow(row: FormRow): FormRow {
  const all: { [K in keyof Required<FormRow>]: FormRow[K] } = {
    stt: row.stt,
    stt_as_printed: row.stt_as_printed,
    text: row.text,
    unit: row.unit,
    kind: row.kind,
    coding: row.coding,
    unit_official_typo: row.unit_official_typo,
    source: row.source,
    remark: row.remark,
    from: row.from,
    review: row.review,
    applies_from: row.applies_from,
    applies_until: row.applies_until,
    coding_until: row.coding_until,
    applies_source: row.applies_source,
    applies_remark: row.applies_remark,
    accumulates: row.accumulates,
    accumulates_source: row.accumulates_source,
    accumulates_remark: row.accumulates_remark,
  };
  return all;
}

/** What a rule says regardless of the values: its relation as text, and whether it rests on inferred rows. */
interface RuleMeta {
  relation: string;
  inferred: boolean;
}

export function relationText(rule: Rule): string {
  const l = (ref: string) => ref.replace(":", " ");
  switch (rule.type) {
    case "rate":
      return `${l(rule.target)} = ${l(rule.numerator)} / ${l(rule.denominator)} × ${rule.scale}`;
    case "sum_eq":
      return `${l(rule.total)} = ${rule.parts.map(l).join(" + ")}`;
    case "sum_le":
      return `${rule.parts.map(l).join(" + ")} ≤ ${l(rule.whole)}`;
    case "when":
      return `${l(rule.if.row)} = ${rule.if.equals} ⇒ ${[
        ...(rule.then.blank ?? []).map((s) => `${l(s)} ${SHEET_TEXT.relationBlank}`),
        ...(rule.then.filled ?? []).map((s) => `${l(s)} ${SHEET_TEXT.relationFilled}`),
      ].join(", ")}`;
    case "between_parts":
      return `min(${rule.parts.map(l).join(", ")}) ≤ ${l(rule.target)} ≤ max(${rule.parts.map(l).join(", ")})`;
  }
}

function ruleRows(rule: Rule): string[] {
  switch (rule.type) {
    case "rate":
      return [rule.target, rule.numerator, rule.denominator];
    case "sum_eq":
      return [rule.total, ...rule.parts];
    case "sum_le":
      return [rule.whole, ...rule.parts];
    case "when":
      return [rule.if.row];
    case "between_parts":
      return [rule.target, ...rule.parts];
  }
}

function ruleMetaOf(rule: Rule, sourceOf: (ref: string) => string | undefined): RuleMeta {
  return {
    relation: relationText(rule),
    inferred: rule.source === "inferred" || ruleRows(rule).some((ref) => sourceOf(ref) === "inferred"),
  };
}

function compile(set: TemplateSet): CompiledSet {
  let c = compiledSets.get(set);
  if (c) return c;
  c = { forms: new Map(), crossRules: [] };
  set.forms.forEach((def, order) => {
    c!.forms.set(def.id, {
      def,
      rows: def.rows.map(uniformRow),
      rowIndex: new Map(def.rows.map((r, i) => [r.stt, i])),
      rowIds: def.rows.map((r) => `${def.id}.${r.stt}`),
      rowByStt: new Map(def.rows.map((r) => [r.stt, r])),
      order,
      rules: [],
    });
  });
  for (const def of set.forms) {
    const cf = c.forms.get(def.id)!;
    const ordered = [...def.rules.filter((r) => r.type === "rate"), ...def.rules.filter((r) => r.type !== "rate")];
    const slot = (ref: string): Slot => ({ form: def.id, index: cf.rowIndex.get(ref) ?? -1 });
    cf.rules = ordered.map((rule) => ({ rule, meta: ruleMetaOf(rule, (ref) => cf.rowByStt.get(ref)?.source), at: ruleSlots(rule, slot) }));
  }
  const crossSlot = (ref: string): Slot => {
    const i = ref.indexOf(":");
    const form = ref.slice(0, i);
    return { form, index: c!.forms.get(form)?.rowIndex.get(ref.slice(i + 1)) ?? -1 };
  };
  c.crossRules = set.cross_form_rules.map((rule) => {
    const firstRef = rule.type === "sum_le" ? rule.parts[0] : rule.type === "sum_eq" ? rule.total : rule.type === "when" ? rule.if.row : rule.target;
    const meta = ruleMetaOf(rule, (ref) => {
      const i = ref.indexOf(":");
      return c!.forms.get(ref.slice(0, i))?.rowByStt.get(ref.slice(i + 1))?.source;
    });
    return { rule, meta, at: ruleSlots(rule, crossSlot), form: firstRef.slice(0, firstRef.indexOf(":")) };
  });
  compiledSets.set(set, c);
  return c;
}

/** A row's value after the row's kind has resolved what the typing allowed. */
interface RowValue {
  form: string;
  stt: string;
  /** Position of the row in its form, for ordering findings. */
  index: number;
  row: FormRow;
  filled: FilledRow | undefined;
  reading: Reading;
  /** In the row's own units (a percentage is 0–100), or null when blank or unreadable. */
  value: Dec | null;
  /** Decimal places the value stands for; null for exact values (counts, codes). */
  places: number | null;
  /** Another reading kept for the rules to try (a percentage typed as a fraction, …). */
  alt: Dec | null;
  /** The finding that announced an alternative reading, to note when a rate confirms it. */
  readingFinding?: Finding;
  /** A count whose reading waits for a rate rule (see interpret). */
  pendingCount?: boolean;
  /** The rate row (STT) whose rule confirmed this row's alternative reading. */
  confirmedBy?: string;
}

const dec = (d: Dec, fixed?: number) => ({ dec: decToString(d, fixed) });
/** The row's value as shown, built only when a finding or the values output needs it (see NumberReading). */
const shown = (rv: { reading: Reading }): string => (rv.reading.type === "blank" ? "" : rv.reading.display);
const HUNDRED = decInt(100);
const ONE = decInt(1);
/** More decimals than a person types: the value was computed (a formula's float), see the rate rule. */
const MAX_TYPED_DECIMALS = 8;

/**
 * Gathers findings in the order of the form's rows (per-row buckets, no sort): a row's own checks first, then what
 * the rules said of it. Findings of no row come last.
 */
class Collector {
  private readonly byRow: Array<Finding[] | undefined> = [];
  private readonly rest: Finding[] = [];
  constructor(private readonly sheetOf: (form: string) => string | undefined) {}

  /** Appends every finding, in row order, to `into`. */
  drainInto(into: Finding[]): void {
    for (const bucket of this.byRow) if (bucket) for (const f of bucket) into.push(f);
    for (const f of this.rest) into.push(f);
  }

  add(
    rule: string,
    check: CheckCode,
    severity: Severity,
    form: string,
    rv: (Pick<RowValue, "stt" | "filled" | "reading"> & { form?: string; index?: number }) | null,
    params: FindingParams,
    extra: { expected?: string; inferred?: boolean; value?: string } = {},
  ): Finding {
    const rowForm = rv?.form ?? form;
    // Every field present, in one order (absent ones undefined): one object shape for every finding.
    const f: Finding = {
      rule,
      check,
      severity,
      form: rowForm,
      stt: rv?.stt,
      sheet: rv?.filled ? this.sheetOf(rowForm) : undefined,
      cell: rv?.filled?.address,
      value: extra.value ?? (rv ? shown(rv) || undefined : undefined),
      expected: extra.expected,
      params,
      inferred: extra.inferred ? true : undefined,
    };
    const at = rv?.index;
    if (at === undefined) this.rest.push(f);
    else (this.byRow[at] ??= []).push(f);
    return f;
  }
}

function inRange(d: Dec): boolean {
  return decSign(d) >= 0 && decCmp(d, HUNDRED) <= 0;
}

function codeMeaning(row: FormRow, value: Dec): string | undefined {
  return row.coding?.[decToString(value)];
}

/** NFC, trimmed, single spaces, lower case; memoised (units and code meanings repeat on every run). */
const normaliseText = memoised((s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase());

/** Resolves one row's reading by its kind; appends the row-level findings. */
function interpret(form: string, row: FormRow, index: number, filled: FilledRow | undefined, out: Collector, id: string): RowValue {
  const reading = readCell(filled?.value);
  // Every field set here, in one order: one object shape for the rules that read it.
  const rv: RowValue = {
    form, stt: row.stt, index, row, filled, reading, value: null, places: null, alt: null,
    readingFinding: undefined, pendingCount: false, confirmedBy: undefined,
  };
  const inferred = row.source === "inferred";
  if (reading.type === "blank") return rv;
  if (row.kind === "group") return rv;
  if (reading.type === "error") {
    out.add(`${id}.value`, "cell.error_value", "error", form, rv, {}, { inferred });
    return rv;
  }
  if (reading.type === "text") {
    if (reading.tooLong) {
      // Digits and marks longer than any real figure: said as such, never parsed (nor matched against code meanings).
      const length = { dec: String(reading.display.trim().length) };
      out.add(`${id}.value`, "cell.too_long", "error", form, rv, { length, limit: { dec: String(MAX_NUMBER_TEXT) } }, { inferred });
      return rv;
    }
    if (row.kind === "code") {
      const typed = normaliseText(reading.display);
      const hit = Object.entries(row.coding ?? {}).find(([, meaning]) => normaliseText(meaning) === typed);
      if (hit) {
        rv.value = decInt(Number(hit[0]));
        out.add(`${id}.code`, "code.meaning_typed", "info", form, rv, { code: hit[0], meaning: hit[1] }, { inferred });
        return rv;
      }
    }
    out.add(`${id}.value`, "cell.not_a_number", "error", form, rv, {}, { inferred });
    return rv;
  }
  // A number.
  let value = reading.dec;
  if (reading.percentFormat) value = decMul(value, HUNDRED);
  if (reading.fromText && !reading.alt)
    out.add(`${id}.value`, reading.englishFormat ? "cell.english_decimal" : "cell.number_as_text", "info", form, rv, { reading: dec(value) }, { inferred });

  switch (row.kind) {
    case "count": {
      if (!decIsInteger(value) && reading.alt && reading.weakAlt) {
        // "42.260" typed under en-US arrives as 42.26: only a rate rule can confirm 42260. Decided after the rules.
        rv.value = value;
        rv.alt = reading.alt;
        rv.pendingCount = true;
        rv.places = decPlaces(value);
        return rv;
      }
      if (!decIsInteger(value) && reading.alt && decIsInteger(reading.alt)) {
        rv.readingFinding = out.add(
          `${id}.count`, "count.thousands_separator", "warning", form, rv,
          { reading: dec(reading.alt), unit: row.unit, typed: reading.display },
          { inferred, expected: decToString(reading.alt) },
        );
        value = reading.alt;
      } else if (reading.fromText && reading.alt && reading.altReason === "english_decimal") {
        // "1.081" as text: the vi-VN reading 1081 is the count; nothing to say beyond "stored as text".
        out.add(`${id}.value`, "cell.number_as_text", "info", form, rv, { reading: dec(value) }, { inferred });
      } else if (!decIsInteger(value)) {
        out.add(`${id}.count`, "count.not_integer", "error", form, rv, { unit: row.unit }, { inferred });
      }
      if (decSign(value) < 0) out.add(`${id}.count`, "count.negative", "error", form, rv, {}, { inferred });
      rv.value = value;
      rv.places = decIsInteger(value) ? null : decPlaces(value);
      return rv;
    }
    case "percent": {
      if (!inRange(value) && reading.alt && inRange(reading.alt)) {
        rv.readingFinding = out.add(
          `${id}.percent`, "percent.thousands_separator", "warning", form, rv,
          { reading: dec(reading.alt), typed: reading.display }, { inferred, expected: decToString(reading.alt) },
        );
        value = reading.alt;
      } else if (!inRange(value)) {
        out.add(`${id}.percent`, "percent.out_of_range", "error", form, rv, { reading: dec(value) }, { inferred });
      } else if (!reading.percentFormat && !reading.percentSign && decSign(value) > 0 && decCmp(value, ONE) <= 0) {
        // 0.9969 in a General cell may be a fraction meant as 99,69%: the rate rule decides.
        rv.alt = decMul(value, HUNDRED);
      }
      rv.value = value;
      rv.places = Math.max(2, decPlaces(value));
      return rv;
    }
    case "code": {
      const key = decIsInteger(value) ? decToString(value) : null;
      if (key === null || row.coding?.[key] === undefined) {
        const codes = Object.entries(row.coding ?? {}).map(([k, m]) => `${k} = ${m}`).join("; ");
        out.add(`${id}.code`, "code.invalid", "error", form, rv, { codes }, { inferred });
      }
      rv.value = value;
      return rv;
    }
    default:
      rv.value = value;
      rv.places = decPlaces(value);
      return rv;
  }
}

/** The row value at a compiled position, if the form was filled and has the row. */
type RowLookup = (at: Slot) => RowValue | undefined;

function sumOf(values: RowValue[]): { sum: Dec; slack: Dec } {
  // Accumulated as coefficient and scale, not a Dec per step: the same Decs as adding them one by one.
  let sm: Int = 0;
  let ss = 0;
  let km: Int = 0;
  let ks = 0;
  for (const v of values) {
    const x = v.value!;
    if (x.s > ss) {
      sm = imul(sm, pow10(x.s - ss));
      ss = x.s;
    }
    sm = iadd(sm, x.s === ss ? x.m : imul(x.m, pow10(ss - x.s)));
    if (v.places !== null) {
      // halfUlp(places) is 5 × 10^-(places + 1).
      const hs = v.places + 1;
      if (hs > ks) {
        km = imul(km, pow10(hs - ks));
        ks = hs;
      }
      km = iadd(km, hs === ks ? 5 : imul(5, pow10(ks - hs)));
    }
  }
  return { sum: { m: sm, s: ss }, slack: { m: km, s: ks } };
}

function labelOf(v: RowValue, crossForm: boolean): string {
  return crossForm ? `${v.form} ${v.stt}` : v.stt;
}

/**
 * One rule's evaluation. Its two sides are turned into text only when read (the results sheet, a caller): most
 * evaluations of a check are never shown. toJSON gives the plain object, sides included.
 */
class Evaluation implements RuleEvaluation {
  constructor(
    readonly rule: string,
    readonly type: string,
    readonly form: string,
    readonly crossForm: boolean,
    readonly status: RuleEvaluation["status"],
    readonly relation: string,
    readonly inferred: boolean,
    private readonly l: Dec | null,
    private readonly r: Dec | null,
  ) {}

  get left(): string | undefined {
    return this.l ? decToString(this.l) : undefined;
  }

  get right(): string | undefined {
    return this.r ? decToString(this.r) : undefined;
  }

  toJSON(): RuleEvaluation {
    const { rule, type, form, crossForm, status, relation, left, right, inferred } = this;
    return { rule, type, form, crossForm, status, relation, left, right, inferred };
  }
}

interface RuleContext {
  out: Collector;
  evaluations: RuleEvaluation[];
  computed: ComputedRate[];
  excusedBlank: Set<RowValue>;
  sheetOf: (form: string) => string;
  /** Rows that may be blank because the period is (partly) after the date they apply until (see periods.ts). */
  gone: Set<RowValue>;
}

/** The parts a sum must have: a blank row the period no longer has (cấp huyện after 1/7/2025) is not demanded. */
function demanded(parts: readonly RowValue[], refs: readonly Slot[], gone: Set<RowValue>): { parts: RowValue[]; refs: readonly Slot[] } {
  const kept = parts.filter((p) => !(p.reading.type === "blank" && gone.has(p)));
  // allReported compares counts: drop as many refs as parts were excused.
  return { parts: kept, refs: kept.length === parts.length ? refs : refs.slice(0, refs.length - (parts.length - kept.length)) };
}

/** Every part named by the rule was found and holds a value. */
function allReported(parts: readonly RowValue[], refs: readonly Slot[]): boolean {
  return parts.length === refs.length && parts.every((p) => p.value !== null);
}

/** A sum's or a range's parts when every part it demands holds a value, else null (the rule does not apply). */
function reportedParts(at: RuleSlots, lookup: RowLookup, gone: Set<RowValue>): RowValue[] | null {
  const { parts, refs } = demanded(resolveRefs(at.parts, lookup), at.parts, gone);
  return parts.length === 0 || !allReported(parts, refs) ? null : parts;
}

/** The rows at these positions that exist (and, with `valued`, hold a value). */
function resolveRefs(list: readonly Slot[], lookup: RowLookup, valued = false): RowValue[] {
  const out: RowValue[] = [];
  for (const at of list) {
    const v = lookup(at);
    if (v !== undefined && (!valued || v.value !== null)) out.push(v);
  }
  return out;
}

function record(
  compiled: CompiledRule, form: string, crossForm: boolean, ctx: RuleContext,
  status: RuleEvaluation["status"], left?: Dec | null, right?: Dec | null,
): void {
  const { rule, meta } = compiled;
  ctx.evaluations.push(new Evaluation(rule.id, rule.type, form, crossForm, status, meta.relation, meta.inferred, left ?? null, right ?? null));
}

/** A rate finding's facts. */
function rateParams(t: RowValue, n: RowValue, d: RowValue, expected: Dec, decimals: number): FindingParams {
  return {
    reported: dec(t.value!), numerator: dec(n.value!), denominator: dec(d.value!),
    expected: dec(expected, decimals), numeratorStt: n.stt, denominatorStt: d.stt,
  };
}

/** One function per kind of rule: each stays small for the optimiser (one large switch took it the most time). */
function evaluate(compiled: CompiledRule, form: string, lookup: RowLookup, crossForm: boolean, ctx: RuleContext): void {
  const rule = compiled.rule;
  switch (rule.type) {
    case "rate":
      return evaluateRate(compiled, rule, form, lookup, crossForm, ctx);
    case "sum_eq":
      return evaluateSumEq(compiled, rule, form, lookup, crossForm, ctx);
    case "sum_le":
      return evaluateSumLe(compiled, rule, form, lookup, crossForm, ctx);
    case "when":
      return evaluateWhen(compiled, rule, form, lookup, crossForm, ctx);
    case "between_parts":
      return evaluateBetween(compiled, rule, form, lookup, crossForm, ctx);
  }
}

function evaluateRate(
  compiled: CompiledRule, rule: Extract<Rule, { type: "rate" }>, form: string, lookup: RowLookup, crossForm: boolean, ctx: RuleContext,
): void {
  const { at, meta } = compiled;
  const { out } = ctx;
  const { inferred } = meta;
  const t = lookup(at.first);
  const n = lookup(at.numerator);
  const d = lookup(at.denominator);
  if (!t || !n || !d) return;
  const reported: ComputedRate["reported"] = t.filled?.value.formula ? "formula" : t.reading.type === "blank" ? "blank" : "typed";
  const computed: ComputedRate = { form: t.form, sheet: ctx.sheetOf(t.form), stt: t.stt, cell: t.filled?.address ?? "", value: null, reported };
  if (t.filled) ctx.computed.push(computed);
  if (d.value === null || decSign(d.value) === 0 || n.value === null) {
    if (d.value !== null && decSign(d.value) === 0 || d.value === null) ctx.excusedBlank.add(t);
    if (t.value !== null && (d.value === null || decSign(d.value) === 0))
      out.add(rule.id, "rate.no_denominator", "info", form, t, { denominatorStt: d.stt }, { inferred });
    record(compiled, form, crossForm, ctx, "not_applicable", t.value, null);
    return;
  }
  const r = roundQuotient(n.value, d.value, rule.scale, rule.decimals);
  computed.value = decToString(r.value, rule.decimals);
  if (t.value === null) {
    record(compiled, form, crossForm, ctx, "not_applicable", null, r.value);
    return;
  }
  // A value with many decimals is a computation (=n/d formatted as %, an unrounded float), not a rounded
  // report: judge it at the rule's decimals, rounded as Excel would show it.
  const computedFloat = (t.places ?? 0) > MAX_TYPED_DECIMALS;
  const reportedValue = computedFloat ? roundQuotient(t.value, ONE, 1, rule.decimals).value : t.value;
  const p = computedFloat ? rule.decimals : Math.max(rule.decimals, t.places ?? 0);
  if (quotientWithin(reportedValue, p, n.value, d.value, rule.scale)) {
    record(compiled, form, crossForm, ctx, "pass", t.value, r.value);
    if (r.tie && p === rule.decimals)
      out.add(rule.id, "rate.tie", "info", form, t, { ...rateParams(t, n, d, r.value, rule.decimals), exact: dec(r.exact!) }, { inferred, expected: computed.value });
    if (n.readingFinding) n.readingFinding.params.confirmedBy = t.stt;
    if (d.readingFinding) d.readingFinding.params.confirmedBy = t.stt;
    return;
  }
  // A count whose thousands reading only a rate can confirm ("42.260" stored as 42.26): try the readings.
  const nAlts = n.pendingCount && n.alt ? [n.value, n.alt] : [n.value];
  const dAlts = d.pendingCount && d.alt ? [d.value, d.alt] : [d.value];
  for (const nv of nAlts)
    for (const dv of dAlts) {
      if ((nv === n.value && dv === d.value) || decSign(dv) === 0) continue;
      if (quotientWithin(reportedValue, p, nv, dv, rule.scale)) {
        for (const [part, used] of [[n, nv], [d, dv]] as const)
          if (used === part.alt) {
            part.value = part.alt;
            part.places = null;
            part.confirmedBy = t.stt;
          }
        const again = roundQuotient(n.value, d.value, rule.scale, rule.decimals);
        computed.value = decToString(again.value, rule.decimals);
        record(compiled, form, crossForm, ctx, "pass", t.value, again.value);
        return;
      }
    }
  if (t.alt && quotientWithin(t.alt, Math.max(rule.decimals, decPlaces(t.alt)), n.value, d.value, rule.scale)) {
    // The sheet shows 0,5517 where 55,17 belongs: still wrong as reported, but said for what it is.
    record(compiled, form, crossForm, ctx, "fail", t.value, r.value);
    out.add(rule.id, "percent.fraction", rule.severity, form, t, { ...rateParams(t, n, d, r.value, rule.decimals), reading: dec(t.alt) }, { inferred, expected: computed.value });
    return;
  }
  record(compiled, form, crossForm, ctx, "fail", t.value, r.value);
  out.add(rule.id, "rate.mismatch", rule.severity, form, t, rateParams(t, n, d, r.value, rule.decimals), { inferred, expected: computed.value });
}

function evaluateSumEq(
  compiled: CompiledRule, rule: Extract<Rule, { type: "sum_eq" }>, form: string, lookup: RowLookup, crossForm: boolean, ctx: RuleContext,
): void {
  const { at, meta } = compiled;
  const { out } = ctx;
  const { inferred } = meta;
  const total = lookup(at.first);
  if (!total) return;
  const parts = reportedParts(at, lookup, ctx.gone);
  if (total.value === null || !parts) {
    record(compiled, form, crossForm, ctx, "not_applicable");
    return;
  }
  const { sum, slack } = sumOf(parts);
  const tolerance = total.places !== null ? decAdd(slack, halfUlp(total.places)) : slack;
  const diff = decSub(sum, total.value);
  const ok = decCmp(diff.m < 0 ? decMul(diff, decInt(-1)) : diff, tolerance) <= 0;
  record(compiled, form, crossForm, ctx, ok ? "pass" : "fail", total.value, sum);
  if (!ok)
    out.add(rule.id, "sum.mismatch", rule.severity, form, total,
      { total: dec(total.value), sum: dec(sum), parts: parts.map((p) => labelOf(p, crossForm)).join(" + ") },
      { inferred, expected: decToString(sum) });
}

function evaluateSumLe(
  compiled: CompiledRule, rule: Extract<Rule, { type: "sum_le" }>, form: string, lookup: RowLookup, crossForm: boolean, ctx: RuleContext,
): void {
  const { at, meta } = compiled;
  const { out } = ctx;
  const { inferred } = meta;
  const whole = lookup(at.first);
  const parts = resolveRefs(at.parts, lookup, true);
  if (!whole) return;
  if (whole.value === null || parts.length === 0) {
    record(compiled, form, crossForm, ctx, "not_applicable");
    return;
  }
  const { sum, slack } = sumOf(parts);
  const tolerance = whole.places !== null ? decAdd(slack, halfUlp(whole.places)) : slack;
  const ok = decCmp(decSub(sum, tolerance), whole.value) <= 0;
  record(compiled, form, crossForm, ctx, ok ? "pass" : "fail", sum, whole.value);
  if (!ok) {
    const first = parts.length === 1 ? parts[0] : whole;
    out.add(rule.id, "le.exceeded", rule.severity, form, first,
      { parts: parts.map((p) => labelOf(p, crossForm)).join(" + "), sum: dec(sum), whole: labelOf(whole, crossForm), wholeValue: dec(whole.value) },
      { inferred, expected: `≤ ${decToString(whole.value)}` });
  }
}

function evaluateWhen(
  compiled: CompiledRule, rule: Extract<Rule, { type: "when" }>, form: string, lookup: RowLookup, crossForm: boolean, ctx: RuleContext,
): void {
  const { at, meta } = compiled;
  const { out } = ctx;
  const { inferred } = meta;
  const cond = lookup(at.first);
  if (!cond) return;
  const expectedValue = decInt(rule.if.equals);
  if (cond.value === null || decCmp(cond.value, expectedValue) !== 0) {
    record(compiled, form, crossForm, ctx, "not_applicable", cond.value);
    return;
  }
  const meaning = codeMeaning(cond.row, cond.value) ?? "";
  let ok = true;
  for (const v of resolveRefs(at.blank, lookup)) {
    const base = { condition: cond.stt, conditionValue: dec(cond.value), meaning };
    if (v.reading.type !== "blank") {
      ok = false;
      out.add(rule.id, "when.should_be_blank", rule.severity, form, v, base, { inferred, expected: "" });
    } else {
      ctx.excusedBlank.add(v);
      out.add(rule.id, "when.rightly_blank", "info", form, v, base, { inferred });
    }
  }
  for (const v of resolveRefs(at.filled, lookup)) {
    if (v.reading.type === "blank" && !ctx.gone.has(v)) {
      ok = false;
      ctx.excusedBlank.add(v);
      out.add(rule.id, "when.should_be_filled", rule.severity, form, v,
        { condition: cond.stt, conditionValue: dec(cond.value), meaning }, { inferred });
    }
  }
  record(compiled, form, crossForm, ctx, ok ? "pass" : "fail", cond.value);
}

function evaluateBetween(
  compiled: CompiledRule, rule: Extract<Rule, { type: "between_parts" }>, form: string, lookup: RowLookup, crossForm: boolean, ctx: RuleContext,
): void {
  const { at, meta } = compiled;
  const { out } = ctx;
  const { inferred } = meta;
  const target = lookup(at.first);
  if (!target) return;
  const parts = reportedParts(at, lookup, ctx.gone);
  if (target.value === null || !parts) {
    record(compiled, form, crossForm, ctx, "not_applicable");
    return;
  }
  let min = parts[0];
  let max = parts[0];
  for (const p of parts) {
    if (decCmp(p.value!, min.value!) < 0) min = p;
    if (decCmp(p.value!, max.value!) > 0) max = p;
  }
  const slack = decAdd(halfUlp(target.places ?? 2), halfUlp(Math.max(min.places ?? 2, max.places ?? 2)));
  const ok = decCmp(decAdd(target.value, slack), min.value!) >= 0 && decCmp(decSub(target.value, slack), max.value!) <= 0;
  record(compiled, form, crossForm, ctx, ok ? "pass" : "fail", target.value);
  if (!ok)
    out.add(rule.id, "between.outside", rule.severity, form, target,
      { min: dec(min.value!), max: dec(max.value!), parts: parts.map((p) => p.stt).join(", ") }, { inferred });
}

/**
 * Rows dated by the template set (applies_until / applies_from / coding_until) against the report's period: a blank
 * where the period no longer has the row is right (info, and sums do not demand it), a value there is a warning; in a
 * period straddling the date either is accepted. Facts only: the dates and the period code.
 */
function reformChecks(form: string, values: readonly RowValue[], period: Period, ctx: RuleContext): void {
  for (const rv of values) {
    const row = rv.row;
    if (row.kind === "group" || (!row.applies_until && !row.applies_from && !row.coding_until)) continue;
    const inferred = row.applies_source === "inferred" || row.source === "inferred";
    const base = { period: `${period.kind}-${period.year}`, until: row.applies_until ?? "", from: row.applies_from ?? "" };
    if (row.applies_until || row.applies_from) {
      const applies = rowApplies(row, period);
      if (applies !== "yes") {
        ctx.gone.add(rv);
        if (rv.reading.type === "blank") {
          ctx.excusedBlank.add(rv);
          if (rv.filled) ctx.out.add(`${form}.${row.stt}.reform`, "reform.rightly_blank", "info", form, rv, { ...base, straddles: applies === "either" ? "1" : "" }, { inferred });
        } else if (applies === "no" && !rv.filled?.value.formula)
          // A rate's live formula computes from its parts: the warning belongs to the part the clerk typed.
          ctx.out.add(`${form}.${row.stt}.reform`, "reform.value_after", "warning", form, rv, base, { inferred });
      }
    }
    if (row.coding_until && rv.reading.type !== "blank" && rowApplies({ applies_until: row.coding_until }, period) !== "yes")
      ctx.out.add(`${form}.${row.stt}.reform`, "reform.coding_predates", "info", form, rv, { ...base, until: row.coding_until }, { inferred });
  }
}

/**
 * Validates filled forms against a template set. Forms the set does not know are skipped (recognition reports them).
 * When a form appears twice, each copy is checked on its own and cross-form rules use the first.
 */
export function validateForms(
  set: TemplateSet,
  forms: readonly FilledForm[],
  options: { values?: boolean; period?: Period | null } = {},
): ValidationResult {
  const compiled = compile(set);
  const firstSheet = new Map<string, string>();
  for (const f of forms) if (!firstSheet.has(f.formId)) firstSheet.set(f.formId, f.sheet);
  const evaluations: RuleEvaluation[] = [];
  const computed: ComputedRate[] = [];
  const all: Array<{ order: number; out: Collector }> = [];
  const firstValues = new Map<string, RowValue[]>();
  const resolved: ResolvedValue[] | undefined = options.values ? [] : undefined;

  for (const filled of forms) {
    const cf = compiled.forms.get(filled.formId);
    if (!cf) continue;
    const out = new Collector(() => filled.sheet);
    const ctx: RuleContext = { out, evaluations, computed, excusedBlank: new Set(), sheetOf: () => filled.sheet, gone: new Set() };
    const values: RowValue[] = new Array(cf.rows.length);
    const rows = cf.rows;
    const ordered = filled.ordered && filled.ordered.length === rows.length ? filled.ordered : null;
    const formId = cf.def.id;
    const rowIds = cf.rowIds;
    const byStt = filled.rows;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      const rv = interpret(formId, row, i, ordered !== null ? ordered[i] : byStt[row.stt], out, rowIds[i]);
      values[i] = rv;
      if (row.unit_official_typo)
        out.add(`${cf.def.id}.${row.stt}.unit`, "unit.template_typo", "info", cf.def.id, rv,
          { printed: row.unit_official_typo, unit: row.unit }, { value: shown(rv) || undefined });
      const unitTyped = rv.filled?.unit;
      if (unitTyped !== undefined && unitTyped !== row.unit && unitTyped !== row.unit_official_typo && unitTyped.trim() !== "" && row.kind !== "group") {
        const u = normaliseText(unitTyped);
        if (u !== normaliseText(row.unit) && u !== normaliseText(row.unit_official_typo ?? "\u0000") && row.kind !== "code")
          out.add(`${cf.def.id}.${row.stt}.unit`, "unit.differs", "info", cf.def.id, rv, { typed: unitTyped.trim(), unit: row.unit });
      }
    }
    if (options.period) reformChecks(cf.def.id, values, options.period, ctx);
    if (!firstValues.has(filled.formId)) firstValues.set(filled.formId, values);
    const lookup: RowLookup = (at) => (at.index < 0 ? undefined : values[at.index]);
    for (const rule of cf.rules) evaluate(rule, cf.def.id, lookup, false, ctx);
    for (const rv of values) {
      if (!rv.pendingCount) continue;
      const id = `${cf.def.id}.${rv.stt}.count`;
      const inferred = rv.row.source === "inferred";
      if (rv.confirmedBy)
        out.add(id, "count.thousands_separator", "warning", cf.def.id, rv,
          { reading: dec(rv.value!), unit: rv.row.unit, typed: shown(rv), confirmedBy: rv.confirmedBy },
          { inferred, expected: decToString(rv.value!) });
      else out.add(id, "count.not_integer", "error", cf.def.id, rv, { unit: rv.row.unit }, { inferred });
    }
    for (const rv of values) {
      if (rv.row.kind === "group" || rv.reading.type !== "blank" || ctx.excusedBlank.has(rv)) continue;
      const note = rv.filled?.note?.trim();
      if (note) out.add(`${cf.def.id}.${rv.stt}.blank`, "value.blank_with_reason", "info", cf.def.id, rv, { note }, { inferred: rv.row.source === "inferred" });
      else if (rv.filled) out.add(`${cf.def.id}.${rv.stt}.blank`, "value.blank", "info", cf.def.id, rv, {}, { inferred: rv.row.source === "inferred" });
    }
    if (resolved)
      for (const rv of values)
        if (rv.row.kind !== "group")
          resolved.push({
            form: cf.def.id, sheet: filled.sheet, stt: rv.stt, value: rv.value ? decToString(rv.value) : null,
            unreadable: rv.reading.type !== "blank" && rv.value === null, display: shown(rv),
          });
    all.push({ order: cf.order, out });
  }

  const crossOut = new Collector((form) => firstSheet.get(form));
  const crossCtx: RuleContext = {
    out: crossOut, evaluations, computed, excusedBlank: new Set(), sheetOf: (f) => firstSheet.get(f) ?? "", gone: new Set(),
  };
  const crossLookup: RowLookup = (at) => (at.index < 0 ? undefined : firstValues.get(at.form)?.[at.index]);
  for (const rule of compiled.crossRules) evaluate(rule, rule.form, crossLookup, true, crossCtx);
  all.sort((a, b) => a.order - b.order);
  const findings: Finding[] = [];
  for (const a of all) a.out.drainInto(findings);
  crossOut.drainInto(findings);
  return resolved ? { findings, evaluations, computed, values: resolved } : { findings, evaluations, computed };
}
