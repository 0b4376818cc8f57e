import type { Figure } from '../model';

const BOTH = /↔|←.*→|<-*>|<.*>|⟷/;
/** Real HTML tags left by text extraction ("<p>"); the ASCII arrow "<----->" is not one. */
const TAG = /<\/?[A-Za-z][^>]*>/g;
const START = /←|<|⟵/;
const END = /→|>|⟶/;

/**
 * The quarters an arrow drawn across the ไตรมาส ๑–๔ cells covers, or null when there is no arrow. `reach` gives,
 * per cell, the last quarter its merged area covers (an arrow merged over several quarters spans them all).
 */
export function arrowSpan(cells: (Figure<string> | null)[], reach: readonly number[] = [1, 2, 3, 4]): [number, number] | null {
  let start: number | null = null;
  let end: number | null = null;
  cells.forEach((c, i) => {
    if (!c) return;
    const t = c.value.replace(TAG, ' ');
    const last = Math.max(i + 1, reach[i] ?? i + 1);
    if (BOTH.test(t)) {
      start ??= i + 1;
      end = last;
    } else {
      if (START.test(t)) start ??= i + 1;
      if (END.test(t)) end = last;
    }
  });
  if (start === null && end === null) return null;
  return [start ?? end ?? 1, end ?? start ?? 4];
}
