/**
 * An in-memory fake of the exact Excel (and Office) API surface src/excel/adapter.ts uses, for tests, the bench and the
 * demo page (browser-safe: no Node-only APIs).
 *
 *   const fake = createFakeHost();            // a workbook with one empty "Sheet1", vi-VN
 *   installFake(fake, globalThis);            // sets globalThis.Excel and globalThis.Office
 *   fake.setCellValue("Biểu mẫu 3", "D22", "98,57%");   // typed as a clerk would (engine's excelTypedCell)
 *   fake.book.syncCount;  fake.snapshot();  fake.texts("Biểu mẫu 3");
 */
import { excelTypedCell } from "../engine/typing";
import { createFakeExcel, type FakeExcelNamespace } from "./api";
import { FakeWorkbook, type TypeResult, type WorkbookSnapshot } from "./model";
import { createFakeOffice, type FakeOffice, type FakeOfficeOptions } from "./office";
import type { FakeLocale } from "./format";
import { DEFAULT_EXCEL_API } from "./strict";

export { FakeWorkbook, FakeExcelError, parseAddress, rectAddress } from "./model";
export type { WorkbookSnapshot, SnapshotCell, FakeCell, FakeSheet, TypeResult } from "./model";
export { createFakeExcel, FakeRequestContext } from "./api";
export { PAYLOAD_LIMIT, DEFAULT_EXCEL_API } from "./strict";
export type { FakeExcelNamespace } from "./api";
export { createFakeOffice } from "./office";
export type { FakeOffice, FakeOfficeOptions } from "./office";
export { compileFormula, excelRound } from "./formula";
export { displayText, formatNumber } from "./format";
export type { FakeLocale } from "./format";

export interface FakeHost {
  book: FakeWorkbook;
  Excel: FakeExcelNamespace;
  Office: FakeOffice;
  /** Types into a cell as a clerk would; `paste` bypasses data validation as Excel's paste does. */
  setCellValue(sheet: string, address: string, typed: string, options?: { paste?: boolean }): TypeResult;
  snapshot(): WorkbookSnapshot;
  texts(sheet: string): Record<string, string>;
  /** context.sync() calls since the last reset. */
  readonly syncCount: number;
  resetSyncCount(): void;
}

export interface FakeHostOptions extends FakeOfficeOptions {
  locale?: FakeLocale;
  /** Sheet names to start with; defaults to ["Sheet1"] (Excel's new workbook). */
  sheets?: string[];
  /** Reuse a workbook (e.g. to "reopen" it with a different host): its settings and sheets are kept. */
  book?: FakeWorkbook;
}

export function createFakeHost(options: FakeHostOptions = {}): FakeHost {
  const locale = options.locale ?? "vi-VN";
  const book = options.book ?? new FakeWorkbook(locale, (typed, loc) => excelTypedCell(typed, loc));
  if (!options.book) for (const name of options.sheets ?? ["Sheet1"]) book.addSheet(name);
  // Excel and Office claim the same ExcelApi version: the fake refuses members above it (ApiNotFound).
  const Excel = createFakeExcel(book, options.supported?.ExcelApi ?? DEFAULT_EXCEL_API);
  const Office = createFakeOffice(book, options);
  return {
    book,
    Excel,
    Office,
    setCellValue: (sheet, address, typed, opts) => book.typeInto(sheet, address, typed, opts),
    snapshot: () => book.snapshot(),
    texts: (sheet) => book.texts(sheet),
    get syncCount() {
      return book.syncCount;
    },
    resetSyncCount() {
      book.syncCount = 0;
    },
  };
}

/** Makes the fake the global `Excel` and `Office` (the adapter reads the globals, like a real add-in). */
export function installFake(fake: FakeHost, target: object = globalThis): void {
  Object.assign(target, { Excel: fake.Excel, Office: fake.Office });
}
