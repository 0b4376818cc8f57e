import { Badge, Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type CSSProperties, type Ref } from 'react';
import type { Finding } from '../../domain';
import type { Strings } from '../i18n/strings';
import type { FindingView } from '../state/selectors';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    boxSizing: 'border-box',
  },
  go: {
    justifyContent: 'flex-start',
    minWidth: 0,
    maxWidth: '100%',
    overflowWrap: 'anywhere',
    textAlign: 'left',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  acked: { opacity: 0.7 },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  // Wraps (the acknowledge form too) rather than widen a 320 px pane.
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'end', minWidth: 0 },
  where: { color: tokens.colorNeutralForeground3 },
});

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/** Where the virtual list puts the row, and its place in the whole list (for screen readers). */
export interface RowProps {
  'data-index': number;
  ref: Ref<HTMLLIElement>;
  className: string;
  style: CSSProperties;
  'aria-setsize': number;
  'aria-posinset': number;
}

export interface FindingItemProps {
  t: Strings;
  row: RowProps;
  /** The finding last clicked (its cell is in the preview). */
  selected: boolean;
  /** The list's one Tab stop: only this finding's controls are reached by Tab (the others by the arrow keys). */
  tabStop: boolean;
  /** The finding with every text it shows (`findingsView`). */
  item: FindingView;
  onSelect: (f: Finding) => void;
  onAcknowledge: (f: Finding, reason: string) => void;
  onWithdraw: (f: Finding) => void;
}

/** One finding: click to go to its cell; acknowledge it with a reason, or withdraw that. */
export function FindingItem({ t, row, selected, tabStop, item, onSelect, onAcknowledge, onWithdraw }: FindingItemProps) {
  const { finding: f, ack } = item;
  const s = useStyles();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const tabIndex = tabStop ? 0 : -1;
  return (
    <li {...row} className={`${row.className} ${s.item} ${ack ? s.acked : ''} ${selected ? s.selected : ''}`} data-testid="finding" data-cell={f.cell} data-code={f.code} data-sheet={f.sheet}>
      <Button appearance="subtle" className={s.go} onClick={() => onSelect(f)} tabIndex={tabIndex} data-go aria-current={selected ? 'true' : undefined}>
        <span>
          <span className="visually-hidden">{`${item.goTo}: `}</span>
          <span className={s.head}>
            <Badge color={COLOR[f.severity]} appearance="filled" size="small">
              {item.severity}
            </Badge>
            <Text weight="semibold">{f.cell}</Text>
          </span>
          <Text block>{item.message}</Text>
          {item.where && (
            <Text block size={200} className={s.where}>
              {item.where}
            </Text>
          )}
          {item.detail && (
            <Text block size={200}>
              {item.detail}
            </Text>
          )}
          {item.group && (
            <Text block size={200} data-testid="finding-group">
              {item.group}
            </Text>
          )}
        </span>
      </Button>
      {ack ? (
        <div className={s.actions}>
          <Text size={200}>{item.ackText}</Text>
          <Button size="small" appearance="transparent" tabIndex={tabIndex} onClick={() => onWithdraw(f)}>
            {t.undoAck}
          </Button>
        </div>
      ) : asking ? (
        <form
          className={s.actions}
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) onAcknowledge(f, reason.trim());
            setAsking(false);
          }}
        >
          <Field label={t.reason} style={{ flex: '1 1 12em', minWidth: 0 }}>
            <Input style={{ minWidth: 0, width: '100%' }} value={reason} placeholder={t.reasonPlaceholder} onChange={(_, d) => setReason(d.value)} autoFocus />
          </Field>
          <Button type="submit" size="small" appearance="primary" disabled={!reason.trim()}>
            {t.save}
          </Button>
          <Button size="small" onClick={() => setAsking(false)}>
            {t.cancel}
          </Button>
        </form>
      ) : (
        <div className={s.actions}>
          <Button size="small" appearance="transparent" tabIndex={tabIndex} onClick={() => setAsking(true)}>
            {t.acknowledge}
          </Button>
        </div>
      )}
    </li>
  );
}
