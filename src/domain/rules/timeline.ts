import type { Figure } from '../model';
import { parsePeriod } from '../thai';
import { allProjects, type Rule } from './context';
import { finding, type Finding } from './finding';
import { M } from './messages';

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

/** timeline-conflict: the month text under a timeline against where its arrow is drawn. */
export const timeline: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const { sheet, project } of allProjects(ctx)) {
    const cells = project.timeline;
    const filled = cells.filter((c): c is Figure<string> => c !== null);
    if (filled.length === 0) continue;
    const span = arrowSpan(cells, project.timelineReach);
    const period = parsePeriod(filled.map((c) => c.value).join(' '));
    if (!span || !period || period.wholeYear) continue;
    const [from, to] = span;
    const arrow = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const conflict = period.deadline
      ? from > (period.quarters[0] ?? 4)
      : period.quarters.some((q) => q < from || q > to);
    if (!conflict) continue;
    const at = { sheet, cell: (filled[0] as Figure<string>).cell };
    out.push(finding('timeline-conflict', 'warning', at, M.timelineConflict(arrow, period.quarters, period.deadline), {
      related: filled.slice(1).map((c) => c.cell.address),
      expected: `Q${period.quarters.join(',Q')}`,
      actual: `Q${arrow.join(',Q')}`,
    }));
  }
  return out;
};
