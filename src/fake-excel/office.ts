/**
 * A fake of the few `Office` APIs the add-in uses beside Excel: requirement-set checks, document settings (kept in the
 * FakeWorkbook, so a "reopened" workbook still has them), the display language and function-command registration.
 */
import type { FakeWorkbook } from "./model";
import { DEFAULT_EXCEL_API, versionAtLeast } from "./strict";

export interface FakeOfficeOptions {
  /** Highest supported version per requirement set, e.g. {ExcelApi: "1.9"}. Defaults to ExcelApi 1.12. */
  supported?: Record<string, string>;
  displayLanguage?: string;
  /** Set false to simulate a host without document settings. */
  settings?: boolean;
}

export interface FakeOffice {
  context: {
    displayLanguage: string;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    document: { settings?: FakeSettings };
    ui: { displayDialogAsync(url: string, options: unknown, callback?: (r: { status: "succeeded" | "failed" }) => void): void };
  };
  /** URLs opened with displayDialogAsync, in order (for tests). */
  readonly dialogs: string[];
  actions: { associate(name: string, handler: (event: { completed(options?: unknown): void }) => unknown): void };
  AsyncResultStatus: { Succeeded: "succeeded"; Failed: "failed" };
  onReady(cb?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  /** Handlers registered through Office.actions.associate, by name (for tests and the demo's ribbon buttons). */
  readonly registered: Map<string, (event: { completed(options?: unknown): void }) => unknown>;
}

export interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(optionsOrCallback?: unknown, callback?: (r: { status: "succeeded" | "failed"; error?: { message: string } }) => void): void;
}

export function createFakeOffice(book: FakeWorkbook, options: FakeOfficeOptions = {}): FakeOffice {
  const supported: Record<string, string> = { DialogApi: "1.2", ...(options.supported ?? { ExcelApi: DEFAULT_EXCEL_API }) };
  const dialogs: string[] = [];
  const registered = new Map<string, (event: { completed(options?: unknown): void }) => unknown>();
  // Unsaved changes live here until saveAsync, as in Office: the document keeps only what was saved.
  const pending = new Map<string, unknown>(book.settings);
  const settings: FakeSettings = {
    get: (name) => (pending.has(name) ? pending.get(name) : null),
    set: (name, value) => void pending.set(name, JSON.parse(JSON.stringify(value)) as unknown),
    remove: (name) => void pending.delete(name),
    saveAsync(optionsOrCallback, callback) {
      const cb = typeof optionsOrCallback === "function" ? (optionsOrCallback as typeof callback) : callback;
      book.settings = new Map(pending);
      queueMicrotask(() => cb?.({ status: "succeeded" }));
    },
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  return {
    context: {
      displayLanguage: options.displayLanguage ?? "vi-VN",
      requirements: {
        isSetSupported(name: string, minVersion?: string | number) {
          const have = supported[name];
          if (have === undefined) return false;
          return minVersion === undefined ? true : versionAtLeast(have, String(minVersion));
        },
      },
      document: options.settings === false ? {} : { settings },
      ui: {
        displayDialogAsync(url, _options, callback) {
          dialogs.push(url);
          queueMicrotask(() => callback?.({ status: "succeeded" }));
        },
      },
    },
    dialogs,
    actions: { associate: (name, handler) => void registered.set(name, handler) },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(cb) {
      cb?.(info);
      return Promise.resolve(info);
    },
    registered,
  };
}
