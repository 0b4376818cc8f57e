import { z } from 'zod';
import type { Anchor } from './define';
import type { RuleCode } from './index';

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

export const findingSchema = z.object({
  code: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  severity: severitySchema,
  sheet: z.string(),
  cell: z.string().regex(/^[A-Z]{1,3}\d+$/),
  row: z.number().int().min(1),
  related: z.array(z.string()).optional(),
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string()]).optional(),
  /** A group: this many findings of the code on the sheet, the others' cells in `related`. */
  count: z.number().int().min(2).optional(),
  message: z.object({ th: z.string().min(1), en: z.string().min(1) }),
});
/** A finding; its code is always a registered rule's. */
export type Finding = Omit<z.infer<typeof findingSchema>, 'code'> & { code: RuleCode };

/** Builds a finding anchored at a cell; optional fields are left out when undefined. Only the registry calls it. */
export function finding(
  code: RuleCode,
  severity: Severity,
  at: Anchor,
  message: { th: string; en: string },
  extra: { related?: string[]; expected?: number | string; actual?: number | string } = {},
): Finding {
  const f: Finding = { code, severity, sheet: at.sheet, cell: at.cell.address, row: at.cell.row, message };
  if (extra.related && extra.related.length > 0) f.related = extra.related;
  if (extra.expected !== undefined) f.expected = extra.expected;
  if (extra.actual !== undefined) f.actual = extra.actual;
  return f;
}

/** 1234567.5 → "1,234,567.50"; integers without decimals. */
export function money(n: number): string {
  const neg = n < 0;
  const abs = Math.abs(n);
  const whole = Math.floor(abs + 1e-9);
  const cents = Math.round((abs - whole) * 100);
  const s = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${s}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/** "1 project", "3 projects". */
export const projectsEn = (n: number): string => `${n} project${n === 1 ? '' : 's'}`;
