/**
 * `bieumau export`: the sample's appendix as Word. The document's page setup, fonts and table properties are read
 * back from its XML; LibreOffice Writer opens it (converted to PDF) and the text it prints is read back with
 * pdftotext: the titles, every row, the values as vi-VN numbers, the computed rates, no check column.
 */
import { execFileSync } from "child_process";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { builtinTemplateSet } from "../../src/forms/load";
import { ZipArchive } from "../../src/io/zip";
import { parseXml } from "../../src/io/xml";
import { DOC_PAGE } from "../../src/layout/docplan";
import { CHECK_COLUMN_HEADER } from "../../src/layout/names";
import { cli, SAMPLE_TSV, tempDir } from "./helpers";
import { convert, freshProfile, sofficePath } from "./libreoffice";

const set = builtinTemplateSet();
const MM = 1440 / 25.4;
let dir: string;
let cleanup: () => void;
let docx: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("bieumau-export-"));
  const made = await cli(
    ["new", "x.xlsx", "--from", SAMPLE_TSV, "--unit", "Văn phòng UBND tỉnh", "--report-number", "1125/BC-VP", "--report-date", "14/6/2024", "--period", "6t-2024"],
    dir,
  );
  expect(made.code).toBe(0);
  const exported = await cli(["export", "x.xlsx", "-o", "PHU-LUC.docx"], dir);
  expect(exported.stderr).toBe("");
  expect(exported.code).toBe(0);
  docx = join(dir, "PHU-LUC.docx");
});
afterAll(() => cleanup());

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
}

function tree(xml: string): El {
  const root: El = { name: "#root", attrs: {}, children: [] };
  const stack = [root];
  parseXml(xml, {
    open: (name, attrs) => {
      const el = { name, attrs, children: [] };
      stack[stack.length - 1].children.push(el);
      stack.push(el);
    },
    close: () => void stack.pop(),
  });
  return root;
}
const all = (el: El, name: string): El[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];
const child = (el: El, name: string) => el.children.find((c) => c.name === name);

describe("bieumau export: the document's XML", () => {
  let doc: El;
  let styles: El;
  beforeAll(() => {
    const zip = ZipArchive.open(new Uint8Array(readFileSync(docx)));
    doc = tree(zip.text("word/document.xml"));
    styles = tree(zip.text("word/styles.xml"));
  });

  it("is A4 portrait with the decree's margins", () => {
    const sz = all(doc, "pgSz")[0].attrs;
    expect(Math.abs(Number(sz.w) - 210 * MM)).toBeLessThan(2);
    expect(Math.abs(Number(sz.h) - 297 * MM)).toBeLessThan(2);
    const mar = all(doc, "pgMar")[0].attrs;
    const mm = (k: string) => Number(mar[k]) / MM;
    expect(mm("top")).toBeGreaterThanOrEqual(19.9);
    expect(mm("top")).toBeLessThanOrEqual(25.1);
    expect(mm("bottom")).toBeGreaterThanOrEqual(19.9);
    expect(mm("bottom")).toBeLessThanOrEqual(25.1);
    expect(mm("left")).toBeGreaterThanOrEqual(29.9);
    expect(mm("left")).toBeLessThanOrEqual(35.1);
    expect(mm("right")).toBeGreaterThanOrEqual(14.9);
    expect(mm("right")).toBeLessThanOrEqual(20.1);
  });

  it("sets Times New Roman 13–14 in the body and 12–13 in tables", () => {
    const defaults = all(styles, "rPrDefault")[0];
    expect(all(defaults, "rFonts")[0].attrs.ascii).toBe("Times New Roman");
    const runs = all(doc, "r");
    expect(runs.length).toBeGreaterThan(100);
    for (const r of runs) expect(all(r, "rFonts")[0]?.attrs.ascii).toBe("Times New Roman");
    const inTables = new Set(all(doc, "tbl").flatMap((t) => all(t, "r")));
    for (const r of runs) {
      const half = Number(all(r, "sz")[0]?.attrs.val);
      if (inTables.has(r)) expect([24, 26]).toContain(half);
      else expect([26, 28]).toContain(half);
    }
  });

  it("has one table per form: two header rows repeated on each page, no row split, widths that fit the page", () => {
    const tables = all(doc, "tbl");
    expect(tables).toHaveLength(3);
    const textWidth = (DOC_PAGE.width - DOC_PAGE.margins.left - DOC_PAGE.margins.right) * MM;
    tables.forEach((t, i) => {
      const rows = t.children.filter((c) => c.name === "tr");
      expect(rows).toHaveLength(set.forms[i].rows.length + 2);
      const header = rows.map((r) => Boolean(child(r, "trPr") && all(r, "tblHeader").length));
      expect(header.slice(0, 2)).toEqual([true, true]);
      expect(header.slice(2).every((h) => !h)).toBe(true);
      for (const r of rows) expect(all(r, "cantSplit")).toHaveLength(1);
      const grid = all(t, "gridCol").map((g) => Number(g.attrs.w));
      expect(grid).toHaveLength(5);
      expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(textWidth + 2);
      // The merged "Kết quả thống kê" spans the unit and value columns of the first header row.
      expect(all(rows[0], "gridSpan").map((g) => g.attrs.val)).toEqual(["2"]);
      expect(all(rows[0], "vMerge").length).toBe(3);
    });
  });
});

const soffice = sofficePath();
const pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].find((p) => existsSync(p));
const maybe = soffice && pdftotext ? describe : describe.skip;
if (!soffice || !pdftotext) console.warn("Bỏ qua kiểm tra bằng LibreOffice Writer: thiếu soffice hoặc pdftotext / skipped");

maybe("bieumau export: opened by LibreOffice Writer", () => {
  let text: string;
  beforeAll(async () => {
    await convert(soffice!, freshProfile(join(dir, "profile")), "pdf", join(dir, "pdf"), [docx]);
    text = execFileSync(pdftotext!, [join(dir, "pdf", "PHU-LUC.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  }, 600000);

  it("prints the heading, title, caption and each form's label and title", () => {
    expect(text).toContain("Phụ lục");
    expect(text).toContain(set.header.appendix_title);
    expect(text).toContain("(Ban hành kèm theo Báo cáo số 1125/BC-VP ngày 14/6/2024 của Văn phòng UBND tỉnh)");
    for (const f of set.forms) {
      expect(text).toContain(`Biểu mẫu ${f.number}`);
      expect(text).toContain(f.title.toUpperCase());
    }
    expect(text).toContain("Kết quả thống kê");
    expect(text).not.toContain(CHECK_COLUMN_HEADER);
  });

  it("prints every row's text", () => {
    const words = (s: string) => s.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
    // A cell's first line: its first three words (pdftotext may put a neighbouring cell's text between two lines).
    for (const f of set.forms)
      for (const row of f.rows) {
        expect(text).toContain(words(row.text).split(" ").slice(0, 3).join(" "));
        expect(text).toContain(` ${row.stt_as_printed ?? row.stt} `);
      }
  });

  it("prints values as vi-VN numbers, the thousands comma read as the engine reads it, and computed rates", () => {
    for (const v of ["52.414", "52.249", "9.751", "10.099", "77.881", "77.857", "1.081", "59.789", "42.260", "331.084", "206.913", "1.877"])
      expect(text).toContain(v);
    // BM3 3.2 is typed 98,57% but its parts give 96,55: the appendix shows the computed rate.
    expect(text).toContain("96,55");
    expect(text).not.toContain("98,57");
    for (const v of ["55,17", "99,69", "99,97", "79,92", "70,68", "62,50", "93,35"]) expect(text).toContain(v);
    expect(text).not.toMatch(/52,414|9,751/);
  });
});

describe("bieumau export: what it refuses", () => {
  it("a workbook with no form: a Vietnamese message, exit 2, nothing written", async () => {
    const { writeGrids } = await import("./helpers");
    await writeGrids(join(dir, "trong.xlsx"), [{ sheet: "Ghi chú", cells: [[{ value: "Không có biểu mẫu" }]] }]);
    const r = await cli(["export", "trong.xlsx", "-o", "trong.docx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("không tìm thấy biểu mẫu nào để xuất");
    expect(existsSync(join(dir, "trong.docx"))).toBe(false);
  });

  it("never overwrites a file without --overwrite, nor the input", async () => {
    const before = readFileSync(docx);
    const again = await cli(["export", "x.xlsx", "-o", "PHU-LUC.docx"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("không ghi đè");
    expect(readFileSync(docx).equals(before)).toBe(true);
    const input = await cli(["export", "x.xlsx", "-o", "x.xlsx"], dir);
    expect(input.code).toBe(2);
    expect(input.stderr).toContain("tệp đầu vào");
  });
});
