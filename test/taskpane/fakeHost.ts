/** A WorkbookHost made of jest mocks: the pane's only dependency, so these tests need no Office and no fake Excel. */
import type { HostCapabilities, ValidateOutcome, WorkbookHost } from "../../src/excel/host";
import type { Finding } from "../../src/engine/types";

export type MockHost = { [K in keyof WorkbookHost]-?: jest.MockedFunction<NonNullable<WorkbookHost[K]>> };

function mock<F extends (...args: never[]) => unknown>(impl: F): jest.MockedFunction<F> {
  return jest.fn(impl) as unknown as jest.MockedFunction<F>;
}

export const ALL_CAPABILITIES: HostCapabilities = {
  insert: true,
  validate: true,
  dataValidation: true,
  tags: true,
  settings: true,
  hyperlinks: true,
};

export function outcomeOf(findings: Finding[], extra: Partial<ValidateOutcome> = {}): ValidateOutcome {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    recognition: { forms: [], findings: [], unrecognisedSheets: [] },
    result: { findings, evaluations: [], computed: [] },
    notes: [],
    counts,
    ...extra,
  };
}

export function fakeHost(capabilities: Partial<HostCapabilities> = {}): MockHost {
  const host: WorkbookHost = {
    capabilities: () => ({ ...ALL_CAPABILITIES, ...capabilities }),
    listForms: async () => [],
    insertForms: async (_set, ids) => ({ sheets: ids.map((id) => `Biểu mẫu ${id.slice(2)}`), copies: [] }),
    validate: async () => outcomeOf([]),
    clearChecks: async () => undefined,
    makeReportCopies: async () => ["BM3 (bản sạch)"],
    selectCell: async () => undefined,
    loadStoredTemplateSet: async () => null,
    storeTemplateSet: async () => undefined,
    applyFixes: async (fixes) => ({
      applied: fixes,
      stale: [],
      undo: fixes.map((f) => ({ sheet: f.sheet, address: f.cell, value: f.before, numberFormat: "@", wrote: { value: 0 } })),
    }),
    undoFixes: async (records) => ({ restored: [...records], changed: [] }),
    onWorkbookChanged: async () => async () => undefined,
    readActiveSheet: async () => null,
  };
  return {
    capabilities: mock(host.capabilities),
    listForms: mock(host.listForms),
    insertForms: mock(host.insertForms),
    validate: mock(host.validate),
    clearChecks: mock(host.clearChecks),
    makeReportCopies: mock(host.makeReportCopies),
    selectCell: mock(host.selectCell),
    loadStoredTemplateSet: mock(host.loadStoredTemplateSet),
    storeTemplateSet: mock(host.storeTemplateSet),
    applyFixes: mock(host.applyFixes!),
    undoFixes: mock(host.undoFixes!),
    onWorkbookChanged: mock(host.onWorkbookChanged!),
    readActiveSheet: mock(host.readActiveSheet!),
  };
}
