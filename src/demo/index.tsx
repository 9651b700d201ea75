/**
 * npm run demo: the real task pane beside a simulated workbook, for anyone without Excel. The workbook is the
 * in-memory fake of the Excel API (src/fake-excel) installed as the page's `Excel` and `Office`, and the pane talks
 * to it through the same Office.js adapter (src/excel/adapter.ts) the add-in uses in Excel.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createFakeHost, installFake } from "../fake-excel";
import { createExcelHost } from "../excel/adapter";
import { langFromLocale } from "../i18n/number";
import { Demo } from "./Demo";

const params = new URLSearchParams(window.location.search);
const displayLanguage = params.get("lang") === "en" ? "en-US" : "vi-VN";
const fake = createFakeHost({ locale: params.get("locale") === "en-US" ? "en-US" : "vi-VN", displayLanguage });
installFake(fake, window);

const container = document.getElementById("demo");
if (!container) throw new Error("demo.html has no #demo");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <Demo fake={fake} host={createExcelHost()} lang={langFromLocale(displayLanguage)} />
  </FluentProvider>,
);
