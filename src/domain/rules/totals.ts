import type { AmountColumn, PlanTable, TotalRow } from '../model';
import { amountValue } from '../thai';
import { itemAmount, ownAmount, range, sameMoney, scopeFigures, type ScopeFigures } from '../totals/aggregate';
import type { Rule } from './context';
import { finding, type Finding } from './finding';
import { M, SCOPE } from './messages';

export interface Scope {
  name: { th: string; en: string };
  figures: ScopeFigures;
  indices: number[];
}

/**
 * The scopes a total row may cover. A label that names its scope ("…ตามตัวชี้วัดที่ ๑.๒", "รวม ๒ เป้าหมาย")
 * gives one; otherwise the rows since the previous total, the indicator, the goal and the plan so far are
 * all plausible (a goal total often sits at the bottom of its last indicator's table).
 */
export function scopesOf(plan: PlanTable, t: TotalRow, previous: TotalRow | undefined): Scope[] {
  const before = range(0, t.projectsBefore);
  const where = (pred: (i: number) => boolean): number[] => before.filter(pred);
  const projectAt = (i: number) => plan.projects[i];
  const scope = (name: { th: string; en: string }, indices: number[]): Scope => ({ name, figures: scopeFigures(plan, indices), indices });
  if (t.scopeHint === 'indicator' && t.scopeCode) {
    const code = t.scopeCode;
    return [scope(SCOPE.indicator(code), where((i) => { const c = projectAt(i)?.indicator; return c === code || (c ?? '').startsWith(`${code}.`); }))];
  }
  if (t.scopeHint === 'goal' && t.scopeCode) return [scope(SCOPE.goal(t.scopeCode), where((i) => projectAt(i)?.goal === t.scopeCode))];
  if (t.scopeHint === 'plan') return [scope(SCOPE.plan, before)];
  const out: Scope[] = [];
  const since = range(previous?.projectsBefore ?? 0, t.projectsBefore);
  if (since.length > 0) out.push(scope({ th: '', en: '' }, since));
  // A total right under one project's sub-activities totals that project alone.
  const lastTop = before.filter((i) => projectAt(i)?.parent === null).at(-1);
  if (lastTop !== undefined) out.push(scope({ th: '', en: '' }, range(lastTop, t.projectsBefore)));
  if (t.indicator) out.push(scope(SCOPE.indicator(t.indicator), where((i) => projectAt(i)?.indicator === t.indicator)));
  if (t.goal) out.push(scope(SCOPE.goal(t.goal), where((i) => projectAt(i)?.goal === t.goal)));
  out.push(scope(SCOPE.plan, before));
  return out;
}

/** subtotal-mismatch and count-mismatch on the total rows of a plan table. */
function checkTotals(sheet: string, plan: PlanTable): Finding[] {
  const out: Finding[] = [];
  plan.totals.forEach((t, k) => {
    const scopes = scopesOf(plan, t, plan.totals[k - 1]);
    const preferred = scopes[0];
    if (!preferred) return;
    for (const [col, fig] of Object.entries(t.amounts) as [AmountColumn, NonNullable<TotalRow['amounts'][AmountColumn]>][]) {
      const stated = amountValue(fig.value);
      if (stated === null) continue;
      if (scopes.some((s) => sameMoney(s.figures.amounts[col], stated))) continue;
      const expected = preferred.figures.amounts[col];
      const what = col === 'budget' ? preferred.name : { th: `${preferred.name.th} ไตรมาส ${col.slice(1)}`, en: `${preferred.name.en} Q${col.slice(1)}` };
      out.push(finding('subtotal-mismatch', 'error', { sheet, cell: fig.cell }, M.subtotal(what.th ? ` ${what.th}` : '', what.en || 'section', expected, stated), {
        expected,
        actual: stated,
      }));
    }
    if (t.statedCount) {
      const stated = t.statedCount.value;
      if (!scopes.some((s) => s.figures.count === stated || s.figures.rows === stated)) {
        out.push(finding('count-mismatch', 'error', { sheet, cell: t.statedCount.cell }, M.count(preferred.figures.count, stated), {
          expected: preferred.figures.count,
          actual: stated,
        }));
      }
    }
  });
  return out;
}

/** itemisation-mismatch: a project with its own budget and sub-activity budgets that do not add up to it. */
function checkItemisation(sheet: string, plan: PlanTable): Finding[] {
  const out: Finding[] = [];
  plan.projects.forEach((p, i) => {
    if (p.children.length === 0 || !p.budget) return;
    const own = ownAmount(p, 'budget') ?? 0;
    if (own === 0) return;
    const children = p.children.reduce((s, c) => s + (plan.projects[c] ? ownAmount(plan.projects[c]!, 'budget') ?? 0 : 0), 0);
    if (children === 0 || sameMoney(children, own)) return;
    out.push(finding('itemisation-mismatch', 'warning', { sheet, cell: p.budget.cell }, M.itemisation(own, children), {
      related: p.children.flatMap((c) => { const b = plan.projects[c]?.budget; return b ? [b.cell.address] : []; }),
      expected: children,
      actual: itemAmount(plan, i, 'budget'),
    }));
  });
  return out;
}

export const planTotals: Rule = (ctx) =>
  ctx.sheets.flatMap((s) => (s.model.plan ? [...checkTotals(s.model.name, s.model.plan), ...checkItemisation(s.model.name, s.model.plan)] : []));
