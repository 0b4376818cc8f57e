import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text, makeStyles } from '@fluentui/react-components';
import type { SheetGroup, Finding } from '../../domain';
import type { Lang, Strings } from '../i18n/strings';
import { FindingItem } from './FindingItem';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  group: { margin: '4px 0 0 0' },
});

export interface FindingsListProps {
  t: Strings;
  lang: Lang;
  groups: SheetGroup[];
  acks: Record<string, { reason: string; at: string }>;
  fingerprint: (f: Finding) => string;
  onSelect: (f: Finding) => void;
  onAcknowledge: (f: Finding, reason: string) => void;
  onWithdraw: (f: Finding) => void;
}

/** Findings grouped by sheet, then by goal/indicator; every sheet open by default. */
export function FindingsList(props: FindingsListProps) {
  const s = useStyles();
  const { t, groups } = props;
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.sheet)}>
      {groups.map((sheet) => (
        <AccordionItem key={sheet.sheet} value={sheet.sheet}>
          <AccordionHeader as="h2">{t.sheet(sheet.sheet, sheet.groups.reduce((n, g) => n + g.findings.length, 0))}</AccordionHeader>
          <AccordionPanel>
            {sheet.groups.map((g) => (
              <section key={g.key} aria-label={t.group(g.goal, g.indicator)}>
                <Text as="h3" weight="semibold" size={200} className={s.group} block>
                  {t.group(g.goal, g.indicator)}
                </Text>
                <ul className={s.list}>
                  {g.findings.map((f) => (
                    <FindingItem
                      key={`${f.code}|${f.cell}`}
                      t={t}
                      lang={props.lang}
                      finding={f}
                      ack={props.acks[props.fingerprint(f)]}
                      onSelect={props.onSelect}
                      onAcknowledge={props.onAcknowledge}
                      onWithdraw={props.onWithdraw}
                    />
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
