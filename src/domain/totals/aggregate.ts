import type { AmountColumn, PlanTable, Project } from '../model';
import { amountValue, type Amount } from '../thai';

/** Each amount column's quarter index (-1 for the total budget), looked up rather than parsed from its name per cell. */
export const QUARTER_INDEX: Readonly<Record<AmountColumn, number>> = { budget: -1, q1: 0, q2: 1, q3: 2, q4: 3 };

/** A project's own figure in an amount column; 0 for none, null when unreadable. */
export function ownAmount(p: Project, col: AmountColumn): number | null {
  const q = QUARTER_INDEX[col];
  const f = q < 0 ? p.budget : p.quarterBudgets[q];
  return f ? amountValue(f.value as Amount) : 0;
}

/**
 * What a top-level project contributes to a total: its own figure, or, when it has none, the sum of
 * the sub-activity rows that itemise it (a budget broken down under its project is counted once).
 */
export function itemAmount(plan: PlanTable, index: number, col: AmountColumn): number {
  const p = plan.projects[index];
  if (!p) return 0;
  const own = ownAmount(p, col) ?? 0;
  if (own !== 0 || p.children.length === 0) return own;
  return p.children.reduce((s, c) => s + (plan.projects[c] ? ownAmount(plan.projects[c] as Project, col) ?? 0 : 0), 0);
}

/**
 * Whether a row counts as one project: numbered rows where the table numbers them (and unnumbered rows that the
 * evidence shows are projects of their own, not a breakdown), else top-level rows.
 */
export function isCounted(plan: PlanTable, p: Project): boolean {
  return plan.numbered ? p.number !== null || p.reading === 'separate' : p.parent === null;
}

/** Indices of the top-level items (projects that are not itemisation rows) among the given indices. */
export function topLevel(plan: PlanTable, indices: Iterable<number>): number[] {
  const out: number[] = [];
  for (const i of indices) if (plan.projects[i]?.parent === null) out.push(i);
  return out;
}

export interface ScopeFigures {
  /** Projects as the table counts them (numbered rows where it numbers them). */
  count: number;
  /** Every project row, itemisation rows included: some plans count those too. */
  rows: number;
  amounts: Record<AmountColumn, number>;
}

/** Projects and money of a set of project indices, each budget counted once. */
export function scopeFigures(plan: PlanTable, indices: number[]): ScopeFigures {
  const amounts: Record<AmountColumn, number> = { budget: 0, q1: 0, q2: 0, q3: 0, q4: 0 };
  let count = 0;
  for (const i of topLevel(plan, indices)) {
    const p = plan.projects[i] as Project;
    if (isCounted(plan, p)) count++;
    for (const col of Object.keys(amounts) as AmountColumn[]) amounts[col] += itemAmount(plan, i, col);
  }
  return { count, rows: indices.length, amounts };
}

/** Money is compared to the satang. */
export function sameMoney(a: number, b: number): boolean {
  return Math.abs(a - b) < 0.005;
}

export const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
