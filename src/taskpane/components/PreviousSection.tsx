import * as React from "react";
import { useFilePicker } from "./useFilePicker";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { UiPreviousText } from "../../i18n/ui-previous";

export interface PreviousSectionProps {
  t: UiPreviousText;
  /** The comparison needs the workbook checked first (it compares the checked values). */
  ready: boolean;
  busy: boolean;
  /** Called with the chosen previous report's bytes and name. */
  onCompare: (bytes: Uint8Array, fileName: string) => void;
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** "So sánh với kỳ trước": a button that asks for the previous report's .xlsx; the findings join the check's list. */
export function PreviousSection({ t, ready, busy, onCompare }: PreviousSectionProps): React.JSX.Element {
  const styles = useStyles();
  const { input, picked } = useFilePicker(onCompare);
  return (
    <div className={styles.row}>
      <Button size="small" disabled={busy || !ready} onClick={() => input.current?.click()} data-testid="previous-compare">
        {t.button}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        data-testid="previous-file"
        aria-label={t.button}
        onChange={picked}
      />
      <Text size={200} className={styles.hint}>
        {t.hint}
      </Text>
    </div>
  );
}
