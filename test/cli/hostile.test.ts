/**
 * Hostile and unlucky files at the command line (issue #13): one boundary per file, no stack trace, outputs compared
 * with inputs by device and inode, control characters escaped, the library's words only with --verbose.
 */
import { execFile } from "child_process";
import { createHash } from "crypto";
import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync, readdirSync } from "fs";
import { join } from "path";
import { promisify } from "util";
import { zipSync, strToU8 } from "fflate";
import * as engine from "../../src/engine";
import { cliText } from "../../src/i18n/cli";
import { visible } from "../../src/cli/report";
import { cli, readBook, SAMPLE_TSV, tempDir } from "./helpers";

const exec = promisify(execFile);
const t = cliText("vi");
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir("bieumau-hostile-"));
  mkdirSync(join(dir, "in"));
  expect((await cli(["new", "--from", SAMPLE_TSV, join(dir, "in", "a.xlsx")], dir)).code).toBe(0);
  const book = await readBook(join(dir, "in", "a.xlsx"));
  await book.xlsx.writeFile(join(dir, "in", "b.xlsx"));
  await book.xlsx.writeFile(join(dir, "in", "c.xlsx"));
  // A value cell typed as text with 450 decimals (used to throw in the engine), and one holding terminal escapes.
  const ws = book.worksheets[0];
  let first: { r: number; c: number } | null = null;
  ws.eachRow((row, r) => row.eachCell((cell, c) => {
    if (!first && typeof cell.value === "number") first = { r, c };
  }));
  const at = first as unknown as { r: number; c: number };
  ws.getCell(at.r, at.c).value = `0,${"0".repeat(450)}1`;
  // The unit cell: a unit that differs from the form's is quoted in the report.
  // Stored the way Excel stores a control character ("_x001B_"), which the reader decodes to ESC.
  ws.getCell(at.r + 1, at.c - 1).value = "%_x001B_[2J_x001B_[1;1Hxoá màn hình_x0007_";
  await book.xlsx.writeFile(join(dir, "long.xlsx"));
}, 60000);
afterAll(() => cleanup());

describe("one boundary per file", () => {
  it("an unexpected exception on one file is that file's 'lỗi nội bộ', exit 2, the batch goes on, no stack", async () => {
    const real = engine.checkWorkbook;
    let calls = 0;
    const spy = jest.spyOn(engine, "checkWorkbook").mockImplementation((...args) => {
      if (++calls === 2) throw new TypeError("Cannot read properties of null (reading 'm')");
      return real(...args);
    });
    try {
      const r = await cli(["check", "in"], dir);
      expect(r.code).toBe(2);
      expect(calls).toBe(3);
      expect(r.stdout).toContain(t.readProblem("internal"));
      expect(r.stdout).toMatch(/Tổng cộng: 3 tệp; \d+ tệp có lỗi; 1 tệp không đọc được/);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).not.toContain("reading 'm'");
      calls = 0;
      const verbose = await cli(["check", "in", "--verbose"], dir);
      expect(verbose.stdout).toContain("reading 'm'");
    } finally {
      spy.mockRestore();
    }
  });

  it("a number typed with 450 decimals is a finding, not a crash; escapes in cells are shown escaped", async () => {
    const r = await cli(["check", "long.xlsx", "in/a.xlsx"], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("quá dài cho một con số");
    expect(r.stdout).not.toContain("\u001b");
    expect(r.stdout).not.toContain("\u0007");
    expect(r.stdout).toContain("\\x1B[2J");
    const json = await cli(["check", "long.xlsx", "--json"], dir);
    expect(json.stdout).not.toContain("\u001b");
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain("\\u001b[2J");
  });

  it("new --from a TSV with a 450-decimal value and escapes writes the workbook (the engine used to throw)", async () => {
    const lines = readFileSync(SAMPLE_TSV, "utf8").split("\n");
    lines[1] = lines[1].replace("\t17\t", `\t0,${"0".repeat(450)}1\t`);
    lines[2] = lines[2].replace("\t55,17\t", "\t=HYPERLINK(\"http://x\")\u001b[2J\t");
    writeFileSync(join(dir, "hostile.tsv"), lines.join("\n"));
    const r = await cli(["new", "--from", "hostile.tsv", "from-hostile.xlsx"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain("\u001b");
    const book = await readBook(join(dir, "from-hostile.xlsx"));
    const formulas: string[] = [];
    book.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.formula) formulas.push(cell.formula);
    })));
    expect(formulas.filter((f) => f.includes("HYPERLINK"))).toEqual([]);
  });

  it("visible() escapes C0, C1 and bidi controls and leaves Vietnamese alone", () => {
    expect(visible("a\u001b[31mb\rc\u009bd\u202ee đồng")).toBe("a\\x1B[31mb\\x0Dc\\x9Bd\\u202Ee đồng");
    expect(visible("x\ny", true)).toBe("x\ny");
    expect(visible("x\ny")).toBe("x\\x0Ay");
  });
});

describe("writing over an input", () => {
  it("check --write --overwrite through a symlinked folder never replaces the input", async () => {
    const link = join(dir, "link-to-in");
    if (!existsSync(link)) symlinkSync(join(dir, "in"), link);
    const before = sha(join(dir, "in", "a.xlsx"));
    const one = await cli(["check", "in/a.xlsx", "--write", "link-to-in/a.xlsx", "--overwrite"], dir);
    expect(one.stdout).toContain(t.refuseInput("link-to-in/a.xlsx"));
    const many = await cli(["check", "in", "--write", "link-to-in", "--overwrite"], dir);
    expect(many.stdout).toContain(t.refuseInput("link-to-in/b.xlsx"));
    expect(sha(join(dir, "in", "a.xlsx"))).toBe(before);
    // No temporary file left beside the inputs.
    expect(readdirSync(join(dir, "in")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("merge -o --overwrite through a symlinked folder or a hard-link alias is refused", async () => {
    const link = join(dir, "link-to-in");
    if (!existsSync(link)) symlinkSync(join(dir, "in"), link);
    const before = sha(join(dir, "in", "c.xlsx"));
    const r = await cli(["merge", "in/a.xlsx", "in/c.xlsx", "-o", "link-to-in/c.xlsx", "--overwrite", "--force"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(t.refuseInput("link-to-in/c.xlsx"));
    if (!existsSync(join(dir, "alias.xlsx"))) linkSync(join(dir, "in", "c.xlsx"), join(dir, "alias.xlsx"));
    const hard = await cli(["merge", "in/a.xlsx", "in/c.xlsx", "-o", "alias.xlsx", "--overwrite", "--force"], dir);
    expect(hard.code).toBe(2);
    expect(hard.stderr).toContain(t.refuseInput("alias.xlsx"));
    expect(sha(join(dir, "in", "c.xlsx"))).toBe(before);
  });
});

describe("what is wrong, in words", () => {
  it("an .ods, a .docx renamed .xlsx and a truncated zip each get their own message; detail only with --verbose", async () => {
    mkdirSync(join(dir, "odd"));
    writeFileSync(join(dir, "odd", "a.xlsx"), zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": strToU8("<x/>") }));
    writeFileSync(join(dir, "odd", "b.xlsx"), zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w/>") }));
    const good = readFileSync(join(dir, "in", "a.xlsx"));
    writeFileSync(join(dir, "odd", "c.xlsx"), good.subarray(0, Math.floor(good.length * 0.7)));
    const r = await cli(["check", "odd"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`odd/a.xlsx\n  ✖ ${t.readProblem("ods")}`);
    expect(r.stdout).toContain(`odd/b.xlsx\n  ✖ ${t.readProblem("not_workbook")}`);
    expect(r.stdout).toContain(`odd/c.xlsx\n  ✖ ${t.readProblem("corrupt")}`);
    const v = await cli(["check", "odd/c.xlsx", "--verbose"], dir);
    expect(v.stdout).toMatch(/bị hỏng, không đọc được \(.+\)/);
  });
});

describe("pipes", () => {
  it("`check … | head -1` ends quietly: no EPIPE stack", async () => {
    const root = join(__dirname, "..", "..");
    // The EPIPE handling is bin/bieumau.js's own; lib/ only needs to exist (commands.test.ts checks it is current).
    if (!existsSync(join(root, "lib", "cli", "main.js"))) await exec("npm", ["run", "build:cli"], { cwd: root });
    // A real pipe into `head -1`, as a reviewer types it; PIPESTATUS gives bieumau's own exit code.
    const inputs = Array(40).fill(join(dir, "in", "a.xlsx")).join(" ");
    const script = `node ${join(root, "bin", "bieumau.js")} check ${inputs} | head -1; echo "rc=\${PIPESTATUS[0]}" >&2`;
    const r = await exec("bash", ["-c", script], { cwd: dir });
    expect(r.stdout.trim()).toBe(join("in", "a.xlsx"));
    expect(r.stderr).not.toContain("EPIPE");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toMatch(/rc=[01]\n/);
  }, 120000);
});
