import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { MARK_STYLES, columnLetters, parseAddress, type Severity } from '../../domain';
import type { Strings } from '../i18n/strings';
import type { PreviewWindow } from '../state/engine';

const useStyles = makeStyles({
  // The grid scrolls inside its own box (never the page), both ways, with row numbers and letters kept in view.
  wrap: { overflow: 'auto', border: `1px solid ${tokens.colorNeutralStroke1}`, maxWidth: '100%', maxHeight: '30vh', position: 'relative', '@media (min-width: 900px)': { maxHeight: '60vh' } },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200 },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    padding: '2px 4px',
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground3,
    position: 'sticky',
    zIndex: 1,
    whiteSpace: 'nowrap',
  },
  colHead: { top: 0 },
  rowHead: { left: 0 },
  corner: { top: 0, left: 0, zIndex: 2 },
  td: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '2px 4px',
    maxWidth: '9em',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
});

/** The cells around a finding (PreviewWindow, from the engine), with the finding's cell outlined and coloured. */
export function SheetPreview(props: { t: Strings; preview: PreviewWindow; severity: Severity }) {
  const s = useStyles();
  const ref = useRef<HTMLTableCellElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const { sheet: name, cell, first, last, left, right, values } = props.preview;
  // Scrolls the grid's own box to the cell (scrollIntoView would scroll the page too, away from the list).
  useEffect(() => {
    const here = ref.current;
    const wrap = box.current;
    if (!here || !wrap) return;
    wrap.scrollTop = Math.max(0, here.offsetTop - (wrap.clientHeight - here.offsetHeight) / 2);
    wrap.scrollLeft = Math.max(0, here.offsetLeft - (wrap.clientWidth - here.offsetWidth) / 2);
  }, [name, cell]);
  const at = parseAddress(cell);
  if (!at) return null;
  const value = (r: number, c: number): string => values[r - first]?.[c - left] ?? '';
  const cols = Array.from({ length: right - left + 1 }, (_, i) => left + i);
  const style = MARK_STYLES[props.severity];
  const label = props.t.preview(name, cell);
  return (
    <section aria-label={label} data-testid="sheet-preview">
      <Text size={200} weight="semibold">
        {label}
      </Text>
      {/* Focusable so the grid can be scrolled from the keyboard. */}
      <div className={s.wrap} ref={box} tabIndex={0} role="group" aria-label={label}>
        <table className={s.table}>
          <thead>
            <tr>
              <th className={`${s.th} ${s.corner}`} scope="col" />
              {cols.map((c) => (
                <th key={c} className={`${s.th} ${s.colHead}`} scope="col">
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: last - first + 1 }, (_, i) => first + i).map((r) => (
              <tr key={r}>
                <th className={`${s.th} ${s.rowHead}`} scope="row">
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
                      data-cell={here ? cell : undefined}
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
