/** Runs the command line in-process with captured streams, and builds workbooks for the CLI tests. */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import type { SheetGrid } from "../../src/engine/types";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: string[], cwd: string, options: { tty?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await run(args, {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty },
    cwd,
  });
  return { code, stdout, stderr };
}

export function tempDir(prefix = "bieumau-cli-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Writes grids (as the engine's tests build them) to an .xlsx with no tags, as a clerk's own workbook. */
export async function writeGrids(path: string, grids: readonly SheetGrid[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const grid of grids) {
    const ws = wb.addWorksheet(grid.sheet);
    grid.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (!cell || cell.value === null || cell.value === undefined || cell.value === "") return;
        const target = ws.getCell(r + 1, c + 1);
        target.value = cell.value;
        if (cell.numberFormat && cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
        else if (typeof cell.value === "string") target.numFmt = "@";
      }),
    );
  }
  await wb.xlsx.writeFile(path);
}

export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

export const SAMPLE_TSV = join(__dirname, "..", "..", "..", "shared", "samples", "quang-tri-2024-6t.tsv");
export { SAMPLE_DOCX } from "../support/sample";

export interface JsonOut {
  files: Array<{
    file: string;
    error?: string;
    forms: Array<{ form: string; sheet: string }>;
    findings: Array<{ rule: string; severity: string; form: string; stt: string | null; cell: string | null; value: string | null; expected: string | null; message: string }>;
  }>;
}
