import { aligned, type Memo } from '../memo';
import type { AmountColumn, PlanTable, Project, SheetModel } from '../model';
import { cellRef } from '../base/cells';
import { compareKey } from '../thai';
import { INTEGRATED_BUDGET } from '../vocabulary';
import type { SourceCell } from './figures';
import { QUARTER_INDEX, isCounted, itemAmount, ownAmount } from './aggregate';

/** One top-level project of the workbook (not an itemisation row) with what it counts for in the totals. */
export interface PlanItem {
  sheet: string;
  plan: PlanTable;
  index: number;
  project: Project;
  counted: boolean;
  budget: number;
  /** งบบูรณาการ vs everything else, for the two summary columns. */
  budgetClass: 'integrated' | 'own';
  agencyKey: string;
}

/** งบบูรณาการ or not, from a row's budget type. */
export function budgetClassOf(p: Project): PlanItem['budgetClass'] {
  return p.budgetType && compareKey(p.budgetType.value).includes(INTEGRATED_BUDGET) ? 'integrated' : 'own';
}

/** What an item counts for, as far as its own row decides it (a row with breakdown rows is not kept: they may change). */
interface ItemFacts {
  numbered: boolean;
  counted: boolean;
  budget: number;
  budgetClass: PlanItem['budgetClass'];
  agencyKey: string;
}

/** The top-level projects of every plan table, in workbook order; with a memo, rows seen before are not read again. */
export function planItems(models: SheetModel[], memo?: Memo): PlanItem[] {
  const out: PlanItem[] = [];
  for (const m of models) {
    const plan = m.plan;
    if (!plan) continue;
    // A table the edit did not touch (the same object) keeps its items wholesale.
    const whole = memo?.lastOf<{ plan: PlanTable; items: PlanItem[] }>(`totals:items\u0000${m.name}`);
    if (whole?.value?.plan === plan) {
      for (const item of whole.value.items) out.push(item);
      continue;
    }
    const from = out.length;
    const kept = aligned<ItemFacts>(memo, 'totals:item', m.name, plan.columns, plan.projects);
    const projects = plan.projects;
    const factsOf = (index: number): ItemFacts => {
      const p = projects[index] as Project;
      return {
        numbered: plan.numbered,
        counted: isCounted(plan, p),
        budget: itemAmount(plan, index, 'budget'),
        budgetClass: budgetClassOf(p),
        agencyKey: p.agency ? compareKey(p.agency.value) : '',
      };
    };
    for (let index = 0; index < projects.length; index++) {
      const p = projects[index] as Project;
      if (p.parent !== null) continue;
      // A row with breakdown rows adds theirs: computed each time (they may have been re-read).
      let facts = p.children.length > 0 ? factsOf(index) : kept.get(index, factsOf);
      if (facts.numbered !== plan.numbered) facts = factsOf(index);
      out.push({ sheet: m.name, plan, index, project: p, counted: facts.counted, budget: facts.budget, budgetClass: facts.budgetClass, agencyKey: facts.agencyKey });
    }
    if (whole) whole.value = { plan, items: out.slice(from) };
  }
  return out;
}

/** A cell a total reads, with the value and the figure the engine read there (null for an empty cell). */
export type ItemCell = SourceCell;

/** The cell that makes a row count as one project in a COUNTA: its number, else its name, else column A. */
export function countCell(sheet: string, p: Project): SourceCell {
  return { sheet, cell: (p.number ?? p.name)?.cell ?? cellRef(p.row, 1), value: 1, figure: null };
}

/**
 * The cells a top-level project contributes to a total in one amount column, counted once: its own cell, or, when
 * it has no figure of its own, the sub-activity rows that itemise it (the same rule as itemAmount). An empty cell
 * is still referenced, so a figure typed there later is counted.
 */
export function itemCells(item: Pick<PlanItem, 'sheet' | 'plan' | 'project'>, col: AmountColumn): ItemCell[] {
  const out: ItemCell[] = [];
  addItemCells(out, item, col);
  return out;
}

/** A row's cells kept with what they were read under (its sheet and its table's columns). */
interface KeptCells {
  sheet: string;
  columns: PlanTable['columns'];
  cells: ItemCell[];
}

/**
 * addItemCells through a memo of each row's cells (rows without breakdown rows: their cells are their own), so a
 * re-check's totals over thousands of items copy references instead of building cells.
 */
export function addItemCellsKept(out: ItemCell[], item: Pick<PlanItem, 'sheet' | 'plan' | 'project'>, col: AmountColumn, kept: WeakMap<Project, KeptCells> | undefined): void {
  const p = item.project;
  if (!kept || p.children.length > 0) {
    addItemCells(out, item, col);
    return;
  }
  let k = kept.get(p);
  if (!k || k.sheet !== item.sheet || k.columns !== item.plan.columns) {
    k = { sheet: item.sheet, columns: item.plan.columns, cells: itemCells(item, col) };
    kept.set(p, k);
  }
  for (const c of k.cells) out.push(c);
}

/** The memo slot of one amount column's kept cells. */
export const keptCells = (memo: Memo | undefined, col: AmountColumn): WeakMap<Project, KeptCells> | undefined => memo?.slot<Project, KeptCells>(`totals:cells:${col}`);

/** itemCells appended to `out`: totals over thousands of items build one list, not one per item. */
export function addItemCells(out: ItemCell[], item: Pick<PlanItem, 'sheet' | 'plan' | 'project'>, col: AmountColumn): void {
  const { plan, project: p } = item;
  const own = ownAmount(p, col) ?? 0;
  if (own !== 0 || p.children.length === 0) {
    const c = ownCell(item.sheet, plan, p, col);
    if (c) out.push(c);
    return;
  }
  for (const i of p.children) {
    const q = plan.projects[i];
    const c = q === undefined ? null : ownCell(item.sheet, plan, q, col);
    if (c) out.push(c);
  }
}

/** A row's own cell in an amount column (even when empty), or null when the table has no such column. */
export function ownCell(sheet: string, plan: PlanTable, q: Project, col: AmountColumn): ItemCell | null {
  const quarter = QUARTER_INDEX[col];
  const f = quarter < 0 ? q.budget : q.quarterBudgets[quarter];
  const c = quarter < 0 ? plan.columns.budget : plan.columns.quarterBudget[quarter];
  const cell = f?.cell ?? (c === undefined ? null : cellRef(q.row, c + (q.shifted ? -1 : 0)));
  return cell ? { sheet, cell, value: ownAmount(q, col) ?? 0, figure: f?.value ?? null } : null;
}
