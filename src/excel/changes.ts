/**
 * Tells the pane when the workbook changes after a check (a cell edited, the ribbon's Kiểm tra rewriting results),
 * so the pane can mark its findings out of date instead of leaving old results looking current.
 * Worksheets.onChanged is ExcelApi 1.9 (the caller checks); triggerSource (1.14) lets the pane's own writes through
 * unmarked where Excel says who made a change.
 */
export async function watchChanges(excel: typeof Excel, listener: () => void): Promise<() => Promise<void>> {
  let handler: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  await excel.run(async (ctx) => {
    handler = ctx.workbook.worksheets.onChanged.add(async (e) => {
      if ((e as { triggerSource?: string }).triggerSource !== "ThisLocalAddin") listener();
    });
    await ctx.sync();
  });
  return async () => {
    const h = handler;
    if (!h) return;
    handler = undefined;
    await excel.run(h.context, async (ctx) => {
      h.remove();
      await ctx.sync();
    });
  };
}
