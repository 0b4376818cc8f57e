import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Finding, Severity } from '../../domain';
import type { Strings } from '../i18n/strings';
import type { PaneState } from '../state/reducer';
import { findingsView, listRows } from '../state/selectors';
import { FindingItem } from './FindingItem';
import { initialRect, measureRow, observeBoxRect, scrollBox } from './measure';
import { useAfterFirstPaint } from './reveal';

const useStyles = makeStyles({
  // The list scrolls in its own box: only the rows in view (and a few around) are in the DOM, whatever the count.
  scroller: {
    overflowY: 'auto',
    overflowX: 'hidden',
    maxHeight: '70vh',
    minWidth: 0,
    // Layout inside the box stays inside it (a row that grows does not lay out the page).
    contain: 'content',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    '@media (min-width: 900px)': { maxHeight: 'calc(100vh - 120px)' },
  },
  list: { listStyle: 'none', margin: 0, padding: 0, position: 'relative', width: '100%' },
  row: { position: 'absolute', top: 0, left: 0, width: '100%' },
  section: { justifyContent: 'flex-start', width: '100%', minWidth: 0, textAlign: 'left', whiteSpace: 'normal', fontWeight: tokens.fontWeightSemibold },
  sheet: { display: 'block', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0` },
});

export interface FindingsListProps {
  t: Strings;
  state: PaneState;
  onSelect: (f: Finding) => void;
  onAcknowledge: (f: Finding, reason: string) => void;
  onWithdraw: (f: Finding) => void;
}

const ESTIMATE = { section: 40, sheet: 28, item: 110 } as const;

/**
 * The visible findings, a section per severity (errors first), then by sheet (`findingsView`), as one virtualised
 * list: the section and sheet headings are rows of it. A section opens and closes without animation (an animated
 * collapse lays out the whole list). The list is one Tab stop; arrow keys, Home and End move between findings, scrolling the list's own box.
 */
export function FindingsList({ t, state, onSelect, onAcknowledge, onWithdraw }: FindingsListProps) {
  const s = useStyles();
  const sections = findingsView(state);
  const [closed, setClosed] = useState<ReadonlySet<Severity>>(new Set());
  const rows = useMemo(() => listRows(sections, closed), [sections, closed]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => ESTIMATE[rows[i]?.kind ?? 'item'],
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: 3,
    // Sized by ResizeObservers after the frame's layout, not by reads that force it inside the commit (measure.ts);
    // rows are moved to their measured places directly, without another render.
    initialRect: initialRect(),
    observeElementRect: observeBoxRect,
    measureElement: measureRow,
    scrollToFn: scrollBox,
    directDomUpdates: true,
  });
  const items = rows.map((r) => r.kind === 'item' ? r : null);
  const selected = state.selected;
  // The list is one stop of the Tab key (a roving tab stop): the finding last focused, else the selected one, else
  // the first drawn. Arrow keys, Home and End move within the list; Tab goes on to what follows it, however long
  // the list (only the drawn rows are in the DOM, so a Tab through every finding would stop at the last drawn one).
  const [active, setActive] = useState<string | null>(null);
  const selectedIndex = selected ? rows.findIndex((r) => r.kind === 'item' && r.item.finding === selected) : -1;
  // The selected finding stays in view within the list's box (a re-check or a filter may have moved it).
  // A finding just clicked is in view already: the list must not move under the pointer.
  useEffect(() => {
    if (selectedIndex < 0) return;
    const box = scroller.current;
    const el = box?.querySelector(`[data-index="${selectedIndex}"]`);
    if (box && el) {
      const b = box.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      if (r.top >= b.top - 1 && r.bottom <= b.bottom + 1) return;
    }
    virtual.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtual]);

  const focusRow = (index: number): void => {
    virtual.scrollToIndex(index, { align: 'auto' });
    // The row may only now be rendered: focus it once it is in the DOM.
    const focus = (tries: number): void => {
      const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-go]`);
      if (el) el.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    focus(5);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const from = Number((e.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index ?? NaN);
    if (!Number.isFinite(from) || !(e.target as HTMLElement).matches('[data-go]')) return;
    const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    const target =
      e.key === 'Home' ? items.findIndex(Boolean)
      : e.key === 'End' ? items.length - 1 - [...items].reverse().findIndex(Boolean)
      : step !== 0 ? nextItem(items, from, step)
      : -1;
    if (target < 0 || target === from) return;
    e.preventDefault();
    focusRow(target);
  };

  const total = rows.length;
  // The box has its full height at once (the list's total size); its rows follow a frame later.
  const drawn = useAfterFirstPaint() ? virtual.getVirtualItems() : [];
  const drawnItems = drawn.flatMap((v) => { const r = rows[v.index]; return r?.kind === 'item' ? [r] : []; });
  const stop =
    drawnItems.find((r) => r.key === active) ?? drawnItems.find((r) => r.item.finding === selected) ?? drawnItems[0];
  const onFocus = (e: FocusEvent<HTMLUListElement>): void => {
    const index = Number((e.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index ?? NaN);
    const row = Number.isFinite(index) ? rows[index] : undefined;
    if (row?.kind === 'item' && row.key !== active) setActive(row.key);
  };
  return (
    <div ref={scroller} className={s.scroller} data-testid="findings-scroll">
      <ul ref={virtual.containerRef} className={s.list} aria-label={t.findingsList} onKeyDown={onKeyDown} onFocus={onFocus} data-testid="findings-list">
        {drawn.map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          // The virtualiser writes each row's place (transform) and the list's height itself (directDomUpdates).
          const common = { 'data-index': v.index, ref: virtual.measureElement, className: s.row, style: {}, 'aria-setsize': total, 'aria-posinset': v.index + 1 };
          if (row.kind === 'section') {
            const open = !closed.has(row.severity);
            return (
              <li key={row.key} {...common}>
                <Text as="h2" size={400} block>
                  <Button
                    appearance="subtle"
                    className={s.section}
                    icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
                    aria-expanded={open}
                    onClick={() => setClosed((c) => toggled(c, row.severity))}
                  >
                    {row.title}
                  </Button>
                </Text>
              </li>
            );
          }
          if (row.kind === 'sheet') {
            return (
              <li key={row.key} {...common}>
                <Text as="h3" weight="semibold" size={200} className={s.sheet}>
                  {row.title}
                </Text>
              </li>
            );
          }
          return (
            <FindingItem key={row.key} row={common} tabStop={row === stop} t={t} item={row.item} selected={row.item.finding === selected} onSelect={onSelect} onAcknowledge={onAcknowledge} onWithdraw={onWithdraw} />
          );
        })}
      </ul>
    </div>
  );
}

function toggled(set: ReadonlySet<Severity>, sev: Severity): ReadonlySet<Severity> {
  const next = new Set(set);
  if (!next.delete(sev)) next.add(sev);
  return next;
}

/** The next finding row from `from` in direction `step` (headings are skipped), or -1. */
function nextItem(items: unknown[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < items.length; i += step) if (items[i]) return i;
  return -1;
}
