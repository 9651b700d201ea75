/**
 * The one XML parser of the house: saxes, streaming, in Node and in the browser. Readers get local names (the
 * prefix stripped: a package written by another tool may use "x:c" where Excel writes "c") and decoded text.
 *
 * saxes expands only XML's predefined and numeric entities and reads no DTD, so no external entity is ever fetched
 * and no entity can expand ("billion laughs"): a document that uses one fails as damaged XML.
 */
import { SaxesParser } from "saxes";

export class XmlError extends Error {
  constructor(
    readonly detail: string,
    readonly part?: string,
  ) {
    super(`xml${part ? ` (${part})` : ""}: ${detail}`);
    this.name = "XmlError";
  }
}

export type XmlAttrs = Record<string, string>;

export interface XmlHandlers {
  /** An element opens; `attrs` are keyed by local name ("w:val" → "val"). */
  open?(name: string, attrs: XmlAttrs, selfClosing: boolean): void;
  /** An element closes (self-closing ones too, right after `open`). */
  close?(name: string): void;
  /** Character data (entities decoded), in pieces. */
  text?(text: string): void;
}

export function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/**
 * Characters between two "<" fed to the parser at most: the rest of a longer run is dropped. saxes gathers a text
 * node whole before it hands it on, so 64 MB of spaces in a sheet (a zip bomb under the part limit) cost hundreds of
 * MB; no value a reader needs comes near this (Excel holds at most 32,767 characters in a cell). A run cut inside a
 * tag leaves the XML malformed, and the part is reported damaged.
 */
export const MAX_XML_RUN = 1 << 20;

/**
 * How attribute names reach `open`: "local" strips a prefix ("r:id" → "id", "w:val" → "val"), for parts whose
 * vocabulary qualifies attributes (relationships, WordprocessingML); "raw" hands them as written, for parts whose
 * attributes are unqualified by their schema (a worksheet's "r", "s", "t"): no per-attribute event is listened to,
 * and no tag's attributes are copied to rename them (Excel writes "x14ac:dyDescent" on every row).
 */
export type AttributeNames = "local" | "raw";

export interface XmlStream {
  write(chunk: string): void;
  close(): void;
}

/** A streaming parser: write text pieces as they are inflated, then close. Malformed XML throws XmlError. */
export function xmlStream(handlers: XmlHandlers, part?: string, attributeNames: AttributeNames = "local"): XmlStream {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let failure: XmlError | null = null;
  parser.on("error", (e) => {
    failure ??= new XmlError(e.message.split("\n")[0].slice(0, 200), part);
    throw failure;
  });
  if (handlers.open && attributeNames === "raw") {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag.attributes as XmlAttrs, tag.isSelfClosing));
  } else if (handlers.open) {
    const open = handlers.open;
    // Whether the tag being read has a prefixed attribute ("r:id", "w:val"), told as each attribute is read: cheaper
    // than enumerating every tag's attributes (a dictionary object) to find out, and this runs for every element.
    let prefixed = false;
    parser.on("attribute", (a) => {
      if (!prefixed && a.name.includes(":")) prefixed = true;
    });
    parser.on("opentag", (tag) => {
      const raw = tag.attributes as Record<string, string>;
      let attrs: XmlAttrs = raw;
      if (prefixed) {
        prefixed = false;
        attrs = {};
        for (const j in raw) attrs[localName(j)] = raw[j];
      }
      open(localName(tag.name), attrs, tag.isSelfClosing);
    });
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on("text", text);
    parser.on("cdata", text);
  }
  const guard = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof XmlError) throw e;
      if (failure) throw failure;
      throw e;
    }
  };
  // Characters since the last "<" (counting it), across pieces.
  let run = 0;
  const write = (chunk: string): void => {
    if (run + chunk.length <= MAX_XML_RUN) {
      parser.write(chunk);
      const lt = chunk.lastIndexOf("<");
      run = lt < 0 ? run + chunk.length : chunk.length - lt;
      return;
    }
    // A long piece: fed whole except the part of any run past the cap.
    let fed = 0;
    for (let from = 0; from < chunk.length; ) {
      const startsTag = chunk.charCodeAt(from) === 60;
      if (startsTag) run = 0;
      const lt = chunk.indexOf("<", startsTag ? from + 1 : from);
      const to = lt < 0 ? chunk.length : lt;
      if (run + (to - from) > MAX_XML_RUN) {
        const keep = from + Math.max(0, MAX_XML_RUN - run);
        if (keep > fed) parser.write(chunk.slice(fed, keep));
        fed = to;
      }
      run += to - from;
      from = to;
    }
    if (fed < chunk.length) parser.write(chunk.slice(fed));
  };
  return {
    write: (chunk) => guard(() => write(chunk)),
    close: () => guard(() => void parser.close()),
  };
}

/** Parses a whole XML text. */
export function parseXml(text: string, handlers: XmlHandlers, part?: string, attributeNames: AttributeNames = "local"): void {
  const s = xmlStream(handlers, part, attributeNames);
  s.write(text);
  s.close();
}
