/**
 * The `bieumau` command line: new, check, merge. `run(argv, io)` returns the exit code and writes only to the given
 * streams, so tests call it in-process; bin/bieumau.js calls it with the process's own streams.
 *
 * Exit codes: 0 no errors, 1 errors found (or merge refused because inputs have errors), 2 a file could not be read
 * or written, or the command was misused.
 *
 * Each command's module is loaded when it runs (exceljs only by the commands that write), so `bieumau --version`
 * and `check` start fast.
 */
import { Command, CommanderError, Option } from "commander";
import { commanderError } from "../i18n/commander";
import { cliText } from "../i18n/cli";
import { FIX_TEXT } from "../i18n/fixes";
import { cliPeriodText } from "../i18n/cli-periods";
import type { Lang } from "../i18n/number";
import { cliDocxText } from "../i18n/cli-docx";
import { makeCtx, UsageError, type CliIo, type Ctx } from "./io";
import { errorDetail } from "./read-problem";
import { useNativeInflate } from "./native-inflate";
import { addTemplateCommands } from "./template-command";
import { finishSubcommands, helpInLanguage } from "./subcommand";

function langOf(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return "vi";
  const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return v === "en" ? "en" : "vi";
}


function buildProgram(ctx: Ctx, setCode: (code: number) => void): Command {
  const h = cliText(ctx.lang).help;
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
      outputError: (s, write) => write(commanderError(s, ctx.lang)),
    })
    .configureHelp(helpInLanguage(ctx.lang))
    .showHelpAfterError();

  program
    .command("new")
    .description(h.new)
    .helpOption("-h, --help", h.help)
    .argument("<OUT.xlsx>", h.out)
    .option("--forms <list>", h.forms)
    .option("--unit <name>", h.unit)
    .option("--period <period>", h.period)
    .option("--year <year>", cliPeriodText(ctx.lang).help.year)
    .option("--report-number <number>", h.reportNumber)
    .option("--report-date <date>", h.reportDate)
    .option("--from <DATA.tsv>", h.from)
    .option("--templates <SET.json>", h.templates)
    .option("--overwrite", h.overwrite)
    .action(async (out: string, opts) => setCode(await (await import("./new")).runNew(ctx, out, opts)));

  program
    .command("check")
    .description(h.check)
    .helpOption("-h, --help", h.help)
    .argument("<FILE_OR_DIR...>", h.inputs)
    .option("--json", h.json)
    .option("--write <OUT>", h.write)
    .option("--fix", FIX_TEXT[ctx.lang].help)
    .option("--report <REPORT.docx>", cliDocxText(ctx.lang).help.report)
    .option("--previous <FILE_OR_DIR>", cliPeriodText(ctx.lang).help.previous, (v: string, all: string[] = []) => [...all, v])
    .option("--templates <SET.json>", h.templates)
    .option("--overwrite", h.overwrite)
    .action(async (inputs: string[], opts) => setCode(await (await import("./check")).runCheck(ctx, inputs, opts)));

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
    .option("--report-number <number>", h.reportNumber)
    .option("--report-date <date>", h.reportDate)
    .option("--year <year>", cliPeriodText(ctx.lang).help.year)
    .option("--templates <SET.json>", h.templates)
    .option("--overwrite", h.overwrite)
    .action(async (inputs: string[], opts) => setCode(await (await import("./merge")).runMerge(ctx, inputs, opts)));

  const hd = cliDocxText(ctx.lang).help;
  program
    .command("export")
    .description(hd.export)
    .helpOption("-h, --help", h.help)
    .argument("<WORKBOOK.xlsx>", hd.input)
    .requiredOption("-o, --output <OUT.docx>", hd.output)
    .option("--templates <SET.json>", h.templates)
    .option("--overwrite", h.overwrite)
    .action(async (input: string, opts) => setCode(await (await import("./export")).runExport(ctx, input, opts)));

  addTemplateCommands(program, ctx, setCode);

  finishSubcommands(program.commands, ctx);
  return program;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr };
}

/** Runs the command line on `argv` (without "node" and the script), returning the exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const ctx = makeCtx(io, langOf(argv), argv.includes("--verbose"));
  useNativeInflate();
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
    // Never a stack trace for the user: one sentence, exit 2; the detail (and the stack) with --verbose.
    ctx.err(ctx.t.readProblem("internal", ctx.verbose ? errorDetail(e) : undefined));
    if (ctx.verbose && e instanceof Error && e.stack) ctx.err(e.stack);
    return 2;
  }
}
