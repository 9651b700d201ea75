/**
 * Office.js errors → a HostError with a sentence from src/i18n/excel.ts, chosen by `error.code` only. The code is not
 * localised; the message is ("Error codes are not localized … The message property … contains a summary of the error
 * in the localized string", https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
 * so a Vietnamese Office says it in Vietnamese and no text of it is ever matched. The message is only shown, as a
 * detail, for codes without a sentence of their own. Codes: Excel.ErrorCodes and OfficeExtension.ErrorCodes
 * (https://learn.microsoft.com/javascript/api/excel/excel.errorcodes).
 */
import type { ExcelText } from "../i18n/excel";
import { HostError } from "./host";

/** The `code` of an OfficeExtension.Error (or of the fake's), else undefined. */
export function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

export function toHostError(e: unknown, t: ExcelText, context?: { sheet?: string; address?: string }): HostError {
  if (e instanceof HostError) return e;
  const code = codeOf(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return new HostError(t.cellEditMode, e);
    case "AccessDenied":
      return new HostError(t.protectedWrite, e);
    case "InvalidOperation":
      return new HostError(t.invalidOperation, e);
    case "ItemNotFound":
      return new HostError(t.sheetNotFound(context?.sheet ?? "?"), e);
    case "ItemAlreadyExists":
      return new HostError(t.itemExists, e);
    case "InvalidReference":
    case "InvalidArgument":
      if (context?.address) return new HostError(t.badAddress(context.address), e);
      return new HostError(t.invalidArgument(detail), e);
    case "ResponsePayloadSizeLimitExceeded":
    case "RequestPayloadSizeLimitExceeded":
      return new HostError(t.tooLarge, e);
    case "ApiNotFound":
      return new HostError(t.apiNotFound, e);
    case "ActivityLimitReached":
    case "RequestAborted":
    case "Conflict":
    case "InsertDeleteConflict":
    case "FilteredRangeConflict":
      return new HostError(t.busy, e);
    default:
      return new HostError(t.generic(code ?? "?", detail), e);
  }
}
