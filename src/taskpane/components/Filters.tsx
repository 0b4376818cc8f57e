import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Checkbox, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Strings } from '../i18n/strings';
import type { PaneEvent, PaneState } from '../state/reducer';
import { ruleOptions, severityOptions, sheetOptions } from '../state/selectors';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', border: 'none', padding: 0, margin: 0 },
  column: { display: 'grid', border: 'none', padding: 0, margin: 0 },
});

/** Severity checkboxes, a sheet choice when findings are on several sheets, and the rules present with their counts. */
export function Filters({ t, state, dispatch }: { t: Strings; state: PaneState; dispatch: (e: PaneEvent) => void }) {
  const s = useStyles();
  const sheets = sheetOptions(state);
  return (
    <div>
      <fieldset className={s.row}>
        <legend>{t.filterSeverity}</legend>
        {severityOptions(state).map((o) => (
          <Checkbox
            key={o.key}
            label={o.label}
            checked={o.checked}
            onChange={(_, d) => dispatch({ type: 'severity-toggled', severity: o.key, on: d.checked === true })}
          />
        ))}
      </fieldset>
      {sheets.length > 1 && (
        <Field label={t.filterSheet}>
          <Select value={state.filters.sheet ?? ''} onChange={(_, d) => dispatch({ type: 'sheet-filtered', sheet: d.value === '' ? null : d.value })}>
            <option value="">{t.allSheets}</option>
            {sheets.map((o) => (
              <option key={o.sheet} value={o.sheet}>{`${o.sheet} (${o.count})`}</option>
            ))}
          </Select>
        </Field>
      )}
      <Accordion collapsible>
        <AccordionItem value="rules">
          <AccordionHeader size="small">{t.filterRule}</AccordionHeader>
          <AccordionPanel>
            <fieldset className={s.column}>
              <legend className="visually-hidden">{t.filterRule}</legend>
              {ruleOptions(state).map((o) => (
                <Checkbox key={o.key} label={o.label} checked={o.checked} onChange={(_, d) => dispatch({ type: 'rule-toggled', code: o.key, on: d.checked === true })} />
              ))}
            </fieldset>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
