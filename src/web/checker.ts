/**
 * Where the page checks a file: in the worker (./worker.ts) when the page carries it and the browser starts it, else
 * on the page's own thread as before (an old browser, a page built without it). Either way the same result.
 */
import type { TemplateSet } from "../forms/schema";
import type { Lang } from "../i18n/number";
import { checkChosenFile, type WebChecked } from "./check";

export interface CheckRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  lang: Lang;
  docx: boolean;
}

export type CheckReply = { id: number; checked: WebChecked } | { id: number; error: string };

/** The script block webpack.config.js puts the worker's bundle in. */
export const WORKER_SCRIPT_ID = "kiem-tra-worker";

let worker: Worker | null | undefined;
let nextId = 0;

function startWorker(): Worker | null {
  if (worker !== undefined) return worker;
  worker = null;
  try {
    const source = document.getElementById(WORKER_SCRIPT_ID)?.textContent;
    if (source && typeof Worker !== "undefined") worker = new Worker(URL.createObjectURL(new Blob([source], { type: "text/javascript" })));
  } catch {
    worker = null;
  }
  return worker;
}

/** Which thread checks files: "worker" once the worker has answered, "page" when it could not be used. */
export let checkerThread: "worker" | "page" | "unknown" = "unknown";

function inWorker(w: Worker, name: string, bytes: Uint8Array, lang: Lang, docx: boolean): Promise<WebChecked> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<CheckReply>) => {
      if (e.data.id !== id) return;
      done();
      if ("error" in e.data) reject(new Error(e.data.error));
      else resolve(e.data.checked);
    };
    const onError = (e: ErrorEvent) => {
      done();
      reject(new Error(e.message || "worker"));
    };
    const done = () => {
      w.removeEventListener("message", onMessage);
      w.removeEventListener("error", onError);
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", onError);
    // The bytes are copied, not moved: the page keeps them should the worker fail and the page check them itself.
    w.postMessage({ id, name, bytes, lang, docx } satisfies CheckRequest);
  });
}

/** Checks one file, in the worker when there is one. */
export async function checkFile(name: string, bytes: Uint8Array, set: TemplateSet, lang: Lang, docx: boolean): Promise<WebChecked> {
  const w = startWorker();
  if (w) {
    try {
      const checked = await inWorker(w, name, bytes, lang, docx);
      checkerThread = "worker";
      return checked;
    } catch {
      // A worker that failed is not asked again: the page checks this file and the next ones itself.
      w.terminate();
      worker = null;
    }
  }
  checkerThread = "page";
  return checkChosenFile(name, bytes, set, lang, docx);
}
