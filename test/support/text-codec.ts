/** jsdom (jest's browser environment) has no TextDecoder/TextEncoder, which every browser has: Node's stand in. */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? TextDecoder, TextEncoder: globalThis.TextEncoder ?? TextEncoder });
