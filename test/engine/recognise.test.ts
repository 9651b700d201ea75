import { builtinTemplateSet } from "../../src/forms";
import { checkWorkbook, recogniseWorkbook, type CellInput, type SheetGrid } from "../../src/engine";
import { foldText, MAX_TOKEN_IDS, mayBeLabel, tokenTableSize } from "../../src/engine/recognise";
import { loadSample, sampleAsPlainSheet, sampleInLayout } from "../support/sample";

const set = builtinTemplateSet();
const bm3Rows = loadSample().filter((r) => r.form === "BM3");

function table(rows: typeof bm3Rows, edit: (r: (typeof bm3Rows)[number]) => CellInput[] | null = (r) => [
  { value: r.sttAsTyped }, { value: r.text }, { value: r.unit }, { value: r.value || null }, { value: r.note || null },
]): SheetGrid {
  const cells: CellInput[][] = [[{ value: "STT" }, { value: "Chỉ tiêu thống kê" }, { value: "Đơn vị tính" }, { value: "Số liệu" }, { value: "Ghi chú" }]];
  for (const r of rows) {
    const line = edit(r);
    if (line) cells.push(line);
  }
  return { sheet: "Sheet1", cells };
}

describe("form recognition", () => {
  it("finds a table whatever the STT style: '1,' vs '1.' vs '1'", () => {
    for (const style of [(s: string) => s.replace(/[.,]$/, ""), (s: string) => s.replace(/,$/, "."), (s: string) => `${s.replace(/[.,]$/, "")}.`]) {
      const g = table(bm3Rows, (r) => [{ value: style(r.sttAsTyped) }, { value: r.text }, { value: r.unit }, { value: r.value || null }]);
      const { forms } = recogniseWorkbook(set, [g]);
      expect(forms.map((f) => [f.formId, f.matched])).toEqual([["BM3", 25]]);
    }
  });

  it("reads indicator texts in NFD and with extra spaces as the same text", () => {
    const g = table(bm3Rows, (r) => [{ value: r.sttAsTyped }, { value: `  ${r.text.normalize("NFD")}  ` }, { value: r.unit }, { value: r.value || null }]);
    expect(recogniseWorkbook(set, [g]).forms[0].matched).toBe(25);
  });

  it("skips extra blank rows and rows inserted by the clerk, and says what it did not know", () => {
    const g = table(bm3Rows);
    const cells = g.cells.map((r) => r.slice());
    cells.splice(5, 0, [], [], [{ value: "1.5" }, { value: "Dòng do đơn vị tự thêm" }, { value: "Thủ tục" }, { value: 3 }]);
    const r = recogniseWorkbook(set, [{ sheet: "Sheet1", cells }]);
    expect(r.forms[0].matched).toBe(25);
    expect(r.findings.filter((f) => f.check === "form.row_unknown").map((f) => f.stt)).toEqual(["1.5"]);
    // Values are read from the right rows after the insertion.
    const { result } = checkWorkbook(set, [{ sheet: "Sheet1", cells }]);
    expect(result.findings.filter((f) => f.severity === "error").map((f) => f.stt)).toEqual(["3.2"]);
  });

  it("says which row is missing when the clerk deleted one", () => {
    const r = recogniseWorkbook(set, [table(bm3Rows.filter((x) => x.stt !== "2.3"))]);
    expect(r.forms[0].matched).toBe(24);
    expect(r.findings.filter((f) => f.check === "form.row_missing").map((f) => [f.stt, f.severity])).toEqual([["2.3", "warning"]]);
  });

  it("finds a renumbered row by its text", () => {
    const r = recogniseWorkbook(set, [table(bm3Rows, (x) => [{ value: x.stt === "2.3" ? "2.4." : x.sttAsTyped }, { value: x.text }, { value: x.unit }, { value: x.value || null }])]);
    expect(r.forms[0].matched).toBe(25);
    expect(r.findings.filter((f) => f.check === "form.text_differs").map((f) => f.stt)).toEqual(["2.3"]);
  });

  it("finds the table anywhere on the sheet (shifted right and down), and uses the header to find 'Số liệu'", () => {
    const g = table(bm3Rows, (r) => [{ value: null }, { value: r.sttAsTyped }, { value: r.text }, { value: r.unit }, { value: "x" }, { value: r.value || null }]);
    g.cells = [[], [{ value: "BÁO CÁO" }], ...g.cells.map((row, i) => (i === 0 ? [{ value: null }, { value: "STT" }, { value: "Chỉ tiêu" }, { value: "Đơn vị tính" }, { value: "Mã" }, { value: "Số liệu" }] : row))];
    const { forms } = recogniseWorkbook(set, [g]);
    expect(forms[0].columns).toMatchObject({ stt: 1, text: 2, value: 5 });
    expect(forms[0].rows["3.2"]!.address).toMatch(/^F\d+$/);
  });

  it("splits one sheet holding the whole appendix into its three forms", () => {
    const { forms } = recogniseWorkbook(set, [sampleAsPlainSheet()]);
    expect(forms.map((f) => f.formId)).toEqual(["BM1", "BM3", "BM7"]);
  });

  it("finds tagged sheets after a rename, and skips the results sheet and report copies", () => {
    const grids = sampleInLayout(set).map((g, i) => ({ ...g, sheet: i === 0 ? "Chỉ đạo điều hành" : g.sheet }));
    grids.push({ sheet: "Kết quả kiểm tra", cells: sampleAsPlainSheet().cells });
    grids.push({ sheet: "Biểu mẫu 3 - bản in", cells: grids[1].cells });
    const r = recogniseWorkbook(set, grids);
    expect(r.forms.map((f) => [f.formId, f.sheet, f.tagged])).toEqual([
      ["BM1", "Chỉ đạo điều hành", true], ["BM3", "Biểu mẫu 3", true], ["BM7", "Biểu mẫu 7", true],
    ]);
  });

  it("reports sheets with no form, and a second copy of a form", () => {
    const grids = [...sampleInLayout(set), { sheet: "Ghi chép", cells: [[{ value: "Ghi chép riêng" }]] }, { ...sampleInLayout(set)[1], sheet: "Biểu mẫu 3 (2)" }];
    const r = recogniseWorkbook(set, grids);
    expect(r.unrecognisedSheets).toEqual(["Ghi chép"]);
    expect(r.findings.filter((f) => f.check === "form.duplicate")).toMatchObject([{ form: "BM3", sheet: "Biểu mẫu 3 (2)" }]);
  });
});

describe("several tables on one sheet", () => {
  it("reads each table through its own header (a column inserted before 'Số liệu' in BM3 only)", () => {
    const g = sampleAsPlainSheet();
    const label = g.cells.findIndex((r) => r[0]?.value === "Biểu mẫu 3");
    const next = g.cells.findIndex((r) => r[0]?.value === "Biểu mẫu 7");
    const cells = g.cells.map((r, i) => (i > label && i < next ? [...r.slice(0, 3), { value: i === label + 1 ? "Mã" : null }, ...r.slice(3)] : r));
    const { recognition, result } = checkWorkbook(set, [{ sheet: g.sheet, cells }]);
    const bm3 = recognition.forms.find((f) => f.formId === "BM3")!;
    expect(bm3.columns.value).toBe(4);
    expect(bm3.headerRow).toBe(label + 1);
    expect(recognition.forms.find((f) => f.formId === "BM1")!.headerRow).not.toBe(bm3.headerRow);
    expect(result.findings.filter((f) => f.severity === "error").map((f) => [f.form, f.stt, f.cell])).toEqual([["BM3", "3.2", expect.stringMatching(/^E\d+$/)]]);
  });
});

describe("an office's form whose rows are printed a), b)", () => {
  it("matches them by their printed STT", () => {
    const bm1 = set.forms[0];
    const office = { ...set, forms: [{ ...bm1, rows: bm1.rows.map((r) => (r.stt === "2.1" ? { ...r, stt_as_printed: "a)" } : r.stt === "2.2" ? { ...r, stt_as_printed: "b)" } : r)) }, ...set.forms.slice(1)] };
    const rows = loadSample().filter((r) => r.form === "BM1").map((r) => ({ ...r, sttAsTyped: r.stt === "2.1" ? "a)" : r.stt === "2.2" ? "b)" : r.sttAsTyped, value: r.stt === "2" ? "90" : r.value }));
    const { recognition, result } = checkWorkbook(office, [sampleAsPlainSheet("vi-VN", rows)]);
    expect(recognition.forms[0]).toMatchObject({ formId: "BM1", matched: 22 });
    expect(result.findings.filter((f) => f.severity === "error").map((f) => [f.stt, f.check])).toEqual([["2", "rate.mismatch"]]);
  });
});

describe("a long batch of odd files", () => {
  it("recognises the sample the same after 60,000 distinct new words have filled and reset the token table", () => {
    const set = builtinTemplateSet();
    const before = JSON.stringify(checkWorkbook(set, [sampleAsPlainSheet()]).recognition.forms.map((f) => [f.formId, f.matched]));
    // Tables of junk indicators: each sheet brings 1,000 words never seen before.
    for (let s = 0; s < 60; s++) {
      const cells: Array<Array<CellInput | null>> = Array.from({ length: 1000 }, (_, i) => [
        { value: String(i + 1) },
        { value: `zq${s}x${i} chỉ tiêu lạ ${s * 1000 + i}` },
        { value: "Văn bản" },
        { value: i },
      ]);
      recogniseWorkbook(set, [{ sheet: `rac-${s}`, cells }]);
      // Bounded: the table starts afresh rather than hold every word of a long batch.
      expect(tokenTableSize()).toBeLessThanOrEqual(MAX_TOKEN_IDS + 4_000);
    }
    const after = checkWorkbook(set, [sampleAsPlainSheet()]);
    expect(JSON.stringify(after.recognition.forms.map((f) => [f.formId, f.matched]))).toBe(before);
    expect(after.result.findings.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual(["BM3.3.2.rate"]);
  });
});

describe("a table with thousands of rows the form does not have", () => {
  it("says the first hundred one by one and counts the rest in one finding from the next row down", () => {
    const set = builtinTemplateSet();
    const grid = sampleAsPlainSheet();
    const width = Math.max(...grid.cells.map((r) => r?.length ?? 0));
    // The last row pasted 300 times more below itself (a table dragged down by mistake).
    const last = grid.cells[grid.cells.length - 1]!;
    const junk = Array.from({ length: 300 }, () => last.slice(0, width));
    const { recognition } = checkWorkbook(set, [{ ...grid, cells: [...grid.cells, ...junk] }]);
    const unknown = recognition.findings.filter((f) => f.check === "form.row_unknown");
    const more = recognition.findings.filter((f) => f.check === "form.rows_unknown_more");
    expect(unknown).toHaveLength(100);
    expect(more).toHaveLength(1);
    expect(more[0].params.count).toEqual({ dec: "200" });
    expect(more[0].stt).toBe(String(last[0]!.value).replace(/\.$/, ""));
    // The row itself is matched; its copies below are not in the form, the 101st of them onwards counted.
    expect(unknown[0].cell).toBe(`A${grid.cells.length + 1}`);
    expect(more[0].cell).toBe(`A${grid.cells.length + 101}`);
    expect(recognition.forms.map((f) => f.formId)).toEqual(["BM1", "BM3", "BM7"]);
  });
});

describe("the label filter ('Biểu mẫu N' sought only where the text may fold to it)", () => {
  const labels = [
    "Biểu mẫu 3", "  BIỂU MẪU SỐ 7", "<b>Biểu mẫu 1</b>", "<i>Biểu mẫu 1</i>", "(Biểu mẫu 1)", "“Biểu mẫu 2”", "Biểu mẫu1",
    "Biểu mẫu 3".normalize("NFD"), "- Bieu mau 7:", "\u00a0Biểu mẫu 3",
  ];
  const others = ["Số văn bản ban hành", "Có = 1; Không = 0", "1.1", "%", "Tỷ lệ TTHC", "Chỉ tiêu thống kê", "12 Biểu mẫu"];

  it("never rules out a text that folds to a label", () => {
    for (const s of [...labels, ...others]) if (/^bieu mau/.test(foldText(s))) expect([s, mayBeLabel(s)]).toEqual([s, true]);
    expect(labels.every((s) => /^bieu mau/.test(foldText(s)))).toBe(true);
  });

  it("rules out texts whose first letter is not a b", () => {
    expect(others.map(mayBeLabel)).toEqual(others.map(() => false));
  });
});
