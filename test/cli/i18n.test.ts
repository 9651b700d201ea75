/**
 * User-visible words of the command line, the ribbon command and the Excel adapter live in src/i18n: help texts in
 * Vietnamese by default and in English with --lang en, and no Vietnamese sentence left as a literal in the code.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import ts from "typescript";
import { OutputExistsError } from "../../src/cli/xlsx-write";
import { cliText } from "../../src/i18n/cli";
import { cli, tempDir } from "./helpers";

const ROOT = join(__dirname, "..", "..");
/** Letters only Vietnamese (among the product's languages) uses: a literal holding one is a Vietnamese text. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** Literals that are not messages: input aliases a clerk may type. */
const ALLOWED = new Set(["src/cli/new.ts:năm"]);

function vietnameseLiterals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateLiteralToken(node) || ts.isTemplateHead(node)) {
      const text = node.text;
      if (VIETNAMESE.test(text) && !ALLOWED.has(`${file}:${text}`)) found.push(`${file}: ${JSON.stringify(text)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("user-visible strings live in src/i18n", () => {
  test("src/cli, src/commands and src/excel hold no Vietnamese text literal", () => {
    const files = ["src/cli", "src/commands", "src/excel"].flatMap((d) =>
      readdirSync(join(ROOT, d)).filter((f) => f.endsWith(".ts")).map((f) => `${d}/${f}`),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(vietnameseLiterals)).toEqual([]);
  });

  test("help is Vietnamese by default and English with --lang en, from the catalogue", async () => {
    const { dir, cleanup } = tempDir();
    try {
      const vi = cliText("vi").help;
      const en = cliText("en").help;
      // Commander wraps long descriptions: compare with whitespace collapsed.
      const flat = (s: string) => s.replace(/\s+/g, " ");
      const h = await cli(["--help"], dir);
      expect(h.code).toBe(0);
      expect(flat(h.stdout)).toContain(vi.check);
      expect(flat(h.stdout)).toContain(vi.merge);
      const e = await cli(["--help", "--lang", "en"], dir);
      expect(flat(e.stdout)).toContain(en.check);
      expect(flat(e.stdout)).not.toContain(vi.check);
      const sub = await cli(["new", "--help", "--lang", "en"], dir);
      expect(flat(sub.stdout)).toContain(en.from);
      expect(flat(sub.stdout)).toContain(en.reportNumber);
    } finally {
      cleanup();
    }
  });

  test("an output that already exists is said in the chosen language", () => {
    expect(new OutputExistsError("a.xlsx").message).toBe(cliText("vi").outputExists("a.xlsx"));
    expect(new OutputExistsError("a.xlsx", "en").message).toBe("a.xlsx already exists");
  });
});
