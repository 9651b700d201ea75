/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { HeaderFields } from "../../src/taskpane/components/HeaderFields";
import type { ReportHeader } from "../../src/layout/types";
import { vi, en } from "../../src/i18n/ui";
import type { Lang } from "../../src/i18n/number";

function Harness({ lang }: { lang: Lang }): React.JSX.Element {
  const [header, setHeader] = React.useState<ReportHeader>({});
  return <HeaderFields t={lang === "vi" ? vi : en} lang={lang} header={header} onChange={setHeader} />;
}

describe("the period picker's hint", () => {
  it("shows the cut-off and due dates once an official period and a year are chosen, none for Quý II", () => {
    render(<FluentProvider theme={webLightTheme}><Harness lang="vi" /></FluentProvider>);
    expect(screen.queryByTestId("period-hint")).toBeNull();
    fireEvent.change(screen.getByLabelText(vi.headerPeriod), { target: { value: "6m" } });
    expect(screen.queryByTestId("period-hint")).toBeNull();
    fireEvent.change(screen.getByLabelText(vi.headerYear), { target: { value: "2024" } });
    expect(screen.getByTestId("period-hint").textContent).toBe("Số liệu từ 15/12/2023 đến 14/6/2024; gửi chậm nhất 20/6/2024 (Văn bản 581/BNV-CCHC)");
    fireEvent.change(screen.getByLabelText(vi.headerPeriod), { target: { value: "q2" } });
    expect(screen.queryByTestId("period-hint")).toBeNull();
  });

  it("in English", () => {
    render(<FluentProvider theme={webLightTheme}><Harness lang="en" /></FluentProvider>);
    fireEvent.change(screen.getByLabelText(en.headerPeriod), { target: { value: "q3" } });
    fireEvent.change(screen.getByLabelText(en.headerYear), { target: { value: "2025" } });
    expect(screen.getByTestId("period-hint").textContent).toBe("Data from 15/6/2025 to 14/9/2025; due by 20/9/2025 (Văn bản 581/BNV-CCHC)");
  });
});
