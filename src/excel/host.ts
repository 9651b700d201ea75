/**
 * What the task pane and the ribbon command may ask of a workbook. src/excel/adapter.ts implements it with Office.js
 * (the only place that calls Office.js); tests and the demo pass the same adapter a fake Excel API.
 * Every method lets errors reach the caller as HostError (a Vietnamese message), never swallowing them.
 */
import type { RecognitionResult, ValidationResult } from "../engine/types";
import type { Period } from "../engine/periods";
import type { ReportHeader } from "../layout/types";
import type { CellBefore, CellFix, FixOutcome, UndoOutcome } from "../layout/fixes";
import type { TemplateSet } from "../forms/schema";
import type { SheetGrid } from "../engine/types";

export interface FormInWorkbook {
  formId: string;
  sheet: string;
  tagged: boolean;
  templateSet?: string;
}

export interface InsertResult {
  /** Sheets added, in order. */
  sheets: string[];
  /** Forms that were already in the workbook and were added as a second copy with a numbered name. */
  copies: string[];
}

export interface ValidateOutcome {
  recognition: RecognitionResult;
  result: ValidationResult;
  /** Vietnamese notes on what write-back chose not to do (protected sheet, occupied column, …). */
  notes: string[];
  counts: { error: number; warning: number; info: number };
  /** When the check ran: the pane and the results sheet say it, so an old result never looks current. */
  checkedAt?: Date;
  /** The report period the workbook states (header line or a hand-typed title), null when none. */
  period?: Period | null;
}

/** Features that depend on a requirement set; false means the pane says so and the rest keeps working. */
export interface HostCapabilities {
  insert: boolean;
  validate: boolean;
  dataValidation: boolean;
  tags: boolean;
  settings: boolean;
  hyperlinks: boolean;
}

export interface WorkbookHost {
  capabilities(): HostCapabilities;
  listForms(set: TemplateSet): Promise<FormInWorkbook[]>;
  insertForms(set: TemplateSet, formIds: string[], header: ReportHeader, options?: { loadedSet?: boolean }): Promise<InsertResult>;
  /** Reads every sheet, recognises forms, runs the engine, writes the check column, rates and the results sheet. */
  validate(set: TemplateSet): Promise<ValidateOutcome>;
  /**
   * One-click fixes planned by src/layout/fixes.ts, applied on the user's click only (src/excel/fixes.ts); the outcome
   * carries what "Hoàn tác" needs. Optional: a host without them offers no fixes.
   */
  applyFixes?(fixes: CellFix[]): Promise<FixOutcome>;
  undoFixes?(records: CellBefore[]): Promise<UndoOutcome>;
  /** Calls `listener` when the workbook changes (not by this pane's own writes); resolves to an unsubscribe. */
  onWorkbookChanged?(listener: () => void): Promise<() => Promise<void>>;
  /** Removes everything validate wrote; the user's data stays exactly as it was. */
  clearChecks(set: TemplateSet): Promise<void>;
  /** Report-ready copies: no check column, no shading, Times New Roman 13, borders, print area. Returns sheet names. */
  makeReportCopies(set: TemplateSet): Promise<string[]>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** The office's own template set kept with the workbook (document settings), as JSON text, or null. */
  loadStoredTemplateSet(): Promise<string | null>;
  storeTemplateSet(json: string | null): Promise<void>;
  /** The active sheet's table, for learning a template set from a form pasted there; null when it is empty. */
  readActiveSheet?(): Promise<SheetGrid | null>;
}

export class HostError extends Error {
  override readonly name = "HostError";
  override readonly cause?: unknown;
  constructor(message: string, cause?: unknown) {
    super(message);
    this.cause = cause;
  }
}
