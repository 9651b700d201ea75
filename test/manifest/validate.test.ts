/** scripts/validate-manifest.js (npm run validate): the real limits and the schema's element order. */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function validate(xml: string): { code: number; out: string } {
  const dir = mkdtempSync(join(tmpdir(), "manifest-"));
  const file = join(dir, "manifest.xml");
  writeFileSync(file, xml);
  try {
    const out = execFileSync(process.execPath, [join(ROOT, "scripts", "validate-manifest.js"), file], { cwd: ROOT, encoding: "utf8", stdio: "pipe" });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}

test("the project's manifest is valid", () => {
  expect(validate(MANIFEST).code).toBe(0);
});

test("a Description over 250 characters is refused", () => {
  const long = MANIFEST.replace(/(<Description DefaultValue=")/, `$1${"x".repeat(251)}`);
  const r = validate(long);
  expect(r.code).toBe(1);
  expect(r.out).toContain("Description: empty or longer than 250 characters");
});

test("a control's children out of the schema's order are refused", () => {
  const i = MANIFEST.indexOf("<Control ");
  const label = /<Label [^>]*\/>/.exec(MANIFEST.slice(i))!;
  const without = MANIFEST.slice(0, i + label.index) + MANIFEST.slice(i + label.index + label[0].length);
  const end = without.indexOf("</Supertip>", i) + "</Supertip>".length;
  const r = validate(without.slice(0, end) + label[0] + without.slice(end));
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/Control\/Label: out of schema order/);
});
