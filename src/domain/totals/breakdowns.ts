import type { Catalog } from '../catalog';
import type { AmountColumn } from '../model';
import { arrowSpan } from '../parse/timeline';
import { amountValue, parsePeriod, tidy } from '../thai';
import type { Reading } from './figures';
import { addItemCells, countCell, type PlanItem } from './items';
import { SCOPE } from './scope-names';

/**
 * The figures the generated summary sheets lay out: per agency, per goal and indicator, per quarter. Each is a
 * reading over exactly the cells the engine counts (each budget once), so the sheets can reference them.
 */

export function columnReading(items: PlanItem[], col: AmountColumn, scope = SCOPE.plan): Reading {
  const cells: Reading['cells'] = [];
  for (const i of items) addItemCells(cells, i, col);
  return { scope, value: cells.reduce((s, c) => s + c.value, 0), cells };
}

export function projectCount(items: PlanItem[], scope = SCOPE.plan): Reading {
  const counted = items.filter((i) => i.counted);
  return { scope, value: counted.length, cells: counted.map((i) => countCell(i.sheet, i.project)) };
}

export interface AgencyGroup {
  /** The agency's comparison key; '' for projects whose agency could not be read. */
  key: string;
  /** Of the spellings of the agency, the one with the fewest wrap spaces. */
  name: string;
  items: PlanItem[];
  integrated: Reading;
  own: Reading;
  total: Reading;
  count: Reading;
}

/** Of the items' agency spellings (tidied), the first with the fewest words: one pass, each distinct text tidied once. */
function fewestSpaces(list: PlanItem[]): string {
  let best = '';
  let bestWords = Infinity;
  const seen = new Set<string>();
  for (const i of list) {
    const raw = i.project.agency?.value ?? '';
    if (seen.has(raw)) continue;
    seen.add(raw);
    const text = tidy(raw);
    const words = text.split(' ').length;
    if (words < bestWords) {
      best = text;
      bestWords = words;
    }
  }
  return best;
}

/** Projects grouped by agency, in order of first appearance; projects without an agency last. */
export function agencyGroups(items: PlanItem[]): AgencyGroup[] {
  const groups = new Map<string, PlanItem[]>();
  for (const i of items) {
    const list = groups.get(i.agencyKey);
    if (list) list.push(i);
    else groups.set(i.agencyKey, [i]);
  }
  return [...groups.entries()]
    .sort((a, b) => (a[0] === '' ? 1 : b[0] === '' ? -1 : 0))
    .map(([key, list]) => {
      const name = fewestSpaces(list);
      const scope = SCOPE.agency(name);
      return {
        key,
        name,
        items: list,
        integrated: columnReading(list.filter((i) => i.budgetClass === 'integrated'), 'budget', scope),
        own: columnReading(list.filter((i) => i.budgetClass !== 'integrated'), 'budget', scope),
        total: columnReading(list, 'budget', scope),
        count: projectCount(list, scope),
      };
    });
}

export interface IndicatorGroup {
  goal: Catalog['data']['goals'][number];
  /** One row per leaf indicator of the goal, then one for its projects without a single indicator (code null). */
  rows: { code: string | null; items: PlanItem[]; budget: Reading; count: Reading }[];
}

/** Projects per goal and leaf indicator of the catalog. */
export function indicatorGroups(items: PlanItem[], catalog: Catalog): IndicatorGroup[] {
  return catalog.data.goals.map((goal) => {
    const inGoal = items.filter((i) => i.project.goal === goal.code);
    const leaves = catalog.indicators.filter((i) => i.goal === goal.code && i.children.length === 0).map((i) => i.code);
    const codes = [...leaves, ...(inGoal.some((i) => i.project.indicator === null) ? [null] : [])];
    return {
      goal,
      rows: codes.map((code) => {
        const list = inGoal.filter((i) => i.project.indicator === code);
        const scope = code ? SCOPE.indicator(code) : SCOPE.goal(goal.code);
        return { code, items: list, budget: columnReading(list, 'budget', scope), count: projectCount(list, scope) };
      }),
    };
  });
}

export type QuarterSource = 'quarters' | 'timeline' | 'period';

/** The quarters a project is active in, and where that was read from. */
export function activeQuarters(i: PlanItem): { quarters: Set<number>; source: QuarterSource | null } {
  const p = i.project;
  if (i.plan.family === 'quarterly') {
    const q = new Set<number>();
    for (let k = 0; k < 4; k++) {
      const t = p.quarterTargets[k]?.value;
      const b = p.quarterBudgets[k]?.value;
      if ((t && t.kind !== 'none') || (b && (amountValue(b) ?? 0) > 0)) q.add(k + 1);
    }
    return { quarters: q, source: 'quarters' };
  }
  const span = arrowSpan(p.timeline, p.timelineReach);
  if (span) return { quarters: new Set(Array.from({ length: span[1] - span[0] + 1 }, (_, k) => span[0] + k)), source: 'timeline' };
  const text = [...p.timeline.map((t) => t?.value ?? ''), p.period?.value ?? ''].join(' ');
  const period = parsePeriod(text);
  if (period) return { quarters: new Set(period.quarters), source: p.period ? 'period' : 'timeline' };
  return { quarters: new Set(), source: null };
}

export interface QuarterBreakdown {
  /** Every plan splits its budget by quarter: the quarter figures are the quarter budget cells. */
  split: boolean;
  sources: Set<QuarterSource>;
  /** `budget`: the quarter's budget cells (split plans only); `activeBudget`: the whole budget of its active projects. */
  quarters: { quarter: number; budget: Reading | null; activeBudget: number; active: number }[];
}

/** Budget and active projects per quarter: quarter cells where the plan splits its budget, else active projects' budgets. */
export function quarterBreakdown(items: PlanItem[]): QuarterBreakdown {
  const counted = items.filter((i) => i.counted);
  const split = items.length > 0 && items.every((i) => i.plan.columns.quarterBudget.some((c) => c !== undefined));
  const active = counted.map((i) => ({ item: i, ...activeQuarters(i) }));
  const sources = new Set(active.map((a) => a.source).filter((s): s is QuarterSource => s !== null));
  const quarters = [1, 2, 3, 4].map((quarter) => {
    const now = active.filter((a) => a.quarters.has(quarter)).map((a) => a.item);
    const budget = split ? columnReading(items, `q${quarter}` as AmountColumn) : null;
    return { quarter, budget, activeBudget: now.reduce((s, i) => s + i.budget, 0), active: now.length };
  });
  return { split, sources, quarters };
}
