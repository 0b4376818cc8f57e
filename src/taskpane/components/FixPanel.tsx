import { Button, Checkbox, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { planNumbers, planTotals, type Action, type Analysis, money } from '../../domain';
import type { Strings } from '../i18n/strings';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  preview: { display: 'grid', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  list: { margin: 0, paddingLeft: '1.2em', maxHeight: '14em', overflowY: 'auto' },
});

const LIMIT = 50;
const shown = (v: unknown): string => (typeof v === 'number' ? money(v) : String(v ?? ''));

export interface FixPanelProps {
  t: Strings;
  busy: boolean;
  analysis: Analysis;
  apply: (actions: Action[], done: string) => Promise<void>;
  summarize: () => Promise<void>;
  message: string | null;
}

/** แปลงตัวเลข and เติมผลรวม show what will change (disagreeing totals first) before anything is written. */
export function FixPanel({ t, busy, analysis, apply, summarize, message }: FixPanelProps) {
  const s = useStyles();
  const [open, setOpen] = useState<'numbers' | 'totals' | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const numbers = useMemo(() => (open === 'numbers' ? planNumbers(analysis) : []), [open, analysis]);
  const totals = useMemo(
    () => (open === 'totals' ? planTotals(analysis, { overwriteConflicts: overwrite }) : { actions: [], conflicts: [] }),
    [open, overwrite, analysis],
  );
  const actions = open === 'numbers' ? numbers : totals.actions;
  const lines = actions.flatMap((a) =>
    a.kind === 'set-number'
      ? [t.changeLine(`${a.sheet}!${a.cell}`, `"${a.before}"`, money(a.value))]
      : a.kind === 'set-formula'
        ? [t.changeLine(`${a.sheet}!${a.cell}`, shown(a.before), `${a.formula} = ${money(a.expected)}`)]
        : [],
  );
  const formulas = actions.filter((a) => a.kind === 'set-formula').length;
  return (
    <section className={s.root} aria-label={t.fixAndSummarize}>
      <Text as="h2" weight="semibold">
        {t.fixAndSummarize}
      </Text>
      <div className={s.buttons}>
        <Button onClick={() => setOpen('numbers')} disabled={busy} aria-expanded={open === 'numbers'}>
          {t.numbers}
        </Button>
        <Button onClick={() => setOpen('totals')} disabled={busy} aria-expanded={open === 'totals'}>
          {t.totals}
        </Button>
        <Button onClick={() => void summarize()} disabled={busy}>
          {t.summarize}
        </Button>
      </div>
      {open && (
        <div className={s.preview} role="region" aria-label={open === 'numbers' ? t.numbers : t.totals}>
          {open === 'totals' && totals.conflicts.length > 0 && (
            <>
              <Text weight="semibold">{t.conflictsTitle(totals.conflicts.length)}</Text>
              <ul className={s.list}>
                {totals.conflicts.map((c) => (
                  <li key={`${c.sheet}!${c.cell}`}>{t.conflictLine(`${c.sheet}!${c.cell}`, shown(c.stated), money(c.computed))}</li>
                ))}
              </ul>
              <Checkbox label={t.overwrite(totals.conflicts.length)} checked={overwrite} onChange={(_, d) => setOverwrite(d.checked === true)} />
            </>
          )}
          <Text>{actions.length === 0 ? t.nothingToDo : open === 'numbers' ? t.numbersPreview(actions.length) : t.totalsPreview(formulas)}</Text>
          <ul className={s.list}>
            {lines.slice(0, LIMIT).map((l) => (
              <li key={l}>{l}</li>
            ))}
            {lines.length > LIMIT && <li>{t.more(lines.length - LIMIT)}</li>}
          </ul>
          <div className={s.buttons}>
            <Button
              appearance="primary"
              disabled={busy || actions.length === 0}
              onClick={() => {
                const what = open === 'numbers' ? t.numbers : t.totals;
                setOpen(null);
                void apply(actions, t.applied(what));
              }}
            >
              {t.confirm}
            </Button>
            <Button onClick={() => setOpen(null)}>{t.cancel}</Button>
          </div>
        </div>
      )}
      {message && (
        <MessageBar intent="success">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
