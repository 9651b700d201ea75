import { readFileSync } from "fs";
import { zipSync, strToU8 } from "fflate";
import { setWholeInflater, ZipArchive, ZipError, type WholeInflater } from "../../src/io/zip";
import { zlibWhole } from "../../src/cli/native-inflate";
import { packageKind, sniffContainer } from "../../src/io/sniff";
import { parseXml, XmlError } from "../../src/io/xml";
import { SAMPLE_DOCX } from "../support/sample";

function problemOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e.problem;
    if (e instanceof XmlError) return "xml";
    throw e;
  }
  return "none";
}

// Every behaviour holds with either inflater of small parts: fflate's (the browser's) and zlib's (the command line's).
describe.each<[string, WholeInflater | null]>([
  ["fflate", null],
  ["zlib", zlibWhole],
])("zip, small parts inflated by %s", (_, inflater) => {
  beforeAll(() => setWholeInflater(inflater));
  afterAll(() => setWholeInflater(null));

  test("happy path: the sample report's parts are listed and read", () => {
    const zip = ZipArchive.open(readFileSync(SAMPLE_DOCX));
    expect(zip.has("word/document.xml")).toBe(true);
    expect(zip.has("WORD/Document.xml")).toBe(true);
    expect(packageKind(zip)).toBe("docx");
    expect(zip.text("word/document.xml")).toContain("Biểu mẫu");
  });

  test("a part past the limit is refused while inflating, whatever its declared size", () => {
    const bytes = zipSync({ "xl/workbook.xml": new Uint8Array(5 * 1024 * 1024) }, { level: 9 });
    expect(bytes.length).toBeLessThan(64 * 1024);
    const zip = ZipArchive.open(bytes, { maxPartBytes: 1024 * 1024 });
    expect(problemOf(() => zip.read("xl/workbook.xml"))).toBe("zip_part_too_large");
    // The same part, its declared size forged to 10 bytes in the directory: still refused.
    const forged = bytes.slice();
    const cd = forged.findIndex((_, i) => forged[i] === 0x50 && forged[i + 1] === 0x4b && forged[i + 2] === 1 && forged[i + 3] === 2);
    forged.set([10, 0, 0, 0], cd + 24);
    expect(problemOf(() => ZipArchive.open(forged, { maxPartBytes: 1024 * 1024 }).read("xl/workbook.xml"))).toBe("zip_size_mismatch");
  });

  test("a bomb declaring a few bytes is refused after its first piece, long before the part limit", () => {
    const bytes = zipSync({ "xl/worksheets/sheet1.xml": new Uint8Array(48 * 1024 * 1024) }, { level: 9 });
    const cd = bytes.findIndex((_, i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2);
    bytes.set([10, 0, 0, 0], cd + 24);
    const zip = ZipArchive.open(bytes);
    expect(problemOf(() => zip.read("xl/worksheets/sheet1.xml"))).toBe("zip_size_mismatch");
    expect(zip.inflatedBytes).toBeLessThan(8 * 1024 * 1024);
  });

  test("a part inflating to exactly its declared size is read; a forged size below what it holds is refused", () => {
    const data = strToU8("<sst>" + "<si><t>x</t></si>".repeat(50_000) + "</sst>");
    const bytes = zipSync({ "xl/sharedStrings.xml": data }, { level: 6 });
    expect(ZipArchive.open(bytes).read("xl/sharedStrings.xml")).toEqual(data);
    const cd = bytes.findIndex((_, i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2);
    const forged = bytes.slice();
    new DataView(forged.buffer).setUint32(cd + 24, data.length - 1, true);
    expect(problemOf(() => ZipArchive.open(forged).read("xl/sharedStrings.xml"))).toBe("zip_size_mismatch");
  });

  test("the package total is bounded across parts", () => {
    const bytes = zipSync({ a: new Uint8Array(600_000), b: new Uint8Array(600_000) });
    const zip = ZipArchive.open(bytes, { maxTotalBytes: 1_000_000 });
    zip.read("a");
    expect(problemOf(() => zip.read("b"))).toBe("zip_total_too_large");
  });

  test("stopping early inflates no more", () => {
    const noise = new Uint8Array(3_000_000);
    let x = 12345;
    for (let i = 0; i < noise.length; i++) noise[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    const zip = ZipArchive.open(zipSync({ big: noise }));
    let seen = 0;
    const r = zip.stream("big", (c) => {
      seen += c.length;
      return false;
    });
    expect(r.stopped).toBe(true);
    expect(seen).toBeLessThan(3_000_000);
  });

  test("given damaged input: truncated, garbage, missing part", () => {
    const bytes = zipSync({ "word/document.xml": strToU8("<w:document/>".repeat(1000)) });
    expect(problemOf(() => ZipArchive.open(bytes.subarray(0, bytes.length - 30)))).toBe("zip_damaged");
    expect(problemOf(() => ZipArchive.open(new Uint8Array(100)))).toBe("zip_damaged");
    const zip = ZipArchive.open(bytes);
    expect(problemOf(() => zip.read("nope.xml"))).toBe("zip_damaged");
    const cut = bytes.slice();
    cut.fill(0xff, 40, 60); // inside the deflate data
    expect(["zip_damaged", "none"]).toContain(problemOf(() => ZipArchive.open(cut).read("word/document.xml")));
  });

  test("errors propagation: a consumer's own error passes through untouched", () => {
    const zip = ZipArchive.open(zipSync({ a: strToU8("<a><b/></a>") }));
    expect(() => zip.stream("a", () => { throw new RangeError("mine"); })).toThrow(RangeError);
  });

  test("every part's text starts clean: one stopped, or whose reader threw, inside a character leaves nothing behind", () => {
    // "ấ" is 3 bytes in UTF-8: the first 64 KB piece of `a` ends inside one.
    const zip = ZipArchive.open(zipSync({ a: strToU8("ấ".repeat(40_000)), b: strToU8("<b>đủ</b>") }));
    let first = "";
    const r = zip.streamText("a", (t) => {
      first = t;
      return false;
    });
    expect(r.stopped).toBe(true);
    expect(first).toBe("ấ".repeat(Math.floor(65536 / 3)));
    expect(zip.text("b")).toBe("<b>đủ</b>");
    expect(() => zip.streamText("a", () => { throw new RangeError("mine"); })).toThrow(RangeError);
    expect(zip.text("b")).toBe("<b>đủ</b>");
    expect(zip.text("a")).toBe("ấ".repeat(40_000));
  });

  test("a small part whose declared size is forged too low is refused, not truncated", () => {
    const data = strToU8("<a>" + "x".repeat(5000) + "</a>");
    const bytes = zipSync({ a: data });
    const cd = bytes.findIndex((_, i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2);
    new DataView(bytes.buffer).setUint32(cd + 24, 100, true);
    expect(problemOf(() => ZipArchive.open(bytes).read("a"))).toBe("zip_size_mismatch");
  });
});

describe("zip's inflaters", () => {
  test("zlib's and fflate's give the same bytes for every part of the sample report and of generated data", () => {
    let x = 7;
    const noise = new Uint8Array(200_000).map(() => (x = (x * 1103515245 + 12345) >>> 0) >>> 24);
    const runs = new Uint8Array(200_000).map((_, i) => (i >> 7) % 3);
    const packages = [readFileSync(SAMPLE_DOCX), zipSync({ noise, runs }, { level: 9 }), zipSync({ noise, runs }, { level: 1 })];
    const readAll = (inflater: WholeInflater | null): Uint8Array[] => {
      setWholeInflater(inflater);
      try {
        return packages.flatMap((bytes) => {
          const zip = ZipArchive.open(bytes);
          return zip.entries.filter((e) => !e.name.endsWith("/")).map((e) => zip.read(e.name));
        });
      } finally {
        setWholeInflater(null);
      }
    };
    const calls = jest.fn(zlibWhole);
    const viaZlib = readAll(calls);
    const viaFflate = readAll(null);
    expect(viaZlib.length).toBeGreaterThan(10);
    // Every deflated part of these packages is small: each went through zlib, and none fell back to streaming.
    expect(calls.mock.results.filter((r) => r.value !== null).length).toBeGreaterThan(10);
    expect(viaZlib.map((b) => Buffer.from(b).toString("base64"))).toEqual(viaFflate.map((b) => Buffer.from(b).toString("base64")));
  });

  test("zlib's refuses damaged data as the unzip's error", () => {
    setWholeInflater(zlibWhole);
    try {
      const bytes = zipSync({ "word/document.xml": strToU8("<w:document/>".repeat(1000)) });
      const cut = bytes.slice();
      cut.fill(0xff, 40, 60);
      expect(problemOf(() => ZipArchive.open(cut).read("word/document.xml"))).toBe("zip_damaged");
    } finally {
      setWholeInflater(null);
    }
  });
});

describe("sniffing", () => {
  test("sniffing: empty, OLE kinds, OpenDocument", () => {
    expect(sniffContainer(new Uint8Array())).toBe("empty");
    const ole = (name: string) => {
      const b = new Uint8Array(600);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      [...name].forEach((ch, i) => (b[100 + i * 2] = ch.charCodeAt(0)));
      return b;
    };
    expect(sniffContainer(ole("EncryptedPackage"))).toBe("encrypted");
    expect(sniffContainer(ole("WordDocument"))).toBe("doc");
    expect(sniffContainer(ole("Workbook"))).toBe("xls");
    const ods = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet") });
    expect(sniffContainer(ods)).toBe("zip");
    expect(packageKind(ZipArchive.open(ods))).toBe("ods");
  });
});

describe("xml", () => {
  test("local names, decoded text; entities other than XML's own are refused", () => {
    const seen: string[] = [];
    parseXml('<x:a x:r="1"><x:b>A &amp; B&#x20;c</x:b></x:a>', {
      open: (n, a) => seen.push(`${n}:${a.r ?? ""}`),
      text: (t) => seen.push(t),
    });
    expect(seen).toEqual(["a:1", "b:", "A & B c"]);
    const bomb = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;">]><a>&y;</a>';
    expect(problemOf(() => parseXml(bomb, {}))).toBe("xml");
    const xxe = '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>';
    expect(problemOf(() => parseXml(xxe, {}))).toBe("xml");
    expect(problemOf(() => parseXml("<a><b></a>", {}))).toBe("xml");
  });
});
