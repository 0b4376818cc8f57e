import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import type { Strings } from '../i18n/strings';
import type { PaneEvent } from '../state/reducer';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  button: { maxWidth: '100%', whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'left', height: 'auto' },
});

/** Open findings per sheet at the top of the list; a click shows that sheet's only (and again, every sheet's). */
export const SheetSummary = memo(function SheetSummary(props: {
  t: Strings;
  sheets: { sheet: string; text: string }[];
  selected: string | null;
  dispatch: (e: PaneEvent) => void;
}) {
  const s = useStyles();
  if (props.sheets.length === 0) return null;
  return (
    <nav aria-label={props.t.bySheet} className={s.row} data-testid="sheet-summary">
      {props.sheets.map((x) => (
        <ToggleButton
          key={x.sheet}
          size="small"
          className={s.button}
          checked={props.selected === x.sheet}
          data-testid="sheet-count"
          data-sheet={x.sheet}
          onClick={() => props.dispatch({ type: 'sheet-filtered', sheet: props.selected === x.sheet ? null : x.sheet })}
        >
          {x.text}
        </ToggleButton>
      ))}
    </nav>
  );
});
