import * as React from "react";
import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { TemplateSet } from "../../forms/schema";
import type { UiText } from "../../i18n/ui";

export type SetOrigin = { kind: "builtin" } | { kind: "file"; file: string } | { kind: "workbook" };

export interface TemplateSetSectionProps {
  t: UiText;
  set: TemplateSet;
  origin: SetOrigin;
  busy: boolean;
  /** Called with the picked file's text and name. */
  onLoadFile: (text: string, fileName: string) => void;
  onUseBuiltin: () => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  doc: { color: tokens.colorNeutralForeground3 },
});

export function TemplateSetSection({ t, set, origin, busy, onLoadFile, onUseBuiltin }: TemplateSetSectionProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const status =
    origin.kind === "builtin"
      ? t.setBuiltin(set.template_set)
      : origin.kind === "file"
        ? t.setLoaded(set.template_set, origin.file)
        : t.setLoadedFromWorkbook(set.template_set);

  const picked = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    // Read errors reach onLoadFile's caller as a rejected promise through the same error bar.
    void file.text().then((text) => onLoadFile(text, file.name), (err: unknown) => onLoadFile(String(err), file.name));
  };

  return (
    <section className={styles.root} aria-label={t.setSection}>
      <div className={styles.row}>
        <Badge appearance="tint" color={origin.kind === "builtin" ? "brand" : "important"} data-testid="set-origin">
          {set.template_set}
        </Badge>
        <Text data-testid="set-status">{status}</Text>
      </div>
      <Text size={200} className={styles.doc}>
        {t.setDocument}: {set.document}
      </Text>
      <div className={styles.row}>
        <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
          {t.setLoadButton}
        </Button>
        {origin.kind !== "builtin" && (
          <Button size="small" appearance="subtle" disabled={busy} onClick={onUseBuiltin}>
            {t.setUseBuiltin}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="set-file"
          aria-label={t.setLoadButton}
          onChange={picked}
        />
      </div>
    </section>
  );
}
