import { duplicateRows } from './duplicates';
import { hygiene } from './hygiene';
import { numbering } from './numbering';
import { rowSums } from './row-sums';
import { indicators, structure } from './structure';
import { summaries } from './summary';
import { timeline } from './timeline';
import { planTotals } from './totals';
import { provinces } from './province';
import type { Rule } from './context';

export { buildDetail, type RuleContext, type Rule, type DetailItem } from './context';
export { findingSchema, severitySchema, type Finding, type Severity } from './finding';

/** Every rule family, in the order their findings are reported for the same cell. */
export const RULES: Rule[] = [rowSums, planTotals, summaries, numbering, duplicateRows, indicators, structure, timeline, provinces, hygiene];

/** Rule codes with their severities, for the docs, the pane's filter and the tests. */
export const RULE_CODES = [
  'row-budget-sum', 'row-target-sum', 'row-target-percent', 'target-unit-missing', 'no-budget-with-amount',
  'budget-type-amount', 'subtotal-mismatch', 'count-mismatch', 'itemisation-mismatch', 'summary-total-mismatch',
  'summary-vs-detail', 'agency-not-in-summary', 'numbering-duplicate', 'numbering-gap', 'duplicate-row',
  'indicator-unknown', 'indicator-text-drift', 'indicator-ambiguous', 'missing-indicator-heading',
  'missing-goal-heading', 'row-shifted', 'sheet-unrecognized', 'timeline-conflict', 'number-as-text',
  'no-budget-spelling', 'amount-unreadable', 'province-mismatch',
] as const;
