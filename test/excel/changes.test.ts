/** watchChanges: subscribes to Worksheets.onChanged, ignores this add-in's own writes, unsubscribes cleanly. */
import { watchChanges } from "../../src/excel/changes";

function excelWithEvents() {
  const state = { handler: null as null | ((e: unknown) => Promise<void>), removed: false, syncs: 0 };
  const context = {
    workbook: {
      worksheets: {
        onChanged: {
          add(h: (e: unknown) => Promise<void>) {
            state.handler = h;
            return { context, remove: () => void (state.removed = true) };
          },
        },
      },
    },
    sync: async () => void state.syncs++,
  };
  const excel = {
    run: async (a: unknown, b?: unknown) => ((b ?? a) as (c: unknown) => Promise<unknown>)(context),
  } as unknown as typeof Excel;
  return { excel, state };
}

test("a change by the user or another runtime calls the listener; this add-in's own does not; unsubscribe removes it", async () => {
  const { excel, state } = excelWithEvents();
  const listener = jest.fn();
  const off = await watchChanges(excel, listener);
  expect(state.syncs).toBe(1);
  await state.handler!({ triggerSource: "ThisLocalAddin" });
  expect(listener).not.toHaveBeenCalled();
  await state.handler!({ triggerSource: "Unknown" });
  await state.handler!({}); // Excel before 1.14 does not say who changed it
  expect(listener).toHaveBeenCalledTimes(2);
  await off();
  expect(state.removed).toBe(true);
  await off(); // twice is harmless
});
