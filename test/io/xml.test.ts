import { MAX_XML_RUN, parseXml, xmlStream } from "../../src/io/xml";

/** The text of every <v>, and the names of the elements opened, from pieces fed in order. */
function read(pieces: string[]): { values: string[]; opened: string[] } {
  const values: string[] = [];
  const opened: string[] = [];
  let inV = false;
  let current = "";
  const s = xmlStream({
    open(name) {
      opened.push(name);
      if (name === "v") {
        inV = true;
        current = "";
      }
    },
    close(name) {
      if (name === "v") {
        inV = false;
        values.push(current);
      }
    },
    text(t) {
      if (inV) current += t;
    },
  });
  for (const p of pieces) s.write(p);
  s.close();
  return { values, opened };
}

describe("the XML stream's cap on a run between two tags", () => {
  test("happy path: ordinary text and markup pass whole, in any pieces", () => {
    const xml = `<s><c><v>12,5</v></c><c><v>${"ab".repeat(1000)}</v></c></s>`;
    const whole = read([xml]);
    expect(whole.values).toEqual(["12,5", "ab".repeat(1000)]);
    for (const size of [1, 7, 100]) {
      const pieces = Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => xml.slice(i * size, (i + 1) * size));
      expect(read(pieces)).toEqual(whole);
    }
  });

  test("a value run of exactly the cap is kept; longer ones are cut to it, whether whole or in pieces", () => {
    const exact = "9".repeat(MAX_XML_RUN - 3); // "<v>" counts: the run starts at "<"
    expect(read([`<s><v>${exact}</v></s>`]).values[0]).toBe(exact);
    const long = "x".repeat(MAX_XML_RUN * 3);
    const cut = read([`<s><v>${long}</v><v>1</v></s>`]).values;
    expect(cut).toEqual(["x".repeat(MAX_XML_RUN - 3), "1"]);
    const inPieces = read(["<s><v>", ...Array.from({ length: 12 }, () => "x".repeat(MAX_XML_RUN / 4)), "</v><v>1</v></s>"]).values;
    expect(inPieces).toEqual(cut);
  });

  test("64 MB of spaces between elements: the elements around them are all read", () => {
    const spaces = " ".repeat(4 * 1024 * 1024);
    const r = read(["<s><c><v>1</v></c>", ...Array.from({ length: 16 }, () => spaces), "<c><v>2</v></c></s>"]);
    expect(r.values).toEqual(["1", "2"]);
    expect(r.opened).toEqual(["s", "c", "v", "c", "v"]);
  });

  test("a run cut inside a tag leaves malformed XML: an XmlError, never a partial success", () => {
    expect(() => parseXml(`<s><c a="${"y".repeat(MAX_XML_RUN + 10)}"/></s>`, {})).toThrow(/xml/);
  });
});

describe("attribute names as the reader asks for them", () => {
  const xml = `<x:row xmlns:x="urn:s" xmlns:x14ac="urn:a" r="3" x14ac:dyDescent="0.25"><x:c r="B3" t="s"/><drawing xmlns:r="urn:r" r:id="rId1"/></x:row>`;
  const opened = (names?: "local" | "raw") => {
    const out: Array<[string, Record<string, string>]> = [];
    parseXml(xml, { open: (name, attrs) => out.push([name, { ...attrs }]) }, "sheet", names);
    return out;
  };

  test("local (the default): prefixes stripped from element and attribute names", () => {
    expect(opened()).toEqual([
      ["row", { x: "urn:s", x14ac: "urn:a", r: "3", dyDescent: "0.25" }],
      ["c", { r: "B3", t: "s" }],
      ["drawing", { r: "urn:r", id: "rId1" }],
    ]);
  });

  test("raw: element names still local, attributes as written (a worksheet's are unqualified)", () => {
    expect(opened("raw")).toEqual([
      ["row", { "xmlns:x": "urn:s", "xmlns:x14ac": "urn:a", r: "3", "x14ac:dyDescent": "0.25" }],
      ["c", { r: "B3", t: "s" }],
      ["drawing", { "xmlns:r": "urn:r", "r:id": "rId1" }],
    ]);
  });
});
