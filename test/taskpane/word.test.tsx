/**
 * @jest-environment jsdom
 */
/** The pane's Word section: the appendix downloaded from the checked workbook, and a report's text cross-checked. */
import "../support/text-codec";
import { readFileSync } from "fs";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { builtinTemplateSet } from "../../src/forms";
import { recogniseWorkbook, validateForms } from "../../src/engine";
import { readDocx } from "../../src/io/docx-read";
import { vi } from "../../src/i18n/ui";
import { uiWordText } from "../../src/i18n/ui-word";
import type { PaneFiles } from "../../src/taskpane/word";
import { sampleInLayout, SAMPLE_DOCX } from "../support/sample";
import { fakeHost, outcomeOf } from "./fakeHost";
import { renderPane, stubResizeObserver } from "./pane";

const tw = uiWordText("vi");
const set = builtinTemplateSet();

beforeAll(stubResizeObserver);

function checkedHost() {
  const host = fakeHost();
  const recognition = recogniseWorkbook(set, sampleInLayout(set));
  const result = validateForms(set, recognition.forms);
  host.validate.mockResolvedValue(outcomeOf(result.findings, { recognition, result }));
  return host;
}

function renderChecked(files?: PaneFiles) {
  const host = checkedHost();
  renderPane(host, { lang: "vi", files });
  return host;
}

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

describe("the pane's Word section", () => {
  it("waits for a check, then downloads the appendix as a .docx with the checked values", async () => {
    const save = jest.fn<void, [string, Uint8Array, string]>();
    renderChecked({ save });
    expect(button(tw.downloadButton).disabled).toBe(true);
    expect(button(tw.reportButton).disabled).toBe(true);
    fireEvent.click(button(vi.validateButton));
    await waitFor(() => expect(button(tw.downloadButton).disabled).toBe(false));
    fireEvent.click(button(tw.downloadButton));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const [name, bytes, mime] = save.mock.calls[0];
    expect(name).toBe("Phu-luc.docx");
    expect(mime).toContain("wordprocessingml");
    const doc = readDocx(bytes, name);
    const tables = doc.blocks.filter((b) => b.kind === "table");
    expect(tables).toHaveLength(3);
    const text = JSON.stringify(doc.blocks);
    expect(text).toContain("96,55"); // BM3 3.2 computed from its parts
    expect(text).toContain("52.414");
    expect(await screen.findByText(tw.downloaded("Phu-luc.docx"))).toBeTruthy();
  });

  it("hides the download where the host cannot hand over a file", () => {
    renderChecked();
    expect(screen.queryByRole("button", { name: tw.downloadButton })).toBeNull();
    expect(screen.getByRole("button", { name: tw.reportButton })).toBeTruthy();
  });

  it("cross-checks a report's text and lists its findings beside the others", async () => {
    renderChecked();
    fireEvent.click(button(vi.validateButton));
    await waitFor(() => expect(button(tw.reportButton).disabled).toBe(false));
    const bytes = readFileSync(SAMPLE_DOCX);
    const file = new File([bytes], "bao-cao.docx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) });
    fireEvent.change(screen.getByTestId("word-report-file"), { target: { files: [file] } });
    expect(await screen.findByText(/Đã đối chiếu lời văn của bao-cao\.docx: 1 số liệu khác phụ lục, \d+ số liệu khớp/)).toBeTruthy();
    expect(screen.getAllByText(/ghi 107, nhưng phụ lục ghi 262/).length).toBeGreaterThan(0);
  });

  it("says why a report cannot be read", async () => {
    renderChecked();
    fireEvent.click(button(vi.validateButton));
    await waitFor(() => expect(button(tw.reportButton).disabled).toBe(false));
    const file = new File(["không phải Word"], "ghi-chu.docx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => new TextEncoder().encode("không phải Word").buffer });
    fireEvent.change(screen.getByTestId("word-report-file"), { target: { files: [file] } });
    expect((await screen.findByTestId("error")).textContent).toContain("ghi-chu.docx: không phải văn bản Word .docx");
  });
});
