import * as React from "react";
import { Field, Input, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ReportHeader, ReportPeriod } from "../../layout/types";
import type { UiText } from "../../i18n/ui";
import type { Lang } from "../../i18n/number";
import { periodHint } from "../../i18n/periods";
import { headerPeriod } from "../../layout/period";

export interface HeaderFieldsProps {
  t: UiText;
  lang?: Lang;
  header: ReportHeader;
  onChange: (header: ReportHeader) => void;
}

const PERIODS: ReportPeriod[] = ["q1", "q2", "q3", "q4", "6m", "9m", "year"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", gap: tokens.spacingHorizontalS },
  input: { minWidth: 0 },
  // A grid cell's field may shrink below its select's longest option (a 270 px pane), the select with it.
  field: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: "100%" },
});

export function HeaderFields({ t, lang = "vi", header, onChange }: HeaderFieldsProps): React.JSX.Element {
  const styles = useStyles();
  const set = (patch: Partial<ReportHeader>): void => onChange({ ...header, ...patch });
  const text = (v: string): string | undefined => (v.trim() === "" ? undefined : v);
  const official = headerPeriod(header);
  return (
    <div className={styles.root}>
      <Field label={t.headerUnit}>
        <Input className={styles.input} value={header.unit ?? ""} placeholder={t.headerUnitPlaceholder} onChange={(_, d) => set({ unit: text(d.value) })} />
      </Field>
      <div className={styles.pair}>
        <Field label={t.headerReportNumber}>
          <Input
            className={styles.input}
            value={header.reportNumber ?? ""}
            placeholder={t.headerReportNumberPlaceholder}
            onChange={(_, d) => set({ reportNumber: text(d.value) })}
          />
        </Field>
        <Field label={t.headerReportDate}>
          <Input
            className={styles.input}
            value={header.reportDate ?? ""}
            placeholder={t.headerReportDatePlaceholder}
            onChange={(_, d) => set({ reportDate: text(d.value) })}
          />
        </Field>
      </div>
      <div className={styles.pair}>
        <Field label={t.headerPeriod} className={styles.field}>
          <Select
            className={styles.select}
            value={header.period ?? ""}
            onChange={(_, d) => set({ period: d.value === "" ? undefined : (d.value as ReportPeriod) })}
          >
            <option value="">{t.periodNone}</option>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t.periods[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.headerYear}>
          <Input
            className={styles.input}
            type="number"
            min={2000}
            max={2100}
            value={header.year === undefined ? "" : String(header.year)}
            onChange={(_, d) => {
              const y = Number.parseInt(d.value, 10);
              set({ year: Number.isFinite(y) ? y : undefined });
            }}
          />
        </Field>
      </div>
      {official && (
        <Text size={200} data-testid="period-hint">
          {periodHint(official, lang)}
        </Text>
      )}
    </div>
  );
}
