import type { AmountColumn, CellRef, Figure, IndicatorSummaryRow, Project, TotalRow } from '../model';
import type { Amount } from '../thai';
import { sameMoney } from './aggregate';

/** A cell an expected figure is computed from, with the number the engine read there (0 for an empty cell). */
export interface SourceCell {
  sheet: string;
  cell: CellRef;
  value: number;
  /** What the engine read in the cell; null for an empty cell (still referenced, so a later entry counts). */
  figure: Amount | null;
}

/** A name for what a figure covers, in both languages ("ตัวชี้วัดที่ ๑.๒" / "indicator 1.2"). */
export interface ScopeName {
  th: string;
  en: string;
}

/** One way of computing a figure: over which scope, from which cells, with which result. */
export interface Reading {
  scope: ScopeName;
  value: number;
  cells: SourceCell[];
}

/** Where the workbook states a figure. `value` is null when the cell cannot be read as a number. */
export interface Stated {
  sheet: string;
  /** The stated cell: an amount, or a count in a total row's label. */
  figure: Figure<Amount> | Figure<number>;
  value: number | null;
}

interface Base {
  /** The sheet the figure belongs to (where it is stated, or the plan sheet). */
  sheet: string;
  /** SUM for money, COUNTA for project counts. */
  fn: 'SUM' | 'COUNTA';
  /** What the engine computes the figure to be. */
  value: number;
  /**
   * Every plausible way the stated figure may have been computed (a total row without a scope in its label may
   * close its section, its indicator, its goal or the plan). The stated figure agrees when one reading does;
   * `readings[0]` is the canonical one, and a formula written for the figure reads the agreeing reading's cells.
   */
  readings: Reading[];
  stated: Stated | null;
}

/** A quarterly plan row's total budget: the SUM of its own four quarter budgets. */
export interface ProjectTotalFigure extends Base {
  kind: 'project-total';
  project: Project;
  /** No quarter budget cell is filled at all. */
  unsplit: boolean;
}

/** A plan table's total row, in one amount column. */
export interface PlanTotalFigure extends Base {
  kind: 'plan-total';
  total: TotalRow;
  column: AmountColumn;
}

/** A count of projects stated in a total row's label ("รวมจำนวน ๑๘ โครงการ/กิจกรรม"). */
export interface PlanCountFigure extends Base {
  kind: 'plan-count';
  total: TotalRow;
}

/** A project whose own budget is broken down in the sub-activity rows under it. */
export interface ItemisationFigure extends Base {
  kind: 'itemisation';
  project: Project;
  /** What the project counts for in totals (its own figure where it has one). */
  counted: number;
}

export type SummaryColumnKind = 'integrated' | 'own' | 'total' | 'any';

/** A budget-per-agency table's total row against its own rows, in one column. */
export interface AgencyTableTotalFigure extends Base {
  kind: 'agency-table-total';
}

/** How a summary's agency row was matched to the plan's agencies. */
export type AgencyRowMatch = 'exact' | 'loose' | 'none';

/** A budget-per-agency table's agency row against that agency's plan rows, in one column (or its columns together). */
export interface AgencyRowFigure extends Base {
  kind: 'agency-row';
  agency: string;
  column: SummaryColumnKind;
  match: AgencyRowMatch;
  /** The plan's spellings of the agency when matched loosely. */
  planNames: string[];
  /** The stated figure is the sum of several cells (งบบูรณาการ + own where the plan has no budget types). */
  combined: boolean;
}

/** A budget-per-agency table's last total row against every project of the plan. */
export interface AgencyPlanFigure extends Base {
  kind: 'agency-plan';
  column: SummaryColumnKind;
}

/** A plan project whose agency the budget summary does not list. */
export interface AgencyMissingFigure {
  kind: 'agency-missing';
  sheet: string;
  agency: Figure<string>;
  budget: number;
}

export type Measure = 'count' | 'budget';

/** A per-indicator table's รวม or ภาพรวม row against its own rows. */
export interface IndicatorTableTotalFigure extends Base {
  kind: 'indicator-table-total';
  row: IndicatorSummaryRow;
  measure: Measure;
}

/** A per-indicator table's row (indicator, goal total or grand total) against the plan's projects. */
export interface IndicatorPlanFigure extends Base {
  kind: 'indicator-plan';
  row: IndicatorSummaryRow;
  measure: Measure;
  /** An indicator row whose projects may be attributed wrongly (numbering anomalies): a warning, not an error. */
  doubtful: boolean;
}

export type ExpectedFigure =
  | ProjectTotalFigure
  | PlanTotalFigure
  | PlanCountFigure
  | ItemisationFigure
  | AgencyTableTotalFigure
  | AgencyRowFigure
  | AgencyPlanFigure
  | IndicatorTableTotalFigure
  | IndicatorPlanFigure;

export type FigureOf<K extends ExpectedFigure['kind']> = Extract<ExpectedFigure, { kind: K }>;

/** The reading a stated figure agrees with, if any. */
export function agreeingReading(f: Pick<Base, 'readings' | 'stated'>): Reading | undefined {
  const stated = f.stated?.value;
  if (stated === null || stated === undefined) return undefined;
  return f.readings.find((r) => sameMoney(r.value, stated));
}

export const sumCells = (cells: readonly SourceCell[]): number => cells.reduce((s, c) => s + c.value, 0);
