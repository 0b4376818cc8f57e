import agencyNotInSummary from './agency-not-in-summary';
import amountUnreadable from './amount-unreadable';
import budgetTypeAmount from './budget-type-amount';
import countMismatch from './count-mismatch';
import criteriaNoMatch from './criteria-no-match';
import type { ProjectAt, Report, RuleContext, RuleMeta, RuleModule } from './define';
import duplicateRow from './duplicate-row';
import { finding, type Finding } from './finding';
import formulaError from './formula-error';
import formulaRange from './formula-range';
import hardcodedTotal from './hardcoded-total';
import indicatorAmbiguous from './indicator-ambiguous';
import indicatorTextDrift from './indicator-text-drift';
import indicatorUnknown from './indicator-unknown';
import itemisationMismatch from './itemisation-mismatch';
import missingGoalHeading from './missing-goal-heading';
import missingIndicatorHeading from './missing-indicator-heading';
import noBudgetSpelling from './no-budget-spelling';
import noBudgetWithAmount from './no-budget-with-amount';
import noCachedValue from './no-cached-value';
import numberAsText from './number-as-text';
import numberingDuplicate from './numbering-duplicate';
import numberingGap from './numbering-gap';
import planPeriodAssumed from './plan-period-assumed';
import provinceMismatch from './province-mismatch';
import readingUnsure from './reading-unsure';
import rowBudgetSum from './row-budget-sum';
import rowShifted from './row-shifted';
import rowTargetPercent from './row-target-percent';
import rowTargetSum from './row-target-sum';
import sheetUnrecognized from './sheet-unrecognized';
import subtotalMismatch from './subtotal-mismatch';
import summaryTotalMismatch from './summary-total-mismatch';
import summaryVsDetail from './summary-vs-detail';
import targetUnitMissing from './target-unit-missing';
import timelineConflict from './timeline-conflict';

import { aligned } from '../memo';
import type { Project } from '../model';
import type { ExpectedFigure } from '../totals';

export type { ProjectAt, RuleContext, RuleMeta, Text } from './define';
export { findingSchema, severitySchema, money, type Finding, type Severity } from './finding';
export { settleFindings, GROUP_AFTER } from './settle';

/**
 * The registry: every rule, one line each. Codes, the pane's labels and filter, the CLI's rule list and the README's
 * rule table all derive from it.
 */
export const RULES = [
  rowBudgetSum, rowTargetSum, rowTargetPercent, targetUnitMissing, noBudgetWithAmount, budgetTypeAmount,
  subtotalMismatch, countMismatch, itemisationMismatch, summaryTotalMismatch, summaryVsDetail, agencyNotInSummary,
  numberingDuplicate, numberingGap, duplicateRow, indicatorUnknown, indicatorTextDrift, indicatorAmbiguous,
  missingIndicatorHeading, missingGoalHeading, rowShifted, sheetUnrecognized, timelineConflict, numberAsText,
  noBudgetSpelling, amountUnreadable, provinceMismatch, planPeriodAssumed, readingUnsure,
  formulaRange, hardcodedTotal, criteriaNoMatch, noCachedValue, formulaError,
] as const;

export type RuleCode = (typeof RULES)[number]['meta']['code'];

export const RULE_CODES: readonly RuleCode[] = RULES.map((r) => r.meta.code);

export const RULE_META: Readonly<Record<RuleCode, RuleMeta<RuleCode>>> = Object.fromEntries(RULES.map((r) => [r.meta.code, r.meta])) as Record<RuleCode, RuleMeta<RuleCode>>;

/** Whether a string is a registered rule code (findings read back from JSON). */
export const isRuleCode = (code: string): code is RuleCode => Object.prototype.hasOwnProperty.call(RULE_META, code);

/** What the per-row and per-figure checks found for one row or figure, by rule (null: nothing at all). */
type Found = (Finding[] | null)[] | null;

const ALL: readonly RuleModule[] = RULES;
const PROJECT_RULES = ALL.map((rule, k) => ({ rule, k })).filter((r) => r.rule.checkProject);
const FIGURE_RULES = ALL.map((rule, k) => ({ rule, k })).filter((r) => r.rule.checkFigure);
/** A figure's findings depend on nothing but the figure: one context for all. */
const FIGURES = {};
/** Figure kinds → the figure rules that check them. */
const BY_KIND = new Map<string, number[]>();
FIGURE_RULES.forEach((r, j) => {
  for (const kind of r.rule.figureKinds ?? []) BY_KIND.set(kind, [...(BY_KIND.get(kind) ?? []), j]);
});

/**
 * Runs every rule in registry order; each reports under its own code only. A rule's findings come in the order
 * its checks run: per row (every table's rows in order), per figure (model order), then over the workbook. With
 * a memo, rows and figures checked before keep their findings.
 */
export function runRules(ctx: RuleContext): Finding[] {
  const outs: Finding[][] = ALL.map(() => []);
  let target: Finding[] = [];
  const reporters = ALL.map((rule): Report => {
    const { code, severity } = rule.meta;
    return (at, message, extra = {}) => {
      target.push(finding(code as RuleCode, extra.severity ?? severity, at, message, extra));
    };
  });
  /**
   * Runs some checks, each into a list of its own; null when none found anything. A list is taken only by a check
   * that reported (most rows report nothing: one empty list serves all their checks).
   */
  const found = (run: (j: number) => void, count: number): Found => {
    let out: Found = null;
    for (let j = 0; j < count; j++) {
      run(j);
      if (target.length === 0) continue;
      out ??= new Array<Finding[] | null>(count).fill(null);
      out[j] = target;
      target = [];
    }
    return out;
  };
  const keep = (f: Found, rules: readonly { k: number }[]): void => {
    if (!f) return;
    for (let j = 0; j < f.length; j++) {
      const list = f[j];
      if (!list) continue;
      const into = outs[(rules[j] as { k: number }).k] as Finding[];
      for (let i = 0; i < list.length; i++) into.push(list[i] as Finding);
    }
  };

  // One function per sheet and one for the figures, given the index: kept rows cost a comparison, no closure.
  for (const s of ctx.sheets) {
    const plan = s.model.plan;
    if (!plan) continue;
    const sheet = s.model.name;
    const projects = plan.projects;
    // A table the edit did not touch (the same rows under the same columns) keeps its rows' findings wholesale.
    const whole = ctx.memo?.lastOf<{ projects: readonly Project[]; columns: object; lists: Finding[][] }>(`rules:rows-of\u0000${sheet}`);
    const same = whole?.value;
    if (same && same.projects === projects && same.columns === plan.columns) {
      same.lists.forEach((list, j) => {
        const into = outs[(PROJECT_RULES[j] as (typeof PROJECT_RULES)[number]).k] as Finding[];
        for (let i = 0; i < list.length; i++) into.push(list[i] as Finding);
      });
      continue;
    }
    const starts = PROJECT_RULES.map(({ k }) => (outs[k] as Finding[]).length);
    const rows = aligned<Found>(ctx.memo, 'rules:row', sheet, plan.columns, projects);
    let at: ProjectAt = { sheet, plan, project: projects[0] as Project };
    const runRow = (j: number): void => {
      const { rule, k } = PROJECT_RULES[j] as (typeof PROJECT_RULES)[number];
      rule.checkProject?.(ctx, at, reporters[k] as Report);
    };
    const checkRow = (i: number): Found => {
      at = { sheet, plan, project: projects[i] as Project };
      return found(runRow, PROJECT_RULES.length);
    };
    for (let i = 0; i < projects.length; i++) keep(rows.get(i, checkRow), PROJECT_RULES);
    if (whole) whole.value = { projects, columns: plan.columns, lists: PROJECT_RULES.map(({ k }, j) => (outs[k] as Finding[]).slice(starts[j])) };
  }

  const all = ctx.totals.figures;
  const figures = aligned<Found>(ctx.memo, 'rules:figure', '', FIGURES, all);
  let figure = all[0] as ExpectedFigure;
  let which: readonly number[] = [];
  const runFigure = (j: number): void => {
    if (!which.includes(j)) return;
    const { rule, k } = FIGURE_RULES[j] as (typeof FIGURE_RULES)[number];
    rule.checkFigure?.(ctx, figure, reporters[k] as Report);
  };
  const checkFigure = (i: number): Found => {
    figure = all[i] as ExpectedFigure;
    which = BY_KIND.get(figure.kind) ?? [];
    return found(runFigure, FIGURE_RULES.length);
  };
  // Figures come in runs of one kind (10,000 rows' totals, then the tables'): the kind looked up once per run.
  let kind = '';
  let checked = false;
  for (let i = 0; i < all.length; i++) {
    const k = (all[i] as ExpectedFigure).kind;
    if (k !== kind) {
      kind = k;
      checked = BY_KIND.has(k);
    }
    if (!checked) continue;
    keep(figures.get(i, checkFigure), FIGURE_RULES);
  }

  ALL.forEach((rule, k) => {
    if (!rule.check) return;
    target = outs[k] as Finding[];
    rule.check(ctx, reporters[k] as Report);
  });
  const out: Finding[] = [];
  for (const list of outs) for (let i = 0; i < list.length; i++) out.push(list[i] as Finding);
  return out;
}
