import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  CounterBadge,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Finding } from "../../engine/types";
import type { Severity, TemplateSet } from "../../forms/schema";
import type { Lang } from "../../i18n/number";
import type { UiText } from "../../i18n/ui";
import { renderFinding } from "../../i18n/findings";

export interface FindingsListProps {
  t: UiText;
  lang: Lang;
  set: TemplateSet;
  findings: Finding[];
  /** Clicking a finding with a cell selects it in the workbook. */
  onSelect: (finding: Finding) => void;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const BADGE_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  severity: { marginTop: tokens.spacingVerticalS, display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    width: "100%",
    textAlign: "left",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    background: tokens.colorNeutralBackground1,
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
    ":hover": { background: tokens.colorNeutralBackground1Hover },
    ":disabled": { cursor: "default" },
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  where: { color: tokens.colorNeutralForeground3, display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  header: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
});

/** Findings grouped by form (in the set's order, then any other form id), then by severity. */
export function groupFindings(set: TemplateSet, findings: Finding[]): Array<{ form: string; bySeverity: Record<Severity, Finding[]> }> {
  const order = new Map(set.forms.map((f, i) => [f.id, i]));
  const groups = new Map<string, Record<Severity, Finding[]>>();
  for (const f of findings) {
    let g = groups.get(f.form);
    if (!g) groups.set(f.form, (g = { error: [], warning: [], info: [] }));
    g[f.severity].push(f);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b))
    .map(([form, bySeverity]) => ({ form, bySeverity }));
}

export function FindingsList({ t, lang, set, findings, onSelect }: FindingsListProps): React.JSX.Element {
  const styles = useStyles();
  const groups = groupFindings(set, findings);
  const titleOf = (formId: string): string => {
    const form = set.forms.find((f) => f.id === formId);
    return form ? t.formLabel(form.number, form.title) : formId;
  };
  return (
    // Forms with errors or warnings start open; information (blank rows, rightly blank rows…) starts folded.
    <Accordion
      multiple
      collapsible
      defaultOpenItems={groups.filter((g) => g.bySeverity.error.length || g.bySeverity.warning.length).map((g) => g.form)}
      data-testid="findings"
    >
      {groups.map(({ form, bySeverity }) => (
        <AccordionItem value={form} key={form}>
          <AccordionHeader>
            <span className={styles.header}>
              <Text weight="semibold">{titleOf(form)}</Text>
              {SEVERITIES.map((s) =>
                bySeverity[s].length ? (
                  <CounterBadge key={s} size="small" color={s === "error" ? "danger" : s === "warning" ? "important" : "informative"} count={bySeverity[s].length} aria-label={`${t.severity[s]}: ${bySeverity[s].length}`} />
                ) : null,
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            {SEVERITIES.filter((s) => bySeverity[s].length).map((s) => {
              const list = (
                <ul className={styles.list}>
                  {bySeverity[s].map((f, i) => (
                    <li key={`${f.rule}-${f.cell ?? ""}-${i}`}>
                      <button
                        type="button"
                        className={mergeClasses(styles.item, styles[s])}
                        disabled={!f.cell || !f.sheet}
                        onClick={() => onSelect(f)}
                        data-rule={f.rule}
                        data-severity={f.severity}
                      >
                        <span className={styles.where}>
                          <Text size={200}>{t.findingWhere(f.stt, f.sheet, f.cell)}</Text>
                          {f.inferred && (
                            <Badge size="small" appearance="tint" color="warning">
                              {t.findingInferred}
                            </Badge>
                          )}
                        </span>
                        <Text>{renderFinding(f, lang)}</Text>
                      </button>
                    </li>
                  ))}
                </ul>
              );
              const title = (
                <span className={styles.severity}>
                  <Badge appearance="filled" color={BADGE_COLOR[s]} size="small" />
                  <Text weight="semibold">
                    {t.severity[s]} ({bySeverity[s].length})
                  </Text>
                </span>
              );
              return (
                <div key={s} data-testid={`findings-${form}-${s}`}>
                  {s === "info" ? (
                    <Accordion collapsible>
                      <AccordionItem value="info">
                        <AccordionHeader size="small">{title}</AccordionHeader>
                        <AccordionPanel>{list}</AccordionPanel>
                      </AccordionItem>
                    </Accordion>
                  ) : (
                    <>
                      {title}
                      {list}
                    </>
                  )}
                </div>
              );
            })}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
