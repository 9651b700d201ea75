/**
 * npm run bench: runs every bench/*.bench.ts, each in its own process (so one group's heap, JIT state and loaded
 * modules never colour another's figures). Each prints lines `name: value unit`.
 * Pass names to run only some: `npm run bench -- engine cli`.
 */
import { spawnSync } from "child_process";
import { readdirSync } from "fs";
import { join } from "path";

function main(): void {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith(".bench.ts"))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  let failed = 0;
  for (const file of files) {
    const script = `require(${JSON.stringify(join(__dirname, file))}).default().catch((e) => { console.error(e); process.exit(1); })`;
    const r = spawnSync(process.execPath, ["--expose-gc", "-r", "ts-node/register/transpile-only", "-e", script], { stdio: "inherit", cwd: join(__dirname, "..") });
    if (r.status !== 0) {
      console.error(`bench: ${file} failed (exit ${r.status ?? r.signal})`);
      failed++;
    }
  }
  process.exitCode = failed ? 1 : 0;
}

main();
