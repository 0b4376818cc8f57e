import { CounterBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { type Severity, money } from '../../domain';
import type { Strings } from '../i18n/strings';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  item: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

const COLOR = { error: 'danger', warning: 'important', info: 'informative' } as const;

/** Open findings by severity (acknowledged ones no longer count), projects and budget. */
export function SummaryCounts(props: { t: Strings; open: Record<Severity, number>; projects: number; budget: number }) {
  const s = useStyles();
  return (
    <section aria-label={props.t.counts}>
      <div className={s.row}>
        {(['error', 'warning', 'info'] as const).map((sev) => (
          <span key={sev} className={s.item} data-testid={`count-${sev}`}>
            <CounterBadge count={props.open[sev]} showZero color={COLOR[sev]} aria-hidden />
            <Text>
              {props.t.severity[sev]} {props.open[sev]}
            </Text>
          </span>
        ))}
      </div>
      <Text size={200}>{props.t.projects(props.projects, money(props.budget))}</Text>
    </section>
  );
}
