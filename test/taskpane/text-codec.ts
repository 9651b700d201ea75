/** jsdom has no TextDecoder/TextEncoder; the browser and Node do. Imported first by pane tests that read documents. */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TextDecoder, TextEncoder: globalThis.TextEncoder ?? TextEncoder });
