/**
 * @jest-environment jsdom
 */
/** The page's lazy chunks as webpack.config.js stores them (raw deflate, base64, in a script block) read back. */
import "../support/text-codec";
import { deflateRawSync } from "zlib";
import { inlineChunk } from "../../src/web/chunks";

function page(blocks: Record<string, string>): Document {
  const doc = document.implementation.createHTMLDocument("t");
  for (const [name, code] of Object.entries(blocks)) {
    const s = doc.createElement("script");
    s.setAttribute("type", "application/x-deflate-base64");
    s.setAttribute("data-chunk", name);
    // Stored wrapped, as a long base64 text may be.
    s.textContent = deflateRawSync(Buffer.from(code, "utf8")).toString("base64").replace(/(.{60})/g, "$1\n");
    doc.body.appendChild(s);
  }
  return doc;
}

test("a chunk is found by its file name and inflated to its code, Vietnamese text intact", () => {
  const code = `(self.webpackChunkbieumau=self.webpackChunkbieumau||[]).push([[552],{1:()=>"Kết quả kiểm tra ${"x".repeat(5000)}"}]);`;
  const doc = page({ "kiem-tra-chunk.552.abc.js": code, "kiem-tra-chunk.download.def.js": "other()" });
  expect(inlineChunk("kiem-tra-chunk.552.abc.js", doc)).toBe(code);
  expect(inlineChunk("kiem-tra-chunk.download.def.js", doc)).toBe("other()");
});

test("a chunk the page does not hold is null", () => {
  expect(inlineChunk("kiem-tra-chunk.9.zzz.js", page({ "kiem-tra-chunk.552.abc.js": "a()" }))).toBeNull();
});
