/**
 * Findings stay true: the time of the last check, and whether the workbook has changed since (a cell edited, the
 * ribbon's Kiểm tra). Changes made while the pane itself is writing (and a moment after, as Excel delivers events
 * late) are the pane's own and do not count.
 */
import * as React from "react";
import type { WorkbookHost } from "../excel/host";

const OWN_WRITE_GRACE_MS = 1500;

export interface Staleness {
  checkedAt: Date | null;
  stale: boolean;
  /** Call after a check: findings are current as of now. */
  checked: () => void;
  /** Call around the pane's own writes. */
  ownWrite: (writing: boolean) => void;
}

export function useStaleness(host: WorkbookHost): Staleness {
  const [checkedAt, setCheckedAt] = React.useState<Date | null>(null);
  const [stale, setStale] = React.useState(false);
  const writing = React.useRef(false);
  const quietUntil = React.useRef(0);
  const hasCheck = React.useRef(false);

  React.useEffect(() => {
    if (!host.onWorkbookChanged) return;
    let off: (() => Promise<void>) | null = null;
    let live = true;
    host
      .onWorkbookChanged(() => {
        if (!hasCheck.current || writing.current || Date.now() < quietUntil.current) return;
        setStale(true);
      })
      .then(
        (unsubscribe) => (live ? (off = unsubscribe) : void unsubscribe().catch(() => undefined)),
        () => undefined, // no events (old Excel): the pane simply cannot mark staleness
      );
    return () => {
      live = false;
      void off?.().catch(() => undefined);
    };
  }, [host]);

  return {
    checkedAt,
    stale,
    checked: () => {
      hasCheck.current = true;
      setCheckedAt(new Date());
      setStale(false);
    },
    ownWrite: (w) => {
      writing.current = w;
      if (!w) quietUntil.current = Date.now() + OWN_WRITE_GRACE_MS;
    },
  };
}

/** "10:42" in the pane's language. */
export function clockTime(d: Date, lang: "vi" | "en"): string {
  return d.toLocaleTimeString(lang === "vi" ? "vi-VN" : "en-GB", { hour: "2-digit", minute: "2-digit" });
}
