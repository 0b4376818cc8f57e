import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { MARK_STYLES, columnLetters, parseAddress, type Severity, type WorkbookSnapshot } from '../../domain';
import type { Strings } from '../i18n/strings';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', border: `1px solid ${tokens.colorNeutralStroke1}`, maxWidth: '100%' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: { backgroundColor: tokens.colorNeutralBackground3, padding: '2px 4px', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    maxWidth: '9em',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
});

const AROUND_ROWS = 4;
const AROUND_COLS = 3;

/** The cells around a finding, as the sheet shows them, with the finding's cell outlined and coloured. */
export function SheetPreview(props: { t: Strings; snapshot: WorkbookSnapshot; sheet: string; cell: string; severity: Severity }) {
  const s = useStyles();
  const ref = useRef<HTMLTableCellElement>(null);
  useEffect(() => ref.current?.scrollIntoView?.({ block: 'nearest', inline: 'center' }), [props.sheet, props.cell]);
  const sheet = props.snapshot.sheets.find((x) => x.name === props.sheet);
  const at = parseAddress(props.cell);
  if (!sheet || !at) return null;
  const first = Math.max(sheet.origin.row, at.row - AROUND_ROWS);
  const last = Math.min(sheet.origin.row + sheet.values.length - 1, at.row + AROUND_ROWS);
  const left = Math.max(sheet.origin.column, at.col - AROUND_COLS);
  const right = at.col + AROUND_COLS;
  const value = (r: number, c: number): string => {
    const v = sheet.values[r - sheet.origin.row]?.[c - sheet.origin.column];
    return v === null || v === undefined ? '' : String(v);
  };
  const cols = Array.from({ length: right - left + 1 }, (_, i) => left + i);
  const style = MARK_STYLES[props.severity];
  const label = props.t.preview(props.sheet, props.cell);
  return (
    <section aria-label={label} data-testid="sheet-preview">
      <Text size={200} weight="semibold">
        {label}
      </Text>
      {/* Focusable so the grid can be scrolled from the keyboard. */}
      <div className={s.wrap} tabIndex={0} role="group" aria-label={label}>
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.th} scope="col" />
              {cols.map((c) => (
                <th key={c} className={s.th} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: last - first + 1 }, (_, i) => first + i).map((r) => (
              <tr key={r}>
                <th className={s.th} scope="row">
                  {r}
                </th>
                {cols.map((c) => {
                  const here = r === at.row && c === at.col;
                  return (
                    <td
                      key={c}
                      ref={here ? ref : undefined}
                      className={s.td}
                      title={value(r, c)}
                      aria-current={here ? 'true' : undefined}
                      data-cell={here ? props.cell : undefined}
                      style={here ? { backgroundColor: style.fill, color: style.font, outline: `2px solid ${style.font}` } : undefined}
                    >
                      {value(r, c)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
