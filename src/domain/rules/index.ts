import agencyNotInSummary from './agency-not-in-summary';
import amountUnreadable from './amount-unreadable';
import budgetTypeAmount from './budget-type-amount';
import countMismatch from './count-mismatch';
import criteriaNoMatch from './criteria-no-match';
import type { Report, RuleContext, RuleMeta } from './define';
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

export type { RuleContext, RuleMeta, Text } from './define';
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

/** Runs every rule in registry order; each reports under its own code only. */
export function runRules(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) {
    const { code, severity } = rule.meta;
    const report: Report = (at, message, extra = {}) => {
      out.push(finding(code, extra.severity ?? severity, at, message, extra));
    };
    rule.check(ctx, report);
  }
  return out;
}
