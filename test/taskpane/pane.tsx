/** The task pane as the tests render it: the App in Fluent's provider, in jsdom (which lacks a ResizeObserver). */
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App, type AppProps } from "../../src/taskpane/App";

/** jsdom has no ResizeObserver; Fluent's MessageBar observes its own width to choose a layout. A no-op stands in. */
export function stubResizeObserver(): void {
  class NoResize {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;
}

/** Renders the pane on `host` (Vietnamese unless told otherwise). */
export function renderPane(host: AppProps["host"], props: Omit<AppProps, "host"> = { lang: "vi" }): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} {...props} />
    </FluentProvider>,
  );
}
