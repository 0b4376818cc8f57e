import type { SkippedExplanation } from '../../workbook/host';
import type { PaneState } from './reducer';
import { strings } from './selectors';

/** At most this many cells are named in one line; the rest are counted. */
const NAMED = 5;

/** "ชีต แผน เซลล์ O27, O30; ชีต สรุป เซลล์ C4", the cells grouped by sheet, in the order they came. */
function where(s: PaneState, items: SkippedExplanation[]): string {
  const t = strings(s);
  const bySheet = new Map<string, string[]>();
  for (const i of items.slice(0, NAMED)) bySheet.set(i.sheet, [...(bySheet.get(i.sheet) ?? []), i.cell]);
  const named = [...bySheet].map(([sheet, cells]) => t.cellIn(sheet, cells.join(', '))).join('; ');
  return items.length > NAMED ? `${named} ${t.more(items.length - NAMED)}` : named;
}

/**
 * What the host could not do or warns about, one line each in the pane's language: the last read's notices
 * (manual calculation, a sheet too large), and the last write's skipped explanations, protected sheets and marks
 * that could not be removed.
 */
export function hostWarnings(s: PaneState): string[] {
  const t = strings(s);
  const out = s.notices.map((n) => n[s.lang]);
  const r = s.report;
  if (!r) return out;
  const byUser = r.skipped.filter((k) => k.reason !== 'replies');
  const replied = r.skipped.filter((k) => k.reason === 'replies');
  if (byUser.length > 0) out.push(t.skippedByUser(where(s, byUser)));
  if (replied.length > 0) out.push(t.keptForReplies(where(s, replied)));
  if (r.protectedSheets.length > 0) out.push(t.protectedNotMarked(r.protectedSheets.join(', ')));
  if (r.uncleared.length > 0) out.push(t.uncleared(r.uncleared.join(', ')));
  return out;
}
