/** What the learner reports besides the set: facts for a reviewer, rendered in words by src/i18n/learn.ts. */
import type { RowKind, RuleType } from "../schema";
import type { Inference, Place, RowReview } from "../provenance";

/** A part of the document that could not be read into a form. */
export type SkipProblem =
  /** A table after a "Biểu mẫu N" label with no STT or Chỉ tiêu column. */
  | "no_columns"
  /** A table with STT and Chỉ tiêu columns but no "Biểu mẫu N" label before it or in its first rows. */
  | "no_label"
  /** A row whose STT is neither a number ("1", "2.1.") nor a letter ("a)"). */
  | "stt_unreadable"
  /** A row with an STT but no indicator text. */
  | "no_text"
  /** A row with text and a unit but no STT. */
  | "no_stt"
  /** A second row with the same STT in one form. */
  | "duplicate_stt"
  /** A second form with the same number: the first one is kept. */
  | "duplicate_form"
  /** A label "Biểu mẫu N" whose table has no rows. */
  | "no_rows";

export interface Skipped {
  place: Place;
  problem: SkipProblem;
  /** What was printed there (the STT, text or label), shortened. */
  text?: string;
}

/** A row as read from the document, before its kind is decided. */
export interface RawRow {
  sttPrinted: string;
  text: string;
  unit: string;
  place: Place;
  /** The indicator cell's lines as printed, when it had several (a coding may sit on lines of its own). */
  lines?: string[];
}

export interface FoundForm {
  number: number;
  title: string;
  places: Place[];
  rows: RawRow[];
  /** Header of each column as printed, and columns kept out. */
  labels: Partial<Record<"stt" | "text" | "unit" | "value" | "note", string>>;
  extraColumns: string[];
}

export interface LearnedFormReport {
  formId: string;
  number: number;
  title: string;
  places: Place[];
  rows: number;
  kinds: Partial<Record<RowKind, number>>;
  extraColumns: string[];
}

export interface InferredRelation {
  formId: string;
  ruleId: string;
  type: RuleType;
  /** How it was found; absent for a hand-written set's inferred rule. */
  by?: Inference;
}

export interface ReviewedRow {
  formId: string;
  stt: string;
  place?: Place;
  review: RowReview;
}

/** A period proposal on a row (src/forms/learn/periods.ts), inferred; a reviewer may drop it by its id. */
export interface Proposal {
  id: string;
  formId: string;
  stt: string;
  kind: "accumulates" | "applies_until" | "coding_until";
  /** The date proposed (ISO), for applies_until and coding_until. */
  date?: string;
}

export interface LearnReport {
  file: string;
  forms: LearnedFormReport[];
  inferred: InferredRelation[];
  review: ReviewedRow[];
  skipped: Skipped[];
  /** Period proposals: rows taken to accumulate, rows dated by the reform. */
  proposals?: Proposal[];
  /** A document dated after the reform: its rows naming cấp huyện, kept as printed. */
  keptAsPrinted?: { docDate: string; rows: Array<{ formId: string; stt: string }> };
}
