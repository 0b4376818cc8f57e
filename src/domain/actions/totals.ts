import type { Analysis } from '../analyze';
import { cellName, type FormulaJudge } from '../formula';
import type { Figure } from '../model';
import { amountValue, type Amount } from '../thai';
import { agreeingReading, sameMoney, type ExpectedFigure, type Reading, type SourceCell } from '../totals';
import { call, references, type SheetCell } from './formulas';
import { formatFor, planNumbers } from './numbers';
import type { Action } from './types';

type SetFormula = Extract<Action, { kind: 'set-formula' }>;

/**
 * A stated figure เติมผลรวม would replace, shown first with its reason: `value`, a typed or unjudgeable figure that
 * disagrees with its sum (kept unless chosen); `formula`, the user's formula reads other cells than the figure
 * should (rewritten unless the user keeps it). `overwrite` says what the plan does with it.
 */
export interface Conflict {
  sheet: string;
  cell: string;
  reason: 'value' | 'formula';
  stated: number | string;
  computed: number;
  /** The formula that would be written. */
  formula: string;
  /** The user's formula in the cell, if any. */
  current?: string;
  /** For a wrong formula: the cells it leaves out and the cells it reads beyond the figure's. */
  missing?: string[];
  extra?: string[];
  overwrite: boolean;
}

export interface TotalsOptions {
  /** Overwrite disagreeing values (the default for every value conflict). */
  overwriteConflicts?: boolean;
  /** The user's choice per conflict, by "Sheet!A1": true writes the formula, false keeps the cell. */
  choices?: Readonly<Record<string, boolean>>;
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
  /** Every cell a written formula reads ("Sheet!A1"). */
  readonly read = new Set<string>();

  constructor(
    private readonly options: TotalsOptions,
    private readonly judge: FormulaJudge,
  ) {}

  private choose(key: string, byDefault: boolean): boolean {
    return this.options.choices?.[key] ?? byDefault;
  }

  /** The total of cells as they will be after the plan (a total the plan rewrites counts with its new value). */
  sumOf(cells: readonly SourceCell[]): number {
    return cells.reduce((s, c) => s + (this.after.get(keyOf(c)) ?? c.value), 0);
  }

  /**
   * Plans FN(cells) into a stated figure cell. A user's formula that totals exactly the figure's cells (whatever its
   * spelling) is kept; one that reads other cells is rewritten unless the user keeps it; one that is not a plain
   * total is judged by its value only, never rewritten on a guess. A typed figure that agrees becomes the formula;
   * one that disagrees is a conflict, written over only when asked.
   */
  put(sheet: string, f: Figure<Amount>, fn: 'SUM' | 'COUNTA', cells: readonly SourceCell[], computed: number): void {
    const formula = call(fn, references([...cells], sheet));
    const stated = statedOf(f);
    const agrees = typeof stated === 'number' && sameMoney(stated, computed);
    const key = `${sheet}!${f.cell.address}`;
    const judged = f.formula ? this.judge.judgeCell(sheet, f.cell.row, f.cell.col) : null;
    if (judged?.status === 'exact' || (judged?.status === 'unknown' && agrees)) {
      this.after.set(key, computed);
      return;
    }
    if (judged?.status === 'differs') {
      const overwrite = this.choose(key, true);
      this.conflicts.push({
        sheet, cell: f.cell.address, reason: 'formula', stated: stated ?? '', computed, formula, current: f.formula as string,
        missing: judged.missing.map((c) => cellName(c, sheet)), extra: [...judged.extra, ...judged.twice].map((c) => cellName(c, sheet)), overwrite,
      });
      if (!overwrite) {
        if (typeof stated === 'number') this.after.set(key, stated);
        return;
      }
    } else if (!agrees) {
      const overwrite = this.choose(key, this.options.overwriteConflicts ?? false);
      this.conflicts.push({ sheet, cell: f.cell.address, reason: 'value', stated: stated ?? '', computed, formula, ...(f.formula ? { current: f.formula } : {}), overwrite });
      if (!overwrite) {
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

  /** A figure's formula over the reading its stated value agrees with, else the canonical one. */
  figure(f: ExpectedFigure, reading: Reading | undefined = agreeingReading(f) ?? f.readings[0]): void {
    // Every writable figure is stated in an amount cell (counts in a total row's label are never written).
    if (!reading || !f.stated) return;
    const computed = f.fn === 'COUNTA' ? reading.value : this.sumOf(reading.cells);
    this.put(f.sheet, f.stated.figure as Figure<Amount>, f.fn, reading.cells, computed);
  }
}

/**
 * Which figures become formulas, in the order their values feed each other: project totals, then the plan's total
 * rows and the summaries' rows over the plan, then the summaries' own total rows (goal totals before ภาพรวม).
 */
function writable(f: ExpectedFigure, typed: boolean): number | null {
  switch (f.kind) {
    case 'project-total': {
      const stated = f.stated?.value;
      // No money at all: keep "ไม่ใช้งบประมาณ".
      return stated === null || stated === undefined || (stated === 0 && f.value === 0) ? null : 0;
    }
    case 'plan-total':
      return 1;
    case 'agency-row':
      // Only exact names, and the two budget-type columns only where the plan says which budget is which.
      return f.match === 'exact' && !f.combined && (typed || f.column === 'any' || f.column === 'total') ? 2 : null;
    case 'indicator-plan':
      return f.row.kind === 'indicator' ? 2 : null;
    case 'agency-table-total':
    case 'indicator-table-total':
      return 3;
    default:
      return null;
  }
}

/**
 * "เติมผลรวม": project totals, plan total rows and summary tables become live formulas over exactly the cells
 * the engine counts. A user's formula that already totals exactly those cells is kept; a wrong formula and a stated
 * figure that disagrees are conflicts, listed with their reason, and the user chooses per conflict.
 * Text numbers the formulas read are converted first, or SUM would skip them and show a wrong total as right.
 */
export function planTotals(analysis: Analysis, options: TotalsOptions = {}): TotalsPlan {
  const pl = new Planner(options, analysis.formulas.judge);
  const typed = analysis.totals.items.some((i) => i.project.budgetType !== null);
  const stages: ExpectedFigure[][] = [[], [], [], []];
  for (const f of analysis.totals.figures) {
    const stage = writable(f, typed);
    if (stage !== null) stages[stage]?.push(f);
  }
  for (const f of stages.flat()) pl.figure(f);
  const written = new Set(pl.formulas.map((f) => `${f.sheet}!${f.cell}`));
  const numbers = planNumbers(analysis).filter((n) => pl.read.has(`${n.sheet}!${n.cell}`) && !written.has(`${n.sheet}!${n.cell}`));
  return { actions: [...numbers, ...pl.formulas], conflicts: pl.conflicts };
}
