/**
 * The engine's input and output. Pure data: a host (the Excel add-in, the command line) reads cells into these
 * shapes and renders findings; the engine itself never touches Office.js, the DOM or files.
 */
import type { Severity } from "../forms/schema";

/** One cell as a host reads it. */
export interface CellInput {
  /** The stored value: a number, a string (text, or an error such as "#DIV/0!"), a boolean, or null/"" for blank. */
  value: string | number | boolean | null | undefined;
  /** The text Excel displays, when the host knows it (e.g. "99,69%" for 0.9969 formatted "0.00%"). */
  text?: string;
  /** The cell's number format, e.g. "General", "0.00%", "#,##0", "@". */
  numberFormat?: string;
  /** The formula, with a leading "=", when the cell holds one. */
  formula?: string;
}

/** A grid of cells as read from a sheet's used range, row-major; `origin` is the 0-based position of grid[0][0]. */
export interface SheetGrid {
  sheet: string;
  cells: ReadonlyArray<ReadonlyArray<CellInput | null | undefined>>;
  origin?: { row: number; col: number };
  /** A form id read from the sheet's tags (defined names), when the host found one: recognition then tries it first. */
  formHint?: string;
}

/** The cells of one indicator row of a filled form. */
export interface FilledRow {
  value: CellInput;
  /** A1 address of the value cell on `sheet`, e.g. "D22". */
  address: string;
  /** 0-based sheet row of this indicator (for write-back). */
  row?: number;
  unit?: string;
  note?: string;
}

/** One filled form, from a tagged sheet or recognised in a grid. */
export interface FilledForm {
  formId: string;
  sheet: string;
  rows: Record<string, FilledRow | undefined>;
  /**
   * The same rows in the order of the form definition, when the producer knows it (recognition does): the engine
   * then reads them by position instead of by STT.
   */
  ordered?: ReadonlyArray<FilledRow | undefined>;
}

export type NumericParam = { readonly dec: string };
/** Facts a message is made from. Numbers are canonical decimal strings ("9751", "96.55") wrapped as {dec}. */
export type FindingParams = Record<string, string | NumericParam>;

/** Closed set of what a finding can say; the message catalogue (src/i18n) has a sentence for each. */
export type CheckCode =
  | "rate.mismatch"
  | "rate.tie"
  | "rate.no_denominator"
  | "sum.mismatch"
  | "le.exceeded"
  | "when.should_be_blank"
  | "when.should_be_filled"
  | "when.rightly_blank"
  | "between.outside"
  | "count.not_integer"
  | "count.negative"
  | "count.thousands_separator"
  | "percent.out_of_range"
  | "percent.thousands_separator"
  | "percent.fraction"
  | "code.invalid"
  | "code.meaning_typed"
  | "cell.not_a_number"
  | "cell.too_long"
  | "cell.error_value"
  | "cell.number_as_text"
  | "cell.english_decimal"
  | "value.blank"
  | "value.blank_with_reason"
  | "unit.template_typo"
  | "unit.differs"
  | "form.row_missing"
  | "form.row_unknown"
  | "form.rows_unknown_more"
  | "form.text_differs"
  | "form.duplicate"
  | "report.mismatch"
  | "report.agrees"
  | "report.uncertain"
  | "reform.rightly_blank"
  | "reform.value_after"
  | "reform.coding_predates"
  | "period.accumulation_decreased"
  | "period.state_jump"
  | "period.code_back"
  | "period.not_comparable";

export interface Finding {
  /** Stable rule id: a template rule ("BM3.3.2.rate") or a built-in row check ("BM3.3.1.1.count"). */
  rule: string;
  check: CheckCode;
  severity: Severity;
  /** Form id, e.g. "BM3"; cross-form findings name the form of their first part. */
  form: string;
  stt?: string;
  sheet?: string;
  /** A1 address on `sheet`. */
  cell?: string;
  /** The value as typed (displayed text), when the finding is about a value. */
  value?: string;
  /** The expected value as a canonical decimal string ("96.55"), when there is one. */
  expected?: string;
  params: FindingParams;
  /** The rule or row has no official text behind it. */
  inferred?: boolean;
}

export type EvaluationStatus = "pass" | "fail" | "not_applicable";

/** The outcome of one template rule (the results sheet lists these, cross-form ones in particular). */
export interface RuleEvaluation {
  rule: string;
  type: string;
  form: string;
  crossForm: boolean;
  status: EvaluationStatus;
  /** Human-readable relation, e.g. "BM7 6.1.1 ≤ BM3 1.4". */
  relation: string;
  left?: string;
  right?: string;
  inferred: boolean;
}

/** A rate the engine computed from its parts, for write-back. */
export interface ComputedRate {
  form: string;
  sheet: string;
  stt: string;
  cell: string;
  /** Canonical decimal string rounded as the rule says, or null when the denominator is 0 or blank. */
  value: string | null;
  /** Whether the sheet's cell holds a value the clerk typed (not a formula), blank, or a formula. */
  reported: "typed" | "formula" | "blank";
}

/** A row's value as the engine resolved it (thousands readings, percent formats, code meanings applied). */
export interface ResolvedValue {
  form: string;
  sheet: string;
  stt: string;
  /** Canonical decimal (a percentage in 0–100 units, a code as its number), or null when blank or unreadable. */
  value: string | null;
  /** The cell held something the engine could not read as this row's kind. */
  unreadable: boolean;
  display: string;
}

export interface ValidationResult {
  findings: Finding[];
  evaluations: RuleEvaluation[];
  computed: ComputedRate[];
  /** Present when validateForms was asked for { values: true }. */
  values?: ResolvedValue[];
}

/** A form found in a sheet grid: the filled rows plus where the table sits, for write-back. */
export interface RecognisedForm extends FilledForm {
  /** 0-based sheet columns of the table. */
  columns: { stt: number; text: number; unit: number; value: number; note: number };
  /** 0-based sheet row of the first header row, or null when the table had no header. */
  headerRow: number | null;
  firstRow: number;
  lastRow: number;
  /** Found through a tag (defined name) rather than by reading the table. */
  tagged: boolean;
  /** How many of the form's rows were matched, of how many. */
  matched: number;
  total: number;
}

export interface RecognitionResult {
  forms: RecognisedForm[];
  /** Rows missing, rows not in the form, texts that differ, duplicate forms. */
  findings: Finding[];
  /** Sheets where no form was recognised. */
  unrecognisedSheets: string[];
}
