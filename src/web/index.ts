/**
 * dist/kiem-tra.html: the checker for offices whose Excel cannot run the add-in. One page, one file (the bundle is
 * inlined by webpack.config.js), opened from the disk or any share: the user chooses .xlsx files, sees every finding
 * per file and per cell, and downloads the checked copy and the consolidated workbook. Word reports (.docx) are
 * checked as `bieumau check REPORT.docx` does and listed the same way. Files are read with FileReader-free
 * Blob.arrayBuffer(), checked one after another in a worker (./worker.ts, ./checker.ts; on the page's thread with a
 * pause between files where no worker can start), at most MAX_FILES files of at most MAX_MB each (early limits, in
 * ./limits). The page loads the readers and the engine only: exceljs (the writer) is its own chunk, loaded by
 * ./download when the user asks for a download (webpack.config.js keeps that chunk inside the page, compressed and
 * not run until then, see ./chunks). Nothing is sent anywhere (the page's Content-Security-Policy forbids it).
 */
import { builtinTemplateSet } from "../forms";
import { renderFinding, SEVERITY_LABELS } from "../i18n/findings";
import { cliText } from "../i18n/cli";
import type { Lang } from "../i18n/number";
import { webText } from "../i18n/web";
import { isDocxFile, type WebChecked } from "./check";
import { checkFile, checkerThread } from "./checker";
import { installInlineChunks } from "./chunks";
import { MAX_FILES, MAX_MB } from "./limits";

installInlineChunks();
/** The downloads' module (with exceljs), taken from the page itself the first time one is asked for. */
const downloads = () => import(/* webpackChunkName: "download" */ "./download");

const set = builtinTemplateSet();
// Vietnamese first, whatever the browser's language; the button beside the title switches to English.
let lang: Lang = "vi";
let checked: WebChecked[] = [];

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as unknown as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = el("a", { href: url, download: name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function renderFile(f: WebChecked, index: number): HTMLElement {
  const t = webText(lang);
  const c = cliText(lang);
  const box = el("section", { class: "file", "data-file": f.file });
  box.appendChild(el("h2", {}, f.file));
  if (f.problem) {
    box.appendChild(el("p", { class: "problem" }, f.problem));
    return box;
  }
  const count = (s: string) => f.findings.filter((x) => x.severity === s).length;
  const forms = f.recognition!.forms.map((x) => `${x.formId} (${x.sheet})`).join(", ") || c.noForms;
  box.appendChild(el("p", { class: "summary" }, c.fileSummary(forms, count("error"), count("warning"), count("info"))));
  for (const note of f.notes) box.appendChild(el("p", {}, note));
  const shown = f.findings.filter((x) => x.severity !== "info");
  if (!shown.length) box.appendChild(el("p", {}, t.noFindings));
  else {
    const table = el("table");
    const head = el("tr");
    for (const h of t.headers) head.appendChild(el("th", {}, h));
    table.appendChild(head);
    for (const x of shown) {
      const tr = el("tr", { class: x.severity });
      tr.appendChild(el("td", {}, x.sheet && x.cell ? `${x.sheet}!${x.cell}` : (x.cell ?? x.sheet ?? "")));
      tr.appendChild(el("td", {}, SEVERITY_LABELS[lang][x.severity]));
      tr.appendChild(el("td", {}, x.rule));
      tr.appendChild(el("td", {}, renderFinding(x, lang)));
      table.appendChild(tr);
    }
    box.appendChild(table);
  }
  if (f.document) {
    box.appendChild(el("p", { class: "note" }, t.documentNote));
    return box;
  }
  const button = el("button", { type: "button", "data-action": "checked", "data-index": String(index) }, t.downloadChecked);
  const failed = el("p", { class: "problem" });
  button.addEventListener("click", () => {
    downloads()
      .then(({ checkedCopy }) => checkedCopy(f, set, lang))
      .then(({ bytes }) => download(bytes, t.checkedName(f.file)))
      .catch((e: unknown) => void (failed.textContent = t.downloadFailed(e instanceof Error ? e.message : String(e))));
  });
  box.append(button, failed);
  return box;
}

function render(status: string[] = []): void {
  const t = webText(lang);
  const app = document.getElementById("app")!;
  app.replaceChildren();
  const top = el("div", { class: "bar" });
  top.appendChild(el("h1", {}, t.title));
  const switcher = el("button", { type: "button", "data-action": "lang" }, t.language);
  switcher.addEventListener("click", () => {
    lang = lang === "vi" ? "en" : "vi";
    document.documentElement.lang = lang;
    render(status);
  });
  top.appendChild(switcher);
  app.appendChild(top);
  app.appendChild(el("p", {}, t.intro));
  app.appendChild(el("p", { class: "privacy" }, t.privacy));
  const bar = el("div", { class: "bar" });
  const label = el("label", {}, `${t.choose}: `);
  const input = el("input", { type: "file", multiple: "", accept: ".xlsx,.xlsm,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.openxmlformats-officedocument.wordprocessingml.document", id: "files" });
  input.addEventListener("change", () => void choose([...(input.files ?? [])]));
  label.appendChild(input);
  bar.appendChild(label);
  app.appendChild(bar);
  const status_ = el("div", { id: "status", role: "status" });
  for (const s of status) status_.appendChild(el("p", {}, s));
  app.appendChild(status_);
  if (checked.some((f) => !f.problem && !f.document)) {
    const merge = el("div", { class: "bar" });
    const force = el("input", { type: "checkbox", id: "force" });
    const forceLabel = el("label", { for: "force" }, t.force);
    const button = el("button", { type: "button", "data-action": "merge" }, t.downloadMerged);
    const refused = el("p", { class: "refused", id: "merge-messages" });
    button.addEventListener("click", () => {
      downloads()
        .then(({ consolidated }) => consolidated(checked, set, lang, force.checked))
        .then(({ bytes, messages }) => {
          refused.textContent = bytes ? "" : [t.mergeRefused, ...messages].join(" ");
          if (bytes) download(bytes, t.mergedName);
        })
        .catch((e: unknown) => void (refused.textContent = t.downloadFailed(e instanceof Error ? e.message : String(e))));
    });
    merge.append(button, force, forceLabel);
    app.appendChild(merge);
    app.appendChild(refused);
  }
  checked.forEach((f, i) => app.appendChild(renderFile(f, i)));
}

async function choose(files: File[]): Promise<void> {
  const t = webText(lang);
  const status: string[] = [];
  if (files.length > MAX_FILES) status.push(t.tooMany(MAX_FILES));
  const take = files.slice(0, MAX_FILES);
  checked = [];
  for (let i = 0; i < take.length; i++) {
    const file = take[i];
    render([...status, t.working(i, take.length)]);
    await pause();
    const docx = isDocxFile(file.name);
    if (!docx && !/\.xls[xm]$/i.test(file.name)) {
      status.push(t.notXlsx(file.name));
      continue;
    }
    if (file.size > MAX_MB * 1024 * 1024) {
      status.push(t.tooBig(file.name, MAX_MB));
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    checked.push(await checkFile(file.name, bytes, set, lang, docx));
  }
  render(status);
  // Which thread checked the files, for whoever looks (the end-to-end test asserts the worker).
  document.body.dataset.checker = checkerThread;
}

document.documentElement.lang = lang;
render();
