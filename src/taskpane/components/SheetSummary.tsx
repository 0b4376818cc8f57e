import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { memo, useState } from 'react';
import type { Strings } from '../i18n/strings';
import type { PaneEvent } from '../state/reducer';
import { shownPart } from '../state/selectors';
import { More } from './More';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  button: { maxWidth: '100%', whiteSpace: 'normal', overflowWrap: 'anywhere', textAlign: 'left', height: 'auto' },
});

/** Sheets shown before "N more sheets" (the sheet filter above the list offers every one). */
export const SHEETS_SHOWN = 8;

/**
 * Open findings per sheet at the top of the list; a click shows that sheet's only (and again, every sheet's).
 * A workbook of many sheets shows the first few (and the chosen one) until the reviewer asks for the rest.
 */
export const SheetSummary = memo(function SheetSummary(props: {
  t: Strings;
  sheets: { sheet: string; text: string }[];
  selected: string | null;
  dispatch: (e: PaneEvent) => void;
}) {
  const s = useStyles();
  const [open, setOpen] = useState(false);
  if (props.sheets.length === 0) return null;
  const { shown, hidden } = shownPart(props.sheets, SHEETS_SHOWN, open, (x) => x.sheet === props.selected);
  return (
    <nav aria-label={props.t.bySheet} className={s.row} data-testid="sheet-summary">
      {shown.map((x) => (
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
      <More hidden={hidden} open={open} more={props.t.moreSheets} fewer={props.t.showFewer} onToggle={() => setOpen((o) => !o)} />
    </nav>
  );
});
