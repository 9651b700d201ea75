import * as React from "react";
import {
  Badge,
  Checkbox,
  Text,
  Tooltip,
  makeStyles,
  tokens,
  Accordion,
  AccordionItem,
  AccordionHeader,
  AccordionPanel,
} from "@fluentui/react-components";
import type { FormDefinition, TemplateSet } from "../../forms/schema";
import type { UiText } from "../../i18n/ui";

export interface FormPickerProps {
  t: UiText;
  set: TemplateSet;
  /** The set was loaded by the office (not the built-in one). */
  loadedSet: boolean;
  selected: string[];
  onChange: (formIds: string[]) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  form: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  unavailable: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground4, paddingLeft: "36px" },
  inferredList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  // A pill keeps its words on one line (at 270 px "chưa có" would otherwise break out of it).
  badge: { whiteSpace: "nowrap", flexShrink: 0, height: "auto", minHeight: "16px" },
});

interface Inferred {
  rows: FormDefinition["rows"];
  rules: FormDefinition["rules"];
}

/** Rows and rules of a form with no official text behind them. */
export function inferredParts(form: FormDefinition): Inferred {
  return { rows: form.rows.filter((r) => r.source === "inferred"), rules: form.rules.filter((r) => r.source === "inferred") };
}

export function FormPicker({ t, set, loadedSet, selected, onChange }: FormPickerProps): React.JSX.Element {
  const styles = useStyles();
  const all = set.forms.map((f) => f.id);
  const allState = selected.length === 0 ? false : selected.length === all.length ? true : "mixed";
  const toggle = (id: string, on: boolean): void =>
    onChange(all.filter((f) => (f === id ? on : selected.includes(f))));

  // Forms and missing forms in number order, so "Biểu mẫu 2 (chưa có)" sits between 1 and 3.
  const entries: Array<{ n: number; form?: FormDefinition; missing?: { title: string; reason: string } }> = [
    ...set.forms.map((form) => ({ n: form.number, form })),
    ...set.missing_forms
      .filter((m) => !set.forms.some((f) => f.number === m.number))
      .map((m) => ({ n: m.number, missing: m })),
  ].sort((a, b) => a.n - b.n);
  const withInferred = set.forms.map((f) => ({ form: f, ...inferredParts(f) })).filter((x) => x.rows.length || x.rules.length);

  return (
    <div className={styles.root}>
      <Checkbox
        label={t.formsAll}
        checked={allState}
        onChange={(_, d) => onChange(d.checked === true ? all : [])}
        data-testid="form-all"
      />
      {entries.map(({ n, form, missing }) => {
        if (form) {
          const inf = inferredParts(form);
          return (
            <div className={styles.form} key={form.id}>
              <Checkbox
                label={t.formLabel(form.number, form.title)}
                checked={selected.includes(form.id)}
                onChange={(_, d) => toggle(form.id, d.checked === true)}
                data-testid={`form-${form.id}`}
              />
              {loadedSet && (
                <Badge size="small" appearance="outline" color="important" className={styles.badge}>
                  {t.formFromLoadedSet}
                </Badge>
              )}
              {(inf.rows.length > 0 || inf.rules.length > 0) && (
                <Badge size="small" appearance="tint" color="warning" className={styles.badge} data-testid={`inferred-${form.id}`}>
                  {t.inferredBadge(inf.rows.length, inf.rules.length)}
                </Badge>
              )}
            </div>
          );
        }
        return (
          <Tooltip key={`missing-${n}`} content={t.formUnavailableReason(missing?.reason ?? "")} relationship="description">
            <div className={styles.unavailable} data-testid={`missing-${n}`}>
              <Text>{t.formLabel(n, missing?.title ?? "")}</Text>
              <Badge size="small" appearance="tint" color="informative" className={styles.badge}>
                {t.formUnavailable}
              </Badge>
            </div>
          </Tooltip>
        );
      })}
      {withInferred.length > 0 && (
        <Accordion collapsible>
          <AccordionItem value="inferred">
            <AccordionHeader size="small">{t.inferredRowsTitle}</AccordionHeader>
            <AccordionPanel>
              <Text size={200} className={styles.muted}>
                {t.inferredExplain}
              </Text>
              {withInferred.map(({ form, rows, rules }) => (
                <div key={form.id}>
                  <Text weight="semibold">{t.formLabel(form.number, form.title)}</Text>
                  <ul className={styles.inferredList}>
                    {rows.map((r) => (
                      <li key={`row-${r.stt}`}>
                        {r.stt}. {r.text}
                      </li>
                    ))}
                    {rules.map((r) => (
                      <li key={`rule-${r.id}`}>{r.id}</li>
                    ))}
                  </ul>
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </div>
  );
}
