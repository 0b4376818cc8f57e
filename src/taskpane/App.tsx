import {
  Button, Checkbox, Divider, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Switch, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { PlanHost } from '../workbook/host';
import { Filters } from './components/Filters';
import { FixPanel } from './components/FixPanel';
import { SheetPreview } from './components/SheetPreview';
import { FindingsList } from './components/FindingsList';
import { SheetSummary } from './components/SheetSummary';
import { SummaryCounts } from './components/SummaryCounts';
import type { Lang, Strings } from './i18n/strings';
import type { Engine } from './state/engine';
import { localEngine } from './state/local-engine';
import { acknowledgedCount, isBusy, listView, noPlan, notesSwitch, progressValue, sheetSummary, statusText, strings, summaryView } from './state/selectors';
import { hostWarnings } from './state/warnings';
import { theme } from './theme';
import { useChecker } from './useChecker';

const useStyles = makeStyles({
  // minmax(0, 1fr): a wide child (the sheet preview) scrolls inside the pane instead of widening it.
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, overflowWrap: 'anywhere' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Below 900 px one column; from 900 px the sheet preview stands beside the list and stays in view.
  work: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    gap: tokens.spacingVerticalM,
    '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', alignItems: 'start' },
  },
  list: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  // The preview stays in view while the list scrolls: above it in a narrow pane, beside it from 900 px.
  side: {
    minWidth: 0,
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    '@media (min-width: 900px)': { top: tokens.spacingVerticalM, gridColumn: '2', gridRow: '1' },
  },
  toolbar: { display: 'grid', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface AppProps {
  /** Excel: the pane analyses on its own thread (office.js reads there anyway). */
  host?: PlanHost;
  /** Or an engine that analyses elsewhere (the browser mode's worker). */
  engine?: Engine;
  initialLang?: Lang;
  now?: () => Date;
  /** What the host adds to the top bar (the browser's download and open-another), in the pane's language. */
  bar?: (t: Strings) => ReactNode;
}

/** The pane: renders the state through the selectors and turns clicks into events and effects. */
export function App({ host: planHost, engine, initialLang = 'th', now, bar }: AppProps) {
  const s = useStyles();
  const host = useMemo(() => engine ?? localEngine(planHost as PlanHost), [engine, planHost]);
  const pane = useChecker(host, { initialLang, ...(now ? { now } : {}) });
  const { state, dispatch } = pane;
  const { lang } = state;
  const t = strings(state);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const busy = isBusy(state);
  const status = statusText(state);
  const notes = notesSwitch(state, host.canExplain);
  const summary = summaryView(state);
  const acked = acknowledgedCount(state);
  const list = listView(state);
  const selected = state.selected;
  const warnings = hostWarnings(state);
  const perSheet = sheetSummary(state);
  const preview = host.kind === 'file' && selected && state.preview ? <SheetPreview t={t} preview={state.preview} severity={selected.severity} /> : null;

  return (
    <FluentProvider theme={theme} lang={lang}>
      <main className={s.root}>
        <header className={s.header}>
          <Text as="h1" size={500} weight="semibold">
            {t.appTitle}
          </Text>
          <Button appearance="subtle" onClick={() => dispatch({ type: 'lang-changed', lang: lang === 'th' ? 'en' : 'th' })} lang={lang === 'th' ? 'en' : 'th'}>
            {t.language}
          </Button>
          {bar?.(t)}
        </header>

        <section className={s.toolbar} aria-label={t.appTitle}>
          <div className={s.buttons}>
            <Button appearance="primary" onClick={() => void pane.check()} disabled={busy}>
              {t.check}
            </Button>
            <Button onClick={() => void pane.setMarks(false)} disabled={busy}>
              {t.clearMarks}
            </Button>
          </div>
          <Switch label={t.marks} checked={state.marks} onChange={(_, d) => void pane.setMarks(d.checked)} disabled={busy} />
          <Switch label={notes.label} checked={notes.checked} disabled={notes.disabled} onChange={(_, d) => void pane.setMarks(state.marks, d.checked)} />
          {host.kind === 'excel' && <Switch label={t.live} checked={state.live.on} onChange={(_, d) => void pane.setLive(d.checked)} />}
        </section>

        <div aria-live="polite" role="status">
          {busy && <ProgressBar value={progressValue(state)} />}
          {status && <Text size={200}>{status}</Text>}
        </div>

        {state.phase === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.error}</MessageBarTitle>
              {state.error?.[lang]}
            </MessageBarBody>
          </MessageBar>
        )}

        {warnings.length > 0 && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.warningsTitle}</MessageBarTitle>
              {warnings.map((w) => (
                <div key={w}>{w}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}

        {!summary ? (
          <Text>{t.nothingYet}</Text>
        ) : noPlan(state) ? (
          <MessageBar intent="info" layout="multiline" data-testid="no-plan">
            <MessageBarBody>{t.noPlan}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <SummaryCounts t={t} counts={summary.counts} projects={summary.projects} sheets={summary.sheets} />
            <SheetSummary t={t} sheets={perSheet} selected={state.filters.sheet} dispatch={dispatch} />
            <div className={s.work}>
              {preview && <aside className={s.side}>{preview}</aside>}
              <div className={s.list}>
                <Filters t={t} state={state} dispatch={dispatch} />
                {acked > 0 && (
                  <Checkbox
                    label={t.showAcked(acked)}
                    checked={state.filters.showAcknowledged}
                    onChange={(_, d) => dispatch({ type: 'acknowledged-shown', show: d.checked === true })}
                  />
                )}
                {list === 'no-findings' ? (
                  <Text>{t.noFindings}</Text>
                ) : list === 'none-match' ? (
                  <Text>{t.noneMatch}</Text>
                ) : (
                  <FindingsList t={t} state={state} onSelect={pane.select} onAcknowledge={pane.acknowledge} onWithdraw={pane.withdraw} />
                )}
              </div>
            </div>
            <Divider />
            <FixPanel t={t} state={state} dispatch={dispatch} plan={pane.planFix} confirm={pane.applyFix} summarize={pane.summarize} />
          </>
        )}
      </main>
    </FluentProvider>
  );
}
