/**
 * @jest-environment jsdom
 */
/**
 * Learning a template set in the task pane: from a picked .docx and from the active sheet, the review with a checkbox
 * per inferred relation, and the set stored with the workbook only when the reviewer presses the button.
 */
import "../support/text-codec";
import { readFileSync } from "fs";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { parseTemplateSetText } from "../../src/forms/load";
import { learnPaneText, learnText } from "../../src/i18n/learn";
import { learnPeriodText } from "../../src/i18n/learn-periods";
import { documentProblemText } from "../../src/i18n/io";
import type { SheetGrid } from "../../src/engine/types";
import { cliText } from "../../src/i18n/cli";
import ExcelJS from "exceljs";
import { compoundFile } from "../cli/cfb";
import { fakeHost, type MockHost } from "./fakeHost";
import { renderPane, stubResizeObserver } from "./pane";
import { SAMPLE_DOCX } from "../support/sample";

const p = learnPaneText("vi");

beforeAll(stubResizeObserver);


function pick(bytes: Uint8Array, name: string): void {
  const file = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  fireEvent.change(screen.getByTestId("learn-file"), { target: { files: [file] } });
}

const storedSet = (host: MockHost) => parseTemplateSetText(host.storeTemplateSet.mock.calls.at(-1)![0] as string);

describe("learning a template set in the pane", () => {
  test("happy path: the real report's review, one relation dropped, the rest stored with the workbook and used", async () => {
    const host = fakeHost();
    renderPane(host);
    pick(new Uint8Array(readFileSync(SAMPLE_DOCX)), "quang-tri-2024-6t.docx");
    // Reading a 170 kB document in jsdom on a shared machine can take over the default second.
    const review = await screen.findByTestId("learn-review", {}, { timeout: 15_000 });
    expect(review.textContent).toContain("Biểu mẫu 3: Cải cách thủ tục hành chính (Bảng 2, dòng 3–27)");
    expect(review.textContent).toContain("4.1 (Bảng 1, dòng 14)");
    expect(host.storeTemplateSet).not.toHaveBeenCalled();

    const box = screen.getByTestId("keep-BM3.3.2.rate") as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(review.textContent).toContain(p.kept(25, 26));
    // The period proposals have their own checkboxes: dropping BM3 3.2.1's date keeps its accumulates.
    expect(review.textContent).toContain("đề xuất về kỳ báo cáo (suy luận");
    fireEvent.click(screen.getByTestId("keep-BM3.3.2.1.until"));
    expect(review.textContent).toContain(learnPeriodText("vi").kept(35, 36));
    fireEvent.click(screen.getByTestId("learn-store"));

    await waitFor(() => expect(host.storeTemplateSet).toHaveBeenCalled());
    const set = storedSet(host);
    const bm3 = set.forms.find((f) => f.id === "BM3")!;
    expect(bm3.rules.map((r) => r.id)).not.toContain("BM3.3.2.rate");
    expect(bm3.rules.map((r) => r.id)).toContain("BM3.3.1.rate");
    expect(bm3.rows.find((r) => r.stt === "3.2.1")).toMatchObject({ accumulates: true, accumulates_source: "inferred" });
    expect(bm3.rows.find((r) => r.stt === "3.2.1")!.applies_until).toBeUndefined();
    expect(bm3.rows.find((r) => r.stt === "3.2.2")!.applies_until).toBe("2025-06-30");
    expect(set.learned_from?.doc_number).toBe("1125/BC-VP");
    await waitFor(() => expect(screen.getByTestId("set-origin").textContent).toBe("1125-BC-VP-2024-06-14"));
  });

  test("from the active sheet: the pasted table is learned with its sheet rows", async () => {
    const host = fakeHost();
    const text = (s: string) => (s ? { value: s, text: s } : null);
    const rows = [["Biểu mẫu 2"], ["Cải cách thể chế"], [], ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"], ["1", "Số văn bản QPPL đã ban hành", "Văn bản", ""]];
    const grid: SheetGrid = { sheet: "Trang tính1", cells: rows.map((r) => r.map(text)), origin: { row: 0, col: 0 } };
    host.readActiveSheet.mockResolvedValue(grid);
    renderPane(host);
    fireEvent.click(screen.getByTestId("learn-sheet"));
    const review = await screen.findByTestId("learn-review");
    expect(review.textContent).toContain("Biểu mẫu 2: Cải cách thể chế (trang tính “Trang tính1”, dòng 5)");
    fireEvent.click(screen.getByTestId("learn-store"));
    await waitFor(() => expect(host.storeTemplateSet).toHaveBeenCalled());
    expect(storedSet(host).learned_from).toMatchObject({ file: "Trang tính1", format: "sheet" });
  });

  test("from a chosen .xlsx template: every sheet's form learned directly through the lean reader, the same review", async () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet("Mau 2");
    for (const r of [["Biểu mẫu 2"], ["Cải cách thể chế"], [], ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu"], ["1", "Số văn bản QPPL đã ban hành", "Văn bản", ""]])
      a.addRow(r);
    const b = wb.addWorksheet("Mau 9");
    for (const r of [["Biểu mẫu 9"], ["Tuyên truyền cải cách hành chính"], ["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"], ["1", "Tổng số hội nghị tuyên truyền", "Hội nghị", ""], ["2", "Có chuyên mục CCHC trên cổng thông tin (Có = 1; Không = 0)", "", ""]])
      b.addRow(r);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const host = fakeHost();
    renderPane(host);
    pick(bytes, "mau-tinh.xlsx");
    const review = await screen.findByTestId("learn-review", {}, { timeout: 15_000 });
    expect(review.textContent).toContain("Biểu mẫu 2: Cải cách thể chế (trang tính “Mau 2”, dòng 5)");
    expect(review.textContent).toContain("Biểu mẫu 9: Tuyên truyền cải cách hành chính");
    expect(host.storeTemplateSet).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId("learn-store"));
    await waitFor(() => expect(host.storeTemplateSet).toHaveBeenCalled());
    const set = storedSet(host);
    expect(set.learned_from).toMatchObject({ file: "mau-tinh.xlsx", format: "xlsx" });
    expect(set.forms.map((f) => f.id)).toEqual(["BM2", "BM9"]);
    expect(set.forms[1].rows.find((r) => r.stt === "2")).toMatchObject({ kind: "code" });
  });

  test("given a .doc, a damaged .xlsx or an empty sheet: one sentence, nothing stored", async () => {
    const host = fakeHost();
    renderPane(host);
    pick(compoundFile(["WordDocument"]), "cu.doc");
    expect((await screen.findByTestId("learn-error")).textContent).toBe(p.failed("cu.doc", documentProblemText("doc", "vi")));
    pick(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "mau.xlsx");
    await waitFor(() => expect(screen.getByTestId("learn-error").textContent).toBe(p.failed("mau.xlsx", cliText("vi").readProblem("corrupt"))));
    host.readActiveSheet.mockResolvedValue({ sheet: "Sheet1", cells: [[{ value: "STT" }, { value: "Chỉ tiêu" }], [{ value: "1" }, { value: "Số văn bản" }]] });
    fireEvent.click(screen.getByTestId("learn-sheet"));
    await waitFor(() => expect(screen.getByTestId("learn-error").textContent).toBe(p.failed("Sheet1", learnText("vi").problem("no_label"))));
    expect(host.storeTemplateSet).not.toHaveBeenCalled();
  });
});
