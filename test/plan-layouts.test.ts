import fc from 'fast-check';
import { analyze, type Analysis } from '../src/domain';
import { generatePlan, type GeneratedPlan } from './helpers/layouts/plan';
import { planChoices } from './helpers/layouts/arbitrary';

/**
 * Plans in every family, generated with the habits of 76 provinces (column orders, header synonyms and wrapped
 * header text, numbering per agency / indicator / goal / continuous, in a column or in the name, page breaks with
 * repeated headers and titles and continued rows, itemisations, several projects in one cell, amounts listed in
 * one cell, status rows, Thai or Arabic digits, agencies merged down their block) and 0–3 planted errors.
 */
const choices = planChoices;

const RUNS = Number(process.env.PLAN_LAYOUT_RUNS ?? 1000);
/** A fixed seed keeps CI's figures reproducible; PLAN_LAYOUT_SEED explores other plans. */
const SEED = Number(process.env.PLAN_LAYOUT_SEED ?? 20661);

/** Figures over every generated plan, reported at the end. */
const figures = { plans: 0, rows: 0, planted: 0, found: 0, cleanPlans: 0, cleanRows: 0, strayWarnings: 0, strayErrors: 0 };
const families = new Map<string, number>();
const habits = { itemisations: 0, multiProjectCells: 0, inCellBreakdowns: 0, statusRows: 0, pageBreaks: 0, continuations: 0 };

function check(plan: GeneratedPlan, a: Analysis): string[] {
  const problems: string[] = [];
  const plantedRows = new Set(plan.planted.map((p) => p.row));
  for (const p of plan.planted) {
    const hit = a.findings.some((f) => f.sheet === plan.sheet && f.severity === 'error' && f.row === p.row && f.code === p.code);
    if (hit) figures.found++;
    else problems.push(`planted ${p.code} at row ${p.row} not found as an error`);
  }
  const strayErrors = a.findings.filter((f) => f.severity === 'error' && !plantedRows.has(f.row));
  figures.strayErrors += strayErrors.length;
  for (const f of strayErrors) problems.push(`error ${f.code} at ${f.cell}: ${f.message.en}`);
  if (plan.planted.length === 0) {
    const warnings = a.findings.filter((f) => f.severity === 'warning');
    figures.strayWarnings += warnings.length;
    if (warnings.length > Math.floor(plan.rows / 100)) problems.push(...warnings.map((f) => `warning ${f.code} at ${f.cell}: ${f.message.en}`));
  }
  if (a.stats.projects !== plan.projects) problems.push(`projects ${a.stats.projects}, truth ${plan.projects}`);
  if (Math.abs(a.stats.budget - plan.budget) > 0.005) problems.push(`budget ${a.stats.budget}, truth ${plan.budget}`);
  return problems;
}

describe('generated plan layouts', () => {
  afterAll(() => {
    const per100 = figures.cleanRows === 0 ? 0 : (100 * figures.strayWarnings) / figures.cleanRows;
    console.log(
      `plan layouts: ${figures.plans} plans (${[...families].map(([k, v]) => `${k} ${v}`).join(', ')}), ${figures.rows} rows; ` +
        `planted errors found ${figures.found}/${figures.planted}; stray errors ${figures.strayErrors}; ` +
        `warnings on ${figures.cleanPlans} error-free plans: ${figures.strayWarnings} in ${figures.cleanRows} rows (${per100.toFixed(3)} per 100 rows); ` +
        `habits: ${JSON.stringify(habits)}`,
    );
  });

  it(`reads ${RUNS} plans exactly: every planted error at its row, no error elsewhere, ≤ 1 warning per 100 rows, projects and budget exact`, () => {
    fc.assert(
      fc.property(choices, (c) => {
        const plan = generatePlan(c);
        const a = analyze(plan.snapshot);
        figures.plans++;
        figures.rows += plan.rows;
        figures.planted += plan.planted.length;
        families.set(c.family, (families.get(c.family) ?? 0) + 1);
        for (const k of Object.keys(habits) as (keyof typeof habits)[]) habits[k] += plan.has[k];
        if (plan.planted.length === 0) {
          figures.cleanPlans++;
          figures.cleanRows += plan.rows;
        }
        const problems = check(plan, a);
        if (problems.length > 0) throw new Error(`${JSON.stringify(c)}\n${problems.slice(0, 8).join('\n')}`);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
