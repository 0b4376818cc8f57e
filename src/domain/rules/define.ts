import type { Catalog, PeriodChoice } from '../catalog';
import type { Memo } from '../memo';
import type { PlanTable, Project } from '../model';
import type { ParsedSheet } from '../parse/sheet';
import type { Formulas } from '../formula';
import type { ExpectedFigure, TotalsModel } from '../totals';
import type { Severity } from './finding';

export interface Text {
  th: string;
  en: string;
}

/** What every rule says about itself: the registry, the pane's filter, the CLI and the README derive from it. */
export interface RuleMeta<C extends string = string> {
  code: C;
  /** The default severity. */
  severity: Severity;
  /** When a finding gets another severity than the default, in words ("warning if no quarter is filled"). */
  otherwise?: Text;
  /** A short name (the pane's rule filter). */
  title: Text;
  /** What the rule checks, one sentence. */
  help: Text;
}

export interface RuleContext {
  sheets: ParsedSheet[];
  catalog: Catalog;
  /** How the catalog was chosen (the workbook's fiscal year, or the newest period assumed). */
  period: PeriodChoice;
  totals: TotalsModel;
  /** The workbook's formulas: evaluated over its cells and judged against the expected figures. */
  formulas: Formulas;
  /** What the previous check computed of objects this one still has (the incremental re-check's); absent: none. */
  memo?: Memo;
}

/** A project row as a per-row check sees it: its sheet, its table, itself. */
export interface ProjectAt {
  sheet: string;
  plan: PlanTable;
  project: Project;
}

export interface Anchor {
  sheet: string;
  cell: { row: number; address: string };
}

export interface FindingExtra {
  related?: string[];
  expected?: number | string;
  actual?: number | string;
  /** Another severity than the rule's default (see `otherwise`). */
  severity?: Severity;
}

/** Reports one finding of the rule being run; its code is the rule's own, so a rule cannot report another's. */
export type Report = (at: Anchor, message: Text, extra?: FindingExtra) => void;

/**
 * A rule: its meta and its checks, run in this order. `checkProject` and `checkFigure` may read nothing but the
 * row (with its table's columns and the catalog) or the figure they are given: the incremental re-check runs them
 * only for the rows an edit re-read and the figures it rebuilt, and keeps the others' findings. `check` reads
 * anything and runs on every check.
 */
export interface RuleModule<C extends string = string> {
  meta: RuleMeta<C>;
  /** The findings of one project row, for every row of every plan table in order. */
  checkProject?(ctx: RuleContext, at: ProjectAt, report: Report): void;
  /** The kinds of expected figure `checkFigure` is given, each figure in model order. */
  figureKinds?: readonly ExpectedFigure['kind'][];
  checkFigure?(ctx: RuleContext, figure: ExpectedFigure, report: Report): void;
  /** Findings over a sheet or the workbook. */
  check?(ctx: RuleContext, report: Report): void;
}

/** Declares a rule; keeps its code's literal type, from which the registry derives the code union. */
export function defineRule<const C extends string>(rule: RuleModule<C>): RuleModule<C> {
  return rule;
}
