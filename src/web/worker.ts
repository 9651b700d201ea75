/**
 * The browser checker's worker: reads and checks one file at a time off the page's thread, so a hostile file (a zip
 * bomb read up to its limit, a table dragged down thousands of rows) never stops the page responding. The same pure
 * pieces as the page's own fallback (./check). Its bundle is inlined into dist/kiem-tra.html as a script block the
 * browser does not run; the page starts it from a blob: URL (webpack.config.js, ./checker.ts).
 */
import { builtinTemplateSet } from "../forms/load";
import { checkChosenFile, type WebChecked } from "./check";
import type { CheckRequest, CheckReply } from "./checker";

const set = builtinTemplateSet();

/** What crosses back to the page: structured-clone safe (an evaluation's sides are getters: sent as plain data). */
function portable(c: WebChecked): WebChecked {
  if (!c.result) return c;
  return { ...c, result: { ...c.result, evaluations: c.result.evaluations.map((e) => ("toJSON" in e && typeof e.toJSON === "function" ? e.toJSON() : e)) } };
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<CheckRequest>) => void) | null; postMessage(m: CheckReply, transfer?: Transferable[]): void };

scope.onmessage = (e) => {
  const { id, name, bytes, lang, docx } = e.data;
  void (async () => {
    try {
      const checked = portable(await checkChosenFile(name, bytes, set, lang, docx));
      scope.postMessage({ id, checked }, checked.bytes ? [checked.bytes.buffer as ArrayBuffer] : []);
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  })();
};
