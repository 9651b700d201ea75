/**
 * src/taskpane/legacy.js: where Office hosts the pane in IE11 or the old Edge, a Vietnamese page says why and points
 * to kiem-tra.html and the bieumau command; a current webview is left alone. Run in a vm with a minimal DOM.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { runInNewContext } from "vm";

const SRC = ["src/i18n/legacy.js", "src/taskpane/legacy.js"].map((f) => readFileSync(join(__dirname, "..", "..", f), "utf8")).join("\n");

function page(userAgent: string, documentMode?: number) {
  const texts: string[] = [];
  const el = (): Record<string, unknown> => ({ style: {}, children: [] as unknown[], appendChild(c: unknown) { (this.children as unknown[]).push(c); return c; } });
  const body = { ...el(), firstChild: { old: true }, removeChild() { body.firstChild = null; } } as Record<string, unknown> & { firstChild: unknown };
  const document = {
    readyState: "interactive",
    documentMode,
    body,
    createElement: () => el(),
    createTextNode: (t: string) => (texts.push(t), { text: t }),
  };
  // The script's global object is the window, as in a browser (its top-level var lands there).
  const window: Record<string, unknown> = { navigator: { userAgent: userAgent }, document };
  window.window = window;
  runInNewContext(SRC, window);
  return { window, texts, body };
}

test("IE11 (Trident) gets the page that says why, in Vietnamese first, pointing to kiem-tra.html and bieumau", () => {
  const { window, texts, body } = page("Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko", 11);
  expect(window.__bieumauUnsupported).toBe(true);
  expect(texts[0]).toBe("Excel này chưa chạy được phần bổ trợ Biểu mẫu CCHC");
  expect(texts.join("\n")).toMatch(/kiem-tra\.html/);
  expect(texts.join("\n")).toMatch(/bieumau check/);
  expect(body.firstChild).toBeNull();
});

test("the old Edge (EdgeHTML) gets it too", () => {
  const ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
  expect(page(ua).window.__bieumauUnsupported).toBe(true);
});

test("a current webview (WebView2) is left alone", () => {
  const ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";
  const { window, texts } = page(ua);
  expect(window.__bieumauUnsupported).toBeUndefined();
  expect(texts).toEqual([]);
});
