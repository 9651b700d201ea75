import { InvalidTemplateSetError } from "./errors";
import { TEMPLATE_SET_TEXT as T } from "../i18n/template-set";
import type { FormDefinition, Rule, TemplateSet } from "./schema";
import builtinJson from "./builtin/cchc-pl-2022.json";

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out ? `.${String(part)}` : String(part);
  return out || T.root;
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
    if (formsById.has(form.id)) problems.push(`forms[${fi}].id: ${T.duplicateFormId(form.id)}`);
    formsById.set(form.id, form);
    const stts = new Set<string>();
    form.rows.forEach((row, ri) => {
      if (stts.has(row.stt)) problems.push(`forms[${fi}].rows[${ri}].stt: ${T.duplicateStt(row.stt, form.id)}`);
      stts.add(row.stt);
      if (row.kind === "code" && (!row.coding || Object.keys(row.coding).length === 0))
        problems.push(`forms[${fi}].rows[${ri}].coding: ${T.missingCoding}`);
      if (row.applies_from && row.applies_until && row.applies_from > row.applies_until)
        problems.push(`forms[${fi}].rows[${ri}].applies_from: ${T.appliesOrder(row.applies_from, row.applies_until)}`);
      if (row.accumulates && row.kind !== "count" && row.kind !== "number")
        problems.push(`forms[${fi}].rows[${ri}].accumulates: ${T.accumulatesKind}`);
    });
    const rowKind = new Map(form.rows.map((r) => [r.stt, r.kind]));
    form.rules.forEach((rule, ki) => {
      if (ruleIds.has(rule.id)) problems.push(`forms[${fi}].rules[${ki}].id: ${T.duplicateRuleId(rule.id)}`);
      ruleIds.add(rule.id);
      for (const [field, ref] of ruleRefs(rule)) {
        const kind = rowKind.get(ref);
        if (!kind) problems.push(`forms[${fi}].rules[${ki}].${field}: ${T.unknownRow(ref, form.id)}`);
        else if (kind === "group") problems.push(`forms[${fi}].rules[${ki}].${field}: ${T.groupRow(ref)}`);
      }
      if (rule.type === "rate" && rowKind.get(rule.target) && rowKind.get(rule.target) !== "percent")
        problems.push(`forms[${fi}].rules[${ki}].target: ${T.rateTargetNotPercent(rule.target)}`);
    });
  });
  set.cross_form_rules.forEach((rule, ki) => {
    if (ruleIds.has(rule.id)) problems.push(`cross_form_rules[${ki}].id: ${T.duplicateRuleId(rule.id)}`);
    ruleIds.add(rule.id);
    for (const [field, ref] of ruleRefs(rule)) {
      const m = /^([^:]+):(.+)$/.exec(ref);
      const form = m ? formsById.get(m[1]) : undefined;
      if (!m) problems.push(`cross_form_rules[${ki}].${field}: ${T.crossRefShape(ref)}`);
      else if (!form) problems.push(`cross_form_rules[${ki}].${field}: ${T.unknownForm(m[1])}`);
      else if (!form.rows.some((r) => r.stt === m[2] && r.kind !== "group"))
        problems.push(`cross_form_rules[${ki}].${field}: ${T.unknownRow(m[2], m[1])}`);
    }
  });
  return problems;
}

/**
 * Checks an unknown JSON value (the built-in set or an office's own file) and returns it as a TemplateSet.
 * Throws InvalidTemplateSetError whose problems name each bad field in Vietnamese.
 */
export function parseTemplateSet(json: unknown): TemplateSet {
  // The schema (zod) is loaded when a set is first parsed: the built-in set needs none, so the CLI starts without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { templateSetSchema } = require("./schema") as typeof import("./schema");
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
    throw new InvalidTemplateSetError([`${T.file}: ${T.notJson((e as Error).message)}`]);
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
      return issue.input === undefined ? T.missingField(String(issue.expected)) : T.wrongType(String(issue.expected));
    case "invalid_value":
      return T.notAllowed((issue.values ?? []).map(String).join(", "));
    case "too_small":
      return T.tooSmall(String(issue.minimum));
    case "too_big":
      return T.tooBig;
    case "invalid_union":
      return T.noRuleType;
    case "invalid_format":
      return issue.message;
    default:
      return issue.message;
  }
}

let builtin: TemplateSet | undefined;
/**
 * The template set that ships with the product. Its shape is the schema's exactly (test/forms/template-set.test.ts
 * parses it with the schema and finds it unchanged), so only its semantics are checked here, without loading zod.
 */
export function builtinTemplateSet(): TemplateSet {
  if (!builtin) {
    const set = builtinJson as unknown as TemplateSet;
    const problems = checkSemantics(set);
    if (problems.length) throw new InvalidTemplateSetError(problems);
    builtin = set;
  }
  return builtin;
}
