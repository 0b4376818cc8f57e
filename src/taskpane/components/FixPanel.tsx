import { Button, Checkbox, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n/strings';
import type { PaneEvent, PaneState } from '../state/reducer';
import { canSummarize, fixPreview, isBusy, noPlan } from '../state/selectors';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  preview: { display: 'grid', gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalS, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  list: { margin: 0, paddingLeft: '1.2em', maxHeight: '14em', overflowY: 'auto' },
});

export interface FixPanelProps {
  t: Strings;
  state: PaneState;
  dispatch: (e: PaneEvent) => void;
  /** Chooses a fix (or a conflict's choice) and has the engine plan it. */
  plan: (e: Extract<PaneEvent, { type: 'fix-previewed' | 'overwrite-toggled' | 'conflict-toggled' }>) => Promise<void>;
  /** Writes the previewed fix. */
  confirm: () => Promise<void>;
  summarize: () => Promise<void>;
}

/** แปลงตัวเลข and เติมผลรวม show what will change (disagreeing totals first, `fixPreview`) before anything is written. */
export function FixPanel({ t, state, dispatch, plan, confirm, summarize }: FixPanelProps) {
  const s = useStyles();
  const busy = isBusy(state);
  const open = state.fix?.kind ?? null;
  const p = fixPreview(state);
  return (
    <section className={s.root} aria-label={t.fixAndSummarize}>
      <Text as="h2" weight="semibold">
        {t.fixAndSummarize}
      </Text>
      <div className={s.buttons}>
        <Button onClick={() => void plan({ type: 'fix-previewed', fix: 'numbers' })} disabled={busy} aria-expanded={open === 'numbers'}>
          {t.numbers}
        </Button>
        <Button onClick={() => void plan({ type: 'fix-previewed', fix: 'totals' })} disabled={busy} aria-expanded={open === 'totals'}>
          {t.totals}
        </Button>
        <Button onClick={() => void summarize()} disabled={busy || !canSummarize(state)} title={noPlan(state) ? t.noPlan : undefined}>
          {t.summarize}
        </Button>
      </div>
      {p && (
        <div className={s.preview} role="region" aria-label={p.title}>
          {p.conflictsTitle && <Text weight="semibold">{p.conflictsTitle}</Text>}
          {p.formulasTitle && <Text weight="semibold">{p.formulasTitle}</Text>}
          {p.choices.length > 0 && (
            // One choice per conflict: ticked writes the formula, unticked keeps the cell as the user left it.
            <ul className={s.list} aria-label={p.conflictsTitle ?? p.formulasTitle ?? undefined}>
              {p.choices.map((c) => (
                <li key={c.cell}>
                  <Checkbox label={c.line} checked={c.checked} onChange={(_, d) => void plan({ type: 'conflict-toggled', cell: c.cell, overwrite: d.checked === true })} />
                </li>
              ))}
            </ul>
          )}
          {p.overwrite && (
            <Checkbox label={p.overwrite.label} checked={p.overwrite.checked} onChange={(_, d) => void plan({ type: 'overwrite-toggled', overwrite: d.checked === true })} />
          )}
          <Text>{p.summary}</Text>
          <ul className={s.list}>
            {p.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
            {p.more && <li>{p.more}</li>}
          </ul>
          <div className={s.buttons}>
            <Button appearance="primary" disabled={busy || p.pending || p.actions.length === 0} onClick={() => void confirm()}>
              {t.confirm}
            </Button>
            <Button onClick={() => dispatch({ type: 'fix-closed' })}>{t.cancel}</Button>
          </div>
        </div>
      )}
      {state.notice && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 }}>{state.notice}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
