/**
 * Bench of the command line: check 1,000 generated unit workbooks in-process (time, files/s, peak memory), next to
 * LibreOffice headless converting (opening + recalculating + saving) a subset of the same files in one invocation.
 * Prints `name: value unit` lines.
 */
import { execFile } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { promisify } from "util";
import ExcelJS from "exceljs";
import { run } from "../src/cli/main";
import { builtinTemplateSet } from "../src/forms/load";
import { planSheets } from "../src/layout/plan";
import { renderLayout } from "../src/cli/xlsx-write";

const FILES = Number(process.env.BENCH_CLI_FILES ?? 1000);
const LO_FILES = Math.min(FILES, Number(process.env.BENCH_CLI_LO_FILES ?? 100));
const exec = promisify(execFile);

function line(name: string, value: number, unit: string, digits = 1): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

/** A pseudo-random but reproducible unit workbook: forms 1, 3, 7 with counts and some typed rates. */
async function generate(dir: string): Promise<string[]> {
  const set = builtinTemplateSet();
  let seed = 42;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const files: string[] = [];
  // One rendered workbook, its values changed before each write (rendering 1,000 layouts would time the renderer).
  const wb = new ExcelJS.Workbook();
  const layouts = planSheets(set, ["BM1", "BM3", "BM7"], { unit: "Đơn vị", period: "6m", year: 2024 });
  const sheets = layouts.map((layout) => renderLayout(wb, layout));
  for (let i = 0; i < FILES; i++) {
    for (const [k, layout] of layouts.entries()) {
      const ws = sheets[k];
      const form = set.forms.find((f) => f.id === layout.formId)!;
      for (const row of form.rows) {
        const cell = ws.getCell(layout.rowOfStt[row.stt] + 1, layout.columns.value + 1);
        if (row.kind === "count") cell.value = rnd(5000);
        else if (row.kind === "code") cell.value = Number(Object.keys(row.coding ?? { 0: "" })[0]);
        else if (row.kind === "percent" && !cell.formula && rnd(3) === 0) cell.value = rnd(10001) / 100;
      }
    }
    const file = join(dir, `don-vi-${String(i + 1).padStart(4, "0")}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

export default async function cliBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bieumau-bench-"));
  try {
    const inDir = join(dir, "in");
    mkdirSync(inDir);
    const g0 = process.hrtime.bigint();
    const files = await generate(inDir);
    line("cli.generate.seconds", Number(process.hrtime.bigint() - g0) / 1e9, "s");

    if (global.gc) global.gc();
    let heapPeak = process.memoryUsage().heapUsed;
    let rssPeak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      heapPeak = Math.max(heapPeak, m.heapUsed);
      rssPeak = Math.max(rssPeak, m.rss);
    }, 20);
    const sink = { write: () => true };
    const t0 = process.hrtime.bigint();
    const code = await run(["check", inDir], { stdout: sink, stderr: sink, cwd: dir });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    clearInterval(sampler);
    if (code === 2) throw new Error("bench: some generated files could not be read");
    const checkRate = FILES / seconds;
    line("cli.check.files", FILES, "files", 0);
    line("cli.check.seconds", seconds, "s", 2);
    line("cli.check.files_per_s", checkRate, "files/s");
    line("cli.check.heap_peak", heapPeak / 2 ** 20, "MiB");
    line("cli.check.rss_peak", rssPeak / 2 ** 20, "MiB");

    const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
    if (!soffice) {
      console.log("cli.vs_libreoffice: skipped (soffice not found)");
      return;
    }
    const profile = join(dir, "lo-profile", "user");
    mkdirSync(profile, { recursive: true });
    writeFileSync(
      join(profile, "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>`,
    );
    const loArgs = (out: string, list: string[]) => [`-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, ...list];
    // Warm-up: the first start of a fresh profile initialises it; not counted.
    await exec(soffice, loArgs(join(dir, "lo-warm"), files.slice(0, 1)), { timeout: 300000 });
    const subset = files.slice(0, LO_FILES);
    const l0 = process.hrtime.bigint();
    await exec(soffice, loArgs(join(dir, "lo-out"), subset), { timeout: 600000, maxBuffer: 64 * 2 ** 20 });
    const loSeconds = Number(process.hrtime.bigint() - l0) / 1e9;
    const loRate = LO_FILES / loSeconds;
    line(`cli.libreoffice_${LO_FILES}_files.seconds`, loSeconds, "s", 2);
    line(`cli.libreoffice_${LO_FILES}_files.files_per_s`, loRate, "files/s");
    line("cli.vs_libreoffice", checkRate / loRate, "x");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
