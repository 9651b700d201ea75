import * as React from "react";
import type { WorkbookHost } from "../excel/host";
import type { FakeHost } from "../fake-excel";
import type { Lang } from "../i18n/number";
import { App } from "../taskpane/App";
import { browserFiles } from "../taskpane/download";
import { validateWorkbook } from "../commands/commands";
import { Grid } from "./Grid";

export interface DemoProps {
  fake: FakeHost;
  host: WorkbookHost;
  lang: Lang;
}

/** The host with every call followed by `changed()`, so the grid redraws what the add-in wrote. */
function observed(host: WorkbookHost, changed: () => void): WorkbookHost {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        changed();
      }
    };
  return {
    capabilities: () => host.capabilities(),
    listForms: wrap(host.listForms.bind(host)),
    insertForms: wrap(host.insertForms.bind(host)),
    validate: wrap(host.validate.bind(host)),
    clearChecks: wrap(host.clearChecks.bind(host)),
    makeReportCopies: wrap(host.makeReportCopies.bind(host)),
    selectCell: wrap(host.selectCell.bind(host)),
    loadStoredTemplateSet: wrap(host.loadStoredTemplateSet.bind(host)),
    storeTemplateSet: wrap(host.storeTemplateSet.bind(host)),
    ...(host.readActiveSheet ? { readActiveSheet: wrap(host.readActiveSheet.bind(host)) } : {}),
    ...(host.applyFixes ? { applyFixes: wrap(host.applyFixes.bind(host)) } : {}),
    ...(host.undoFixes ? { undoFixes: wrap(host.undoFixes.bind(host)) } : {}),
  };
}

export function Demo({ fake, host, lang }: DemoProps): React.JSX.Element {
  const [version, bump] = React.useReducer((n: number) => n + 1, 0);
  const paneHost = React.useMemo(() => observed(host, bump), [host]);
  return (
    <div className="demo-root">
      <header className="demo-ribbon">
        <strong>Biểu mẫu CCHC</strong>
        <button
          type="button"
          className="demo-ribbon-button"
          title={lang === "vi" ? "Nút Kiểm tra trên thẻ Trang đầu: chạy lệnh validateWorkbook của ribbon" : "The ribbon's Validate button (validateWorkbook)"}
          data-testid="ribbon-validate"
          onClick={() => void validateWorkbook({ completed: () => bump() })}
        >
          {lang === "vi" ? "Kiểm tra (ribbon)" : "Validate (ribbon)"}
        </button>
        <span>
          {lang === "vi"
            ? "Bản demo: sổ tính mô phỏng trong trình duyệt (không cần Excel). Chọn ô rồi gõ, Enter để ghi, Ctrl+V để dán."
            : "Demo: a simulated workbook in the browser (no Excel needed). Select a cell and type, Enter to commit, Ctrl+V to paste."}
        </span>
      </header>
      <div className="demo-main">
        <Grid fake={fake} version={version} onEdited={bump} />
        <aside className="demo-pane" data-testid="taskpane">
          <App host={paneHost} lang={lang} files={browserFiles} />
        </aside>
      </div>
    </div>
  );
}
