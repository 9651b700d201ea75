/**
 * The reader-side guarantees of issue #13: ranges are never expanded (merges, defined names, dimensions over a whole
 * sheet), a part inflating past its limit is refused while inflating, reading stops at the read window, and only
 * regular files up to a stated size are read (a FIFO or a /dev/zero symlink is refused at once).
 */
import { execFileSync } from "child_process";
import { symlinkSync, truncateSync, writeFileSync } from "fs";
import { join } from "path";
import { strToU8, zipSync } from "fflate";
import { builtinTemplateSet } from "../../src/forms/load";
import { MAX_FILE_BYTES, readWorkbookFile } from "../../src/cli/xlsx-read";
import { readXlsx } from "../../src/io/xlsx-read";
import { DEFAULT_ZIP_LIMITS } from "../../src/io/zip";
import { cliText } from "../../src/i18n/cli";
import { cli, tempDir } from "./helpers";

const set = builtinTemplateSet();
let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir("bieumau-hostile-")));
afterAll(() => cleanup());

const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
function workbook(sheet: string | Uint8Array, names = ""): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(`<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`),
      "xl/workbook.xml": strToU8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets><definedNames>${names}</definedNames></workbook>`),
      "xl/_rels/workbook.xml.rels": strToU8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      "xl/worksheets/sheet1.xml": typeof sheet === "string" ? strToU8(sheet) : sheet,
    },
    { level: 6 },
  );
}
const sheet = (rows: string, after = "", before = "") =>
  `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;

describe("ranges are read as ranges", () => {
  it("a merge, a name, a filter and a dimension over the whole sheet are handed over as written", () => {
    const merges = Array.from({ length: 20000 }, (_, i) => `<mergeCell ref="A${i * 2 + 1}:B${i * 2 + 1}"/>`).join("");
    const bytes = workbook(
      sheet(`<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>`, `<mergeCells><mergeCell ref="A1:XFD1048576"/>${merges}</mergeCells>`, `<dimension ref="A1:XFD1048576"/>`),
      `<definedName name="Everything">S!$A$1:$XFD$1048576</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">S!$A:$XFD</definedName>`,
    );
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.problem);
    const s = read.workbook.sheets[0];
    expect(s.cells).toEqual([[{ value: 1 }, null]]);
    expect(s.merges[0]).toBe("A1:XFD1048576");
    expect(s.dimension).toBe("A1:XFD1048576");
    expect(read.workbook.names.map((n) => n.ranges)).toEqual([[{ sheet: "S", ref: "$A$1:$XFD$1048576" }], [{ sheet: "S", ref: "$A:$XFD" }]]);
  });
});

describe("the read window", () => {
  it("stops inflating at the first value below the window and says the sheet was cut", () => {
    const rows = Array.from({ length: 100000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>rác ${i}</t></is></c></row>`).join("");
    const bytes = workbook(sheet(rows));
    const read = readXlsx(bytes);
    if (!read.ok) throw new Error(read.problem);
    expect(read.workbook.sheets[0].truncated).toBe(true);
    expect(read.workbook.sheets[0].cells).toHaveLength(5000);
    expect(read.workbook.sheets[0].cells[4999][0]?.value).toBe(4999);
  });
});

describe("zip bombs", () => {
  it("a sheet inflating past the part limit is refused while inflating, with a message naming the limit", async () => {
    const huge = new Uint8Array(DEFAULT_ZIP_LIMITS.maxPartBytes + 1024 * 1024).fill(0x20);
    huge.set(strToU8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`));
    const bytes = workbook(huge);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const read = readXlsx(bytes);
    expect(read.ok ? "read" : read.problem).toBe("zip_part_too_large");
    writeFileSync(join(dir, "bomb.xlsx"), bytes);
    const r = await cli(["check", "bomb.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(cliText("vi").readProblem("zip_part_too_large"));
    expect(r.stdout).toContain("50 MB");
  });

  it("an .ods has its own message", () => {
    const ods = zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") });
    const read = readXlsx(ods);
    expect(read.ok ? "read" : read.problem).toBe("ods");
  });
});

describe("only regular files", () => {
  it("refuses a FIFO, a /dev/zero symlink and a file past the size limit at once", async () => {
    execFileSync("mkfifo", [join(dir, "pipe.xlsx")]);
    symlinkSync("/dev/zero", join(dir, "zero.xlsx"));
    writeFileSync(join(dir, "big.xlsx"), "");
    truncateSync(join(dir, "big.xlsx"), MAX_FILE_BYTES + 1); // sparse: no disk used
    for (const [f, problem] of [["pipe.xlsx", "not_regular_file"], ["zero.xlsx", "not_regular_file"], ["big.xlsx", "file_too_large"]] as const) {
      const out = await readWorkbookFile(join(dir, f), set);
      expect(out.ok ? "read" : out.problem).toBe(problem);
    }
    const r = await cli(["check", "pipe.xlsx", "zero.xlsx", "big.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("100 MB");
  });
});
