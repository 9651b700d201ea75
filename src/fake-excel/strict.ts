/**
 * Where the fake is as strict as the documented Excel, in one place (used by ./api.ts):
 * - Excel on the web refuses a request or a response larger than 5 MB ("Excel add-ins: … a payload size limit for
 *   requests and responses of 5 MB", https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization);
 *   the error codes are RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded (Excel.ErrorCodes).
 * - While the user edits a cell every batch fails with InvalidOperationInCellEditMode, unless Excel.run was given
 *   { delayForCellEdit: true } (ExcelApi 1.11), which waits until editing ends
 *   (https://learn.microsoft.com/javascript/api/excel/excel.runoptions).
 * - A member of a requirement set above the one the host supports fails with ApiNotFound
 *   (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes).
 * - Adding, deleting or renaming a sheet is refused under Protect Workbook (structure) and clears the undo history
 *   (OfficeDev/office-js#6170: worksheets.add clears the undo stack on Windows).
 */
import { FakeExcelError } from "./model";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The fake's default ExcelApi version (a current Microsoft 365). */
export const DEFAULT_EXCEL_API = "1.12";

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0, y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function apiNotFound(member: string, version: string): FakeExcelError {
  return new FakeExcelError(
    "ApiNotFound",
    `The API you are trying to use could not be found. ${member} is part of ExcelApi ${version}, which is not available in your version of Office.`,
  );
}

export function cellEditError(): FakeExcelError {
  return new FakeExcelError(
    "InvalidOperationInCellEditMode",
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  );
}

export function structureProtectedError(): FakeExcelError {
  return new FakeExcelError("AccessDenied", "The workbook's structure is protected: sheets cannot be added, deleted, renamed or moved.");
}

/** Bytes a value takes on the wire (JSON, UTF-16 code units as a close upper bound for the UTF-8 of Vietnamese text). */
export function payloadBytes(v: unknown): number {
  if (v === undefined) return 0;
  return JSON.stringify(v).length;
}

export function requestTooLarge(bytes: number): FakeExcelError {
  return new FakeExcelError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
}

export function responseTooLarge(bytes: number): FakeExcelError {
  return new FakeExcelError("ResponsePayloadSizeLimitExceeded", `The response payload size (${bytes} bytes) has exceeded the limit.`);
}
