/**
 * The learner's small rules, one spec per rule kind: codings read from a unit, and relations inferred only when the
 * wording and numbering support them (never a rate between rows of different units, never a sum over mixed units).
 */
import { parseCoding } from "../../src/forms/learn/rows";
import { inferRules } from "../../src/forms/learn/relations";
import type { FormRow } from "../../src/forms/schema";

const row = (stt: string, text: string, unit: string, kind: FormRow["kind"], coding?: Record<string, string>): FormRow => ({
  stt, text, unit, kind, source: "province", ...(coding ? { coding } : {}),
});

describe("parseCoding", () => {
  it("happy path: the codings printed in the forms", () => {
    expect(parseCoding("Có = 1; Không = 0")).toEqual({ "1": "Có", "0": "Không" });
    expect(parseCoding("Chưa = 0 Hoàn thành = 1")).toEqual({ "0": "Chưa", "1": "Hoàn thành" });
    expect(parseCoding("Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2")).toEqual({ "0": "Trực tuyến", "1": "Phát phiếu", "2": "Kết hợp" });
    expect(parseCoding("Chưa có = 0 2 cấp = 1 3 cấp = 2")).toEqual({ "0": "Chưa có", "1": "2 cấp", "2": "3 cấp" });
  });
  it("given wrong input: one code, a repeated code, text after the last code, a unit", () => {
    expect(parseCoding("Có = 1")).toBeNull();
    expect(parseCoding("Có = 1; Rồi = 1")).toBeNull();
    expect(parseCoding("Có = 1; Không = 0 (ghi rõ)")).toBeNull();
    expect(parseCoding("Hồ sơ")).toBeNull();
  });
});

describe("inferRules", () => {
  it("happy path: a rate over a whole ('Tổng số') and a part, and part ≤ whole", () => {
    const rules = inferRules("BM9", [
      row("1", "Tỷ lệ hồ sơ đúng hạn", "%", "percent"),
      row("1.1", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "count"),
      row("1.2", "Tổng số hồ sơ đã giải quyết", "Hồ sơ", "count"),
    ]);
    expect(rules.map((r) => r.id)).toEqual(["BM9.1.rate", "BM9.1.1.le.1.2"]);
    expect(rules[0]).toMatchObject({ numerator: "1.1", denominator: "1.2", inferred_by: "rate_children", source: "inferred" });
  });
  it("given rows that do not support a relation: different units, three children, a non-'Tỷ lệ' percent", () => {
    expect(inferRules("BM9", [row("1", "Tỷ lệ A", "%", "percent"), row("1.1", "Tổng số hồ sơ", "Hồ sơ", "count"), row("1.2", "Số thủ tục đã xong", "Thủ tục", "count")])).toEqual([]);
    expect(inferRules("BM9", [row("1", "Tỷ lệ A", "%", "percent"), row("1.1", "Số a", "Cái", "count"), row("1.2", "Số b", "Cái", "count"), row("1.3", "Số c", "Cái", "count")])).toEqual([]);
    expect(inferRules("BM9", [row("1", "Tổng số TTHC", "Thủ tục", "count"), row("1.1", "Số hồ sơ", "Hồ sơ", "count"), row("1.2", "Số TTHC cấp xã", "Thủ tục", "count")])).toEqual([]);
  });
  it("a Có/Không row over its children, but not a Chưa/Hoàn thành row", () => {
    const kids = [row("2.1", "Số phiếu", "Phiếu", "count")];
    expect(inferRules("BM9", [row("2", "Khảo sát", "Có = 1; Không = 0", "code", { "1": "Có", "0": "Không" }), ...kids]).map((r) => r.id)).toEqual(["BM9.2.precondition", "BM9.2.requires"]);
    expect(inferRules("BM9", [row("2", "Cập nhật", "Chưa = 0 Hoàn thành = 1", "code", { "0": "Chưa", "1": "Hoàn thành" }), ...kids])).toEqual([]);
  });
});
