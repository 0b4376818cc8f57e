import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { isRuleCode, type Severity } from '../../domain';
import type { Lang, Strings } from '../i18n/strings';
import { RULE_LABELS } from '../i18n/rules';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', border: 'none', padding: 0, margin: 0 },
  column: { display: 'grid', border: 'none', padding: 0, margin: 0 },
});

export interface FilterState {
  severities: Set<Severity>;
  /** Rules the reviewer chose to hide. */
  hiddenCodes: Set<string>;
}

/** Severity checkboxes, and a collapsible list of the rules present with their counts. */
export function Filters(props: { t: Strings; lang: Lang; codes: [string, number][]; value: FilterState; onChange: (f: FilterState) => void }) {
  const s = useStyles();
  const { t, value } = props;
  const toggled = <T,>(set: Set<T>, item: T, on: boolean): Set<T> => {
    const next = new Set(set);
    if (on) next.add(item);
    else next.delete(item);
    return next;
  };
  const label = (code: string): string => (isRuleCode(code) ? RULE_LABELS[code][props.lang] : code);
  return (
    <div>
      <fieldset className={s.row}>
        <legend>{t.filterSeverity}</legend>
        {(['error', 'warning', 'info'] as const).map((sev) => (
          <Checkbox
            key={sev}
            label={t.severity[sev]}
            checked={value.severities.has(sev)}
            onChange={(_, d) => props.onChange({ ...value, severities: toggled(value.severities, sev, d.checked === true) })}
          />
        ))}
      </fieldset>
      <Accordion collapsible>
        <AccordionItem value="rules">
          <AccordionHeader size="small">{t.filterRule}</AccordionHeader>
          <AccordionPanel>
            <fieldset className={s.column}>
              <legend className="visually-hidden">{t.filterRule}</legend>
              {props.codes.map(([code, n]) => (
                <Checkbox
                  key={code}
                  label={`${label(code)} (${n})`}
                  checked={!value.hiddenCodes.has(code)}
                  onChange={(_, d) => props.onChange({ ...value, hiddenCodes: toggled(value.hiddenCodes, code, d.checked !== true) })}
                />
              ))}
            </fieldset>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
