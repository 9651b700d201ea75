/**
 * Where a learned template set came from: the document, each form's tables and each row's place in it. All fields
 * are optional additions to the template-set schema (src/forms/schema.ts), so the built-in set and hand-written
 * sets load unchanged; a set learned from a document (src/forms/learn) records them, and every host shows them.
 */
import { z } from "zod";

/** A place in the document: its table ("Bảng 2") or sheet, and the 1-based row of that table or sheet. */
export const placeSchema = z.object({
  table: z.number().int().positive(),
  row: z.number().int().positive().optional(),
  /** The sheet the table is on, for a workbook. */
  sheet: z.string().optional(),
});

/** Why a row was flagged for review when it was learned (facts; the words are in src/i18n/learn.ts). */
export const rowReviewSchema = z.enum([
  /** A "Số …" row printed with unit "%": kept as printed (unit_official_typo), read as a count. */
  "count_unit_percent",
  /** No unit and no child rows: read as a count. */
  "no_unit",
]);

/** How an inferred relation was found (facts; the Vietnamese reason is the rule's remark). */
export const inferenceSchema = z.enum(["rate_children", "rate_part_le_whole", "total_children", "total_siblings", "yes_no_children"]);

/** The document a set was learned from. */
export const learnedFromSchema = z.object({
  file: z.string().min(1),
  format: z.enum(["docx", "xlsx", "sheet"]),
  /** The văn bản's kind, number and date as the document states them ("Báo cáo", "1125/BC-VP", "14/6/2024"). */
  doc_kind: z.string().optional(),
  doc_number: z.string().optional(),
  doc_date: z.string().optional(),
  /** Parts of the document that could not be read, with their place. */
  skipped: z.array(z.object({ place: placeSchema, problem: z.string(), text: z.string().optional() })).optional(),
});

export type Place = z.infer<typeof placeSchema>;
export type RowReview = z.infer<typeof rowReviewSchema>;
export type Inference = z.infer<typeof inferenceSchema>;
export type LearnedFrom = z.infer<typeof learnedFromSchema>;
