/**
 * What the learner's review says, in Vietnamese (and English with --lang en): the CLI's `template import` and
 * `template show` and the task pane render a learned set through this one formatter.
 */
import type { LearnProblem } from "../forms/learn/learn";
import type { LearnReport, SkipProblem } from "../forms/learn/types";
import type { Inference, Place, RowReview } from "../forms/provenance";
import type { RowKind, TemplateSet } from "../forms/schema";
import { relationText } from "../engine/validate";
import type { Lang } from "./number";
import { learnPeriodText } from "./learn-periods";
import { DISTRICT_LEVEL_UNTIL } from "../engine/periods";

export interface LearnText {
  help: { template: string; import: string; show: string; doc: string; out: string; set: string };
  problem(p: LearnProblem): string;
  notDocOrXlsx: string;
  cannotRead(file: string, why: string): string;
  nothingWritten: string;
  wroteSet(path: string): string;
  notWrittenHint: string;
  place(p: Place): string;
  placeRows(p: Place, first: number, last: number): string;
  setLine(id: string, document: string): string;
  formLine(n: number, title: string, places: string): string;
  rowsLine(total: number, kinds: string): string;
  kind: Record<RowKind, string>;
  extraColumns(cols: string[]): string;
  inferredHeading(n: number): string;
  inferredBy: Record<Inference, string>;
  reviewHeading: string;
  review(r: RowReview, unit: string, printed: string | undefined): string;
  skippedHeading: string;
  skipped(p: SkipProblem, text: string | undefined): string;
  total(forms: number, rows: number, inferred: number): string;
}

const vi: LearnText = {
  help: {
    template: "học bộ biểu mẫu từ văn bản (.docx, .xlsx) và xem bộ biểu mẫu",
    import: "đọc các biểu mẫu trong văn bản Word (.docx) hoặc bảng tính (.xlsx) thành bộ biểu mẫu JSON",
    show: "in nội dung một bộ biểu mẫu JSON để xem lại",
    doc: "văn bản .docx hoặc bảng tính .xlsx có các biểu mẫu",
    out: "tệp bộ biểu mẫu .json sẽ ghi (bỏ trống: chỉ in để xem lại)",
    set: "tệp bộ biểu mẫu .json",
  },
  problem: (p) =>
    ({
      no_table: "văn bản không có bảng nào",
      no_columns: "không có bảng nào có cột “STT” và cột “Chỉ tiêu”",
      no_label: "có bảng có cột STT và Chỉ tiêu nhưng không thấy nhãn “Biểu mẫu N” trước bảng hoặc ở các dòng đầu bảng",
    })[p],
  notDocOrXlsx: "chỉ đọc được văn bản Word .docx hoặc bảng tính Excel .xlsx",
  cannotRead: (file, why) => `Không học được biểu mẫu từ ${file}: ${why}.`,
  nothingWritten: "Không ghi tệp nào.",
  wroteSet: (path) => `Đã ghi bộ biểu mẫu vào ${path}. Hãy xem lại các quan hệ suy luận trước khi dùng.`,
  notWrittenHint: "Chưa ghi tệp (thêm -o BO-BIEU-MAU.json để ghi).",
  place: (p) => `${p.sheet ? `trang tính “${p.sheet}”` : `Bảng ${p.table}`}${p.row ? `, dòng ${p.row}` : ""}`,
  placeRows: (p, a, b) => `${p.sheet ? `trang tính “${p.sheet}”` : `Bảng ${p.table}`}, dòng ${a === b ? a : `${a}–${b}`}`,
  setLine: (id, document) => `Bộ biểu mẫu ${id} — ${document}`,
  formLine: (n, title, places) => `Biểu mẫu ${n}: ${title}${places ? ` (${places})` : ""}`,
  rowsLine: (total, kinds) => `  ${total} chỉ tiêu: ${kinds}`,
  kind: { count: "số đếm", percent: "tỷ lệ", code: "mã hóa", group: "dòng nhóm", number: "số" },
  extraColumns: (cols) => `  Cột không thuộc biểu mẫu, bỏ qua: ${cols.map((c) => `“${c}”`).join(", ")}`,
  inferredHeading: (n) => `  ${n} quan hệ suy luận (không phải quy định chính thức; hãy xem lại):`,
  inferredBy: {
    rate_children: "tỷ lệ từ hai chỉ tiêu con (tổng và phần)",
    rate_part_le_whole: "phần không vượt tổng",
    total_children: "“Tổng số …” bằng tổng các chỉ tiêu con cùng đơn vị",
    total_siblings: "các “Số …” sau “Tổng số …” không vượt tổng",
    yes_no_children: "chỉ tiêu Có/Không quyết định các chỉ tiêu con",
  },
  reviewHeading: "  Cần xem lại:",
  review: (r, unit, printed) =>
    r === "count_unit_percent"
      ? `chỉ tiêu đếm “Số …” in đơn vị “${printed ?? "%"}”; đọc là số đếm, đơn vị “${unit}”`
      : "không có đơn vị tính và không có chỉ tiêu con; đọc là số đếm",
  skippedHeading: "Phần không đọc được:",
  skipped: (p, text) => {
    const t = text ? ` “${text}”` : "";
    switch (p) {
      case "no_columns":
        return `bảng${t} không có cột “STT” và “Chỉ tiêu”`;
      case "no_label":
        return "bảng có cột STT và Chỉ tiêu nhưng không có nhãn “Biểu mẫu N”";
      case "stt_unreadable":
        return `STT${t} không phải số thứ tự (1, 2.1, a)); bỏ qua dòng này`;
      case "no_text":
        return `dòng STT${t} không có tên chỉ tiêu`;
      case "no_stt":
        return `dòng${t} không có STT`;
      case "duplicate_stt":
        return `STT${t} bị trùng trong biểu mẫu; giữ dòng đầu`;
      case "duplicate_form":
        return `${text ?? "biểu mẫu"} xuất hiện lần nữa; giữ bảng đầu`;
      case "no_rows":
        return `${text ?? "biểu mẫu"} không có dòng chỉ tiêu nào`;
    }
  },
  total: (forms, rows, inferred) => `Tổng cộng: ${forms} biểu mẫu, ${rows} chỉ tiêu, ${inferred} quan hệ suy luận.`,
};

const en: LearnText = {
  help: {
    template: "learn a template set from a document (.docx, .xlsx) and show template sets",
    import: "read the forms of a Word document (.docx) or workbook (.xlsx) into a template-set JSON file",
    show: "print a template-set JSON file for review",
    doc: "the .docx document or .xlsx workbook holding the forms",
    out: "the template-set .json file to write (omit: print the review only)",
    set: "a template-set .json file",
  },
  problem: (p) =>
    ({
      no_table: "the document has no table",
      no_columns: "no table has an “STT” and a “Chỉ tiêu” column",
      no_label: "tables with STT and Chỉ tiêu columns, but no “Biểu mẫu N” label before them or in their first rows",
    })[p],
  notDocOrXlsx: "only Word .docx documents and Excel .xlsx workbooks can be read",
  cannotRead: (file, why) => `Cannot learn forms from ${file}: ${why}.`,
  nothingWritten: "No file written.",
  wroteSet: (path) => `Template set written to ${path}. Review the inferred relations before use.`,
  notWrittenHint: "No file written (add -o SET.json to write one).",
  place: (p) => `${p.sheet ? `sheet “${p.sheet}”` : `table ${p.table}`}${p.row ? `, row ${p.row}` : ""}`,
  placeRows: (p, a, b) => `${p.sheet ? `sheet “${p.sheet}”` : `table ${p.table}`}, rows ${a === b ? a : `${a}–${b}`}`,
  setLine: (id, document) => `Template set ${id} — ${document}`,
  formLine: (n, title, places) => `Form ${n}: ${title}${places ? ` (${places})` : ""}`,
  rowsLine: (total, kinds) => `  ${total} indicators: ${kinds}`,
  kind: { count: "counts", percent: "rates", code: "coded", group: "group rows", number: "numbers" },
  extraColumns: (cols) => `  Columns not part of the form, left out: ${cols.map((c) => `“${c}”`).join(", ")}`,
  inferredHeading: (n) => `  ${n} inferred relations (not official rules; review them):`,
  inferredBy: {
    rate_children: "rate from its two child rows (whole and part)",
    rate_part_le_whole: "the part does not exceed the whole",
    total_children: "“Tổng số …” equals the sum of its children of the same unit",
    total_siblings: "the “Số …” rows after a “Tổng số …” do not exceed it",
    yes_no_children: "a yes/no row governs its child rows",
  },
  reviewHeading: "  To review:",
  review: (r, unit, printed) =>
    r === "count_unit_percent"
      ? `a count (“Số …”) printed with unit “${printed ?? "%"}”; read as a count in “${unit}”`
      : "no unit and no child rows; read as a count",
  skippedHeading: "Not read:",
  skipped: (p, text) => {
    const t = text ? ` “${text}”` : "";
    switch (p) {
      case "no_columns":
        return `table${t} has no “STT” and “Chỉ tiêu” columns`;
      case "no_label":
        return "a table with STT and Chỉ tiêu columns but no “Biểu mẫu N” label";
      case "stt_unreadable":
        return `STT${t} is not a row number (1, 2.1, a)); row left out`;
      case "no_text":
        return `row STT${t} has no indicator text`;
      case "no_stt":
        return `row${t} has no STT`;
      case "duplicate_stt":
        return `STT${t} repeats within the form; the first row is kept`;
      case "duplicate_form":
        return `${text ?? "form"} appears again; the first table is kept`;
      case "no_rows":
        return `${text ?? "form"} has no indicator rows`;
    }
  },
  total: (forms, rows, inferred) => `In all: ${forms} forms, ${rows} indicators, ${inferred} inferred relations.`,
};

export function learnText(lang: Lang): LearnText {
  return lang === "en" ? en : vi;
}

const KIND_ORDER: RowKind[] = ["count", "percent", "code", "number", "group"];

export interface ReviewModel {
  heading: string;
  forms: Array<{
    formId: string;
    heading: string;
    rows: string;
    extra?: string;
    inferredHeading?: string;
    /** One line per inferred relation: what it says, why, and its id (the pane puts a checkbox before each). */
    relations: Array<{ ruleId: string; text: string }>;
    /** The period proposals (accumulates, applies_until, coding_until), each droppable by its id like a relation. */
    proposalsHeading?: string;
    proposals: Array<{ id: string; text: string }>;
    review: string[];
  }>;
  /** A document dated after the reform: which rows naming cấp huyện were kept as printed. */
  keptAsPrinted?: string;
  skippedHeading?: string;
  skipped: string[];
  total: string;
}

/** The review of a learned (or loaded) set: forms, rows, kinds, inferred relations, rows to review, what was not read. */
export function reviewModel(set: TemplateSet, report: LearnReport, lang: Lang): ReviewModel {
  const t = learnText(lang);
  const tp = learnPeriodText(lang);
  const kept = report.keptAsPrinted;
  const forms = report.forms.map((f) => {
    const form = set.forms.find((x) => x.id === f.formId)!;
    const places = f.places.map((p) => {
      const rows = form.rows.filter((r) => r.from && r.from.table === p.table && r.from.row).map((r) => r.from!.row!);
      return rows.length ? t.placeRows(p, Math.min(...rows), Math.max(...rows)) : t.place(p);
    });
    const inferred = report.inferred.filter((r) => r.formId === f.formId);
    const proposals = (report.proposals ?? []).filter((p) => p.formId === f.formId);
    return {
      formId: f.formId,
      heading: t.formLine(f.number, f.title, places.join(", ")),
      rows: t.rowsLine(f.rows, KIND_ORDER.filter((k) => f.kinds[k]).map((k) => `${f.kinds[k]} ${t.kind[k]}`).join(", ")).trim(),
      ...(f.extraColumns.length ? { extra: t.extraColumns(f.extraColumns).trim() } : {}),
      ...(inferred.length ? { inferredHeading: t.inferredHeading(inferred.length).trim() } : {}),
      relations: inferred.map((r) => {
        const rule = form.rules.find((x) => x.id === r.ruleId)!;
        const why = r.by ? t.inferredBy[r.by] : rule.remark;
        return { ruleId: r.ruleId, text: `${relationText(rule)}${why ? ` — ${why}` : ""} [${r.ruleId}]` };
      }),
      ...(proposals.length ? { proposalsHeading: tp.heading(proposals.length) } : {}),
      proposals: proposals.map((p) => ({ id: p.id, text: tp.proposal(p) })),
      review: report.review
        .filter((r) => r.formId === f.formId)
        .map((r) => {
          const row = form.rows.find((x) => x.stt === r.stt)!;
          return `${r.stt}${r.place ? ` (${t.place(r.place)})` : ""}: ${t.review(r.review, row.unit, row.unit_official_typo)}`;
        }),
    };
  });
  return {
    heading: t.setLine(set.template_set, set.document),
    forms,
    ...(kept ? { keptAsPrinted: tp.keptAsPrinted(kept.docDate, DISTRICT_LEVEL_UNTIL, kept.rows.map((r) => `${r.formId} ${r.stt}`)) } : {}),
    ...(report.skipped.length ? { skippedHeading: t.skippedHeading } : {}),
    skipped: report.skipped.map((s) => `${t.place(s.place)}: ${t.skipped(s.problem, s.text)}`),
    total: t.total(report.forms.length, report.forms.reduce((n, f) => n + f.rows, 0), report.inferred.length),
  };
}

/** The same review as lines of text, for the command line. */
export function formatTemplateReview(set: TemplateSet, report: LearnReport, lang: Lang): string[] {
  const m = reviewModel(set, report, lang);
  const out = [m.heading];
  for (const f of m.forms) {
    out.push(f.heading, `  ${f.rows}`);
    if (f.extra) out.push(`  ${f.extra}`);
    if (f.inferredHeading) out.push(`  ${f.inferredHeading}`, ...f.relations.map((r) => `    * ${r.text}`));
    if (f.proposalsHeading) out.push(`  ${f.proposalsHeading}`, ...f.proposals.map((p) => `    * ${p.text}`));
    if (f.review.length) out.push(learnText(lang).reviewHeading, ...f.review.map((r) => `    ${r}`));
  }
  if (m.keptAsPrinted) out.push(m.keptAsPrinted);
  if (m.skippedHeading) out.push(m.skippedHeading, ...m.skipped.map((s) => `  ${s}`));
  out.push(m.total);
  return out;
}

/** The task pane's words for learning a set (kept here, beside the review they show). */
export interface LearnPaneText {
  section: string;
  explain: string;
  fromFile: string;
  fromSheet: string;
  emptySheet: string;
  store: string;
  cancel: string;
  kept(kept: number, all: number): string;
  failed(file: string, why: string): string;
}

const paneVi: LearnPaneText = {
  section: "Học biểu mẫu từ văn bản",
  explain:
    "Chọn văn bản Word (.docx) có các biểu mẫu (công văn của Sở Nội vụ hoặc báo cáo kỳ trước), hoặc dán bảng biểu mẫu vào một trang tính rồi học từ trang tính đó. Xem lại trước khi lưu: bỏ chọn quan hệ suy luận nào không đúng.",
  fromFile: "Học biểu mẫu từ tệp…",
  fromSheet: "Học biểu mẫu từ trang tính này",
  emptySheet: "trang tính đang chọn không có dữ liệu",
  store: "Lưu và dùng bộ biểu mẫu này",
  cancel: "Bỏ",
  kept: (kept, all) => `Giữ ${kept}/${all} quan hệ suy luận.`,
  failed: (file, why) => `Không học được biểu mẫu từ ${file}: ${why}.`,
};

const paneEn: LearnPaneText = {
  section: "Learn forms from a document",
  explain:
    "Pick the Word document (.docx) holding the forms (the Department's letter or last period's report), or paste the form's table into a sheet and learn from that sheet. Review before storing: untick any inferred relation that is wrong.",
  fromFile: "Learn forms from a file…",
  fromSheet: "Learn forms from this sheet",
  emptySheet: "the active sheet holds no data",
  store: "Store and use this template set",
  cancel: "Discard",
  kept: (kept, all) => `Keeping ${kept} of ${all} inferred relations.`,
  failed: (file, why) => `Cannot learn forms from ${file}: ${why}.`,
};

export function learnPaneText(lang: Lang): LearnPaneText {
  return lang === "en" ? paneEn : paneVi;
}
