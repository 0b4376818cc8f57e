import fc from 'fast-check';
import type { PlanChoices } from './plan';

/** Every layout family, numbering scheme and habit the plan generator knows, with 0–3 planted errors. */
export const planChoices: fc.Arbitrary<PlanChoices> = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fffffff }),
  family: fc.constantFrom('quarterly', 'timeline', 'features', 'list'),
  scheme: fc.constantFrom('agency', 'indicator', 'goal', 'plan'),
  numberInName: fc.boolean(),
  thaiDigits: fc.boolean(),
  agencyOnce: fc.boolean(),
  statusRows: fc.boolean(),
  errors: fc.integer({ min: 0, max: 3 }),
});
