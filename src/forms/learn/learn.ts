/**
 * A template set learned from a document's tables (pure): DocDocument in, a TemplateSet plus a review report out.
 * The set goes through the same schema and semantic checks as the built-in one (parseTemplateSet).
 */
import type { DocDocument } from "../../io/document";
import { LEARN_REMARK as R } from "../../i18n/learn-remarks";
import { parseTemplateSet } from "../load";
import type { Place } from "../provenance";
import type { FormDefinition, FormRow, RowKind, TemplateSet } from "../schema";
import { findForms } from "./find";
import { documentRef, setVersion } from "./provenance";
import { inferRules } from "./relations";
import { learnRows } from "./rows";
import { afterReform, districtRows, proposePeriods } from "./periods";
import { cleanText, fold } from "./text";
import type { FoundForm, LearnReport, Proposal } from "./types";

export type LearnProblem =
  /** The document has no table at all. */
  | "no_table"
  /** Tables, but none with an STT and a Chỉ tiêu column. */
  | "no_columns"
  /** Tables with STT and Chỉ tiêu columns, but no "Biểu mẫu N" label for any of them. */
  | "no_label";

/** The document holds no form the learner can read; nothing is learned. */
export class TemplateLearnError extends Error {
  override readonly name = "TemplateLearnError";
  constructor(readonly problem: LearnProblem) {
    super(problem);
  }
}

/** "Bảng 2 (dòng 3–26)", or "trang tính “BM3” (dòng 5–30)". */
function placesText(form: FoundForm): string {
  return form.places
    .map((p) => {
      const rows = form.rows.filter((r) => r.place.table === p.table).map((r) => r.place.row ?? 0);
      const where = p.sheet ? R.sheet(p.sheet) : R.table(p.table);
      return rows.length ? `${where} (${R.rows(Math.min(...rows), Math.max(...rows))})` : where;
    })
    .join(", ");
}

function appendixTitle(doc: DocDocument): string {
  for (const b of doc.blocks)
    if (b.kind === "paragraph" && /^thong ke so lieu/u.test(fold(b.paragraph.text))) return cleanText(b.paragraph.text);
  return R.appendixTitle;
}

export function learnTemplateSet(doc: DocDocument): { set: TemplateSet; report: LearnReport } {
  const { forms: found, skipped, tables } = findForms(doc);
  if (found.length === 0) {
    if (tables === 0) throw new TemplateLearnError("no_table");
    throw new TemplateLearnError(skipped.some((s) => s.problem === "no_label") ? "no_label" : "no_columns");
  }
  const ref = documentRef(doc);
  const refText = ref.number || ref.date ? R.docRef(ref.kind, ref.number, ref.date) : null;
  const forms: FormDefinition[] = [];
  for (const f of found) {
    const id = `BM${f.number}`;
    const rows = proposePeriods(learnRows(f.rows, skipped), ref.date);
    if (rows.length === 0) continue;
    forms.push({
      id,
      number: f.number,
      title: f.title || R.untitled(f.number),
      source: R.formSource(doc.file, refText, placesText(f)),
      rows,
      rules: inferRules(id, rows),
      from: f.places,
    });
  }
  if (forms.length === 0) throw new TemplateLearnError("no_columns");
  const first = found[0].labels;
  const d = R.columns;
  const json = {
    template_set: setVersion(doc, ref),
    document: R.document(doc.file, refText),
    header: {
      appendix_title: appendixTitle(doc),
      caption: R.caption,
      columns: [first.stt ?? d[0], first.text ?? d[1], first.unit ?? d[2], first.value ?? d[3], first.note ?? d[4]],
    },
    forms,
    cross_form_rules: [],
    missing_forms: [],
    learned_from: {
      file: doc.file,
      format: doc.format,
      ...(ref.kind ? { doc_kind: ref.kind } : {}),
      ...(ref.number ? { doc_number: ref.number } : {}),
      ...(ref.date ? { doc_date: ref.date } : {}),
      ...(skipped.length ? { skipped: skipped.map((s) => ({ place: s.place, problem: s.problem, ...(s.text ? { text: s.text } : {}) })) } : {}),
    },
  };
  const set = parseTemplateSet(json);
  return { set, report: reportOf(set, found) };
}

/** The review report of a set: learned now (with the document's forms) or loaded from a file. */
export function reportOf(set: TemplateSet, found?: readonly FoundForm[]): LearnReport {
  const forms = set.forms.map((form) => {
    const kinds: Partial<Record<RowKind, number>> = {};
    for (const r of form.rows) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    const f = found?.find((x) => x.number === form.number);
    return {
      formId: form.id,
      number: form.number,
      title: form.title,
      places: form.from ?? [],
      rows: form.rows.length,
      kinds,
      extraColumns: f?.extraColumns ?? [],
    };
  });
  const inferred = set.forms.flatMap((form) =>
    form.rules
      .filter((r) => r.source === "inferred")
      .map((r) => ({ formId: form.id, ruleId: r.id, type: r.type, ...(r.inferred_by ? { by: r.inferred_by } : {}) })),
  );
  const review = set.forms.flatMap((form) =>
    form.rows.flatMap((r) => (r.review ?? []).map((review) => ({ formId: form.id, stt: r.stt, ...(r.from ? { place: r.from as Place } : {}), review }))),
  );
  const skipped = (set.learned_from?.skipped ?? []).map((s) => ({ ...s, problem: s.problem as LearnReport["skipped"][number]["problem"] }));
  const proposals = set.forms.flatMap((form) =>
    form.rows.flatMap((r): Proposal[] => [
      ...(r.accumulates && r.accumulates_source === "inferred" ? [{ id: proposalId(form.id, r.stt, "accumulates"), formId: form.id, stt: r.stt, kind: "accumulates" as const }] : []),
      ...(r.applies_until && r.applies_source === "inferred" ? [{ id: proposalId(form.id, r.stt, "until"), formId: form.id, stt: r.stt, kind: "applies_until" as const, date: r.applies_until }] : []),
      ...(r.coding_until && r.applies_source === "inferred" ? [{ id: proposalId(form.id, r.stt, "coding"), formId: form.id, stt: r.stt, kind: "coding_until" as const, date: r.coding_until }] : []),
    ]),
  );
  // A document dated after the reform: the rows naming cấp huyện were kept as printed; the review says which.
  const docDate = set.learned_from?.doc_date;
  const keptAsPrinted =
    docDate && afterReform(docDate)
      ? { docDate, rows: set.forms.flatMap((f) => [...districtRows(f.rows).keys()].map((stt) => ({ formId: f.id, stt }))) }
      : undefined;
  return { file: set.learned_from?.file ?? "", forms, inferred, review, skipped, proposals, ...(keptAsPrinted?.rows.length ? { keptAsPrinted } : {}) };
}

/** The id a reviewer drops a period proposal by: "BM3.3.2.1.accumulates", "BM3.3.2.1.until", "BM7.2.coding". */
export const proposalId = (formId: string, stt: string, what: "accumulates" | "until" | "coding") => `${formId}.${stt}.${what}`;

/** A row without the period proposals a reviewer dropped. */
function withoutProposals(formId: string, row: FormRow, dropped: ReadonlySet<string>): FormRow {
  const out: FormRow = { ...row };
  if (dropped.has(proposalId(formId, row.stt, "accumulates")) && out.accumulates_source === "inferred") {
    delete out.accumulates;
    delete out.accumulates_source;
    delete out.accumulates_remark;
  }
  const until = dropped.has(proposalId(formId, row.stt, "until")) && out.applies_source === "inferred";
  const coding = dropped.has(proposalId(formId, row.stt, "coding")) && out.applies_source === "inferred";
  if (until) delete out.applies_until;
  if (coding) delete out.coding_until;
  if ((until || coding) && !out.applies_until && !out.applies_from && !out.coding_until) {
    delete out.applies_source;
    delete out.applies_remark;
  }
  return out;
}

/**
 * The set without the inferred relations and period proposals a reviewer chose to drop (by rule id or proposal id;
 * rows are never dropped, only the proposal on them).
 */
export function withoutRules(set: TemplateSet, dropped: ReadonlySet<string>): TemplateSet {
  if (dropped.size === 0) return set;
  return parseTemplateSet({
    ...set,
    forms: set.forms.map((f) => ({ ...f, rows: f.rows.map((r) => withoutProposals(f.id, r, dropped)), rules: f.rules.filter((r) => !dropped.has(r.id)) })),
  });
}
