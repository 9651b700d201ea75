/** The add-in and the period: the header states it with its cut-off dates, Kiểm tra reads it back (fake Excel). */
import { renderFinding } from "../../src/i18n/findings";
import { layoutOf, setup } from "./helpers";

const header = { unit: "Sở Nội vụ", period: "q1" as const, year: 2026 };

describe("the add-in and the report period", () => {
  test("insert states Quý I 2026 with its dates and greys the cấp huyện rows; Kiểm tra warns about a value in BM3 3.2.1", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, ["BM3"], header);
    const layout = layoutOf("BM3");
    const sheet = () => fake.snapshot().sheets.find((s) => s.name === "Biểu mẫu 3")!;
    const meta = Object.values(sheet().cells).find((c) => typeof c.value === "string" && c.value.includes("Kỳ báo cáo"));
    expect(meta?.value).toContain("Kỳ báo cáo: Quý I năm 2026 (số liệu từ 15/12/2025 đến 14/3/2026)");
    const text = sheet().cells[`B${layout.rowOfStt["3.2.1"] + 1}`];
    expect(text.value).toMatch(/ †$/);
    expect(text.format?.font?.color).toBe("#808080");

    fake.setCellValue("Biểu mẫu 3", `D${layout.rowOfStt["3.2.1"] + 1}`, "40", { paste: true });
    const outcome = await host.validate(set);
    // The period Kiểm tra read back, for the pane's "So sánh với kỳ trước".
    expect(outcome.period).toMatchObject({ kind: "q1", year: 2026, from: "2025-12-15", to: "2026-03-14" });
    const reform = outcome.result.findings.filter((f) => f.check === "reform.value_after");
    expect(reform.map((f) => f.stt)).toEqual(["3.2.1"]);
    expect(renderFinding(reform[0])).toContain("Kỳ Quý I năm 2026 bắt đầu sau 30/6/2025");
    // 3.2's live formula shows 0 once 3.2.1 is typed: a computed value, not warned about (3.2.1 carries the warning).
    expect(outcome.result.findings.filter((f) => f.check === "reform.rightly_blank").map((f) => f.stt)).toEqual(["1.4.2", "3.2.2"]);
  });

  test("a 6 tháng 2024 workbook with the same value gets no reform finding", async () => {
    const { fake, host, set } = setup();
    await host.insertForms(set, ["BM3"], { ...header, period: "6m", year: 2024 });
    const layout = layoutOf("BM3");
    fake.setCellValue("Biểu mẫu 3", `D${layout.rowOfStt["3.2.1"] + 1}`, "40", { paste: true });
    const outcome = await host.validate(set);
    expect(outcome.result.findings.filter((f) => f.check.startsWith("reform."))).toEqual([]);
    expect(outcome.period).toMatchObject({ kind: "6t", year: 2024 });
  });
});
