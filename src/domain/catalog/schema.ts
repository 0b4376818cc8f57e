import { z } from 'zod';

const code = z.string().regex(/^\d+(\.\d+)*$/);
const texts = { th: z.string().min(1), en: z.string().min(1), variants: z.array(z.string()) };

/** The national indicator structure of one plan period, as data. */
export const catalogSchema = z
  .object({
    period: z.string().regex(/^\d{4}-\d{4}$/),
    title: z.object({ th: z.string(), en: z.string() }),
    subPlans: z.array(z.object({ id: z.string(), goals: z.array(code), ...texts })).min(1),
    goals: z.array(z.object({ code, ...texts })).min(1),
    indicators: z.array(z.object({ code, goal: code, parent: code.nullable(), ...texts })).min(1),
  })
  .superRefine((c, ctx) => {
    const goals = new Set(c.goals.map((g) => g.code));
    const indicators = new Set(c.indicators.map((i) => i.code));
    if (indicators.size !== c.indicators.length) ctx.addIssue({ code: 'custom', message: 'duplicate indicator code' });
    for (const i of c.indicators) {
      if (!goals.has(i.goal)) ctx.addIssue({ code: 'custom', message: `indicator ${i.code}: unknown goal ${i.goal}` });
      if (!i.code.startsWith(`${i.goal}.`)) ctx.addIssue({ code: 'custom', message: `indicator ${i.code} is not under goal ${i.goal}` });
      if (i.parent !== null && !indicators.has(i.parent)) ctx.addIssue({ code: 'custom', message: `indicator ${i.code}: unknown parent ${i.parent}` });
    }
    for (const s of c.subPlans) for (const g of s.goals) if (!goals.has(g)) ctx.addIssue({ code: 'custom', message: `sub-plan ${s.id}: unknown goal ${g}` });
  });

export type CatalogData = z.infer<typeof catalogSchema>;
