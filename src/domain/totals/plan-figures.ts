import { aligned, type Memo } from '../memo';
import type { AmountColumn, Figure, PlanTable, Project, TotalRow } from '../model';
import { amountValue, type Amount } from '../thai';
import { isCounted, ownAmount, range, topLevel } from './aggregate';
import type { ExpectedFigure, ItemisationFigure, PlanCountFigure, PlanTotalFigure, ProjectTotalFigure, Reading, ScopeName, SourceCell, Stated } from './figures';
import { sumCells } from './figures';
import { addItemCells, countCell, ownCell } from './items';

const QUARTERS = ['q1', 'q2', 'q3', 'q4'] as const;
import { SCOPE } from './scope-names';

const statedAmount = (sheet: string, figure: Figure<Amount>) => ({ sheet, figure, value: amountValue(figure.value) });

/** A set of project indices a total row may cover, named. */
interface Scope {
  name: ScopeName;
  indices: number[];
}

/**
 * The scopes a total row may cover. A label that names its scope ("…ตามตัวชี้วัดที่ ๑.๒", "รวม ๒ เป้าหมาย")
 * gives one; otherwise the rows since the previous total, the indicator, the goal and the plan so far are
 * all plausible (a goal total often sits at the bottom of its last indicator's table).
 */
function scopesOf(plan: PlanTable, t: TotalRow, previous: TotalRow | undefined): Scope[] {
  const before = range(0, t.projectsBefore);
  const where = (pred: (p: Project) => boolean): number[] => before.filter((i) => pred(plan.projects[i] as Project));
  if (t.scopeHint === 'indicator' && t.scopeCode) {
    const code = t.scopeCode;
    return [{ name: SCOPE.indicator(code), indices: where((p) => p.indicator === code || (p.indicator ?? '').startsWith(`${code}.`)) }];
  }
  if (t.scopeHint === 'goal' && t.scopeCode) return [{ name: SCOPE.goal(t.scopeCode), indices: where((p) => p.goal === t.scopeCode) }];
  if (t.scopeHint === 'plan') return [{ name: SCOPE.plan, indices: before }];
  const out: Scope[] = [];
  const since = range(previous?.projectsBefore ?? 0, t.projectsBefore);
  if (since.length > 0) out.push({ name: SCOPE.section, indices: since });
  // A total right under one project's sub-activities totals that project alone.
  const lastTop = before.filter((i) => plan.projects[i]?.parent === null).at(-1);
  if (lastTop !== undefined) out.push({ name: SCOPE.section, indices: range(lastTop, t.projectsBefore) });
  if (t.indicator) out.push({ name: SCOPE.indicator(t.indicator), indices: where((p) => p.indicator === t.indicator) });
  if (t.goal) out.push({ name: SCOPE.goal(t.goal), indices: where((p) => p.goal === t.goal) });
  out.push({ name: SCOPE.plan, indices: before });
  return out;
}

/** The cells a scope adds up in one amount column: each top-level project's cells, each budget once. */
function scopeReading(sheet: string, plan: PlanTable, scope: Scope, col: AmountColumn): Reading {
  const cells: SourceCell[] = [];
  for (const i of topLevel(plan, scope.indices)) addItemCells(cells, { sheet, plan, project: plan.projects[i] as Project }, col);
  return { scope: scope.name, value: sumCells(cells), cells };
}

/** The projects a scope counts (numbered rows where the table numbers them), and every row of it. */
function countReadings(sheet: string, plan: PlanTable, scope: Scope): Reading[] {
  const counted = topLevel(plan, scope.indices).filter((i) => isCounted(plan, plan.projects[i] as Project));
  const cellsOf = (list: number[]): SourceCell[] => list.map((i) => countCell(sheet, plan.projects[i] as Project));
  return [
    { scope: scope.name, value: counted.length, cells: cellsOf(counted) },
    { scope: scope.name, value: scope.indices.length, cells: cellsOf(scope.indices) },
  ];
}

/** Quarterly rows: the total budget against the row's own four quarter budgets; with a memo, rows seen before keep theirs. */
function projectTotals(sheet: string, plan: PlanTable, memo?: Memo): ProjectTotalFigure[] {
  if (!plan.columns.quarterBudget.some((c) => c !== undefined)) return [];
  const out: ProjectTotalFigure[] = [];
  const kept = aligned<ProjectTotalFigure | null>(memo, 'totals:project-total', sheet, plan.columns, plan.projects);
  const compute = (i: number): ProjectTotalFigure | null => projectTotal(sheet, plan, plan.projects[i] as Project);
  for (let i = 0; i < plan.projects.length; i++) {
    const figure = kept.get(i, compute);
    if (figure) out.push(figure);
  }
  return out;
}

/** One row's total budget against its own quarter budgets; null when the row has nothing to compare. */
function projectTotal(sheet: string, plan: PlanTable, p: Project): ProjectTotalFigure | null {
  if (!p.budget) return null;
  const unsplit = p.quarterBudgets.every((b) => b === null);
  if (unsplit && p.budget.value.kind !== 'amount') return null;
  // A quarter that cannot be read leaves the row's arithmetic unknown.
  if (p.quarterBudgets.some((b) => b !== null && amountValue(b.value) === null)) return null;
  // What sumCells of the row's cells gives, added in the same order, without building the cells.
  let value = 0;
  for (let i = 0; i < 4; i++) if (p.quarterBudgets[i] !== null || plan.columns.quarterBudget[i] !== undefined) value += ownAmount(p, QUARTERS[i] as AmountColumn) ?? 0;
  return new ProjectTotal(sheet, plan, p, unsplit, value, statedAmount(sheet, p.budget));
}

/**
 * A quarterly row's figure, one for every row of a plan: its reading (the row's four quarter cells) is built when
 * first read — by a formula judged in its stated cell, or by เติมผลรวม — not for every row of every check (its
 * source cells were ≈ 400 bytes a row kept for the whole analysis, read for a few rows). JSON as a plain figure's.
 */
class ProjectTotal implements ProjectTotalFigure {
  readonly kind = 'project-total';
  readonly fn = 'SUM';
  #readings: Reading[] | undefined;

  constructor(
    readonly sheet: string,
    private readonly plan: PlanTable,
    readonly project: Project,
    readonly unsplit: boolean,
    readonly value: number,
    readonly stated: Stated,
  ) {}

  get readings(): Reading[] {
    if (this.#readings) return this.#readings;
    const cells: SourceCell[] = [];
    for (const q of QUARTERS) {
      const c = ownCell(this.sheet, this.plan, this.project, q);
      if (c) cells.push(c);
    }
    this.#readings = [{ scope: SCOPE.row, value: sumCells(cells), cells }];
    return this.#readings;
  }

  toJSON(): object {
    const { kind, sheet, fn, value, project, unsplit, readings, stated } = this;
    return { kind, sheet, fn, value, project, unsplit, readings, stated };
  }
}

/** Total rows: each stated amount against every scope it may cover; a stated count against the scope's projects. */
function totalRows(sheet: string, plan: PlanTable): (PlanTotalFigure | PlanCountFigure)[] {
  const out: (PlanTotalFigure | PlanCountFigure)[] = [];
  plan.totals.forEach((t, k) => {
    const scopes = scopesOf(plan, t, plan.totals[k - 1]);
    if (scopes.length === 0) return;
    for (const [column, fig] of Object.entries(t.amounts) as [AmountColumn, Figure<Amount>][]) {
      const readings = scopes.map((s) => scopeReading(sheet, plan, s, column));
      out.push({ kind: 'plan-total', sheet, fn: 'SUM', value: (readings[0] as Reading).value, readings, total: t, column, stated: statedAmount(sheet, fig) });
    }
    if (t.statedCount) {
      const readings = scopes.flatMap((s) => countReadings(sheet, plan, s));
      out.push({
        kind: 'plan-count', sheet, fn: 'COUNTA', value: (readings[0] as Reading).value, readings, total: t,
        stated: { sheet, figure: t.statedCount, value: t.statedCount.value },
      });
    }
  });
  return out;
}

/** Projects with a budget of their own and sub-activity rows with budgets under them. */
function itemisations(sheet: string, plan: PlanTable): ItemisationFigure[] {
  const out: ItemisationFigure[] = [];
  // Indexed: once per check over every row (a for-of allocates a step per row until compiled).
  for (let i = 0; i < plan.projects.length; i++) {
    const p = plan.projects[i] as Project;
    if (p.children.length === 0 || !p.budget) continue;
    const own = amountValue(p.budget.value) ?? 0;
    if (own === 0) continue;
    const cells = p.children.flatMap((c) => ownCell(sheet, plan, plan.projects[c] as Project, 'budget') ?? []);
    const value = sumCells(cells);
    if (value === 0) continue;
    out.push({
      kind: 'itemisation', sheet, fn: 'SUM', value, project: p, counted: own,
      readings: [{ scope: SCOPE.row, value, cells }],
      stated: statedAmount(sheet, p.budget),
    });
  }
  return out;
}

/** Every expected figure of one plan table, in row order within each kind. */
export function planFigures(sheet: string, plan: PlanTable, memo?: Memo): ExpectedFigure[] {
  // A table the edit did not touch (the same object) keeps its figures wholesale (the list is only read).
  const whole = memo?.lastOf<{ plan: PlanTable; figures: ExpectedFigure[] }>(`totals:plan-figures\u0000${sheet}`);
  if (whole?.value?.plan === plan) return whole.value.figures;
  const figures = (projectTotals(sheet, plan, memo) as ExpectedFigure[]).concat(totalRows(sheet, plan), itemisations(sheet, plan));
  if (whole) whole.value = { plan, figures };
  return figures;
}
