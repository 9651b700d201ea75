/**
 * `bieumau` loads only what a command needs: the checking path (main, check, the lean reader, the engine) never
 * loads exceljs, cli-progress, docx or zod; they load when a command writes, draws a bar or parses a loaded set.
 */
import { execFileSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");

function loadedBy(modules: string[]): string[] {
  const script = `
    require("ts-node/register/transpile-only");
    ${modules.map((m) => `require(${JSON.stringify(join(ROOT, m))});`).join("\n")}
    const heavy = ["exceljs", "cli-progress", "docx", "zod"];
    console.log(JSON.stringify(heavy.filter((h) => Object.keys(require.cache).some((k) => k.includes("/node_modules/" + h + "/")))));`;
  return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: ROOT, encoding: "utf8" })) as string[];
}

it("the check path loads none of the heavy libraries", () => {
  expect(loadedBy(["src/cli/main.ts", "src/cli/check.ts", "src/cli/previous.ts"])).toEqual([]);
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
