/**
 * The `bieumau template import | show` subcommands, registered on the main program. The learner and the .docx reader
 * are loaded when a subcommand runs (as main.ts does for the other commands), not on every start.
 */
import type { Command } from "commander";
import { learnText } from "../i18n/learn";
import type { Ctx } from "./io";
import { finishSubcommands } from "./subcommand";

export function addTemplateCommands(program: Command, ctx: Ctx, setCode: (code: number) => void): void {
  const h = learnText(ctx.lang).help;
  const help = ctx.t.help;
  const template = program.command("template").description(h.template).helpOption("-h, --help", help.help).helpCommand(false);
  template
    .command("import")
    .description(h.import)
    .helpOption("-h, --help", help.help)
    .argument("<DOC>", h.doc)
    .option("-o, --output <SET.json>", h.out)
    .option("--overwrite", help.overwrite)
    .action(async (doc: string, opts) => setCode(await (await import("./template")).runTemplateImport(ctx, doc, opts)));
  template
    .command("show")
    .description(h.show)
    .helpOption("-h, --help", help.help)
    .argument("<SET.json>", h.set)
    .action(async (set: string) => setCode(await (await import("./template")).runTemplateShow(ctx, set)));
  finishSubcommands(template.commands, ctx);
}
