/**
 * Bench of the command line as users run it: whole `bieumau` processes (the compiled lib/, as installed), timed with
 * /usr/bin/time (wall, user + system CPU, peak RSS). Figures:
 * - cli.startup_ms: `bieumau --version` (median of 7; wall and CPU), next to a bare `node -e 0` on the same machine;
 * - cli.check_50 / cli.check_1000: `check` over 50 and 1,000 generated unit workbooks;
 * - cli.vs_openpyxl_50 / _1000: a Python openpyxl read-only script loading every cell value of the same files,
 *   its CPU time divided by ours (CPU, not wall: the machine is shared), run alternately with ours (5 pairs for 50
 *   files, 3 for 1,000) and given as the median of the pairs' ratios;
 * - cli.junk_100k: a workbook with the forms and a sheet of 100,000 junk rows;
 * - cli.json_5000: `check --json` over 5,000 files.
 * - cli.check_50.instructions, cli.openpyxl_50.instructions, cli.vs_openpyxl_50.instructions: the same 50 files
 *   counted in instructions by valgrind's callgrind (all threads), both programs side by side, when valgrind is on the
 *   machine (BENCH_INSTRUCTIONS=0 skips it). The same to about 0.5–1.5% run to run whatever the machine's speed: the
 *   figure to compare two versions by. Not the aim's measure (CPU time): an instruction of the Python interpreter and
 *   one of V8's compiled code do not take the same time.
 * The generated workbooks are BENCH_CLI_DISTINCT distinct files (default 100), hard-linked to make up each batch.
 * Every process runs without NODE_EXTRA_CA_CERTS: this workplace's machines point it at the whole system bundle, so
 * every node start parses some 140 certificates (0.41 G instructions, about 40 ms of CPU), which a clerk's computer
 * does not; cli.extra_ca_certs_ms says what it cost here when it is set.
 * BENCH_LIBREOFFICE=1 adds the older comparison with LibreOffice converting a subset.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { median } from "./stats";
import ExcelJS from "exceljs";
import { builtinTemplateSet } from "../src/forms/load";
import { planSheets } from "../src/layout/plan";
import { renderLayout } from "../src/cli/xlsx-write";

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "bieumau.js");
const DISTINCT = Number(process.env.BENCH_CLI_DISTINCT ?? 100);
const PYTHON = "/usr/bin/python3";

function line(name: string, value: number, unit: string, digits = 1): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

interface Timed {
  wallMs: number;
  cpuMs: number;
  rssMb: number;
  code: number;
}

/** The environment of every process the bench starts: the user's, without a bundle of extra CA certificates. */
const CHILD_ENV: NodeJS.ProcessEnv = { ...process.env };
delete CHILD_ENV.NODE_EXTRA_CA_CERTS;

/** Runs a process under /usr/bin/time; its output goes to /dev/null. */
function timed(cmd: string, args: string[], dir: string, env: NodeJS.ProcessEnv = CHILD_ENV): Timed {
  const report = join(dir, "time.txt");
  const r = spawnSync("/usr/bin/time", ["-f", "%e %U %S %M", "-o", report, cmd, ...args], { stdio: ["ignore", "ignore", "pipe"], cwd: dir, env, maxBuffer: 64 * 2 ** 20 });
  const [wall, user, sys, rssKb] = readFileSync(report, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { wallMs: wall * 1000, cpuMs: (user + sys) * 1000, rssMb: rssKb / 1024, code: r.status ?? -1 };
}

/** Instructions (all threads) of a process under callgrind, started now; its output goes to /dev/null. */
function counted(cmd: string, args: string[], dir: string, tag: string): Promise<number> {
  const out = join(dir, `callgrind.${tag}`);
  return new Promise((done, fail) => {
    const child = spawn("valgrind", ["--tool=callgrind", `--callgrind-out-file=${out}`, "--smc-check=all-non-file", cmd, ...args], {
      stdio: ["ignore", "ignore", "pipe"],
      cwd: dir,
      env: CHILD_ENV,
    });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", () => {
      const m = /refs:\s*([\d,]+)/.exec(err);
      if (m) done(Number(m[1].replace(/,/g, "")));
      else fail(new Error(`bench: callgrind gave no count for ${tag}`));
    });
  });
}

function haveValgrind(): boolean {
  return process.env.BENCH_INSTRUCTIONS !== "0" && spawnSync("valgrind", ["--version"], { stdio: "ignore" }).status === 0;
}

/** Reproducible unit workbooks: forms 1, 3, 7 with counts, codes and some typed rates. */
async function generate(dir: string, n: number): Promise<string[]> {
  const set = builtinTemplateSet();
  let seed = 42;
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
  const wb = new ExcelJS.Workbook();
  const layouts = planSheets(set, ["BM1", "BM3", "BM7"], { unit: "Đơn vị", period: "6m", year: 2024 });
  const sheets = layouts.map((layout) => renderLayout(wb, layout));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    for (const [k, layout] of layouts.entries()) {
      const form = set.forms.find((f) => f.id === layout.formId)!;
      for (const row of form.rows) {
        const cell = sheets[k].getCell(layout.rowOfStt[row.stt] + 1, layout.columns.value + 1);
        if (row.kind === "count") cell.value = rnd(5000);
        else if (row.kind === "code") cell.value = Number(Object.keys(row.coding ?? { 0: "" })[0]);
        else if (row.kind === "percent" && !cell.formula && rnd(3) === 0) cell.value = rnd(10001) / 100;
      }
    }
    const file = join(dir, `mau-${String(i).padStart(4, "0")}.xlsx`);
    await wb.xlsx.writeFile(file);
    files.push(file);
  }
  return files;
}

/** A batch of n files in its own folder, hard links to the distinct workbooks. */
function batch(dir: string, pool: string[], n: number): string {
  const out = join(dir, `batch-${n}`);
  mkdirSync(out);
  for (let i = 0; i < n; i++) linkSync(pool[i % pool.length], join(out, `don-vi-${String(i + 1).padStart(4, "0")}.xlsx`));
  return out;
}

async function junkWorkbook(file: string): Promise<void> {
  const set = builtinTemplateSet();
  const wb = new ExcelJS.Workbook();
  for (const layout of planSheets(set, ["BM1", "BM3", "BM7"], { unit: "Đơn vị", period: "6m", year: 2024 })) renderLayout(wb, layout);
  const ws = wb.addWorksheet("Dữ liệu thô");
  for (let r = 1; r <= 100_000; r++) ws.addRow([r, `Hồ sơ số ${r}`, r * 3, "Đã xử lý", r % 7]);
  await wb.xlsx.writeFile(file);
}

const OPENPYXL = `
import sys, os
from openpyxl import load_workbook
n = 0
for name in sorted(os.listdir(sys.argv[1])):
    wb = load_workbook(os.path.join(sys.argv[1], name), read_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if v is not None:
                    n += 1
    wb.close()
print(n)
`;

function haveOpenpyxl(): boolean {
  const ok = () => spawnSync(PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0;
  if (ok()) return true;
  // Debian's package, as the issue names it; installed only when missing and when we may.
  if (process.getuid?.() === 0) spawnSync("apt-get", ["install", "-y", "-q", "python3-openpyxl"], { stdio: "ignore" });
  return ok();
}

export default async function cliBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bieumau-bench-"));
  try {
    execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", join(ROOT, "tsconfig.cli.json")], { stdio: "inherit" });

    const node = median(Array.from({ length: 7 }, () => timed(process.execPath, ["-e", "0"], dir).wallMs));
    const starts = Array.from({ length: 7 }, () => timed(process.execPath, [BIN, "--version"], dir));
    line("cli.startup_ms", median(starts.map((t) => t.wallMs)), "ms", 0);
    line("cli.startup_cpu_ms", median(starts.map((t) => t.cpuMs)), "ms", 0);
    // A bare node on the same machine at the same moment: what no code of ours can go under.
    line("cli.startup_node_ms", node, "ms", 0);
    if (process.env.NODE_EXTRA_CA_CERTS) {
      // What the environment's extra certificates add to every node start (alternating, CPU): left out of the rest.
      const pairs = Array.from({ length: 7 }, () => [timed(process.execPath, ["-e", "0"], dir, process.env), timed(process.execPath, ["-e", "0"], dir)]);
      line("cli.extra_ca_certs_ms", median(pairs.map(([w, wo]) => w.cpuMs - wo.cpuMs)), "ms", 0);
    }

    mkdirSync(join(dir, "pool"));
    const g0 = process.hrtime.bigint();
    const pool = await generate(join(dir, "pool"), DISTINCT);
    line("cli.generate.seconds", Number(process.hrtime.bigint() - g0) / 1e9, "s");
    const py = join(dir, "read_all.py");
    writeFileSync(py, OPENPYXL);
    const openpyxl = haveOpenpyxl();
    if (!openpyxl) console.log("cli.vs_openpyxl: skipped (python3-openpyxl not available)");

    for (const n of [50, 1000]) {
      const inDir = batch(dir, pool, n);
      // Ours and openpyxl's in alternating runs, each ratio from one adjacent pair: this machine's speed drifts by up
      // to 2× between stretches of seconds, which separate medians would put into the ratio.
      const runs = n <= 50 ? 5 : 3;
      const ours: Timed[] = [];
      const theirs: Timed[] = [];
      for (let i = 0; i < runs; i++) {
        ours.push(timed(process.execPath, [BIN, "check", inDir], dir));
        if (openpyxl) theirs.push(timed(PYTHON, [py, inDir], dir));
      }
      if (ours.some((o) => o.code === 2)) throw new Error("bench: some generated files could not be read");
      const wall = median(ours.map((o) => o.wallMs));
      const cpu = median(ours.map((o) => o.cpuMs));
      line(`cli.check_${n}.wall_ms`, wall, "ms", 0);
      line(`cli.check_${n}.cpu_ms`, cpu, "ms", 0);
      line(`cli.check_${n}.rss_mb`, Math.max(...ours.map((o) => o.rssMb)), "MB");
      if (openpyxl) {
        line(`cli.openpyxl_${n}.wall_ms`, median(theirs.map((o) => o.wallMs)), "ms", 0);
        line(`cli.openpyxl_${n}.cpu_ms`, median(theirs.map((o) => o.cpuMs)), "ms", 0);
        line(`cli.vs_openpyxl_${n}`, median(theirs.map((t, i) => t.cpuMs / ours[i].cpuMs)), "x", 2);
      }
      if (n === 50 && haveValgrind()) {
        const [us, them] = await Promise.all([
          counted(process.execPath, [BIN, "check", inDir], dir, "bieumau"),
          openpyxl ? counted(PYTHON, [py, inDir], dir, "openpyxl") : Promise.resolve(0),
        ]);
        line("cli.check_50.instructions", us / 1e9, "G", 3);
        if (openpyxl) {
          line("cli.openpyxl_50.instructions", them / 1e9, "G", 3);
          line("cli.vs_openpyxl_50.instructions", them / us, "x", 2);
        }
      }
    }

    const junk = join(dir, "junk.xlsx");
    await junkWorkbook(junk);
    const j = timed(process.execPath, [BIN, "check", junk], dir);
    line("cli.junk_100k.wall_ms", j.wallMs, "ms", 0);
    line("cli.junk_100k.cpu_ms", j.cpuMs, "ms", 0);
    line("cli.junk_100k.rss_mb", j.rssMb, "MB");

    const big = batch(dir, pool, 5000);
    const js = timed(process.execPath, [BIN, "check", "--json", big], dir);
    if (js.code === 2) throw new Error("bench: check --json could not read some files");
    line("cli.json_5000.wall_ms", js.wallMs, "ms", 0);
    line("cli.json_5000.rss_mb", js.rssMb, "MB");

    const soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice"].find((p) => existsSync(p));
    if (process.env.BENCH_LIBREOFFICE === "1" && soffice) {
      const subset = pool.slice(0, 20);
      const profile = `-env:UserInstallation=file://${join(dir, "lo-profile")}`;
      const lo = (out: string, list: string[]) => [profile, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, ...list];
      timed(soffice, lo(join(dir, "lo-warm"), subset.slice(0, 1)), dir); // first start initialises the profile
      const l = timed(soffice, lo(join(dir, "lo-out"), subset), dir);
      line(`cli.libreoffice_${subset.length}_files.cpu_ms`, l.cpuMs, "ms", 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
