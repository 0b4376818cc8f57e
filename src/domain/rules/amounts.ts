import type { Figure } from '../model';
import type { Amount } from '../thai';
import type { RuleContext } from './define';

/** Every amount the engine reads, by sheet in reading order: project rows, plan total rows, summary tables. */
export function amountFigures(ctx: RuleContext): Map<string, Figure<Amount>[]> {
  const out = new Map<string, Figure<Amount>[]>();
  const add = (sheet: string, figs: (Figure<Amount> | null | undefined)[]): void => {
    let list = out.get(sheet);
    if (!list) out.set(sheet, (list = []));
    for (const f of figs) if (f) list.push(f);
  };
  for (const s of ctx.sheets) {
    const sheet = s.model.name;
    const projects = s.model.plan?.projects;
    if (!projects || projects.length === 0) continue;
    let list = out.get(sheet);
    if (!list) out.set(sheet, (list = []));
    // Pushed one by one: this runs for several rules over every project row.
    for (let i = 0; i < projects.length; i++) {
      const p = projects[i] as (typeof projects)[number];
      for (let q = 0; q < 4; q++) {
        const f = p.quarterBudgets[q];
        if (f) list.push(f);
      }
      if (p.budget) list.push(p.budget);
    }
  }
  for (const s of ctx.sheets) {
    const sheet = s.model.name;
    for (const t of s.model.plan?.totals ?? []) add(sheet, Object.values(t.amounts));
    for (const sum of s.model.summaries) {
      if (sum.kind === 'agency') for (const r of sum.rows) add(sheet, r.amounts.map((a) => a.figure));
      else for (const r of sum.rows) add(sheet, [r.count, r.budget]);
    }
  }
  return out;
}
