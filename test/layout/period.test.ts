import { builtinTemplateSet } from "../../src/forms";
import { planSheet } from "../../src/layout/plan";
import { headerPeriod } from "../../src/layout/period";

const set = builtinTemplateSet();
const bm3 = set.forms.find((f) => f.id === "BM3")!;
const textCell = (layout: ReturnType<typeof planSheet>, stt: string) =>
  layout.cells.find((c) => c.row === layout.rowOfStt[stt] && c.col === layout.columns.text)!;

describe("the layout and the period", () => {
  it("states an official period with its cut-off dates, and an unofficial one by name only", () => {
    const meta = (header: Parameters<typeof planSheet>[2]) => planSheet(set, bm3, header).cells.find((c) => c.style === "meta")!.value;
    expect(meta({ period: "q3", year: 2025 })).toContain("Kỳ báo cáo: Quý III năm 2025 (số liệu từ 15/6/2025 đến 14/9/2025)");
    expect(meta({ period: "9m", year: 2025 })).toContain("Kỳ báo cáo: 9 tháng năm 2025");
    expect(headerPeriod({ period: "q2", year: 2025 })).toBeNull();
  });

  it("marks the cấp huyện rows (†, footnote), greys them only for a period after 30/6/2025, never removes them", () => {
    const before = planSheet(set, bm3, { period: "6m", year: 2024 });
    const after = planSheet(set, bm3, { period: "q1", year: 2026 });
    for (const layout of [before, after]) {
      expect(Object.keys(layout.rowOfStt).sort()).toEqual(bm3.rows.map((r) => r.stt).sort());
      expect(textCell(layout, "3.2.1").value).toMatch(/ †$/);
      expect(textCell(layout, "3.1.1").value).not.toMatch(/†/);
    }
    expect(textCell(before, "3.2.1").style).toBe("text");
    expect(textCell(after, "3.2.1").style).toBe("reformText");
    expect(after.styles.reformText.font.color).toBe("#808080");
    expect(textCell(after, "3.1.1").style).toBe("text");
    // BM7 2 is still reported after the reform (only its coding predates it): marked, not greyed.
    const bm7 = planSheet(set, set.forms.find((f) => f.id === "BM7")!, { period: "q1", year: 2026 });
    expect(textCell(bm7, "2").value).toMatch(/ †$/);
    expect(textCell(bm7, "2").style).toBe("text");
    expect(textCell(bm7, "5.1.3").style).toBe("reformText");
  });
});
