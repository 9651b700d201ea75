import { InvalidTemplateSetError } from "./errors";
import { templateSetSchema, type FormDefinition, type Rule, type TemplateSet } from "./schema";
import builtinJson from "./builtin/cchc-pl-2022.json";

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || "(gốc)";
}

/** Row references a rule makes, with the field each came from. */
function ruleRefs(rule: Rule): Array<[string, string]> {
  switch (rule.type) {
    case "rate":
      return [["target", rule.target], ["numerator", rule.numerator], ["denominator", rule.denominator]];
    case "sum_eq":
      return [["total", rule.total], ...rule.parts.map((p, i): [string, string] => [`parts[${i}]`, p])];
    case "sum_le":
      return [["whole", rule.whole], ...rule.parts.map((p, i): [string, string] => [`parts[${i}]`, p])];
    case "when":
      return [
        ["if.row", rule.if.row],
        ...(rule.then.blank ?? []).map((p, i): [string, string] => [`then.blank[${i}]`, p]),
        ...(rule.then.filled ?? []).map((p, i): [string, string] => [`then.filled[${i}]`, p]),
      ];
    case "between_parts":
      return [["target", rule.target], ...rule.parts.map((p, i): [string, string] => [`parts[${i}]`, p])];
  }
}

function checkSemantics(set: TemplateSet): string[] {
  const problems: string[] = [];
  const formsById = new Map<string, FormDefinition>();
  const ruleIds = new Set<string>();
  set.forms.forEach((form, fi) => {
    if (formsById.has(form.id)) problems.push(`forms[${fi}].id: mã biểu mẫu "${form.id}" bị trùng`);
    formsById.set(form.id, form);
    const stts = new Set<string>();
    form.rows.forEach((row, ri) => {
      if (stts.has(row.stt)) problems.push(`forms[${fi}].rows[${ri}].stt: STT "${row.stt}" bị trùng trong ${form.id}`);
      stts.add(row.stt);
      if (row.kind === "code" && (!row.coding || Object.keys(row.coding).length === 0))
        problems.push(`forms[${fi}].rows[${ri}].coding: chỉ tiêu mã hóa phải có bảng mã (ví dụ {"1": "Có", "0": "Không"})`);
    });
    const rowKind = new Map(form.rows.map((r) => [r.stt, r.kind]));
    form.rules.forEach((rule, ki) => {
      if (ruleIds.has(rule.id)) problems.push(`forms[${fi}].rules[${ki}].id: mã quy tắc "${rule.id}" bị trùng`);
      ruleIds.add(rule.id);
      for (const [field, ref] of ruleRefs(rule)) {
        const kind = rowKind.get(ref);
        if (!kind) problems.push(`forms[${fi}].rules[${ki}].${field}: không có chỉ tiêu STT "${ref}" trong ${form.id}`);
        else if (kind === "group") problems.push(`forms[${fi}].rules[${ki}].${field}: chỉ tiêu "${ref}" là dòng tiêu đề nhóm, không có số liệu`);
      }
      if (rule.type === "rate" && rowKind.get(rule.target) && rowKind.get(rule.target) !== "percent")
        problems.push(`forms[${fi}].rules[${ki}].target: chỉ tiêu tỷ lệ "${rule.target}" phải có loại "percent"`);
    });
  });
  set.cross_form_rules.forEach((rule, ki) => {
    if (ruleIds.has(rule.id)) problems.push(`cross_form_rules[${ki}].id: mã quy tắc "${rule.id}" bị trùng`);
    ruleIds.add(rule.id);
    for (const [field, ref] of ruleRefs(rule)) {
      const m = /^([^:]+):(.+)$/.exec(ref);
      const form = m ? formsById.get(m[1]) : undefined;
      if (!m) problems.push(`cross_form_rules[${ki}].${field}: "${ref}" phải có dạng BM7:6.1.1`);
      else if (!form) problems.push(`cross_form_rules[${ki}].${field}: không có biểu mẫu "${m[1]}"`);
      else if (!form.rows.some((r) => r.stt === m[2] && r.kind !== "group"))
        problems.push(`cross_form_rules[${ki}].${field}: không có chỉ tiêu STT "${m[2]}" trong ${m[1]}`);
    }
  });
  return problems;
}

/**
 * Checks an unknown JSON value (the built-in set or an office's own file) and returns it as a TemplateSet.
 * Throws InvalidTemplateSetError whose problems name each bad field in Vietnamese.
 */
export function parseTemplateSet(json: unknown): TemplateSet {
  const parsed = templateSetSchema.safeParse(json);
  if (!parsed.success) {
    throw new InvalidTemplateSetError(
      parsed.error.issues.slice(0, 20).map((issue) => `${fieldPath(issue.path)}: ${vietnameseIssue(issue)}`),
    );
  }
  const problems = checkSemantics(parsed.data);
  if (problems.length) throw new InvalidTemplateSetError(problems);
  return parsed.data;
}

/** Parses the text of a template-set file (as picked by a clerk); bad JSON is an InvalidTemplateSetError too. */
export function parseTemplateSetText(text: string): TemplateSet {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InvalidTemplateSetError([`(tệp): không phải JSON hợp lệ (${(e as Error).message})`]);
  }
  return parseTemplateSet(json);
}

interface ZodIssueLike {
  code: string;
  message: string;
  expected?: unknown;
  values?: unknown[];
  input?: unknown;
  minimum?: unknown;
}

function vietnameseIssue(issue: ZodIssueLike): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `thiếu trường bắt buộc (cần ${String(issue.expected)})` : `sai kiểu dữ liệu (cần ${String(issue.expected)})`;
    case "invalid_value":
      return `giá trị không hợp lệ (chỉ nhận: ${(issue.values ?? []).map(String).join(", ")})`;
    case "too_small":
      return `quá ít hoặc quá nhỏ (tối thiểu ${String(issue.minimum)})`;
    case "too_big":
      return "quá nhiều hoặc quá lớn";
    case "invalid_union":
      return "không khớp loại quy tắc nào (rate, sum_eq, sum_le, when, between_parts)";
    case "invalid_format":
      return issue.message;
    default:
      return issue.message;
  }
}

let builtin: TemplateSet | undefined;
/** The template set that ships with the product, checked by the same code as a loaded one. */
export function builtinTemplateSet(): TemplateSet {
  builtin ??= parseTemplateSet(builtinJson);
  return builtin;
}
