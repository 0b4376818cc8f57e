import { CounterBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../domain';
import type { Strings } from '../i18n/strings';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

const COLOR = { error: 'danger', warning: 'important', info: 'informative' } as const;

/**
 * Open findings by severity (acknowledged ones no longer count), projects and budget, and one line per plan sheet
 * saying how its layout was read: texts from `summaryView`.
 */
export function SummaryCounts(props: { t: Strings; counts: { severity: Severity; count: number; text: string }[]; projects: string; sheets?: string[] }) {
  const s = useStyles();
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
      {props.sheets?.map((line) => (
        <Text key={line} block size={200} data-testid="sheet-reading">
          {line}
        </Text>
      ))}
    </section>
  );
}
