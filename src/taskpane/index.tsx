/* Task pane entry: waits for Office, picks the language from Office's display language, renders the pane with the
 * Office.js host. Everything else in the pane goes through that host. */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { browserFiles } from "./download";
import { createExcelHost } from "../excel/adapter";
import { officeDisplayLanguage, whenOfficeReady } from "../excel/office";
import { langFromLocale } from "../i18n/number";

function mount(): void {
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  const lang = langFromLocale(officeDisplayLanguage());
  document.documentElement.lang = lang;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={createExcelHost()} lang={lang} files={browserFiles} />
    </FluentProvider>,
  );
}

whenOfficeReady(mount);
