/**
 * The task pane. It talks to the workbook only through the WorkbookHost it is given (style.md item 2): Office.js in
 * the add-in (src/excel/adapter.ts), the in-memory fake in the demo, a plain object in the component tests.
 * Every failure is shown in a MessageBar with the host's Vietnamese message; nothing is swallowed.
 */
import * as React from "react";
import {
  Button,
  Divider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookHost, ValidateOutcome, HostCapabilities } from "../excel/host";
import type { Finding } from "../engine/types";
import type { TemplateSet } from "../forms/schema";
import type { ReportHeader } from "../layout/types";
import { builtinTemplateSet, parseTemplateSetText } from "../forms/load";
import type { Lang } from "../i18n/number";
import { uiText } from "../i18n/ui";
import { paneError, type PaneError } from "./errors";
import { TemplateSetSection, type SetOrigin } from "./components/TemplateSetSection";
import { LearnSection } from "./components/LearnSection";
import { learnPaneText } from "../i18n/learn";
import { FormPicker } from "./components/FormPicker";
import { HeaderFields } from "./components/HeaderFields";
import { FindingsList } from "./components/FindingsList";
import { FixPanel } from "./components/FixPanel";
import { clockTime, useStaleness } from "./useStaleness";
import type { CellBefore } from "../excel/fixes";
import { FIX_TEXT } from "../i18n/fixes";
import { planFixes, type CellFix } from "../layout/fixes";
import { WordSection } from "./components/WordSection";
import { PreviousSection } from "./components/PreviousSection";
import { uiPreviousText } from "../i18n/ui-previous";
import { headerPeriod } from "../layout/period";
import { uiWordText } from "../i18n/ui-word";
import { appendixDocx, appendixFileName, DOCX_MIME, reportTextFindings, type PaneFiles } from "./word";

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
  /** How the pane hands a file (the appendix .docx) to the user; without it the download button is hidden. */
  files?: PaneFiles;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: "border-box",
    minHeight: "100vh",
    background: tokens.colorNeutralBackground2,
  },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  details: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Notice = { intent: "success" | "info" | "warning"; text: string };

/** Findings of recognition and validation in one list, without the ones both report. */
function allFindings(outcome: ValidateOutcome): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...outcome.recognition.findings, ...outcome.result.findings]) {
    const key = `${f.rule}|${f.check}|${f.sheet ?? ""}|${f.cell ?? ""}|${f.stt ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

export function App({ host, lang, files }: AppProps): React.JSX.Element {
  const t = uiText(lang);
  const tw = uiWordText(lang);
  const styles = useStyles();
  const caps = React.useMemo<HostCapabilities>(() => host.capabilities(), [host]);
  const [set, setSet] = React.useState<TemplateSet>(() => builtinTemplateSet());
  const [origin, setOrigin] = React.useState<SetOrigin>({ kind: "builtin" });
  const [selected, setSelected] = React.useState<string[]>(() => builtinTemplateSet().forms.map((f) => f.id));
  const [header, setHeader] = React.useState<ReportHeader>({});
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<PaneError | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [outcome, setOutcome] = React.useState<ValidateOutcome | null>(null);
  const [undoable, setUndoable] = React.useState<CellBefore[] | null>(null);
  const staleness = useStaleness(host);
  /** Findings of a report's text against the last check; cleared with it. */
  const [textFindings, setTextFindings] = React.useState<Finding[]>([]);
  React.useEffect(() => setTextFindings([]), [outcome]);
  /** Findings of the check read against a chosen previous report ("So sánh với kỳ trước"); cleared with it. */
  const [previousFindings, setPreviousFindings] = React.useState<Finding[]>([]);
  React.useEffect(() => setPreviousFindings([]), [outcome]);

  const useSet = (next: TemplateSet, nextOrigin: SetOrigin): void => {
    setSet(next);
    setOrigin(nextOrigin);
    setSelected(next.forms.map((f) => f.id));
    setOutcome(null);
  };

  /** Runs one host action: busy while it runs, its error in the error bar, never thrown further. */
  const run = async (action: () => Promise<Notice[] | void>): Promise<void> => {
    setBusy(true);
    setError(null);
    setNotices([]);
    staleness.ownWrite(true);
    try {
      const result = await action();
      if (result) setNotices(result);
    } catch (e) {
      setError(paneError(e, t));
    } finally {
      staleness.ownWrite(false);
      setBusy(false);
    }
  };

  // The template set kept with this workbook, if any: a reviewer validates against the clerk's set.
  React.useEffect(() => {
    if (!caps.settings) return;
    let live = true;
    host.loadStoredTemplateSet().then(
      (text) => {
        if (!live || text === null) return;
        try {
          useSet(parseTemplateSetText(text), { kind: "workbook" });
        } catch (e) {
          setError(paneError(e, t));
        }
      },
      (e: unknown) => live && setError(paneError(e, t)),
    );
    return () => {
      live = false;
    };
  }, [host]);

  const loadFile = (text: string, file: string): void =>
    void run(async () => {
      const next = parseTemplateSetText(text);
      const notes: Notice[] = [];
      if (caps.settings) {
        await host.storeTemplateSet(text);
        notes.push({ intent: "success", text: t.setStored });
      } else notes.push({ intent: "warning", text: t.setNotStored });
      useSet(next, { kind: "file", file });
      return notes;
    });

  const useBuiltin = (): void =>
    void run(async () => {
      if (caps.settings) await host.storeTemplateSet(null);
      useSet(builtinTemplateSet(), { kind: "builtin" });
    });

  const insert = (): void =>
    void run(async () => {
      if (selected.length === 0) return [{ intent: "warning", text: t.insertNothingSelected }];
      const result = await host.insertForms(set, selected, header, { loadedSet: origin.kind !== "builtin" });
      const notes: Notice[] = [{ intent: "success", text: t.inserted(result.sheets) }];
      if (result.copies.length) notes.push({ intent: "info", text: t.insertedCopies(result.copies) });
      return notes;
    });

  const validate = (): void =>
    void run(async () => {
      // Old findings go first: if this check fails (e.g. a cell still being edited), none are left looking current.
      setOutcome(null);
      const result = await host.validate(set);
      setOutcome(result);
      staleness.checked();
      const notes: Notice[] = [
        { intent: result.counts.error ? "warning" : "success", text: t.validated(result.counts) },
        ...result.notes.map((text): Notice => ({ intent: "info", text })),
      ];
      if (result.recognition.unrecognisedSheets.length)
        notes.push({ intent: "info", text: t.unrecognisedSheets(result.recognition.unrecognisedSheets) });
      return notes;
    });

  const clear = (): void =>
    void run(async () => {
      await host.clearChecks(set);
      setOutcome(null);
      return [{ intent: "success", text: t.cleared }];
    });

  const reportCopies = (): void =>
    void run(async () => {
      const sheets = await host.makeReportCopies(set);
      return [{ intent: "success", text: t.reportCopiesMade(sheets) }];
    });

  const downloadAppendix = (): void =>
    void run(async () => {
      if (!outcome || !files || outcome.recognition.forms.length === 0) return [{ intent: "warning", text: tw.noForms }];
      const name = appendixFileName(header);
      await files.save(name, await appendixDocx(set, outcome, header), DOCX_MIME);
      return [{ intent: "success", text: tw.downloaded(name) }];
    });

  const crossCheck = (bytes: Uint8Array, file: string): void =>
    void run(async () => {
      if (!outcome || outcome.recognition.forms.length === 0) return [{ intent: "warning", text: tw.noForms }];
      const found = await reportTextFindings(set, outcome, bytes, file, lang);
      setTextFindings(found);
      const warnings = found.filter((f) => f.severity === "warning").length;
      const agrees = found.filter((f) => f.check === "report.agrees").length;
      return [{ intent: warnings ? "warning" : "success", text: tw.crossChecked(file, warnings, agrees) }];
    });

  // The current period: the one the workbook states, else the header fields' one.
  const comparePrevious = (bytes: Uint8Array, file: string): void =>
    void run(async () => {
      const tp = uiPreviousText(lang);
      if (!outcome) return [{ intent: "warning", text: tp.needCheck }];
      const current = outcome.period ?? headerPeriod(header);
      const { findings: found, previousPeriod } = await (await import("./previous")).comparePreviousFile(set, outcome, current, bytes, file, lang);
      setPreviousFindings(found);
      const warnings = found.filter((f) => f.severity === "warning").length;
      const infos = found.filter((f) => f.severity === "info").length;
      return [{ intent: warnings ? "warning" : "success", text: tp.compared(file, previousPeriod, current, warnings, infos) }];
    });

  const select = (f: Finding): void => {
    if (!f.sheet || !f.cell) return;
    const sheet = f.sheet;
    const cell = f.cell;
    host.selectCell(sheet, cell).catch((e: unknown) => {
      const err = paneError(e, t);
      setError({ message: `${t.selectFailed} ${sheet}!${cell}: ${err.message}`, details: err.details });
    });
  };

  // One-click fixes: applied on a click, then checked again so the findings stay true; "Hoàn tác" puts cells back.
  const fixes = outcome && host.applyFixes ? planFixes(set, outcome.recognition, outcome.result) : [];
  const recheck = async (notes: Notice[]): Promise<Notice[]> => {
    const result = await host.validate(set);
    setOutcome(result);
    staleness.checked();
    return [...notes, { intent: result.counts.error ? "warning" : "success", text: t.validated(result.counts) }];
  };
  const applyFix = (list: CellFix[]): void =>
    void run(async () => {
      const out = await host.applyFixes!(list);
      setUndoable(out.undo.length ? out.undo : null);
      return recheck(out.stale.map((f): Notice => ({ intent: "warning", text: FIX_TEXT[lang].stale(`${f.sheet}!${f.cell}`) })));
    });
  const undoFix = (): void =>
    void run(async () => {
      const out = await host.undoFixes!(undoable ?? []);
      setUndoable(null);
      const notes: Notice[] = [{ intent: "success", text: FIX_TEXT[lang].undone(out.restored.length) }];
      for (const c of out.changed) notes.push({ intent: "warning", text: FIX_TEXT[lang].stale(`${c.sheet}!${c.address}`) });
      return recheck(notes);
    });

  const missingCaps = (Object.keys(caps) as Array<keyof HostCapabilities>).filter((k) => !caps[k]);
  const findings = outcome ? [...allFindings(outcome), ...previousFindings, ...textFindings] : [];

  return (
    <main className={styles.root}>
      <header>
        <Title3 as="h1">{t.appTitle}</Title3>
        <Text block className={styles.muted}>
          {t.appSubtitle}
        </Text>
      </header>

      {missingCaps.map((k) => (
        <MessageBar key={k} intent="info" data-testid={`capability-${k}`}>
          <MessageBarBody>{t.capabilityMissing[k]}</MessageBarBody>
        </MessageBar>
      ))}

      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="error">
          <MessageBarBody>
            <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
            {error.message}
            {error.details.length > 0 && (
              <ul className={styles.details}>
                {error.details.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => setError(null)}>
              {t.dismiss}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} layout="multiline" data-testid="notice">
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}

      <section className={styles.card}>
        <Subtitle2 as="h2">{t.checkSection}</Subtitle2>
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy || !caps.validate} onClick={validate}>
            {t.validateButton}
          </Button>
          <Button size="small" disabled={busy || !caps.validate} onClick={clear}>
            {t.clearButton}
          </Button>
          <Button size="small" disabled={busy || !caps.insert} onClick={reportCopies}>
            {t.reportCopiesButton}
          </Button>
          {busy && <Spinner size="tiny" label={t.busy} />}
        </div>
        {outcome && outcome.recognition.forms.length === 0 && findings.length === 0 && (
          <MessageBar intent="warning" layout="multiline" data-testid="no-forms">
            <MessageBarBody>{t.noFormsFound}</MessageBarBody>
          </MessageBar>
        )}
        {outcome && outcome.recognition.forms.length > 0 && findings.length === 0 && <Text>{t.noFindings}</Text>}
        {outcome && staleness.checkedAt && (
          <MessageBar intent={staleness.stale ? "warning" : "info"} layout="multiline" data-testid={staleness.stale ? "stale" : "checked-at"}>
            <MessageBarBody>
              {(staleness.stale ? t.staleFindings : t.checkedAt)(clockTime(staleness.checkedAt, lang))}
            </MessageBarBody>
          </MessageBar>
        )}
        <PreviousSection t={uiPreviousText(lang)} ready={outcome !== null} busy={busy} onCompare={comparePrevious} />
        <FixPanel
          lang={lang}
          fixes={fixes}
          busy={busy}
          lastApplied={undoable ? undoable.length : null}
          onApply={applyFix}
          onUndo={undoFix}
          onSelect={(sheet, cell) => void host.selectCell(sheet, cell).catch((e: unknown) => setError(paneError(e, t)))}
        />
        {outcome && findings.length > 0 && (
          // Remounted when a comparison adds findings, so a form that now has warnings opens as after a check.
          <FindingsList key={`${previousFindings.length}-${textFindings.length}`} t={t} lang={lang} set={set} findings={findings} onSelect={select} />
        )}
      </section>
      <section className={styles.card}>
        <Subtitle2 as="h2">{t.formsSection}</Subtitle2>
        {/* The action first (every form is chosen by default), so it shows without scrolling in a 270 px pane. */}
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={busy || !caps.insert} onClick={insert}>
            {t.insertButton}
          </Button>
        </div>
        <FormPicker t={t} set={set} loadedSet={origin.kind !== "builtin"} selected={selected} onChange={setSelected} />
        <Divider />
        <Subtitle2 as="h2">{t.headerSection}</Subtitle2>
        <HeaderFields t={t} lang={lang} header={header} onChange={setHeader} />
      </section>

      <section className={styles.card}>
        <Subtitle2 as="h2">{t.setSection}</Subtitle2>
        <TemplateSetSection t={t} set={set} origin={origin} busy={busy} onLoadFile={loadFile} onUseBuiltin={useBuiltin} />
      </section>

      <section className={styles.card}>
        <Subtitle2 as="h2">{learnPaneText(lang).section}</Subtitle2>
        <LearnSection
          lang={lang}
          busy={busy}
          learnFile={async (bytes, file) => (await import("./learn")).learnFromFile(bytes, file, lang)}
          learnSheet={host.readActiveSheet ? async () => (await import("./learn")).learnFromGrid((await host.readActiveSheet?.()) ?? null, lang) : undefined}
          onStore={(learned) => loadFile(JSON.stringify(learned, null, 2), learned.learned_from?.file ?? learned.template_set)}
        />
      </section>

      <section className={styles.card}>
        <Subtitle2 as="h2">{tw.section}</Subtitle2>
        <WordSection t={tw} ready={outcome !== null} busy={busy} canSave={files !== undefined} onDownload={downloadAppendix} onReport={crossCheck} />
      </section>
    </main>
  );
}
