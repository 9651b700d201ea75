/**
 * The ribbon's function command "Kiểm tra" (manifest: <FunctionName>validateWorkbook</FunctionName>): checks the
 * workbook without opening the task pane. A function command has no UI, so the result is shown in the workbook: the
 * sheet "Kết quả kiểm tra" is made anew, brought to the front, and its second line states the counts
 * ("1 lỗi, 6 cảnh báo, 12 thông tin …"); notes (e.g. an unusable stored template set) are listed below the findings.
 * When checking cannot run, that sheet says why (with its time), in Vietnamese; when not even that sheet can be
 * written, a dialog does (src/excel/dialog.ts). Every sentence comes from src/i18n/excel.ts.
 * No React here: the command page loads only Office.js and this chunk.
 */
import { createExcelHost, type ExcelHost } from "../excel/adapter";
import { showDialogNotice, type DialogOffice } from "../excel/dialog";
import { officeDisplayLanguage, registerCommand, type CommandEvent } from "../excel/office";
import { builtinTemplateSet, parseTemplateSetText, type TemplateSet } from "../forms";
import { excelText } from "../i18n/excel";
import { langFromLocale } from "../i18n/number";

/** The template set kept with the workbook, or the built-in one (with a note when the kept one is unusable). */
export async function templateSetFor(host: ExcelHost): Promise<{ set: TemplateSet; note?: string }> {
  const stored = await host.loadStoredTemplateSet();
  if (!stored) return { set: builtinTemplateSet() };
  try {
    return { set: parseTemplateSetText(stored) };
  } catch (e) {
    const lang = langFromLocale(officeDisplayLanguage());
    return { set: builtinTemplateSet(), note: excelText(lang).storedSetInvalid(e instanceof Error ? e.message : String(e)) };
  }
}

/** Runs "Kiểm tra" and always completes the event, whatever happens (Office waits for it otherwise). */
export async function validateWorkbook(event: CommandEvent, host: ExcelHost = createExcelHost()): Promise<void> {
  const text = excelText(langFromLocale(officeDisplayLanguage()));
  try {
    const { set, note } = await templateSetFor(host);
    // The fallback to the built-in set is never silent: the note is listed in the results sheet (and the outcome).
    // Without a results sheet the clerk would see nothing, so its absence is a failure here (shown below).
    await host.validate(set, { activateResults: true, requireResultsSheet: true, notes: note ? [note] : [] });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    try {
      await host.showNotice([text.commandFailed, message, text.openPane]);
    } catch (again) {
      // Nothing in the workbook can be written (a cell still being edited on an older Excel, Protect Workbook with no
      // results sheet): a dialog says it, with its time; the console only when the host has no dialog either.
      const lines = [text.commandFailed, text.noticeAt(new Date()), message, text.openPane];
      const shown = await showDialogNotice(lines, globalThis.Office as unknown as DialogOffice | undefined, globalThis.location?.href ?? "https://localhost/");
      if (!shown) console.error("validateWorkbook:", message, again);
    }
  } finally {
    event.completed();
  }
}

registerCommand("validateWorkbook", (event) => validateWorkbook(event));
