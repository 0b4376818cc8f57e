import type { ColumnMap, Figure, Heading, PlanTable, Project, Quad, TotalRow } from '../model';
import { TOTAL } from '../vocabulary';
import { parseAmount, parseTarget, type Amount } from '../thai';
import type { Grid } from '../base/grid';
import { RowReader, columnsOf, isTotalLabel, leadingNumber, numberCell, statedCountIn } from './rows';

/** Heading context a row inherits. */
export interface Context {
  goal: string | null;
  /** Indicator codes announced since the last project; more than one means the table is shared. */
  indicators: string[];
}

export interface PlanExtras {
  /** Indicator headings stacked before one shared table: their projects cannot be attributed. */
  ambiguous: { row: number; codes: string[] }[];
  /** Indicator headings whose goal heading is missing (goal taken from the indicator number). */
  goalInferred: { row: number; goal: string; indicator: string }[];
  /** Runs of projects with no indicator heading above them. */
  noIndicator: { row: number }[];
}

const quad = <T>(f: (i: number) => T): Quad<T> => [f(0), f(1), f(2), f(3)];

/** Builds a plan table row by row; repeated headers at page breaks update the column map. */
export class PlanBuilder {
  readonly table: PlanTable;
  readonly extras: PlanExtras = { ambiguous: [], goalInferred: [], noIndicator: [] };
  private columns!: ColumnMap;
  /** The map's columns in order, and those that can hold a total row's label. */
  private cols: number[] = [];
  private labelCols: number[] = [];
  /** The numbered project that unnumbered rows below it itemise; reset by headings and totals. */
  private lastNumbered: number | null = null;
  private lastProject: number | null = null;
  private warnedAmbiguity = false;
  private warnedNoIndicator = false;

  constructor(
    private readonly grid: Grid,
    columns: ColumnMap,
  ) {
    this.setColumns(columns);
    this.table = { family: columns.family, columns, projects: [], totals: [], headings: [], numbered: false };
  }

  setColumns(columns: ColumnMap): void {
    this.columns = columns;
    this.cols = columnsOf(columns);
    this.labelCols = this.cols.filter((c) => c !== columns.budget && !columns.quarterBudget.includes(c));
  }

  onHeading(h: Heading): void {
    this.lastNumbered = null;
    this.warnedAmbiguity = false;
    this.warnedNoIndicator = false;
    this.table.headings.push(h);
  }

  /** A heading changed the context: note inferred goals once per indicator heading. */
  noteGoalInferred(row: number, goal: string, indicator: string): void {
    this.extras.goalInferred.push({ row, goal, indicator });
  }

  addRow(row: number, ctx: Context): void {
    const m = this.columns;
    const plain = new RowReader(this.grid, row, 0);
    if (this.tryTotal(plain, ctx)) return;
    const r = this.isShifted(plain) ? new RowReader(this.grid, row, -1) : plain;
    const shifted = r !== plain;

    const nameFig = r.text(m.name) ?? (m.name === undefined ? r.text(m.feature) : null);
    const number = this.readNumber(r, nameFig);
    const budget = r.amount(m.budget);
    const quarterBudgets = quad((i) => r.amount(m.quarterBudget[i]));
    const hasMoneyCell = budget !== null || quarterBudgets.some((b) => b !== null);
    const project = this.lastProject === null ? null : this.table.projects[this.lastProject];

    if (!number && !hasMoneyCell) {
      // No number and no budget: the text continues the row above (a page break split it).
      if (project) this.continueProject(project, r);
      return;
    }
    const codes = ctx.indicators;
    const indicator = codes.length === 1 ? (codes[0] as string) : null;
    if (codes.length > 1 && !this.warnedAmbiguity) {
      this.extras.ambiguous.push({ row: this.table.headings.at(-1)?.row ?? row, codes: [...codes] });
      this.warnedAmbiguity = true;
    }
    if (codes.length === 0 && !this.warnedNoIndicator) {
      this.extras.noIndicator.push({ row });
      this.warnedNoIndicator = true;
    }
    const p: Project = {
      sheet: this.grid.name,
      row,
      continuationRows: [],
      number,
      name: nameFig,
      goal: ctx.goal,
      indicator,
      parent: number ? null : this.lastNumbered,
      children: [],
      budgetType: r.text(m.budgetType),
      kpi: r.text(m.kpi),
      agency: r.text(m.agency),
      quarterTargets: quad((i) => r.figure(m.quarterTarget[i], parseTarget)),
      quarterBudgets,
      totalTarget: r.figure(m.totalTarget, parseTarget),
      budget,
      timeline: quad((i) => r.text(m.timeline[i])),
      timelineReach: quad((i) => this.reach(row, i)),
      period: r.text(m.period),
      shifted,
      contentKey: this.cols
        .filter((c) => c !== m.number)
        .map((c) => (c === m.name ? r.key(c).replace(/^\d+\./, '') : r.key(c)))
        .join('|'),
    };
    const index = this.table.projects.length;
    this.table.projects.push(p);
    this.lastProject = index;
    if (number) {
      this.table.numbered = true;
      this.lastNumbered = index;
    } else if (p.parent !== null) {
      this.table.projects[p.parent]?.children.push(index);
    }
  }

  /** The last quarter a timeline cell's merged area covers (its own quarter when not merged). */
  private reach(row: number, quarter: number): number {
    const col = this.columns.timeline[quarter];
    const merge = col === undefined ? undefined : this.grid.mergeAt(row, col);
    if (!merge || merge.left !== col) return quarter + 1;
    let last = quarter + 1;
    this.columns.timeline.forEach((c, i) => {
      if (c !== undefined && c <= merge.right) last = Math.max(last, i + 1);
    });
    return last;
  }

  private readNumber(r: RowReader, name: Figure<string> | null): Figure<number> | null {
    const col = r.offset === 0 ? this.columns.number : undefined;
    const cell = r.figure(col, numberCell);
    if (cell && cell.value !== null) return { ...cell, value: cell.value };
    if (name) {
      const n = leadingNumber(name.value);
      if (n !== null) return { ...name, value: n };
    }
    return null;
  }

  /**
   * A row pushed one column left: its budget column holds no amount, the column before it holds one
   * (or the no-budget wording) and the last column is empty.
   */
  private isShifted(r: RowReader): boolean {
    const m = this.columns;
    if (m.budget === undefined || m.family === 'quarterly') return false;
    const here = r.amount(m.budget);
    if (here && here.value.kind !== 'unreadable') return false;
    const left = this.grid.isEmpty(r.row, m.budget - 1) ? null : parseAmount(this.grid.value(r.row, m.budget - 1));
    if (!left || left.kind === 'unreadable' || (left.kind === 'none' && left.form !== 'no-budget')) return false;
    const last = this.cols[this.cols.length - 1] as number;
    return this.grid.isEmpty(r.row, last) && m.budget - 1 !== m.name;
  }

  private continueProject(p: Project, r: RowReader): void {
    p.continuationRows.push(r.row);
    const m = this.columns;
    for (let i = 0; i < 4; i++) {
      const extra = r.text(m.timeline[i]);
      if (!extra) continue;
      const own = p.timeline[i];
      p.timeline[i] = own ? { ...own, value: `${own.value} ${extra.value}` } : extra;
    }
  }

  private tryTotal(r: RowReader, ctx: Context): boolean {
    const m = this.columns;
    let label: Figure<string> | null = null;
    for (const c of this.labelCols) {
      const key = r.key(c);
      if (!key) continue;
      if (isTotalLabel(key)) label = r.text(c);
      break;
    }
    if (!label || r.text(m.agency)) return false;
    const key = r.key(label.cell.col);
    const amounts: TotalRow['amounts'] = {};
    const put = (k: keyof TotalRow['amounts'], f: Figure<Amount> | null): void => {
      if (f) amounts[k] = f;
    };
    put('budget', r.amount(m.budget));
    m.quarterBudget.forEach((c, i) => put(`q${i + 1}` as 'q1', r.amount(c)));
    const count = statedCountIn(key);
    const ind = TOTAL.indicator.exec(key);
    const goal = TOTAL.goal.exec(key);
    const total: TotalRow = {
      row: r.row,
      label,
      statedCount: count === null ? null : { ...label, value: count },
      amounts,
      scopeHint: ind ? 'indicator' : goal ? 'goal' : TOTAL.plan.test(key) ? 'plan' : null,
      scopeCode: ind?.[1] ?? goal?.[1] ?? null,
      goal: ctx.goal,
      indicator: ctx.indicators.length === 1 ? (ctx.indicators[0] as string) : null,
      projectsBefore: this.table.projects.length,
    };
    this.table.totals.push(total);
    this.lastNumbered = null;
    this.lastProject = null;
    return true;
  }
}
