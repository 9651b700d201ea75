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
