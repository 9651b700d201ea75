/**
 * The schema of a template set: the built-in one (src/forms/builtin/*.json) and any set an office loads go through
 * this one schema and the same semantic checks (see load.ts).
 */
import { z } from "zod";
import { TEMPLATE_SET_TEXT } from "../i18n/template-set";
import { inferenceSchema, learnedFromSchema, placeSchema, rowReviewSchema } from "./provenance";

const stt = z
  .string()
  .regex(/^\d+(\.\d+)*$/, { message: TEMPLATE_SET_TEXT.sttShape });
const source = z.enum(["seed", "official", "province", "inferred"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: TEMPLATE_SET_TEXT.isoDate });
const severity = z.enum(["error", "warning", "info"]);
/** A row reference inside a form ("3.1.2") or, in cross-form rules, "BM7:6.1.1". */
const rowRef = z.string().min(1);

export const rowSchema = z.object({
  stt,
  stt_as_printed: z.string().optional(),
  text: z.string().min(1),
  unit: z.string(),
  kind: z.enum(["count", "percent", "code", "group", "number"]),
  coding: z.record(z.string().regex(/^-?\d+$/), z.string()).nullable().optional(),
  unit_official_typo: z.string().optional(),
  source,
  remark: z.string().optional(),
  /** Learned sets: the row's place in the document, and why it needs a reviewer's look. */
  from: placeSchema.optional(),
  review: z.array(rowReviewSchema).optional(),
  /**
   * The row applies only from / until a date (ISO "2025-06-30"), e.g. a row about cấp huyện, which no longer exists
   * from 1/7/2025. A period after it takes a blank as right and a value as a warning; a period straddling it takes
   * either. `applies_source`/`applies_remark` say where the date comes from ("inferred" when no text says so).
   */
  applies_from: isoDate.optional(),
  applies_until: isoDate.optional(),
  /** The row's code list predates this date (its codes may no longer mean what they say after it). */
  coding_until: isoDate.optional(),
  applies_source: source.optional(),
  applies_remark: z.string().optional(),
  /**
   * The row counts things done since the start of the cut-off period (15/12): a later report of the same year whose
   * period contains an earlier one cannot be smaller. Rows without it are a state at the end of the period.
   */
  accumulates: z.boolean().optional(),
  accumulates_source: source.optional(),
  /** Why the row is taken to accumulate (a learned set's proposal says which words it read). */
  accumulates_remark: z.string().optional(),
});

const ruleBase = {
  id: z.string().min(1),
  severity,
  source: source.optional(),
  remark: z.string().optional(),
  /** Learned sets: how an inferred relation was found. */
  inferred_by: inferenceSchema.optional(),
};

export const ruleSchema = z.discriminatedUnion("type", [
  z.object({
    ...ruleBase,
    type: z.literal("rate"),
    target: rowRef,
    numerator: rowRef,
    denominator: rowRef,
    scale: z.number().int().positive(),
    decimals: z.number().int().min(0).max(6),
  }),
  z.object({ ...ruleBase, type: z.literal("sum_eq"), total: rowRef, parts: z.array(rowRef).min(1) }),
  z.object({ ...ruleBase, type: z.literal("sum_le"), whole: rowRef, parts: z.array(rowRef).min(1) }),
  z.object({
    ...ruleBase,
    type: z.literal("when"),
    if: z.object({ row: rowRef, equals: z.number().int() }),
    then: z.object({ blank: z.array(rowRef).optional(), filled: z.array(rowRef).optional() }),
  }),
  z.object({ ...ruleBase, type: z.literal("between_parts"), target: rowRef, parts: z.array(rowRef).min(2) }),
]);

export const formSchema = z.object({
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
  number: z.number().int().positive(),
  title: z.string().min(1),
  source: z.string().min(1),
  rows: z.array(rowSchema).min(1),
  rules: z.array(ruleSchema),
  /** Learned sets: the tables of the document the form was read from (a table Word split counts twice). */
  from: z.array(placeSchema).optional(),
});

export const templateSetSchema = z.object({
  $comment: z.string().optional(),
  template_set: z.string().min(1),
  document: z.string().min(1),
  header: z.object({
    appendix_title: z.string().min(1),
    caption: z.string(),
    columns: z.array(z.string()).length(5),
  }),
  forms: z.array(formSchema).min(1),
  cross_form_rules: z.array(ruleSchema).default([]),
  missing_forms: z
    .array(z.object({ number: z.number().int().positive(), title: z.string(), reason: z.string() }))
    .default([]),
  /** Learned sets: the document the set was learned from. */
  learned_from: learnedFromSchema.optional(),
});

export type RowKind = z.infer<typeof rowSchema>["kind"];
export type RowSource = z.infer<typeof source>;
export type Severity = z.infer<typeof severity>;
export type FormRow = z.infer<typeof rowSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type RuleType = Rule["type"];
export type FormDefinition = z.infer<typeof formSchema>;
export type TemplateSet = z.infer<typeof templateSetSchema>;
