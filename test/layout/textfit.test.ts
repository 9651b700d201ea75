import { columnWidthPt, heightForLines, lineHeightPt, planRowHeights, textWidthPt, wrappedLines } from "../../src/layout/textfit";

const f12 = { size: 12 };

describe("text width and wrapping (a typesetter's estimate)", () => {
  it("measures wide letters wider than narrow ones, bold wider than regular, and ignores Vietnamese marks", () => {
    expect(textWidthPt("mmmm", f12)).toBeGreaterThan(textWidthPt("iiii", f12));
    expect(textWidthPt("Số liệu", { size: 12, bold: true })).toBeGreaterThan(textWidthPt("Số liệu", f12));
    expect(textWidthPt("Hình thức khảo sát", f12)).toBeCloseTo(textWidthPt("Hinh thuc khao sat", f12), 5);
    // Times New Roman 12: "0" is 6 pt wide; ten of them with the estimate's margin.
    expect(textWidthPt("0000000000", f12)).toBeGreaterThanOrEqual(60);
    expect(textWidthPt("0000000000", f12)).toBeLessThan(66);
  });

  it("wraps words greedily, keeps explicit line breaks, breaks a word longer than the cell", () => {
    const w = columnWidthPt(14);
    expect(wrappedLines("Văn bản", f12, w)).toBe(1);
    expect(wrappedLines("Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", f12, w)).toBe(3);
    expect(wrappedLines("a\nb\nc", f12, w)).toBe(3);
    expect(wrappedLines("x".repeat(60), f12, w)).toBeGreaterThanOrEqual(3);
    expect(wrappedLines("", f12, w)).toBe(1);
  });

  it("gives Excel's default height for one line of Times New Roman 12 and grows by whole lines", () => {
    expect(lineHeightPt(12)).toBe(15.75);
    expect(heightForLines(3, 12) - heightForLines(2, 12)).toBeCloseTo(15.75, 1);
    expect(heightForLines(1000, 12)).toBe(409);
  });
});

describe("planRowHeights", () => {
  const long = "Thanh tra việc thực hiện quy định pháp luật về tuyển dụng, quản lý, sử dụng công chức, viên chức và tổ chức bộ máy";

  it("makes a wrapped row as tall as its tallest cell, and leaves one-line rows alone", () => {
    const h = planRowHeights(
      [
        { row: 0, col: 0, text: "1.", font: f12, wrap: true },
        { row: 0, col: 1, text: long, font: { size: 12, bold: true }, wrap: true },
        { row: 1, col: 1, text: "Ngắn", font: f12, wrap: true },
      ],
      [7, 50],
    );
    expect(h[0]).toBeGreaterThanOrEqual(heightForLines(3, 12));
    expect(h[1]).toBe(heightForLines(1, 12));
  });

  it("measures a merged cell across its columns, and unwrapped text as one line", () => {
    const cells = [{ row: 0, col: 0, text: long, font: f12, wrap: true }];
    const alone = planRowHeights(cells, [10, 40, 40])[0];
    const merged = planRowHeights(cells, [10, 40, 40], ["A1:C1"])[0];
    expect(merged).toBeLessThan(alone);
    expect(planRowHeights([{ ...cells[0], wrap: false }], [10])[0]).toBe(heightForLines(1, 12));
  });

  it("gives a merge over two rows its missing height on its last row", () => {
    const h = planRowHeights([{ row: 0, col: 0, text: long, font: f12, wrap: true }], [10], ["A1:A2"]);
    expect(h[0]).toBeUndefined();
    expect(h[1]).toBeGreaterThan(heightForLines(4, 12));
  });
});
