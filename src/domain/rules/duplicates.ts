import type { Rule } from './context';
import { finding, type Finding } from './finding';
import { M } from './messages';

/** Rows this short carry too little to call a copy. */
const MIN_CONTENT = 20;

/** duplicate-row: a project row that repeats an earlier one in every cell but its number. */
export const duplicateRows: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.sheets) {
    const plan = s.model.plan;
    if (!plan) continue;
    const seen = new Map<string, number>();
    for (const p of plan.projects) {
      if (p.contentKey.replace(/\|/g, '').length < MIN_CONTENT) continue;
      const first = seen.get(p.contentKey);
      if (first === undefined) {
        seen.set(p.contentKey, p.row);
        continue;
      }
      const cell = p.name?.cell ?? p.number?.cell;
      if (cell) out.push(finding('duplicate-row', 'warning', { sheet: s.model.name, cell }, M.duplicateRow(first)));
    }
  }
  return out;
};
