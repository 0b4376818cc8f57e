import { CounterBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Severity } from '../../domain';
import type { Strings } from '../i18n/strings';
import { shownPart } from '../state/selectors';
import { More } from './More';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

const COLOR = { error: 'danger', warning: 'important', info: 'informative' } as const;
/** Reading lines shown before "how N more sheets were read". */
export const READINGS_SHOWN = 5;

/**
 * Open findings by severity (acknowledged ones no longer count), projects and budget, and one line per plan sheet
 * saying how its layout was read: texts from `summaryView`.
 */
export function SummaryCounts(props: { t: Strings; counts: { severity: Severity; count: number; text: string }[]; projects: string; sheets?: string[] }) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  const { shown, hidden } = shownPart(props.sheets ?? [], READINGS_SHOWN, open);
  return (
    <section aria-label={props.t.counts}>
      <div className={s.row}>
        {props.counts.map((c) => (
          <span key={c.severity} className={s.item} data-testid={`count-${c.severity}`}>
            <CounterBadge count={c.count} showZero color={COLOR[c.severity]} aria-hidden />
            <Text>{c.text}</Text>
          </span>
        ))}
      </div>
      <Text size={200}>{props.projects}</Text>
      {shown.map((line) => (
        <Text key={line} block size={200} data-testid="sheet-reading">
          {line}
        </Text>
      ))}
      <More hidden={hidden} open={open} more={props.t.moreReadings} fewer={props.t.showFewer} onToggle={() => setOpen((o) => !o)} />
    </section>
  );
}
