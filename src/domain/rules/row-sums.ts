import type { Figure, Project } from '../model';
import { amountValue, embeddedBaht, isNoBudgetText, type Amount, type Target } from '../thai';
import { sameMoney } from '../totals/aggregate';
import { allProjects, type Rule } from './context';
import { finding, type Finding } from './finding';
import { M } from './messages';

const addresses = (figs: (Figure<unknown> | null)[]): string[] => figs.flatMap((f) => (f ? [f.cell.address] : []));

/** row-budget-sum: a project's quarterly budgets against its total budget. */
function budgetSum(sheet: string, p: Project): Finding[] {
  if (!p.budget || (p.quarterBudgets.every((b) => b === null) && p.budget.value.kind !== 'amount')) return [];
  const total = amountValue(p.budget.value);
  const quarters = p.quarterBudgets.map((b) => (b ? amountValue(b.value) : 0));
  if (total === null || quarters.some((v) => v === null)) return [];
  const sum = (quarters as number[]).reduce((s, v) => s + v, 0);
  if (sameMoney(sum, total)) return [];
  const related = addresses(p.quarterBudgets);
  const at = { sheet, cell: p.budget.cell };
  if (p.quarterBudgets.every((b) => b === null)) {
    return [finding('row-budget-sum', 'warning', at, M.rowBudgetNotSplit(total), { expected: sum, actual: total })];
  }
  return [finding('row-budget-sum', 'error', at, M.rowBudgetSum(sum, total), { related, expected: sum, actual: total })];
}

type CountTarget = Extract<Target, { kind: 'count' }>;

/** row-target-sum / row-target-percent: quarterly targets against the total target, by kind of target. */
function targetSum(sheet: string, p: Project): Finding[] {
  const totalFig = p.totalTarget;
  if (!totalFig) return [];
  const t = totalFig.value;
  const qs = p.quarterTargets.filter((f): f is Figure<Target> => f !== null && f.value.kind !== 'none');
  if (qs.length === 0 || t.kind === 'none') return [];
  const at = { sheet, cell: totalFig.cell };
  const related = addresses(qs);
  if (t.kind === 'percent') {
    const ps = qs.map((f) => f.value).filter((v) => v.kind === 'percent');
    if (ps.length !== qs.length) return [];
    const values = ps.map((v) => v.value);
    const last = values[values.length - 1] as number;
    if (t.value === last || t.value === Math.max(...values)) return [];
    return [finding('row-target-percent', 'warning', at, M.rowTargetPercent(last, t.value), { related, expected: last, actual: t.value })];
  }
  if (t.kind !== 'count') return [];
  const counts = qs.map((f) => f.value).filter((v): v is CountTarget => v.kind === 'count');
  if (counts.length !== qs.length) return [];
  const units = new Set([...counts.map((c) => c.unit), t.unit].filter((u): u is string => u !== null));
  if (units.size > 1) return [];
  const sum = counts.reduce((s, c) => s + c.value, 0);
  const first = counts[0] as CountTarget;
  const samePopulation = counts.every((c) => c.value === first.value) && t.value === first.value;
  // Cumulative targets (10, 20, 30, 40 แห่ง → 40): the total is the last quarter of a rising series.
  const cumulative = counts.length > 1 && counts.every((c, i) => i === 0 || c.value >= (counts[i - 1] as CountTarget).value) && t.value === counts[counts.length - 1]?.value;
  const unitMissing = t.unit === null && first.unit !== null
    ? [finding('target-unit-missing', 'info', at, M.targetUnitMissing(first.unit))]
    : [];
  if (sum === t.value || samePopulation || cumulative || (t.bound === 'min' && sum >= t.value)) return unitMissing;
  // Certain only when every figure is a plain count with the same unit; bounds and missing units leave room.
  const certain = t.bound === null && t.unit !== null && counts.every((c) => c.bound === null);
  return [
    finding('row-target-sum', certain ? 'error' : 'warning', at, M.rowTargetSum(sum, t.value, t.unit ?? first.unit), {
      related,
      expected: sum,
      actual: t.value,
    }),
    ...unitMissing,
  ];
}

/** no-budget-with-amount and budget-type-amount: what the budget type says against the money. */
function budgetType(sheet: string, p: Project): Finding[] {
  if (!p.budgetType) return [];
  const money = [p.budget, ...p.quarterBudgets].filter(
    (f): f is Figure<Amount> => f !== null && f.value.kind === 'amount',
  );
  if (isNoBudgetText(p.budgetType.value)) {
    const first = money[0];
    if (!first) return [];
    const amount = p.budget?.value.kind === 'amount' ? p.budget.value.value : money.reduce((s, f) => s + (amountValue(f.value) ?? 0), 0);
    return [finding('no-budget-with-amount', 'error', { sheet, cell: first.cell }, M.noBudgetWithAmount(amount), {
      related: [p.budgetType.cell.address, ...money.slice(1).map((f) => f.cell.address)],
      expected: 0,
      actual: amount,
    })];
  }
  const inType = embeddedBaht(p.budgetType.value);
  const total = p.budget ? amountValue(p.budget.value) : null;
  if (inType === null || total === null || sameMoney(inType, total) || !p.budget) return [];
  return [finding('budget-type-amount', 'warning', { sheet, cell: p.budget.cell }, M.budgetTypeAmount(inType, total), {
    related: [p.budgetType.cell.address],
    expected: inType,
    actual: total,
  })];
}

export const rowSums: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const { sheet, plan, project } of allProjects(ctx)) {
    const hasQuarterBudgets = plan.columns.quarterBudget.some((c) => c !== undefined);
    if (hasQuarterBudgets) out.push(...budgetSum(sheet, project));
    out.push(...targetSum(sheet, project), ...budgetType(sheet, project));
  }
  return out;
};
