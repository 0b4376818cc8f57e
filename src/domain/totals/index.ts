import type { Catalog } from '../catalog';
import type { Memo } from '../memo';
import type { SheetModel } from '../model';
import type { AgencyMissingFigure, ExpectedFigure, FigureOf } from './figures';
import { planItems, type PlanItem } from './items';
import { planFigures } from './plan-figures';
import { summaryFigures } from './summary-figures';

export * from './figures';
export * from './breakdowns';
export { SCOPE } from './scope-names';
export { countCell, itemCells, budgetClassOf, type PlanItem } from './items';
export { agencyKey, matchAgency } from './agency-match';
export { isCounted, itemAmount, ownAmount, sameMoney } from './aggregate';

/**
 * The one model of expected totals: every figure the product uses (each project's total, plan subtotals and
 * stated counts, summary tables' figures against their rows and against the plan), each with its value, the
 * cells it is computed from and the cell that states it. Rules compare; the formula planner writes formulas over
 * exactly these cells; the summary sheets lay out the breakdowns over the same items.
 */
export interface TotalsModel {
  /** The top-level projects of every plan table (itemisation rows fold into their project). */
  items: PlanItem[];
  figures: ExpectedFigure[];
  /** Budgeted plan projects whose agency no budget summary lists. */
  missingAgencies: AgencyMissingFigure[];
}

export function totalsModel(models: SheetModel[], catalog: Catalog, memo?: Memo): TotalsModel {
  const items = planItems(models, memo);
  const lists: ExpectedFigure[][] = [];
  const missingAgencies: AgencyMissingFigure[] = [];
  for (const m of models) if (m.plan) lists.push(planFigures(m.name, m.plan, memo));
  for (const m of models) lists.push(summaryFigures(m, items, catalog, models, missingAgencies, memo));
  // concat, not push(...list): a 200k-row plan has more figures than the call stack holds arguments (the lists,
  // one or two per sheet, are few).
  const figures = ([] as ExpectedFigure[]).concat(...lists);
  return { items, figures, missingAgencies };
}

/** The figures of some kinds, in model order. */
export function figuresOf<K extends ExpectedFigure['kind']>(model: TotalsModel, ...kinds: K[]): FigureOf<K>[] {
  const set = new Set<string>(kinds);
  return model.figures.filter((f): f is FigureOf<K> => set.has(f.kind));
}
