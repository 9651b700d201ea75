import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { builtinTemplateSet, InvalidTemplateSetError, parseTemplateSet, parseTemplateSetText } from "../../src/forms";
import builtinJson from "../../src/forms/builtin/cchc-pl-2022.json";
import spec from "../../../shared/spec/bieumau.json";

const dir = join(__dirname, "..", "fixtures", "template-sets");

describe("the built-in template set", () => {
  const set = builtinTemplateSet();
  it("holds forms 1, 3 and 7 exactly as the spec records them, and nothing invented", () => {
    expect(set.forms.map((f) => f.id)).toEqual(["BM1", "BM3", "BM7"]);
    for (const form of spec.forms) {
      const ours = set.forms.find((f) => f.id === form.id)!;
      expect(ours.rows.map((r) => [r.stt, r.stt_as_printed, r.text, r.unit, r.kind, r.coding ?? null, r.source])).toEqual(
        form.rows.map((r) => [r.stt, r.stt_as_printed, r.text, r.unit, r.kind, r.coding, r.source]),
      );
      expect(ours.rules.map((r) => r.id)).toEqual(form.rules.map((r) => r.id));
      expect(ours.source).toBe(form.source);
    }
    expect(set.cross_form_rules.map((r) => r.id)).toEqual(spec.cross_form_rules.map((r) => r.id));
    expect(set.missing_forms.map((f) => f.number)).toEqual([2, 4, 5, 6]);
  });
  it("marks inferred rules as inferred", () => {
    const inferred = [...set.forms.flatMap((f) => f.rules), ...set.cross_form_rules].filter((r) => r.source === "inferred").map((r) => r.id);
    expect(inferred).toEqual(["BM7.5.2.between", "X.BM7.6.1.1.le.BM3.1.4", "X.BM7.6.5.1.le.BM3.1.4", "X.BM7.6.2.1.le.BM3.1.4"]);
  });
  it("has a version: the document it follows", () => {
    expect(set.template_set).toBe("CCHC-PL-2022");
    expect(set.document).toMatch(/1125\/BC-VP/);
  });
});

describe("an office's own template set", () => {
  const files = readdirSync(dir);
  it.each(files.filter((f) => f.startsWith("ok.")))("%s loads through the same code", (file) => {
    const set = parseTemplateSetText(readFileSync(join(dir, file), "utf8"));
    expect(set.forms.length).toBeGreaterThan(0);
  });
  const expectedField: Record<string, RegExp> = {
    "bad.kind.json": /^forms\[0\]\.rows\[0\]\.kind: giá trị không hợp lệ/,
    "bad.rule-ref.json": /^forms\[0\]\.rules\[0\]\.numerator: không có chỉ tiêu STT "9\.9"/,
    "bad.missing-version.json": /^template_set: thiếu trường bắt buộc/,
    "bad.duplicate-stt.json": /^forms\[0\]\.rows\[1\]\.stt: STT "1" bị trùng/,
    "bad.rate-target-not-percent.json": /^forms\[0\]\.rules\[0\]\.target: chỉ tiêu tỷ lệ "1" phải có loại "percent"/,
    "bad.not-json.json": /không phải JSON hợp lệ/,
  };
  it.each(files.filter((f) => f.startsWith("bad.")))("%s is rejected with a Vietnamese message naming the field", (file) => {
    let error: unknown;
    try {
      parseTemplateSetText(readFileSync(join(dir, file), "utf8"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidTemplateSetError);
    expect((error as InvalidTemplateSetError).problems[0]).toMatch(expectedField[file]);
  });
});

describe("the built-in set", () => {
  it("is exactly what the schema makes of it (so it is used without parsing at start-up)", () => {
    expect(parseTemplateSet(structuredClone(builtinJson))).toEqual(builtinTemplateSet());
  });
});
