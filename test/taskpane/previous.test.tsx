/**
 * @jest-environment jsdom
 */
/**
 * "So sánh với kỳ trước" in the pane (#12): a previous report chosen as an .xlsx is read by the lean reader, its forms
 * and period recognised, and the comparison findings (rule ids `period.…`) join the check's list.
 */
import "../support/text-codec";
import ExcelJS from "exceljs";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { builtinTemplateSet } from "../../src/forms";
import { recogniseWorkbook, validateForms } from "../../src/engine";
import { reportPeriod, type Period } from "../../src/engine/periods";
import type { SheetGrid } from "../../src/engine/types";
import { uiPreviousText } from "../../src/i18n/ui-previous";
import { vi } from "../../src/i18n/ui";
import { loadSample, sampleAsPlainSheet, sampleInLayout } from "../support/sample";
import { fakeHost, outcomeOf } from "./fakeHost";
import { renderPane, stubResizeObserver } from "./pane";

const set = builtinTemplateSet();
const tp = uiPreviousText("vi");

beforeAll(stubResizeObserver);

/** The sample (BM1 1 = 17) open and checked in the fake Excel, as a workbook that states `period`. */
function renderChecked(period: Period | null) {
  const host = fakeHost();
  const recognition = recogniseWorkbook(set, sampleInLayout(set));
  const result = validateForms(set, recognition.forms, { period });
  host.validate.mockResolvedValue(outcomeOf(result.findings, { recognition, result, period }));
  renderPane(host);
  return host;
}

/** The same unit's earlier report as an .xlsx typed by hand, titled with its period, with BM1 1 = `bm1`. */
async function previousXlsx(title: string, bm1: string): Promise<Uint8Array> {
  const rows = loadSample().map((r) => (r.form === "BM1" && r.stt.replace(/[.,]$/, "") === "1" ? { ...r, value: bm1 } : r));
  const grid: SheetGrid = sampleAsPlainSheet("vi-VN", rows);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  ws.getCell(1, 1).value = `THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH HÀNH CHÍNH ${title}`;
  grid.cells.forEach((row, r) => {
    if (r === 0) return;
    (row ?? []).forEach((c, col) => {
      if (c && c.value !== null && c.value !== undefined) ws.getCell(r + 1, col + 1).value = c.value as ExcelJS.CellValue;
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function choose(bytes: Uint8Array, name: string): void {
  const file = new File([new Uint8Array(bytes)], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
  fireEvent.change(screen.getByTestId("previous-file"), { target: { files: [file] } });
}

async function check(): Promise<void> {
  const button = screen.getByRole("button", { name: tp.button }) as HTMLButtonElement;
  expect(button.disabled).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
  await waitFor(() => expect(button.disabled).toBe(false));
}

describe("the pane's comparison with the previous report", () => {
  test("a chosen Quý I file whose BM1 1 is larger than the open 6 tháng workbook's gives the accumulation warning", async () => {
    renderChecked(reportPeriod("6t", 2024));
    await check();
    expect(screen.queryByText(/nhỏ hơn 40/)).toBeNull();
    choose(await previousXlsx("QUÝ I NĂM 2024", "40"), "quy-1.xlsx");
    await waitFor(() => expect(screen.queryAllByTestId("notice").length + screen.queryAllByTestId("error").length).toBeGreaterThan(0), { timeout: 15_000 });
    const warning = await screen.findByText(/ghi 17, nhỏ hơn 40 của kỳ Quý I năm 2024 \(tệp quy-1\.xlsx\)/, {}, { timeout: 15_000 });
    expect(warning).toBeTruthy();
    const notice = screen.getAllByTestId("notice").map((n) => n.textContent).join("\n");
    expect(notice).toContain("Đã so sánh với quy-1.xlsx (Quý I năm 2024; kỳ này: 6 tháng đầu năm 2024): 1 cảnh báo");
  });

  test("a smaller Quý I figure, or a Quý III file (not contained in 6 tháng), gives no accumulation warning", async () => {
    renderChecked(reportPeriod("6t", 2024));
    await check();
    choose(await previousXlsx("QUÝ I NĂM 2024", "5"), "quy-1.xlsx");
    await waitFor(() => expect(screen.getAllByTestId("notice").map((n) => n.textContent).join("")).toContain("Đã so sánh với quy-1.xlsx"), { timeout: 15_000 });
    expect(screen.queryByText(/ghi 17, nhỏ hơn/)).toBeNull();
    choose(await previousXlsx("QUÝ III NĂM 2023", "40"), "quy-3.xlsx");
    await waitFor(() => expect(screen.getAllByTestId("notice").map((n) => n.textContent).join("")).toContain("Đã so sánh với quy-3.xlsx (Quý III năm 2023"), { timeout: 15_000 });
    expect(screen.queryByText(/nhỏ hơn 40/)).toBeNull();
  });

  test("a damaged file: one sentence in the error bar, no findings added", async () => {
    renderChecked(reportPeriod("6t", 2024));
    await check();
    choose(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "hong.xlsx");
    const error = await screen.findByTestId("error", {}, { timeout: 15_000 });
    expect(error.textContent).toContain("Không đọc được báo cáo kỳ trước hong.xlsx: tệp .xlsx bị hỏng");
    expect(screen.queryByText(/kỳ trước/, { selector: "li *" })).toBeNull();
  });
});
