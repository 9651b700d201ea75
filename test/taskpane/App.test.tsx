/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { HostError, type ValidateOutcome } from "../../src/excel/host";
import type { Finding } from "../../src/engine/types";
import { builtinTemplateSet } from "../../src/forms";
import { renderFinding } from "../../src/i18n/findings";
import { vi, en } from "../../src/i18n/ui";
import { fakeHost, outcomeOf } from "./fakeHost";
import { checkWorkbook } from "../../src/engine";
import { FIX_TEXT } from "../../src/i18n/fixes";
import { sampleInLayout } from "../support/sample";
import { renderPane, stubResizeObserver } from "./pane";

beforeAll(stubResizeObserver);


function pickFile(text: string, name = "bo-bieu-mau-tinh.json"): void {
  const input = screen.getByTestId("set-file") as HTMLInputElement;
  const file = new File([text], name, { type: "application/json" });
  // jsdom's File has no text() in every version; give it one that reads what we put in.
  Object.defineProperty(file, "text", { value: async () => text });
  fireEvent.change(input, { target: { files: [file] } });
}

const rateError: Finding = {
  rule: "BM3.3.2.rate",
  check: "rate.mismatch",
  severity: "error",
  form: "BM3",
  stt: "3.2",
  sheet: "Biểu mẫu 3",
  cell: "D27",
  value: "98,57",
  expected: "96.55",
  params: { reported: { dec: "98.57" }, numerator: { dec: "9751" }, denominator: { dec: "10099" }, expected: { dec: "96.55" } },
};
const countWarning: Finding = {
  rule: "BM3.3.2.1.count",
  check: "count.thousands_separator",
  severity: "warning",
  form: "BM3",
  stt: "3.2.1",
  sheet: "Biểu mẫu 3",
  cell: "D28",
  value: "10,099",
  params: { typed: "10,099", unit: "Hồ sơ", reading: { dec: "10099" }, confirmedBy: "3.2" },
};
const bm1Info: Finding = {
  rule: "BM1.6.when",
  check: "when.rightly_blank",
  severity: "info",
  form: "BM1",
  stt: "6.1",
  sheet: "Biểu mẫu 1",
  cell: "D25",
  params: { condition: "6", conditionValue: { dec: "0" }, meaning: "Không" },
  inferred: true,
};

describe("task pane", () => {
  test("happy path: lists the set's forms, all selected, and the missing forms 2, 4, 5, 6 as unavailable", async () => {
    const host = fakeHost();
    renderPane(host);
    await waitFor(() => expect(host.loadStoredTemplateSet).toHaveBeenCalled());
    const set = builtinTemplateSet();
    for (const form of set.forms) {
      const box = screen.getByTestId(`form-${form.id}`);
      expect((box as HTMLInputElement).checked).toBe(true);
      expect(screen.getByText(vi.formLabel(form.number, form.title))).toBeTruthy();
    }
    for (const n of [2, 4, 5, 6]) {
      const missing = screen.getByTestId(`missing-${n}`);
      expect(within(missing).getByText(vi.formUnavailable)).toBeTruthy();
      expect(within(missing).queryByRole("checkbox")).toBeNull();
    }
    expect(screen.getByTestId("set-status").textContent).toBe(vi.setBuiltin(set.template_set));
  });

  test("inserts the chosen forms with the header filled once", async () => {
    const host = fakeHost();
    renderPane(host);
    fireEvent.click(screen.getByTestId("form-all")); // none
    fireEvent.click(screen.getByTestId("form-BM3"));
    fireEvent.change(screen.getByLabelText(vi.headerUnit), { target: { value: "UBND tỉnh Quảng Trị" } });
    fireEvent.change(screen.getByLabelText(vi.headerReportNumber), { target: { value: "1125/BC-VP" } });
    fireEvent.change(screen.getByLabelText(vi.headerReportDate), { target: { value: "14/6/2024" } });
    fireEvent.change(screen.getByLabelText(vi.headerPeriod), { target: { value: "6m" } });
    fireEvent.change(screen.getByLabelText(vi.headerYear), { target: { value: "2024" } });
    fireEvent.click(screen.getByRole("button", { name: vi.insertButton }));
    await screen.findByText(vi.inserted(["Biểu mẫu 3"]));
    expect(host.insertForms).toHaveBeenCalledWith(
      builtinTemplateSet(),
      ["BM3"],
      { unit: "UBND tỉnh Quảng Trị", reportNumber: "1125/BC-VP", reportDate: "14/6/2024", period: "6m", year: 2024 },
      { loadedSet: false },
    );
  });

  test("given no form selected, insert says so and does not call the host", async () => {
    const host = fakeHost();
    renderPane(host);
    fireEvent.click(screen.getByTestId("form-all"));
    fireEvent.click(screen.getByRole("button", { name: vi.insertButton }));
    await screen.findByText(vi.insertNothingSelected);
    expect(host.insertForms).not.toHaveBeenCalled();
  });

  test("a form already in the workbook is reported as added as a copy", async () => {
    const host = fakeHost();
    host.insertForms.mockResolvedValue({ sheets: ["Biểu mẫu 1 (2)"], copies: ["Biểu mẫu 1 (2)"] });
    renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.insertButton }));
    await screen.findByText(vi.insertedCopies(["Biểu mẫu 1 (2)"]));
  });

  test("validate: findings grouped by form and severity; clicking one selects its cell", async () => {
    const host = fakeHost();
    host.validate.mockResolvedValue(outcomeOf([rateError, countWarning, bm1Info]));
    renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
    await screen.findByText(vi.validated({ error: 1, warning: 1, info: 1 }));

    const bm3Errors = screen.getByTestId("findings-BM3-error");
    expect(within(bm3Errors).getByText(`${vi.severity.error} (1)`)).toBeTruthy();
    const message = within(bm3Errors).getByText(renderFinding(rateError, "vi"));
    expect(within(screen.getByTestId("findings-BM3-warning")).getByText(renderFinding(countWarning, "vi"))).toBeTruthy();
    // BM1 has information only: its group and its information start folded; opening them shows the finding.
    expect(screen.queryByTestId("findings-BM1-info")).toBeNull();
    const bm1Title = vi.formLabel(1, builtinTemplateSet().forms[0].title);
    fireEvent.click(screen.getByRole("button", { name: (name) => name.startsWith(bm1Title) }));
    const info = screen.getByTestId("findings-BM1-info");
    expect(within(info).queryByText(renderFinding(bm1Info, "vi"))).toBeNull();
    fireEvent.click(within(info).getByRole("button", { name: (name) => name.startsWith(`${vi.severity.info} (1)`) }));
    expect(within(info).getByText(vi.findingInferred)).toBeTruthy();
    expect(within(info).getByText(renderFinding(bm1Info, "vi"))).toBeTruthy();
    // Forms in the set's order: BM1 before BM3.
    const groups = screen.getAllByTestId(/^findings-BM\d-/).map((el) => el.getAttribute("data-testid"));
    expect(groups).toEqual(["findings-BM1-info", "findings-BM3-error", "findings-BM3-warning"]);

    fireEvent.click(message);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("Biểu mẫu 3", "D27"));
  });

  test("validate with nothing to report says so", async () => {
    const host = fakeHost();
    const form = { formId: "BM3", sheet: "Biểu mẫu 3" } as unknown as ValidateOutcome["recognition"]["forms"][number];
    host.validate.mockResolvedValue(outcomeOf([], { recognition: { forms: [form], findings: [], unrecognisedSheets: [] } }));
    renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
    await screen.findByText(vi.noFindings);
    expect(screen.queryByTestId("no-forms")).toBeNull();
  });

  test("a workbook with no form is not “no errors”: the pane says no form was found and how to add one", async () => {
    const host = fakeHost();
    renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
    expect((await screen.findByTestId("no-forms")).textContent).toContain(vi.noFormsFound);
    expect(screen.queryByText(vi.noFindings)).toBeNull();
  });

  test("English counts agree in number", () => {
    expect(en.validated({ error: 1, warning: 2, info: 0 })).toBe("Validated: 1 error, 2 warnings, 0 notes.");
  });

  test("clear and report copies call the host and report back", async () => {
    const host = fakeHost();
    renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.clearButton }));
    await screen.findByText(vi.cleared);
    expect(host.clearChecks).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: vi.reportCopiesButton }));
    await screen.findByText(vi.reportCopiesMade(["BM3 (bản sạch)"]));
  });

  test("given a host error, shows its Vietnamese message in an error bar", async () => {
    const host = fakeHost();
    host.validate.mockRejectedValue(new HostError("Trang tính \"Biểu mẫu 3\" đang được bảo vệ"));
    renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain('Trang tính "Biểu mẫu 3" đang được bảo vệ');
  });

  test("given a bad template-set file, lists the Vietnamese problems and keeps the set in use", async () => {
    const host = fakeHost();
    renderPane(host);
    const bad = builtinTemplateSet();
    pickFile(JSON.stringify({ ...bad, forms: [{ ...bad.forms[0], rows: [{ ...bad.forms[0].rows[0], kind: "số" }] }] }));
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain(vi.setInvalid);
    expect(bar.textContent).toContain("forms[0].rows[0].kind");
    expect(host.storeTemplateSet).not.toHaveBeenCalled();
    expect(screen.getByTestId("set-status").textContent).toBe(vi.setBuiltin(bad.template_set));
  });

  test("given invalid JSON, says the file is not JSON", async () => {
    const host = fakeHost();
    renderPane(host);
    pickFile("{ not json");
    const bar = await screen.findByTestId("error");
    expect(bar.textContent).toContain("không phải JSON hợp lệ");
  });

  test("loads an office's template set, keeps it with the workbook and labels its inferred rows", async () => {
    const host = fakeHost();
    renderPane(host);
    const base = builtinTemplateSet();
    const own = {
      ...base,
      template_set: "QT-2025",
      forms: [
        ...base.forms,
        {
          id: "BM2",
          number: 2,
          title: "Cải cách thể chế",
          source: "province: bộ biểu mẫu của tỉnh",
          rows: [
            { stt: "1", text: "Số văn bản QPPL được ban hành", unit: "Văn bản", kind: "count", source: "province" },
            { stt: "2", text: "Số văn bản được rà soát", unit: "Văn bản", kind: "count", source: "inferred" },
          ],
          rules: [],
        },
      ],
    };
    const text = JSON.stringify(own);
    pickFile(text, "quang-tri-2025.json");
    await screen.findByText(vi.setLoaded("QT-2025", "quang-tri-2025.json"));
    expect(host.storeTemplateSet).toHaveBeenCalledWith(text);
    expect(screen.getByText(vi.setStored)).toBeTruthy();
    expect(screen.getByTestId("inferred-BM2").textContent).toBe(vi.inferredBadge(1, 0));
    expect(screen.queryByTestId("missing-2")).toBeNull(); // the loaded set has form 2
    expect((screen.getByTestId("form-BM2") as HTMLInputElement).checked).toBe(true);

    const insert = screen.getByRole("button", { name: vi.insertButton }) as HTMLButtonElement;
    await waitFor(() => expect(insert.disabled).toBe(false));
    fireEvent.click(insert);
    await waitFor(() => expect(host.insertForms).toHaveBeenCalled());
    expect(host.insertForms.mock.calls[0][1]).toEqual(["BM1", "BM3", "BM7", "BM2"]);
    expect(host.insertForms.mock.calls[0][3]).toEqual({ loadedSet: true });

    const useBuiltin = screen.getByRole("button", { name: vi.setUseBuiltin }) as HTMLButtonElement;
    await waitFor(() => expect(useBuiltin.disabled).toBe(false));
    fireEvent.click(useBuiltin);
    await waitFor(() => expect(host.storeTemplateSet).toHaveBeenLastCalledWith(null));
    await screen.findByText(vi.setBuiltin(base.template_set));
  });

  test("a template set kept with the workbook is used on opening", async () => {
    const host = fakeHost();
    host.loadStoredTemplateSet.mockResolvedValue(JSON.stringify({ ...builtinTemplateSet(), template_set: "QT-2025" }));
    renderPane(host);
    await screen.findByText(vi.setLoadedFromWorkbook("QT-2025"));
    fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
    await waitFor(() => expect(host.validate).toHaveBeenCalled());
    expect(host.validate.mock.calls[0][0].template_set).toBe("QT-2025");
  });

  test("given missing capabilities, says so in Vietnamese and the rest keeps working", async () => {
    const host = fakeHost({ validate: false, settings: false });
    renderPane(host);
    expect(screen.getByTestId("capability-validate").textContent).toBe(vi.capabilityMissing.validate);
    expect(screen.getByTestId("capability-settings").textContent).toBe(vi.capabilityMissing.settings);
    expect((screen.getByRole("button", { name: vi.validateButton }) as HTMLButtonElement).disabled).toBe(true);
    expect(host.loadStoredTemplateSet).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: vi.insertButton }));
    await screen.findByText(vi.inserted(["Biểu mẫu 1", "Biểu mẫu 3", "Biểu mẫu 7"]));
    pickFile(JSON.stringify({ ...builtinTemplateSet(), template_set: "QT-2025" }));
    await screen.findByText(vi.setNotStored);
    expect(host.storeTemplateSet).not.toHaveBeenCalled();
  });

  test("in English when Office is not in Vietnamese", async () => {
    const host = fakeHost();
    host.validate.mockResolvedValue(outcomeOf([rateError]));
    renderPane(host, { lang: "en" });
    expect(screen.getByRole("button", { name: en.insertButton })).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: en.validateButton }));
    });
    await screen.findByText(renderFinding(rateError, "en"));
  });
});

describe("one-click fixes", () => {
  test("a group of the same fix, each cell reachable, 'Sửa tất cả' on a click, then 'Hoàn tác'", async () => {
    const set = builtinTemplateSet();
    const { recognition, result } = checkWorkbook(set, sampleInLayout(set));
    const checked = outcomeOf(result.findings, { recognition, result });
    const host = fakeHost();
    host.validate.mockResolvedValue(checked);
    renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
    const group = await screen.findByTestId("fix-group-thousands");
    expect(within(group).getByText(FIX_TEXT.vi.group("thousands", 6))).toBeTruthy();
    // Nothing written before the click.
    expect(host.applyFixes).not.toHaveBeenCalled();
    fireEvent.click(within(group).getByText(/D23/));
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("Biểu mẫu 3", "D23"));

    fireEvent.click(within(group).getByRole("button", { name: FIX_TEXT.vi.fixAll }));
    await waitFor(() => expect(host.applyFixes).toHaveBeenCalledTimes(1));
    expect(host.applyFixes.mock.calls[0][0].map((f) => f.kind)).toEqual(Array(6).fill("thousands"));
    // Checked again at once, so the list is never out of date.
    await waitFor(() => expect(host.validate).toHaveBeenCalledTimes(2));
    const applied = await screen.findByTestId("fix-applied");
    expect(applied.textContent).toContain(FIX_TEXT.vi.applied(6));

    fireEvent.click(within(applied).getByRole("button", { name: FIX_TEXT.vi.undo }));
    await waitFor(() => expect(host.undoFixes).toHaveBeenCalledTimes(1));
    expect(host.undoFixes.mock.calls[0][0]).toHaveLength(6);
    await screen.findByText(FIX_TEXT.vi.undone(6));
    expect(screen.queryByTestId("fix-applied")).toBeNull();
  });
});

describe("findings stay true", () => {
  test("the check's time is shown; a later change in the workbook marks the findings out of date until the next check", async () => {
    jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    try {
      const host = fakeHost();
      const form = { formId: "BM3", sheet: "Biểu mẫu 3" } as unknown as ValidateOutcome["recognition"]["forms"][number];
      host.validate.mockResolvedValue(outcomeOf([rateError], { recognition: { forms: [form], findings: [], unrecognisedSheets: [] } }));
      renderPane(host);
      await waitFor(() => expect(host.onWorkbookChanged).toHaveBeenCalledTimes(1));
      const changed = host.onWorkbookChanged.mock.calls[0][0];
      // A change before any check means nothing.
      act(() => changed());
      expect(screen.queryByTestId("stale")).toBeNull();

      fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
      const at = await screen.findByTestId("checked-at");
      expect(at.textContent).toMatch(/^Kết quả của lần kiểm tra lúc \d{2}:\d{2}\.$/);
      // Events the pane's own write-back causes arrive late: not a change by the user.
      act(() => changed());
      expect(screen.queryByTestId("stale")).toBeNull();

      act(() => void jest.advanceTimersByTime(2000));
      act(() => changed());
      expect((await screen.findByTestId("stale")).textContent).toMatch(/^Sổ tính đã thay đổi sau lần kiểm tra lúc \d{2}:\d{2}/);

      fireEvent.click(screen.getByRole("button", { name: vi.validateButton }));
      await screen.findByTestId("checked-at");
      expect(screen.queryByTestId("stale")).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });
});
