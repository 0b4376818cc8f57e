import type { ColumnMap, Figure, Heading, PlanTable, Project, Quad, TotalRow } from '../model';
import { TOTAL } from '../vocabulary';
import { parseAmount, parseTarget, type Amount } from '../thai';
import { cellRef } from '../base/cells';
import type { Grid } from '../base/grid';
import { RowReader, columnsOf, isTotalLabel, leadingNumber, numberCell, statedCountIn } from './rows';
import { isStatusRow, listedAmounts, listedProjects, type ListedProject } from './multi';
import { settleItemisations } from './itemisation';
import { readingOf, type ReadingEvidence } from './reading';
import { contentHash, type KeyColumns } from './content';

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
  /** The columns each stretch of rows is read through, for the rows' content keys (parse/content.ts). */
  keyColumns: KeyColumns[];
}

const quad = <T>(f: (i: number) => T): Quad<T> => [f(0), f(1), f(2), f(3)];

/** Builds a plan table row by row; repeated headers at page breaks update the column map. */
export class PlanBuilder {
  readonly table: PlanTable;
  readonly extras: PlanExtras = { ambiguous: [], goalInferred: [], noIndicator: [], keyColumns: [] };
  private columns!: ColumnMap;
  /** The content key's columns in effect (the last entry of extras.keyColumns). */
  private keyCols!: KeyColumns;
  /** The map's columns in order, and those that can hold a total row's label. */
  private cols: number[] = [];
  private labelCols: number[] = [];
  /** The numbered project that unnumbered rows below it itemise; reset by headings and totals. */
  private lastNumbered: number | null = null;
  private lastProject: number | null = null;
  private warnedAmbiguity = false;
  private warnedNoIndicator = false;
  /** What the reading of the layout rests on, gathered row by row (see parse/reading.ts). */
  private readonly evidence: ReadingEvidence = { statusRows: 0, repeatedHeaders: 0, numbersFromColumn: 0, numbersFromName: 0, listMismatch: [] };

  constructor(
    private readonly grid: Grid,
    columns: ColumnMap,
  ) {
    this.setColumns(columns);
    this.table = { family: columns.family, columns, projects: [], totals: [], headings: [], numbered: false };
  }

  /** A header repeated below the first (a page break): the rows below it are read through it. */
  repeatHeader(columns: ColumnMap): void {
    this.evidence.repeatedHeaders++;
    this.setColumns(columns);
  }

  /** The table is complete: settle which rows itemise a project (by arithmetic) and record how it was read. */
  finish(): void {
    if (this.extras.keyColumns.at(-1)?.from === Infinity) this.extras.keyColumns.pop();
    settleItemisations(this.table);
    this.table.reading = readingOf(this.table, this.evidence);
  }

  setColumns(columns: ColumnMap): void {
    this.columns = columns;
    this.cols = columnsOf(columns);
    this.labelCols = this.cols.filter((c) => c !== columns.budget && !columns.quarterBudget.includes(c));
    const cols = this.cols.filter((c) => c !== columns.number);
    const list = this.extras.keyColumns;
    if (list.at(-1)?.from === Infinity) list.pop(); // a header no row was read through
    const last = list.at(-1);
    // A header repeated at a page break reads the same columns: one entry for the whole run.
    if (last && last.name === columns.name && last.cols.length === cols.length && last.cols.every((c, i) => c === cols[i])) {
      this.keyCols = last;
      return;
    }
    // Starts at the first row read through it.
    this.keyCols = { from: Infinity, cols, name: columns.name };
    list.push(this.keyCols);
  }

  /** A heading; one that repeats the current goal or indicator (printed again on a new page) ends no project. */
  onHeading(h: Heading, repeated = false): void {
    this.table.headings.push(h);
    if (repeated) return;
    this.lastNumbered = null;
    this.warnedAmbiguity = false;
    this.warnedNoIndicator = false;
  }

  /** A heading changed the context: note inferred goals once per indicator heading. */
  noteGoalInferred(row: number, goal: string, indicator: string): void {
    this.extras.goalInferred.push({ row, goal, indicator });
  }

  addRow(row: number, ctx: Context): void {
    if (this.keyCols.from === Infinity) this.keyCols.from = row;
    const m = this.columns;
    if (isStatusRow(this.grid, row)) {
      // A status row ("อยู่ระหว่างดำเนินการ") ends a project: the rows after it are the next projects, not its items.
      this.evidence.statusRows++;
      this.lastNumbered = null;
      this.lastProject = null;
      return;
    }
    const plain = new RowReader(this.grid, row, 0);
    if (this.tryTotal(plain, ctx)) return;
    const r = this.isShifted(plain) ? new RowReader(this.grid, row, -1) : plain;

    const nameFig = r.text(m.name) ?? (m.name === undefined ? r.text(m.feature) : null);
    const number = this.readNumber(r, nameFig);
    const budget = this.budgetOf(r);
    const quarterBudgets = quad((i) => r.amount(m.quarterBudget[i]));
    const hasMoneyCell = budget.figure !== null || quarterBudgets.some((b) => b !== null);
    const project = this.lastProject === null ? null : this.table.projects[this.lastProject];

    if (!number && !hasMoneyCell) {
      // No number and no budget: the text continues the row above (a page break split it).
      if (project) this.continueProject(project, r);
      return;
    }
    const codes = ctx.indicators;
    if (codes.length > 1 && !this.warnedAmbiguity) {
      this.extras.ambiguous.push({ row: this.table.headings.at(-1)?.row ?? row, codes: [...codes] });
      this.warnedAmbiguity = true;
    }
    if (codes.length === 0 && !this.warnedNoIndicator) {
      this.extras.noIndicator.push({ row });
      this.warnedNoIndicator = true;
    }
    const p = this.project(r, ctx, nameFig, number, budget.figure, quarterBudgets);
    // Several numbered projects in the name cell (the number cell, if any, holds the first of them).
    const listed = nameFig && number && m.family !== 'quarterly' ? listedProjects(nameFig.value) : null;
    if (listed && nameFig && (number?.cell.address === nameFig.cell.address || number?.value === listed[0]?.number)) {
      this.addListed(p, nameFig, listed, budget.listed);
      return;
    }
    if (budget.listed) p.reading = 'in-cell-breakdown';
    this.push(p);
  }

  /** Records a project row and links an unnumbered row to the numbered project above it (settled in finish()). */
  private push(p: Project): void {
    const index = this.table.projects.length;
    if (!p.number) p.parent = this.lastNumbered;
    this.table.projects.push(p);
    this.lastProject = index;
    if (p.number) {
      this.table.numbered = true;
      this.lastNumbered = index;
    } else if (p.parent !== null) {
      this.table.projects[p.parent]?.children.push(index);
    }
  }

  /**
   * A row whose name cell lists several numbered projects, one per line: one item each, with the amount on its
   * line of the budget cell. When the budget cell does not list one amount per project, the row's amount stays
   * with the first item and the row is noted as not understood.
   */
  private addListed(p: Project, name: Figure<string>, listed: ListedProject[], amounts: number[] | null): void {
    const matched = amounts !== null && amounts.length === listed.length;
    if (!matched) this.evidence.listMismatch.push(p.row);
    listed.forEach((l, line) => {
      const item = contentHash(this.grid, this.keyCols, p.row, p.shifted ? -1 : 0, line);
      const budget = matched && p.budget ? { ...p.budget, value: { kind: 'amount', value: amounts[line] as number, asText: true } as Amount } : line === 0 ? p.budget : null;
      this.push({
        ...p,
        number: { ...name, value: l.number },
        name: { ...name, value: l.text },
        budget,
        children: [],
        continuationRows: [],
        reading: 'multi-project',
        item: { line: line + 1, of: listed.length },
        // Its row's content with "#line" after it.
        contentHash: item.hash,
        contentLength: item.length,
      });
    });
  }

  /** The row's budget: one amount, or several listed in the cell (for listed projects, or added up for one). */
  private budgetOf(r: RowReader): { figure: Figure<Amount> | null; listed: number[] | null } {
    const figure = r.amount(this.columns.budget);
    // Listed amounts first: "๐\n๒,๓๐๐" would otherwise read as one amount once its whitespace is gone.
    const listed = figure ? listedAmounts(figure.raw) : null;
    if (!figure || !listed) return { figure, listed: null };
    // One project with its amount broken down in the cell: the total first and two or more parts, or only the parts.
    const rest = listed.slice(1).reduce((a, b) => a + b, 0);
    const total = listed.length >= 3 && Math.abs((listed[0] as number) - rest) < 0.005 ? (listed[0] as number) : listed.reduce((a, b) => a + b, 0);
    return { figure: { ...figure, value: { kind: 'amount', value: total, asText: true } }, listed };
  }

  private project(
    r: RowReader, ctx: Context, nameFig: Figure<string> | null, number: Figure<number> | null,
    budget: Figure<Amount> | null, quarterBudgets: Quad<Figure<Amount> | null>,
  ): Project {
    const m = this.columns;
    const row = r.row;
    const codes = ctx.indicators;
    const own = r.text(m.agency);
    const carried = own ? null : this.mergedAgency(row);
    // Every cell of the row but its number, as keys (a name's leading "12." dropped): what duplicate rows share.
    const content = contentHash(this.grid, this.keyCols, row, r.offset);
    const p: Project = {
      sheet: this.grid.name,
      row,
      continuationRows: [],
      number,
      name: nameFig,
      goal: ctx.goal,
      indicator: codes.length === 1 ? (codes[0] as string) : null,
      parent: null,
      children: [],
      budgetType: r.text(m.budgetType),
      kpi: r.text(m.kpi),
      agency: own ?? carried,
      quarterTargets: quad((i) => r.figure(m.quarterTarget[i], parseTarget)),
      quarterBudgets,
      totalTarget: r.figure(m.totalTarget, parseTarget),
      budget,
      timeline: quad((i) => r.text(m.timeline[i])),
      timelineReach: quad((i) => this.reach(row, i)),
      period: r.text(m.period),
      shifted: r.offset !== 0,
      contentHash: content.hash,
      contentLength: content.length,
    };
    if (carried) p.agencyCarried = true;
    return p;
  }

  /** The agency of a merged agency cell that starts above this row (one agency written once for its projects). */
  private mergedAgency(row: number): Figure<string> | null {
    const col = this.columns.agency;
    const merge = col === undefined ? undefined : this.grid.mergeAt(row, col);
    if (!merge || merge.top >= row || this.grid.isEmpty(merge.top, merge.left)) return null;
    return { cell: cellRef(merge.top, merge.left), raw: this.grid.value(merge.top, merge.left), value: this.grid.text(merge.top, merge.left) };
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
    if (cell && cell.value !== null) {
      this.evidence.numbersFromColumn++;
      return { ...cell, value: cell.value };
    }
    if (name) {
      const n = leadingNumber(name.value);
      if (n !== null) {
        this.evidence.numbersFromName++;
        return { ...name, value: n };
      }
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
    // A project number just left of an empty budget cell is the number, not a budget pushed left.
    if (m.budget - 1 === m.number) return false;
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
