import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles } from '@fluentui/react-components';
import type { Finding } from '../../domain';
import type { Strings } from '../i18n/strings';
import type { PaneState } from '../state/reducer';
import { findingsView } from '../state/selectors';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  group: { margin: '4px 0 0 0' },
});

export interface FindingsListProps {
  t: Strings;
  state: PaneState;
  onSelect: (f: Finding) => void;
  onAcknowledge: (f: Finding, reason: string) => void;
  onWithdraw: (f: Finding) => void;
}

/** The visible findings grouped by sheet, then by goal/indicator (`findingsView`); every sheet open by default. */
export function FindingsList({ t, state, onSelect, onAcknowledge, onWithdraw }: FindingsListProps) {
  const s = useStyles();
  const sheets = findingsView(state);
  return (
    <Accordion multiple collapsible defaultOpenItems={sheets.map((g) => g.sheet)}>
      {sheets.map((sheet) => (
        <AccordionItem key={sheet.sheet} value={sheet.sheet}>
          <AccordionHeader as="h2">{sheet.title}</AccordionHeader>
          <AccordionPanel>
            {sheet.groups.map((g) => (
              <section key={g.key} aria-label={g.title}>
                <Text as="h3" weight="semibold" size={200} className={s.group} block>
                  {g.title}
                </Text>
                <ul className={s.list}>
                  {g.items.map((item) => (
                    <FindingItem key={item.id} t={t} item={item} onSelect={onSelect} onAcknowledge={onAcknowledge} onWithdraw={onWithdraw} />
                  ))}
                </ul>
              </section>
            ))}
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}
