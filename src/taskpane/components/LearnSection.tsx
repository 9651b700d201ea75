import * as React from "react";
import { Button, Checkbox, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { reviewModel, learnPaneText } from "../../i18n/learn";
import { learnPeriodText } from "../../i18n/learn-periods";
import type { Lang } from "../../i18n/number";
import type { TemplateSet } from "../../forms/schema";
import type { Learned } from "../learn";

export interface LearnSectionProps {
  lang: Lang;
  busy: boolean;
  /** Learns from a picked file's bytes; rejects with a sentence to show. */
  learnFile: (bytes: Uint8Array, fileName: string) => Promise<Learned>;
  /** Learns from the active sheet; absent when the host cannot read it. */
  learnSheet?: () => Promise<Learned>;
  /** Stores the reviewed set with the workbook and starts using it. */
  onStore: (set: TemplateSet) => void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  muted: { color: tokens.colorNeutralForeground3 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * "Học biểu mẫu từ tệp…" and "Học biểu mẫu từ trang tính này": the learned set's review (forms, rows, kinds, rows to
 * look at, what could not be read) with a checkbox per inferred relation, stored only when the reviewer says so.
 */
export function LearnSection({ lang, busy, learnFile, learnSheet, onStore }: LearnSectionProps): React.JSX.Element {
  const p = learnPaneText(lang);
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [learned, setLearned] = React.useState<Learned | null>(null);
  const [dropped, setDropped] = React.useState<Set<string>>(new Set());
  const [error, setError] = React.useState<string | null>(null);

  const show = (next: Learned): void => {
    setLearned(next);
    setDropped(new Set());
    setError(null);
  };
  const fail = (e: unknown): void => {
    setLearned(null);
    setError(e instanceof Error ? e.message : String(e));
  };

  const picked = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    void file
      .arrayBuffer()
      .then((buf) => learnFile(new Uint8Array(buf), file.name))
      .then(show, fail);
  };
  const fromSheet = (): void => void learnSheet?.().then(show, fail);

  const model = learned ? reviewModel(learned.set, learned.report, lang) : null;
  const relationIds = model ? model.forms.flatMap((f) => f.relations.map((r) => r.ruleId)) : [];
  const proposalIds = model ? model.forms.flatMap((f) => f.proposals.map((r) => r.id)) : [];
  const keptOf = (ids: string[]) => ids.filter((id) => !dropped.has(id)).length;
  const toggle = (id: string, keep: boolean): void =>
    setDropped((d) => {
      const next = new Set(d);
      if (keep) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className={styles.root}>
      <Text size={200} className={styles.muted}>
        {p.explain}
      </Text>
      <div className={styles.row}>
        <Button size="small" disabled={busy} onClick={() => input.current?.click()}>
          {p.fromFile}
        </Button>
        {learnSheet && (
          <Button size="small" disabled={busy} onClick={fromSheet} data-testid="learn-sheet">
            {p.fromSheet}
          </Button>
        )}
        <input ref={input} type="file" accept=".docx,.xlsx" hidden data-testid="learn-file" aria-label={p.fromFile} onChange={picked} />
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="learn-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {learned && model && (
        <div className={styles.root} data-testid="learn-review">
          <Text weight="semibold">{model.heading}</Text>
          {model.forms.map((f) => (
            <div key={f.formId} className={styles.form}>
              <Text weight="semibold">{f.heading}</Text>
              <Text size={200}>{f.rows}</Text>
              {f.extra && <Text size={200}>{f.extra}</Text>}
              {f.inferredHeading && <Text size={200}>{f.inferredHeading}</Text>}
              {f.relations.map((r) => (
                <Checkbox
                  key={r.ruleId}
                  size="medium"
                  label={r.text}
                  checked={!dropped.has(r.ruleId)}
                  onChange={(_, d) => toggle(r.ruleId, d.checked === true)}
                  data-testid={`keep-${r.ruleId}`}
                />
              ))}
              {f.proposalsHeading && <Text size={200}>{f.proposalsHeading}</Text>}
              {f.proposals.map((r) => (
                <Checkbox
                  key={r.id}
                  size="medium"
                  label={r.text}
                  checked={!dropped.has(r.id)}
                  onChange={(_, d) => toggle(r.id, d.checked === true)}
                  data-testid={`keep-${r.id}`}
                />
              ))}
              {f.review.length > 0 && (
                <ul className={styles.list}>
                  {f.review.map((line) => (
                    <li key={line}>
                      <Text size={200}>{line}</Text>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ))}
          {model.keptAsPrinted && <Text size={200}>{model.keptAsPrinted}</Text>}
          {model.skippedHeading && (
            <div className={styles.form}>
              <Text weight="semibold">{model.skippedHeading}</Text>
              <ul className={styles.list}>
                {model.skipped.map((line) => (
                  <li key={line}>
                    <Text size={200}>{line}</Text>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <Text size={200}>
            {model.total} {p.kept(keptOf(relationIds), relationIds.length)}
            {proposalIds.length > 0 && ` ${learnPeriodText(lang).kept(keptOf(proposalIds), proposalIds.length)}`}
          </Text>
          <div className={styles.row}>
            <Button
              appearance="primary"
              size="small"
              disabled={busy}
              data-testid="learn-store"
              onClick={() => {
                // The learner stays in its own chunk (loaded with the file): only the set's pruning is asked of it here.
                void import("../learn").then(({ withoutRules }) => onStore(withoutRules(learned.set, dropped)), fail);
                setLearned(null);
              }}
            >
              {p.store}
            </Button>
            <Button size="small" appearance="subtle" onClick={() => setLearned(null)}>
              {p.cancel}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
