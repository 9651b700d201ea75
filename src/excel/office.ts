/**
 * The few Office.js calls that are not workbook reads and writes: readiness, the display language, and registering
 * the ribbon's function command. Kept here so src/excel stays the only place that touches Office.js.
 */

/** Office's display language ("vi-VN", "en-US"), or undefined outside Office. */
export function officeDisplayLanguage(): string | undefined {
  return typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
}

/** Runs `start` once Office.js is ready; outside Office (a plain browser) it does nothing. */
export function whenOfficeReady(start: () => void): void {
  if (typeof Office !== "undefined" && typeof Office.onReady === "function") void Office.onReady(() => start());
}

export interface CommandEvent {
  completed(options?: unknown): void;
}

/** Associates a manifest <FunctionName> with its handler (Office.actions.associate), once Office is ready. */
export function registerCommand(name: string, handler: (event: CommandEvent) => unknown): void {
  whenOfficeReady(() => Office.actions.associate(name, handler));
}
