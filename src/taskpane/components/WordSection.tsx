import * as React from "react";
import { useFilePicker } from "./useFilePicker";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { UiWordText } from "../../i18n/ui-word";

export interface WordSectionProps {
  t: UiWordText;
  /** Both actions need the workbook checked first (they use the checked values). */
  ready: boolean;
  busy: boolean;
  /** False when the host cannot hand a file to the user: the download button is then hidden. */
  canSave: boolean;
  onDownload: () => void;
  /** Called with the picked report's bytes and name. */
  onReport: (bytes: Uint8Array, fileName: string) => void;
}

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function WordSection({ t, ready, busy, canSave, onDownload, onReport }: WordSectionProps): React.JSX.Element {
  const styles = useStyles();
  const { input, picked } = useFilePicker(onReport);
  return (
    <>
      <Text size={200} className={styles.hint}>
        {t.hint}
      </Text>
      <div className={styles.row}>
        {canSave && (
          <Button disabled={busy || !ready} onClick={onDownload} data-testid="word-download">
            {t.downloadButton}
          </Button>
        )}
        <Button disabled={busy || !ready} onClick={() => input.current?.click()} data-testid="word-report">
          {t.reportButton}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hidden
          data-testid="word-report-file"
          aria-label={t.reportButton}
          onChange={picked}
        />
      </div>
    </>
  );
}
