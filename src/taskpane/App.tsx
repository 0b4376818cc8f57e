import {
  Button, Checkbox, Divider, FluentProvider, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Switch, Text,
  makeStyles, tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { fingerprint, planSummaries, workbookTitle, groupFindings, type Finding, type Severity } from '../domain';
import type { PlanHost } from '../workbook/host';
import { Filters, type FilterState } from './components/Filters';
import { FixPanel } from './components/FixPanel';
import { SheetPreview } from './components/SheetPreview';
import { FindingsList } from './components/FindingsList';
import { SummaryCounts } from './components/SummaryCounts';
import { STRINGS, type Lang } from './i18n/strings';
import { theme } from './theme';
import { useChecker } from './useChecker';

const useStyles = makeStyles({
  // minmax(0, 1fr): a wide child (the sheet preview) scrolls inside the pane instead of widening it.
  root: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: '280px' },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  toolbar: { display: 'grid', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface AppProps {
  host: PlanHost;
  initialLang?: Lang;
  now?: () => Date;
}

export function App({ host, initialLang = 'th', now }: AppProps) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = STRINGS[lang];
  const { state, check, setMarks, acknowledge, withdraw, select, setLive, applyAndRecheck, snapshot } = useChecker(host, lang, now);
  const [filters, setFilters] = useState<FilterState>({ severities: new Set<Severity>(['error', 'warning', 'info']), hiddenCodes: new Set() });
  const [showAcked, setShowAcked] = useState(true);
  /** The finding last clicked: in file mode its cell is shown in a preview grid (there is no Excel to scroll). */
  const [selected, setSelected] = useState<Finding | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const analysis = state.analysis;
  const acks = state.acks.items;
  const open = useMemo(() => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of analysis?.findings ?? []) if (!acks[fingerprint(f)]) counts[f.severity]++;
    return counts;
  }, [analysis, acks]);
  const ackedCount = (analysis?.findings ?? []).filter((f) => acks[fingerprint(f)]).length;
  const codes = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of analysis?.findings ?? []) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  }, [analysis]);
  const visible = useMemo(
    () =>
      (analysis?.findings ?? []).filter(
        (f) =>
          filters.severities.has(f.severity) &&
          !filters.hiddenCodes.has(f.code) &&
          (showAcked || !acks[fingerprint(f)]),
      ),
    [analysis, filters, showAcked, acks],
  );
  const groups = useMemo(() => (analysis ? groupFindings(analysis, visible) : []), [analysis, visible]);
  const busy = state.phase === 'reading' || state.phase === 'applying';
  const status =
    state.phase === 'reading'
      ? state.progress !== null && state.progress > 0 && state.progress < 1
        ? t.readProgress(Math.round(state.progress * 100))
        : t.checking
      : state.phase === 'applying'
        ? t.applying
        : state.liveAt
          ? t.liveUpdated(state.liveAt)
          : '';

  return (
    <FluentProvider theme={theme} lang={lang}>
      <main className={s.root}>
        <header className={s.header}>
          <Text as="h1" size={500} weight="semibold">
            {t.appTitle}
          </Text>
          <Button appearance="subtle" onClick={() => setLang(lang === 'th' ? 'en' : 'th')} lang={lang === 'th' ? 'en' : 'th'}>
            {t.language}
          </Button>
        </header>

        <section className={s.toolbar} aria-label={t.appTitle}>
          <div className={s.buttons}>
            <Button appearance="primary" onClick={() => void check()} disabled={busy}>
              {t.check}
            </Button>
            <Button onClick={() => void setMarks(false)} disabled={busy}>
              {t.clearMarks}
            </Button>
          </div>
          <Switch label={t.marks} checked={state.marks} onChange={(_, d) => void setMarks(d.checked)} disabled={busy} />
          <Switch
            label={host.canExplain ? t.notes : `${t.notes} (${t.notesUnavailable})`}
            checked={state.notes && host.canExplain}
            disabled={!host.canExplain || busy}
            onChange={(_, d) => void setMarks(state.marks, d.checked)}
          />
          {host.kind === 'excel' && <Switch label={t.live} checked={state.live} onChange={(_, d) => setLive(d.checked)} />}
        </section>

        <div aria-live="polite" role="status">
          {busy && <ProgressBar value={state.phase === 'reading' && state.progress ? state.progress : undefined} />}
          {status && <Text size={200}>{status}</Text>}
        </div>

        {state.phase === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              <MessageBarTitle>{t.error}</MessageBarTitle>
              {state.error}
            </MessageBarBody>
          </MessageBar>
        )}

        {!analysis ? (
          <Text>{t.nothingYet}</Text>
        ) : (
          <>
            <SummaryCounts t={t} open={open} projects={analysis.stats.projects} budget={analysis.stats.budget} />
            <Divider />
            <FixPanel
              t={t}
              busy={busy}
              analysis={analysis}
              apply={applyAndRecheck}
              summarize={() => {
                const actions = planSummaries(analysis, { title: snapshot.current ? workbookTitle(snapshot.current) : '' });
                return applyAndRecheck(actions, t.sheetsAdded(actions.map((a) => a.sheet.name).join(', ')));
              }}
              message={state.notice}
            />
            <Divider />
            <Filters t={t} lang={lang} codes={codes} value={filters} onChange={setFilters} />
            {host.kind === 'file' && selected && snapshot.current && (
              <SheetPreview t={t} snapshot={snapshot.current} sheet={selected.sheet} cell={selected.cell} severity={selected.severity} />
            )}
            {ackedCount > 0 && <Checkbox label={t.showAcked(ackedCount)} checked={showAcked} onChange={(_, d) => setShowAcked(d.checked === true)} />}
            {analysis.findings.length === 0 ? (
              <Text>{t.noFindings}</Text>
            ) : groups.length === 0 ? (
              <Text>{t.noneMatch}</Text>
            ) : (
              <FindingsList
                t={t}
                lang={lang}
                groups={groups}
                acks={acks}
                fingerprint={fingerprint}
                onSelect={(f) => {
                  setSelected(f);
                  void select(f);
                }}
                onAcknowledge={(f, reason) => void acknowledge(f, reason)}
                onWithdraw={(f) => void withdraw(f)}
              />
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
