/**
 * Relations inferred from the text and numbering of learned rows. Every one is `source: "inferred"` with the reason
 * in Vietnamese in `remark` and how it was found in `inferred_by`: the product never presents it as official.
 *   rate       a "Tỷ lệ …" percent row whose two children are counts: a whole ("Tổng số …") and a part ("Số … đã …")
 *   sum_le     the part of such a rate ≤ its whole; "Số …" rows right after a "Tổng số …" sibling ≤ it
 *   sum_eq     a "Tổng số …" row whose children are counts of its own unit
 *   when       a Có/Không row over its children: 0 → children blank, 1 → children filled
 */
import type { FormRow, Rule } from "../schema";
import { LEARN_REMARK as R } from "../../i18n/learn-remarks";
import { fold } from "./text";

const isTotal = (r: FormRow) => /^tong so\b/u.test(fold(r.text));
const isSo = (r: FormRow) => /^so\b/u.test(fold(r.text)) && !/^so lieu\b/u.test(fold(r.text));
const isRate = (r: FormRow) => /^ty le\b/u.test(fold(r.text));
/** Words that make a "Số …" row the part of a whole: done, solved, on time. */
const isDone = (r: FormRow) => /\b(?:da|xong|dung han|hoan thanh|duoc)\b/u.test(fold(r.text));
const sameUnit = (a: FormRow, b: FormRow) => fold(a.unit) === fold(b.unit);

function isYesNo(row: FormRow): boolean {
  const c = row.coding ?? {};
  const keys = Object.keys(c);
  return row.kind === "code" && keys.length === 2 && fold(c["1"] ?? "") === "co" && fold(c["0"] ?? "") === "khong";
}

export function inferRules(formId: string, rows: readonly FormRow[]): Rule[] {
  const rules: Rule[] = [];
  const ids = new Set<string>();
  const add = (rule: Rule) => {
    if (ids.has(rule.id)) return;
    ids.add(rule.id);
    rules.push(rule);
  };
  const parentOf = (stt: string) => stt.split(".").slice(0, -1).join(".");
  // Direct children of each row, and each row's later siblings, from one pass over the rows.
  const children = new Map<string, FormRow[]>();
  for (const r of rows) {
    const parent = parentOf(r.stt);
    const list = children.get(parent);
    if (list) list.push(r);
    else children.set(parent, [r]);
  }
  const childrenOf = (stt: string) => children.get(stt) ?? [];
  const leOf = (parts: string[], whole: string, remark: string, by: "rate_part_le_whole" | "total_siblings") =>
    add({ id: `${formId}.${parts.join("+")}.le.${whole}`, type: "sum_le", parts, whole, severity: "error", source: "inferred", remark, inferred_by: by });

  for (const row of rows) {
    const kids = childrenOf(row.stt);
    if (row.kind === "percent" && isRate(row) && kids.length === 2 && kids.every((c) => c.kind === "count") && sameUnit(kids[0], kids[1])) {
      const [a, b] = kids;
      let whole = a, part = b, why: string = R.whyOrder;
      if (isTotal(a) !== isTotal(b)) [whole, part, why] = isTotal(a) ? [a, b, R.whyTotal] : [b, a, R.whyTotal];
      else if (isDone(a) !== isDone(b)) [whole, part, why] = isDone(b) ? [a, b, R.whyDone] : [b, a, R.whyDone];
      add({
        id: `${formId}.${row.stt}.rate`, type: "rate", target: row.stt, numerator: part.stt, denominator: whole.stt, scale: 100, decimals: 2,
        severity: "error", source: "inferred", remark: R.rate(row.stt, part.stt, whole.stt, why), inferred_by: "rate_children",
      });
      leOf([part.stt], whole.stt, R.partLeWhole(part.stt, whole.stt), "rate_part_le_whole");
    }
    if (row.kind === "count" && isTotal(row) && kids.length >= 2 && kids.every((c) => c.kind === "count" && sameUnit(c, row))) {
      const parts = kids.map((c) => c.stt);
      add({ id: `${formId}.${row.stt}.sum`, type: "sum_eq", total: row.stt, parts, severity: "error", source: "inferred", remark: R.total(row.stt, parts, row.unit), inferred_by: "total_children" });
    }
    if (row.kind === "count" && isTotal(row)) {
      const siblings = childrenOf(parentOf(row.stt));
      const after = siblings.slice(siblings.indexOf(row) + 1);
      const parts: string[] = [];
      for (const s of after) {
        if (s.kind !== "count" || !isSo(s) || isTotal(s) || !sameUnit(s, row)) break;
        parts.push(s.stt);
      }
      if (parts.length) leOf(parts, row.stt, R.siblings(row.stt, parts), "total_siblings");
    }
    if (isYesNo(row)) {
      const under = rows.filter((r) => r.stt.startsWith(`${row.stt}.`) && r.kind !== "group").map((r) => r.stt);
      if (under.length) {
        add({ id: `${formId}.${row.stt}.precondition`, type: "when", if: { row: row.stt, equals: 0 }, then: { blank: under }, severity: "warning", source: "inferred", remark: R.precondition(row.stt, under), inferred_by: "yes_no_children" });
        add({ id: `${formId}.${row.stt}.requires`, type: "when", if: { row: row.stt, equals: 1 }, then: { filled: under }, severity: "warning", source: "inferred", remark: R.requires(row.stt, under), inferred_by: "yes_no_children" });
      }
    }
  }
  return rules;
}
