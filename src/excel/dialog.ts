/**
 * The last place the ribbon command can tell the clerk something when nothing in the workbook can be written (a cell
 * still being edited on an Excel without delayForCellEdit, Protect Workbook with no results sheet yet): a small Office
 * dialog (Office.context.ui.displayDialogAsync, DialogApi 1.1,
 * https://learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins) showing notice.html, which
 * prints the lines it finds after "#" as text (never as HTML). The page lives beside commands.html.
 */

export interface DialogOffice {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    ui?: { displayDialogAsync(url: string, options: object, callback: (r: { status: string }) => void): void };
  };
}

/** notice.html beside the page that runs this code, with the lines in its fragment. */
export function noticeUrl(lines: readonly string[], base: string): string {
  return `${new URL("notice.html", base).href.split("#")[0]}#${encodeURIComponent(lines.join("\n"))}`;
}

/** Opens the notice dialog; resolves false where the host has no dialog API or refused to open it. */
export function showDialogNotice(lines: readonly string[], office: DialogOffice | undefined, base: string): Promise<boolean> {
  const ui = office?.context.ui;
  let supported = false;
  try {
    supported = !!office?.context.requirements.isSetSupported("DialogApi", "1.1");
  } catch {
    supported = false;
  }
  if (!ui || !supported) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      ui.displayDialogAsync(noticeUrl(lines, base), { height: 35, width: 40, displayInIframe: true }, (r) =>
        resolve(String(r.status) === "succeeded"),
      );
    } catch {
      resolve(false);
    }
  });
}
