/**
 * `bieumau` loads only what a command needs: the checking path (main, check, the lean reader, the engine) never
 * loads exceljs, cli-progress, docx or zod; they load when a command writes, draws a bar or parses a loaded set.
 * fflate loads when a part is too large for zlib's whole inflate (src/cli/native-inflate.ts).
 */
import { execFileSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

function loadedBy(modules: string[]): string[] {
  const script = `
    require("ts-node/register/transpile-only");
    ${modules.map((m) => `require(${JSON.stringify(join(ROOT, m))});`).join("\n")}
    const heavy = ["exceljs", "cli-progress", "docx", "zod", "fflate"];
    console.log(JSON.stringify(heavy.filter((h) => Object.keys(require.cache).some((k) => k.includes("/node_modules/" + h + "/")))));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as string[];
}

it("the check path loads none of the heavy libraries", () => {
  expect(loadedBy(["src/cli/main.ts", "src/cli/check.ts", "src/cli/previous.ts"])).toEqual([]);
}, 60000);

it("reading through the command line's inflater leaves fflate unloaded; a part too large for it loads fflate", () => {
  // The packages are made with fflate, which is then dropped from the cache: what loads it again is the unzip.
  const script = `
    require("ts-node/register/transpile-only");
    const { strToU8, zipSync } = require("fflate");
    const noise = new Uint8Array(require("crypto").randomBytes(200000)); // compressed, still past 64 KB
    const small = zipSync({ "a.xml": strToU8("<a>xin chào</a>") });
    const big = zipSync({ "b.bin": noise });
    const fflateLoaded = () => Object.keys(require.cache).some((k) => k.includes("/node_modules/fflate/"));
    for (const k of Object.keys(require.cache)) if (k.includes("/node_modules/fflate/")) delete require.cache[k];
    require(${JSON.stringify(join(ROOT, "src/cli/native-inflate.ts"))}).useNativeInflate();
    const { ZipArchive } = require(${JSON.stringify(join(ROOT, "src/io/zip.ts"))});
    const text = ZipArchive.open(small).text("a.xml");
    const afterSmall = fflateLoaded();
    const bytes = ZipArchive.open(big).read("b.bin").length;
    console.log(JSON.stringify([text, afterSmall, bytes, fflateLoaded()]));`;
  expect(JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }))).toEqual(["<a>xin chào</a>", false, 200000, true]);
}, 60000);

it("the writing path does load exceljs (so the test above can fail)", () => {
  expect(loadedBy(["src/cli/merge.ts"])).toContain("exceljs");
}, 60000);

it("the check path does not load the template learner (template import loads it when run)", () => {
  const script = `
    require("ts-node/register/transpile-only");
    require(${JSON.stringify(join(ROOT, "src/cli/main.ts"))});
    require(${JSON.stringify(join(ROOT, "src/cli/check.ts"))});
    const learner = () => Object.keys(require.cache).some((k) => k.includes("/src/forms/learn/"));
    const before = learner();
    require(${JSON.stringify(join(ROOT, "src/cli/template.ts"))});
    console.log(JSON.stringify([before, learner()]));`;
  expect(JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }))).toEqual([false, true]);
}, 60000);

it("the check path does not load the Word-report path (a .docx input or --report loads it when run)", () => {
  const script = `
    require("ts-node/register/transpile-only");
    require(${JSON.stringify(join(ROOT, "src/cli/main.ts"))});
    require(${JSON.stringify(join(ROOT, "src/cli/check.ts"))});
    const loaded = () => Object.keys(require.cache).some((k) => k.includes("/src/cli/docx-input") || k.includes("/src/engine/text/"));
    const before = loaded();
    require(${JSON.stringify(join(ROOT, "src/cli/docx-input.ts"))});
    console.log(JSON.stringify([before, loaded()]));`;
  expect(JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" }))).toEqual([false, true]);
}, 60000);
