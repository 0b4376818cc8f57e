import type { CellValue } from './snapshot';
import type { CellRef } from './base/cells';
import type { Amount, Target } from './thai';

export type { CellRef } from './base/cells';

import type { Family } from './parse/families';

/** Template families recognised by header text (the table in layout/families.ts). */
export type { Family } from './parse/families';

/** A figure read from one cell, with where it came from. */
export interface Figure<T> {
  cell: CellRef;
  raw: CellValue;
  value: T;
  /** The cell's formula ("=SUM(G8,I8,K8,M8)") when it has one: its value above is the formula's result. */
  formula?: string;
}

export type Quad<T> = [T, T, T, T];

export interface Project {
  sheet: string;
  row: number;
  /** Rows below that continue this project's text (page breaks). */
  continuationRows: number[];
  number: Figure<number> | null;
  name: Figure<string> | null;
  /** Goal and indicator codes from the headings above ("1", "2.2.1"). */
  goal: string | null;
  indicator: string | null;
  /** Index of the numbered project this row itemises, within PlanTable.projects. */
  parent: number | null;
  children: number[];
  budgetType: Figure<string> | null;
  kpi: Figure<string> | null;
  agency: Figure<string> | null;
  quarterTargets: Quad<Figure<Target> | null>;
  quarterBudgets: Quad<Figure<Amount> | null>;
  totalTarget: Figure<Target> | null;
  /** The row's total budget: งบประมาณรวม, or the single งบประมาณ column. */
  budget: Figure<Amount> | null;
  /** Timeline cells under ไตรมาส ๑–๔ (arrows and month text), continuation rows included. */
  timeline: Quad<Figure<string> | null>;
  /** For each timeline cell, the last quarter (1–4) its merged area reaches: an arrow merged over Q2–Q3 spans both. */
  timelineReach: Quad<number>;
  period: Figure<string> | null;
  /** The row was read one column to the left of its header. */
  shifted: boolean;
  /**
   * A hash of every cell of the row but its number (as comparison keys), and that content's length: duplicate
   * detection groups rows by it and compares the content itself only where hashes meet (parse/content.ts).
   */
  contentHash: number;
  contentLength: number;
  /** How the row was read (parse/reading.ts); absent on rows read the ordinary way (numbered, or unnumbered sheets). */
  reading?: ProjectReading;
  /** One of several projects listed in one row ("๔.กิจกรรม… ๕.โครงการ…"): its line and how many the cell lists. */
  item?: { line: number; of: number };
  /** The agency was read from a merged agency cell that starts above this row. */
  agencyCarried?: boolean;
}

/**
 * How an unusual row was read, and on what evidence: 'itemisation' rows break their project's amount down (their
 * sum equals it), 'itemisation-unconfirmed' rows look like a breakdown that does not add up, 'separate' rows sit
 * under a project but are projects of their own (a status row or another agency between them, or amounts that
 * only partly add up), 'orphan' rows carry money with no project above them, 'multi-project' rows are one of several projects
 * listed in one row, 'in-cell-breakdown' rows add several amounts written in one budget cell.
 */
export type ProjectReading = 'itemisation' | 'itemisation-unconfirmed' | 'separate' | 'orphan' | 'multi-project' | 'in-cell-breakdown';

/** How a numbered sheet numbers its projects: per agency, per indicator, per goal, or one sequence. */
export type NumberingScheme = 'agency' | 'indicator' | 'goal' | 'plan';

/** How a plan sheet's layout was read, with the evidence and how sure the reading is. */
export interface SheetReading {
  /** The numbering the sequence fits best, and where the numbers are written; null on an unnumbered sheet. */
  numbering: NumberingScheme | null;
  numberSource: 'column' | 'name' | 'mixed' | null;
  /** Share of numbered projects that continue their sequence under that scheme (1 = every one). */
  numberingFit: number;
  /** Projects whose amount is broken down in the rows under them, confirmed by arithmetic. */
  itemisations: number;
  /** Rows under a project that look like a breakdown but do not add up to it. */
  unconfirmedItemisations: number;
  /** Rows listing several numbered projects, split into one item each. */
  multiProjectCells: number;
  /** Budget cells holding several amounts for one project, added up. */
  inCellBreakdowns: number;
  statusRows: number;
  /** Headers repeated below the first (page breaks). */
  repeatedHeaders: number;
  /** Agencies taken from a merged agency cell above the row. */
  carriedAgencies: number;
  /** Rows that fit no reading (money without a project above it, a project list whose amounts do not match). */
  notUnderstood: number[];
  /** 'unsure' when the sequence fits no scheme well or too many rows fit nothing. */
  certainty: 'certain' | 'unsure';
}

export type TotalScopeHint = 'indicator' | 'goal' | 'plan' | null;

/** A stated total row inside a plan table ("รวมจำนวน ๑๘ โครงการ/กิจกรรม", "รวมงบประมาณตามตัวชี้วัดที่ …"). */
export interface TotalRow {
  row: number;
  label: Figure<string>;
  statedCount: Figure<number> | null;
  /** Stated amounts by column role: 'budget', 'q1'..'q4'. */
  amounts: Partial<Record<AmountColumn, Figure<Amount>>>;
  scopeHint: TotalScopeHint;
  /** Indicator or goal named in the label, if any. */
  scopeCode: string | null;
  goal: string | null;
  indicator: string | null;
  /** Number of projects (PlanTable.projects) that precede this row. */
  projectsBefore: number;
}

export type AmountColumn = 'budget' | 'q1' | 'q2' | 'q3' | 'q4';

export interface Heading {
  row: number;
  cell: CellRef;
  kind: 'sub-plan' | 'goal' | 'indicator' | 'target' | 'title';
  code: string | null;
  text: string;
}

/** How one header maps columns to roles. */
export interface ColumnMap {
  family: Family;
  headerRows: number[];
  number?: number;
  name?: number;
  feature?: number;
  method?: number;
  budgetType?: number;
  kpi?: number;
  agency?: number;
  budget?: number;
  period?: number;
  totalTarget?: number;
  quarterTarget: Quad<number | undefined>;
  quarterBudget: Quad<number | undefined>;
  timeline: Quad<number | undefined>;
  goalCol?: number;
  indicatorCol?: number;
  count?: number;
  /** Summary budget columns with what they hold. */
  amountColumns: { col: number; kind: 'integrated' | 'own' | 'total' | 'any'; label: string }[];
  firstCol: number;
  lastCol: number;
}

export interface PlanTable {
  family: Family;
  columns: ColumnMap;
  projects: Project[];
  totals: TotalRow[];
  headings: Heading[];
  /** Whether the sheet numbers its projects at all. */
  numbered: boolean;
  /** How the layout was read (set once the table is complete). */
  reading?: SheetReading;
}

export interface AgencySummaryRow {
  row: number;
  kind: 'agency' | 'total';
  label: Figure<string>;
  amounts: { col: number; kind: 'integrated' | 'own' | 'total' | 'any'; figure: Figure<Amount> }[];
}

export interface IndicatorSummaryRow {
  row: number;
  kind: 'indicator' | 'goal-total' | 'grand-total';
  goal: string | null;
  indicator: string | null;
  label: Figure<string>;
  count: Figure<Amount> | null;
  budget: Figure<Amount> | null;
}

export interface AgencySummary {
  kind: 'agency';
  columns: ColumnMap;
  rows: AgencySummaryRow[];
}

export interface IndicatorSummary {
  kind: 'indicator';
  columns: ColumnMap;
  rows: IndicatorSummaryRow[];
}

export interface SheetModel {
  name: string;
  family: Family;
  plan: PlanTable | null;
  summaries: (AgencySummary | IndicatorSummary)[];
}
