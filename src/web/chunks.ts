/**
 * The page's lazy chunks live inside the page itself (dist/kiem-tra.html is one self-contained file, opened from a
 * disk or a share): webpack.config.js puts each one in a `<script type="application/x-deflate-base64"
 * data-chunk="NAME">` block, deflated and base64-encoded, which the browser neither runs nor fetches. When the code
 * asks for a chunk (`import("./download")`), webpack's script loader (`__webpack_require__.l`, the hook its JSONP
 * chunk loading calls with the chunk's URL) is replaced here by one that inflates that block and runs it as an inline
 * script: no request, and the page's start does not pay for parsing exceljs. See
 * https://webpack.js.org/api/module-variables/#__webpack_require__-webpack-specific for the free variable.
 */
import { inflateSync, strFromU8 } from "fflate";

type LoadDone = (event: { type: string; target: { src: string } }) => void;
declare const __webpack_require__: { l?: (url: string, done: LoadDone, key?: string, chunkId?: string | number) => void } | undefined;

/** The code of the chunk stored in the page under this name, or null. */
export function inlineChunk(name: string, root: Pick<Document, "querySelectorAll"> = document): string | null {
  for (const node of root.querySelectorAll("script[data-chunk]")) {
    if (node.getAttribute("data-chunk") !== name) continue;
    const raw = atob((node.textContent ?? "").replace(/\s+/g, ""));
    const bytes = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return strFromU8(inflateSync(bytes));
  }
  return null;
}

export function installInlineChunks(): void {
  if (typeof __webpack_require__ === "undefined" || !__webpack_require__?.l) return;
  __webpack_require__.l = (url, done) => {
    const name = url.replace(/^.*\//, "");
    let code: string | null = null;
    try {
      code = inlineChunk(name);
    } catch {
      code = null;
    }
    if (code === null) {
      done({ type: "missing", target: { src: url } });
      return;
    }
    const script = document.createElement("script");
    script.textContent = code;
    // An inline script runs as it is inserted: the chunk has registered itself when `done` is called.
    document.head.appendChild(script);
    script.remove();
    done({ type: "load", target: { src: url } });
  };
}
