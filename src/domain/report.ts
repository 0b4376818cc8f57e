import { z } from 'zod';
import type { Analysis } from './analyze';
import { FAMILY_NAMES } from './parse/families';
import { RULE_CODES, type RuleCode } from './rules';
import { findingSchema } from './rules/finding';

const family = z.enum(FAMILY_NAMES);
const count = z.number().int().min(0);
/** How a plan sheet's layout was read (optional: older reports and summary sheets have none). */
const reading = z
  .object({
    numbering: z.enum(['agency', 'indicator', 'goal', 'plan']).nullable(),
    numberSource: z.enum(['column', 'name', 'mixed']).nullable(),
    numberingFit: z.number().min(0).max(1),
    itemisations: count,
    unconfirmedItemisations: count,
    multiProjectCells: count,
    inCellBreakdowns: count,
    statusRows: count,
    repeatedHeaders: count,
    carriedAgencies: count,
    notUnderstood: z.array(z.number().int().min(1)),
    certainty: z.enum(['certain', 'unsure']),
  })
  .strict();
const finding = findingSchema.extend({ code: z.enum(RULE_CODES as [RuleCode, ...RuleCode[]]) }).strict();

/** The report: one schema for the CLI's JSON, the task pane and the tests. */
export const reportSchema = z
  .object({
    tool: z.object({ name: z.literal('plancheck'), version: z.string() }).strict(),
    file: z.string(),
    sheets: z.array(z.object({ name: z.string(), family, projects: z.number().int().min(0), reading: reading.optional() }).strict()),
    findings: z.array(finding),
    stats: z
      .object({
        errors: z.number().int().min(0),
        warnings: z.number().int().min(0),
        infos: z.number().int().min(0),
        projects: z.number().int().min(0),
        budget: z.number(),
      })
      .strict(),
  })
  .strict();

export type Report = z.infer<typeof reportSchema>;

export function toReport(analysis: Analysis, file: string, version: string): Report {
  return {
    tool: { name: 'plancheck', version },
    file,
    sheets: analysis.sheets,
    findings: analysis.findings,
    stats: analysis.stats,
  };
}
