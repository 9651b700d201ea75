/**
 * What every `bieumau` subcommand gets, the top-level ones (main.ts) and `template import | show`
 * (template-command.ts) alike: errors thrown instead of exiting, output through the context, commander's own words in
 * the command line's language, and the hidden --lang and --verbose.
 */
import { Command, Help, Option } from "commander";
import { commanderError, helpTitle, optionNotes, usageLine } from "../i18n/commander";
import type { Lang } from "../i18n/number";
import type { Ctx } from "./io";

/** commander's help in the CLI's language: titles, usage, and the "(choices: …, default: …)" of an option. */
export function helpInLanguage(lang: Lang): Partial<Help> {
  const base = new Help();
  return {
    styleTitle: (title: string) => helpTitle(title, lang),
    styleUsage: (usage: string) => usageLine(usage, lang),
    subcommandTerm: (cmd) => usageLine(base.subcommandTerm(cmd), lang),
    optionDescription: (option) => optionNotes(base.optionDescription(option), lang),
  };
}

export function finishSubcommands(commands: readonly Command[], ctx: Ctx): void {
  const h = ctx.t.help;
  for (const sub of commands) {
    sub.exitOverride();
    sub.configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(commanderError(s, ctx.lang)),
    });
    sub.configureHelp(helpInLanguage(ctx.lang));
    sub.addOption(new Option("--lang <lang>", h.lang).choices(["vi", "en"]).hideHelp());
    sub.addOption(new Option("--verbose", h.verbose));
  }
}
