import type { Analysis } from '../analyze';
import type { AmountColumn, Figure, PlanTable, SheetModel } from '../model';
import { cellRef } from '../parse/grid';
import { agencyKey, matchAgency } from '../rules/agency-match';
import { scopesOf } from '../rules/totals';
import { amountValue, type Amount } from '../thai';
import { sameMoney } from '../totals/aggregate';
import { itemCells, ownCell, planItems, type PlanItem } from '../totals/items';
import { call, references, type SheetCell } from './formulas';
import { formatFor, planNumbers } from './numbers';
import type { Action } from './types';

type SetFormula = Extract<Action, { kind: 'set-formula' }>;

/** A stated figure that disagrees with what its formula would compute: shown first, never overwritten silently. */
export interface Conflict {
  sheet: string;
  cell: string;
  stated: number | string;
  computed: number;
  formula: string;
}

export interface TotalsPlan {
  /** Text numbers the formulas read become numbers first (SUM skips text), then the formulas. */
  actions: Action[];
  conflicts: Conflict[];
}

const keyOf = (c: SheetCell): string => `${c.sheet}!${typeof c.cell === 'string' ? c.cell : c.cell.address}`;

const statedOf = (f: Figure<Amount>): number | string | null => {
  const v = amountValue(f.value);
  return v === null ? (typeof f.raw === 'string' ? f.raw : null) : v;
};

class Planner {
  readonly formulas: SetFormula[] = [];
  readonly conflicts: Conflict[] = [];
  /** Cells whose value after the plan is known: formula results, or stated values left in place. */
  readonly after = new Map<string, number>();

  constructor(private readonly overwrite: boolean) {}

  /** Every cell a written formula reads ("Sheet!A1"). */
  readonly read = new Set<string>();

  /**
   * Plans FN(cells) into a stated figure cell; a disagreeing figure is a conflict, written over only when asked.
   */
  put(sheet: string, f: Figure<Amount>, fn: 'SUM' | 'COUNTA', cells: SheetCell[], computed: number): void {
    const formula = call(fn, references(cells, sheet));
    const stated = statedOf(f);
    const agrees = typeof stated === 'number' && sameMoney(stated, computed);
    const key = `${sheet}!${f.cell.address}`;
    if (!agrees) {
      this.conflicts.push({ sheet, cell: f.cell.address, stated: stated ?? '', computed, formula });
      if (!this.overwrite) {
        if (typeof stated === 'number') this.after.set(key, stated);
        return;
      }
    }
    this.after.set(key, computed);
    // Nothing to reference and nothing to add up: a "-" stays a "-".
    if (cells.length === 0 && stated === 0) return;
    for (const c of cells) this.read.add(keyOf(c));
    const format = formatFor(f.raw);
    this.formulas.push({ kind: 'set-formula', sheet, cell: f.cell.address, formula, expected: computed, before: f.raw, ...(format ? { format } : {}) });
  }

  /** The total of cells as they will be after the plan (a total the plan rewrites counts with its new value). */
  sumOf(cells: (SheetCell & { value: number })[]): number {
    return cells.reduce((s, c) => s + (this.after.get(keyOf(c)) ?? c.value), 0);
  }

  valueAfter(sheet: string, f: Figure<Amount> | null): number {
    if (!f) return 0;
    return this.after.get(`${sheet}!${f.cell.address}`) ?? amountValue(f.value) ?? 0;
  }
}

/** Project rows of quarterly plans: total budget = SUM of the four quarter budgets. */
function projectRows(pl: Planner, sheet: string, plan: PlanTable): void {
  if (!plan.columns.quarterBudget.some((c) => c !== undefined)) return;
  for (const p of plan.projects) {
    if (!p.budget) continue;
    // The row's own quarter cells: this is the row's own arithmetic, not its itemising rows'.
    const quarters = (['q1', 'q2', 'q3', 'q4'] as const).flatMap((q) => ownCell(sheet, plan, p, q) ?? []);
    const sum = quarters.reduce((s, c) => s + c.value, 0);
    const stated = amountValue(p.budget.value);
    if (stated === null || (stated === 0 && sum === 0)) continue; // no money at all: keep "ไม่ใช้งบประมาณ"
    pl.put(sheet, p.budget, 'SUM', quarters, sum);
  }
}

/** Total rows of plans: SUM over the items of the scope the stated figure covers (or the rows since the last total). */
function totalRows(pl: Planner, sheet: string, plan: PlanTable): void {
  plan.totals.forEach((t, k) => {
    const scopes = scopesOf(plan, t, plan.totals[k - 1]);
    for (const [col, fig] of Object.entries(t.amounts) as [AmountColumn, Figure<Amount>][]) {
      const stated = amountValue(fig.value);
      const scope = scopes.find((s) => stated !== null && sameMoney(s.figures.amounts[col], stated)) ?? scopes[0];
      if (!scope) continue;
      const cells = scope.indices.flatMap((i) => {
        const project = plan.projects[i];
        return project && project.parent === null ? itemCells({ sheet, plan, project }, col) : [];
      });
      pl.put(sheet, fig, 'SUM', cells, pl.sumOf(cells));
    }
  });
}

/** Summary tables: agency and indicator rows as formulas over the plan; their total rows as SUMs of their rows. */
function summaryTables(pl: Planner, model: SheetModel, items: PlanItem[], catalogGoals: Set<string>): void {
  const sheet = model.name;
  const typed = items.some((i) => i.project.budgetType !== null);
  for (const table of model.summaries) {
    if (table.kind === 'agency') {
      const agencies = table.rows.filter((r) => r.kind === 'agency');
      const keys = agencies.map((r) => ({ row: r.row, key: agencyKey(r.label.value) }));
      const byRow = new Map<number, PlanItem[]>();
      for (const item of items) {
        const m = matchAgency(item.agencyKey, keys);
        if (m?.strength === 'exact') byRow.set(m.summaryRow, [...(byRow.get(m.summaryRow) ?? []), item]);
      }
      for (const r of agencies) {
        const mine = byRow.get(r.row) ?? [];
        if (mine.length === 0) continue;
        for (const a of r.amounts) {
          if (!typed && a.kind !== 'any' && a.kind !== 'total') continue;
          const chosen = mine.filter((i) => a.kind === 'any' || a.kind === 'total' || i.budgetClass === a.kind);
          const cells = chosen.flatMap((i) => itemCells(i, 'budget'));
          pl.put(sheet, a.figure, 'SUM', cells, pl.sumOf(cells));
        }
      }
      for (const t of table.rows.filter((r) => r.kind === 'total')) {
        for (const a of t.amounts) {
          const cells = agencies.flatMap((r) => r.amounts.filter((x) => x.col === a.col).map((x) => x.figure));
          const computed = cells.reduce((s, f) => s + pl.valueAfter(sheet, f), 0);
          pl.put(sheet, a.figure, 'SUM', cells.map((f) => ({ sheet, cell: f.cell })), computed);
        }
      }
    } else {
      const rows = table.rows;
      const indicatorRows = rows.filter((r) => r.kind === 'indicator' && r.indicator);
      const leaves = indicatorRows.filter((r) => !indicatorRows.some((c) => c !== r && c.indicator?.startsWith(`${r.indicator}.`)));
      const unattributed = new Set(items.filter((i) => i.project.indicator === null).map((i) => i.project.goal));
      for (const r of leaves) {
        const code = r.indicator as string;
        if (unattributed.has(code.split('.')[0] ?? null) || !catalogGoals.has(code.split('.')[0] ?? '')) continue;
        const mine = items.filter((i) => i.project.indicator === code || (i.project.indicator ?? '').startsWith(`${code}.`));
        const counted = mine.filter((i) => i.counted);
        if (r.count) {
          const cells = counted.map((i) => ({ sheet: i.sheet, cell: (i.project.number ?? i.project.name)?.cell ?? cellRef(i.project.row, 1) }));
          pl.put(sheet, r.count, 'COUNTA', cells, counted.length);
        }
        if (r.budget) {
          const cells = mine.flatMap((i) => itemCells(i, 'budget'));
          pl.put(sheet, r.budget, 'SUM', cells, pl.sumOf(cells));
        }
      }
      const goalTotals = rows.filter((r) => r.kind === 'goal-total');
      const sumRows = (list: typeof rows, f: Figure<Amount> | null, pick: 'count' | 'budget'): void => {
        if (!f) return;
        const cells = list.map((r) => r[pick]).filter((x): x is Figure<Amount> => x !== null);
        const computed = cells.reduce((s, c) => s + pl.valueAfter(sheet, c), 0);
        pl.put(sheet, f, 'SUM', cells.map((c) => ({ sheet, cell: c.cell })), computed);
      };
      for (const t of goalTotals) {
        const mine = leaves.filter((r) => r.goal === t.goal);
        sumRows(mine, t.count, 'count');
        sumRows(mine, t.budget, 'budget');
      }
      for (const t of rows.filter((r) => r.kind === 'grand-total')) {
        const parts = goalTotals.length > 0 ? goalTotals : leaves;
        sumRows(parts, t.count, 'count');
        sumRows(parts, t.budget, 'budget');
      }
    }
  }
}

/**
 * "เติมผลรวม": project totals, plan total rows and summary tables become live formulas over exactly the cells
 * the engine counts. A stated figure that disagrees is a conflict: listed, and overwritten only when asked.
 * Text numbers the formulas read are converted first, or SUM would skip them and show a wrong total as right.
 */
export function planTotals(analysis: Analysis, options: { overwriteConflicts?: boolean } = {}): TotalsPlan {
  const pl = new Planner(options.overwriteConflicts ?? false);
  const items = planItems(analysis.models);
  const goals = new Set(['1', '2', '3']);
  for (const m of analysis.models) {
    if (m.plan) {
      projectRows(pl, m.name, m.plan);
      totalRows(pl, m.name, m.plan);
    }
  }
  for (const m of analysis.models) summaryTables(pl, m, items, goals);
  const written = new Set(pl.formulas.map((f) => `${f.sheet}!${f.cell}`));
  const numbers = planNumbers(analysis).filter((n) => pl.read.has(`${n.sheet}!${n.cell}`) && !written.has(`${n.sheet}!${n.cell}`));
  return { actions: [...numbers, ...pl.formulas], conflicts: pl.conflicts };
}
