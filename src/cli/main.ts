/**
 * The `bieumau` command line: new, check, merge. `run(argv, io)` returns the exit code and writes only to the given
 * streams, so tests call it in-process; bin/bieumau.js calls it with the process's own streams.
 *
 * Exit codes: 0 no errors, 1 errors found (or merge refused because inputs have errors), 2 a file could not be read
 * or written, or the command was misused.
 */
import { Command, CommanderError, Option } from "commander";
import type { Lang } from "../i18n/number";
import { runCheck } from "./check";
import { makeCtx, UsageError, type CliIo, type Ctx } from "./io";
import { runMerge } from "./merge";
import { runNew } from "./new";

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "vi";
  const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return v === "en" ? "en" : "vi";
}

const HELP = {
  vi: {
    program: "Biểu mẫu CCHC: tạo, kiểm tra và tổng hợp phụ lục thống kê (Biểu mẫu 1–7) của báo cáo cải cách hành chính",
    lang: "ngôn ngữ thông báo: vi (mặc định) hoặc en",
    templates: "bộ biểu mẫu riêng (tệp JSON cùng lược đồ với bộ có sẵn)",
    overwrite: "cho phép ghi đè tệp kết quả đã có (không bao giờ ghi đè tệp đầu vào)",
    new: "tạo sổ làm việc có các biểu mẫu đã chọn, bố cục như add-in chèn",
    out: "tệp .xlsx sẽ tạo",
    forms: "các biểu mẫu, ví dụ 1,3,7 (mặc định: mọi biểu mẫu, hoặc các biểu mẫu có trong --from)",
    unit: "tên đơn vị báo cáo",
    period: "kỳ báo cáo: q1, q2, q3, q4, 6t, 9t, nam, có thể kèm năm, ví dụ 6t-2024",
    reportNumber: "số báo cáo, ví dụ 1125/BC-VP",
    reportDate: "ngày báo cáo, ví dụ 14/6/2024",
    from: "điền số liệu từ tệp TSV (form, STT, chỉ tiêu, đơn vị, số liệu, ghi chú) như người nhập gõ vào Excel tiếng Việt",
    check: "kiểm tra một hay nhiều sổ làm việc (tệp hoặc thư mục)",
    inputs: "tệp .xlsx hoặc thư mục",
    json: "in một tài liệu JSON thay cho báo cáo chữ",
    write: "ghi bản đã kiểm tra (cột kiểm tra, tỷ lệ, trang kết quả) vào tệp hoặc thư mục này; tệp đầu vào không bị sửa",
    merge: "tổng hợp sổ làm việc của các đơn vị thành một phụ lục",
    output: "tệp .xlsx tổng hợp",
    force: "vẫn tổng hợp cả tệp còn lỗi (bản tổng hợp ghi rõ điều này)",
    mergeUnit: "tên đơn vị tổng hợp (mặc định: \"Tổng hợp N đơn vị\")",
    help: "xem hướng dẫn",
    version: "xem phiên bản",
  },
  en: {
    program: "Biểu mẫu CCHC: create, check and consolidate the statistical appendix (Biểu mẫu 1–7) of CCHC reports",
    lang: "message language: vi (default) or en",
    templates: "an office's own template set (JSON in the same schema as the built-in one)",
    overwrite: "allow replacing an existing output file (input files are never overwritten)",
    new: "create a workbook with the chosen forms, laid out as the add-in inserts them",
    out: "the .xlsx file to create",
    forms: "forms, e.g. 1,3,7 (default: every form, or the forms in --from)",
    unit: "reporting unit",
    period: "period: q1, q2, q3, q4, 6m, 9m, year, optionally with a year, e.g. 6m-2024",
    reportNumber: "report number, e.g. 1125/BC-VP",
    reportDate: "report date, e.g. 14/6/2024",
    from: "fill values from a TSV (form, STT, indicator, unit, value, note) as typed into a Vietnamese-locale Excel",
    check: "check one or more workbooks (files or directories)",
    inputs: ".xlsx files or directories",
    json: "print one JSON document instead of the text report",
    write: "write a checked copy (check column, rates, results sheet) to this file or directory; inputs are never modified",
    merge: "consolidate unit workbooks into one appendix",
    output: "the consolidated .xlsx file",
    force: "merge inputs that still have errors too (the output says so)",
    mergeUnit: "name of the consolidating unit (default: \"Consolidation of N units\")",
    help: "show help",
    version: "show version",
  },
} as const;

function buildProgram(ctx: Ctx, setCode: (code: number) => void): Command {
  const h = HELP[ctx.lang];
  const program = new Command("bieumau");
  program
    .description(h.program)
    .version("0.1.0", "-V, --version", h.version)
    .helpOption("-h, --help", h.help)
    .helpCommand(false)
    .addOption(new Option("--lang <lang>", h.lang).choices(["vi", "en"]).default("vi"))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
    })
    .showHelpAfterError();

  program
    .command("new")
    .description(h.new)
    .helpOption("-h, --help", h.help)
    .argument("<OUT.xlsx>", h.out)
    .option("--forms <list>", h.forms)
    .option("--unit <name>", h.unit)
    .option("--period <period>", h.period)
    .option("--report-number <number>", h.reportNumber)
    .option("--report-date <date>", h.reportDate)
    .option("--from <DATA.tsv>", h.from)
    .option("--templates <SET.json>", h.templates)
    .option("--overwrite", h.overwrite)
    .action(async (out: string, opts) => setCode(await runNew(ctx, out, opts)));

  program
    .command("check")
    .description(h.check)
    .helpOption("-h, --help", h.help)
    .argument("<FILE_OR_DIR...>", h.inputs)
    .option("--json", h.json)
    .option("--write <OUT>", h.write)
    .option("--templates <SET.json>", h.templates)
    .option("--overwrite", h.overwrite)
    .action(async (inputs: string[], opts) => setCode(await runCheck(ctx, inputs, opts)));

  program
    .command("merge")
    .description(h.merge)
    .helpOption("-h, --help", h.help)
    .argument("<FILE_OR_DIR...>", h.inputs)
    .requiredOption("-o, --output <OUT.xlsx>", h.output)
    .option("--force", h.force)
    .option("--forms <list>", h.forms)
    .option("--unit <name>", h.mergeUnit)
    .option("--period <period>", h.period)
    .option("--templates <SET.json>", h.templates)
    .option("--overwrite", h.overwrite)
    .action(async (inputs: string[], opts) => setCode(await runMerge(ctx, inputs, opts)));

  for (const sub of program.commands) {
    sub.exitOverride();
    sub.configureOutput({ writeOut: (s) => ctx.io.stdout.write(s), writeErr: (s) => ctx.io.stderr.write(s) });
    sub.addOption(new Option("--lang <lang>", h.lang).choices(["vi", "en"]).hideHelp());
  }
  return program;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr };
}

/** Runs the command line on `argv` (without "node" and the script), returning the exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const ctx = makeCtx(io, langOf(argv));
  let code = 0;
  const program = buildProgram(ctx, (c) => (code = c));
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 2;
    }
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    if (e instanceof UsageError) {
      ctx.err(e.message);
      return 2;
    }
    throw e;
  }
}
