/**
 * One-click fixes in the pane: the fixes of one kind together ("6 số đếm dùng dấu phẩy làm dấu phân cách hàng
 * nghìn"), each cell still reachable, one "Sửa tất cả" per group; after a fix, "Hoàn tác" next to what it did.
 * Nothing is written until the user clicks.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FIX_TEXT } from "../../i18n/fixes";
import type { Lang } from "../../i18n/number";
import { groupFixes, type CellFix } from "../../layout/fixes";

export interface FixPanelProps {
  lang: Lang;
  fixes: CellFix[];
  busy: boolean;
  /** What the last fix did, while it can still be undone. */
  lastApplied: number | null;
  onApply: (fixes: CellFix[]) => void;
  onUndo: () => void;
  onSelect: (sheet: string, cell: string) => void;
}

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS },
  cells: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  cell: { minWidth: 0, maxWidth: "100%", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
});

export function FixPanel({ lang, fixes, busy, lastApplied, onApply, onUndo, onSelect }: FixPanelProps): React.JSX.Element | null {
  const t = FIX_TEXT[lang];
  const styles = useStyles();
  const groups = [...groupFixes(fixes)];
  if (groups.length === 0 && lastApplied === null) return null;
  return (
    <div data-testid="fixes" style={{ display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS }}>
      {lastApplied !== null && (
        <MessageBar intent="success" data-testid="fix-applied">
          <MessageBarBody>{t.applied(lastApplied)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={onUndo}>
              {t.undo}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {groups.map(([kind, list]) => (
        <div key={kind} className={styles.group} data-testid={`fix-group-${kind}`}>
          <div className={styles.row}>
            <Text weight="semibold">{t.group(kind, list.length)}</Text>
            <Button size="small" disabled={busy} onClick={() => onApply(list)}>
              {list.length > 1 ? t.fixAll : t.action(list[0])}
            </Button>
          </div>
          <div className={styles.cells}>
            {list.map((fix) => (
              <Button
                key={`${fix.sheet}!${fix.cell}`}
                size="small"
                appearance="transparent"
                className={styles.cell}
                title={`${fix.sheet}!${fix.cell}: “${fix.before}” → ${t.action(fix)}`}
                onClick={() => onSelect(fix.sheet, fix.cell)}
              >
                {`${fix.cell} “${fix.before}”`}
              </Button>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
