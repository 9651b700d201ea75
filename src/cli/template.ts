/**
 * bieumau template import DOC [-o SET.json] and bieumau template show SET.json: a province's forms learned from the
 * document they were issued in (.docx, or an .xlsx template), printed for review, and stored as a template set that
 * every --templates option takes. A document that cannot be learned gets one Vietnamese sentence and nothing is
 * written.
 */
import { promises as fs } from "fs";
import { basename, dirname, extname, join, resolve } from "path";
import type { DocDocument } from "../io/document";
import { readDocx, DocumentReadError } from "../io/docx-read";
import { sniffContainer } from "../io/sniff";
import { learnTemplateSet, reportOf, sheetDocument, TemplateLearnError } from "../forms/learn";
import { builtinTemplateSet } from "../forms/load";
import { documentProblemText } from "../i18n/io";
import { formatTemplateReview, learnText } from "../i18n/learn";
import { loadTemplateSet, shown, type Ctx } from "./io";
import { readWorkbookBytes } from "./xlsx-read";

export interface ImportOptions {
  output?: string;
  overwrite?: boolean;
}

/** The document's tables, or the one sentence saying why it cannot be read. */
async function readDocument(ctx: Ctx, abs: string): Promise<DocDocument | string> {
  const t = learnText(ctx.lang);
  let bytes: Buffer;
  try {
    if ((await fs.stat(abs)).isDirectory()) return ctx.t.readProblem("is_directory");
    bytes = await fs.readFile(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? ctx.t.readProblem("not_found") : String(code ?? e);
  }
  const file = basename(abs);
  const container = sniffContainer(bytes);
  if (container === "empty") return documentProblemText("empty_file", ctx.lang);
  if (container === "encrypted" || container === "doc" || container === "xls" || container === "ole_other")
    return documentProblemText(container, ctx.lang);
  if (container === "unknown") return t.notDocOrXlsx;
  const asWorkbook = async (): Promise<DocDocument | string> => {
    const outcome = await readWorkbookBytes(abs, bytes, builtinTemplateSet());
    return outcome.ok ? sheetDocument(file, outcome.grids) : ctx.t.readProblem(outcome.problem, outcome.detail);
  };
  if (/^\.xls[xm]$/i.test(extname(abs))) return asWorkbook();
  try {
    return readDocx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file);
  } catch (e) {
    if (!(e instanceof DocumentReadError)) throw e;
    if (e.problem === "xlsx_not_docx") return asWorkbook();
    return documentProblemText(e.problem, ctx.lang);
  }
}

async function writeJson(path: string, text: string, overwrite: boolean): Promise<"written" | "exists"> {
  await fs.mkdir(dirname(path), { recursive: true });
  if (!overwrite) {
    try {
      await fs.writeFile(path, text, { encoding: "utf8", flag: "wx" });
      return "written";
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") return "exists";
      throw e;
    }
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  await fs.writeFile(tmp, text, "utf8");
  await fs.rename(tmp, path);
  return "written";
}

export async function runTemplateImport(ctx: Ctx, doc: string, options: ImportOptions): Promise<number> {
  const t = learnText(ctx.lang);
  const abs = resolve(ctx.cwd, doc);
  const document = await readDocument(ctx, abs);
  if (typeof document === "string") {
    ctx.err(t.cannotRead(shown(ctx, abs), document));
    ctx.err(t.nothingWritten);
    return 2;
  }
  let learned;
  try {
    learned = learnTemplateSet(document);
  } catch (e) {
    if (!(e instanceof TemplateLearnError)) throw e;
    ctx.err(t.cannotRead(shown(ctx, abs), t.problem(e.problem)));
    ctx.err(t.nothingWritten);
    return 2;
  }
  for (const line of formatTemplateReview(learned.set, learned.report, ctx.lang)) ctx.out(line);
  if (!options.output) {
    ctx.out(t.notWrittenHint);
    return 0;
  }
  const target = resolve(ctx.cwd, options.output);
  if (target === abs) {
    ctx.err(ctx.t.refuseInput(shown(ctx, target)));
    return 2;
  }
  if ((await writeJson(target, `${JSON.stringify(learned.set, null, 2)}\n`, options.overwrite ?? false)) === "exists") {
    ctx.err(ctx.t.refuseOverwrite(shown(ctx, target)));
    return 2;
  }
  ctx.out(t.wroteSet(shown(ctx, target)));
  return 0;
}

export async function runTemplateShow(ctx: Ctx, path: string): Promise<number> {
  const { set } = await loadTemplateSet(ctx, path);
  for (const line of formatTemplateReview(set, reportOf(set), ctx.lang)) ctx.out(line);
  return 0;
}
