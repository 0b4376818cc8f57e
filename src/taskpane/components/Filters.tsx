import { Checkbox, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../../domain/rules/finding';
import type { Lang, Strings } from '../i18n/strings';
import { RULE_LABELS } from '../i18n/rules';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface FilterState {
  severities: Set<Severity>;
  /** Empty: every rule. */
  codes: Set<string>;
}

export function Filters(props: { t: Strings; lang: Lang; codes: string[]; value: FilterState; onChange: (f: FilterState) => void }) {
  const s = useStyles();
  const { t, value } = props;
  const toggle = (sev: Severity, on: boolean): void => {
    const severities = new Set(value.severities);
    if (on) severities.add(sev);
    else severities.delete(sev);
    props.onChange({ ...value, severities });
  };
  const label = (code: string): string => RULE_LABELS[code]?.[props.lang] ?? code;
  return (
    <div>
      <fieldset className={s.row} style={{ border: 'none', padding: 0, margin: 0 }}>
        <legend>{t.filterSeverity}</legend>
        {(['error', 'warning', 'info'] as const).map((sev) => (
          <Checkbox key={sev} label={t.severity[sev]} checked={value.severities.has(sev)} onChange={(_, d) => toggle(sev, d.checked === true)} />
        ))}
      </fieldset>
      <Field label={t.filterRule}>
        <Dropdown
          multiselect
          placeholder={t.allRules}
          value={[...value.codes].map(label).join(', ')}
          selectedOptions={[...value.codes]}
          onOptionSelect={(_, d) => props.onChange({ ...value, codes: new Set(d.selectedOptions) })}
        >
          {props.codes.map((code) => (
            <Option key={code} value={code}>
              {label(code)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}
