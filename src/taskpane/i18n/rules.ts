import { RULE_META, type RuleCode } from '../../domain';

/** Short names of the rules for the pane's filter: the registry's titles. */
export const RULE_LABELS: Readonly<Record<RuleCode, { th: string; en: string }>> = Object.fromEntries(
  Object.values(RULE_META).map((m) => [m.code, m.title]),
) as Record<RuleCode, { th: string; en: string }>;
