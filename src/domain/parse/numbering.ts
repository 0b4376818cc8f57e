import type { PlanTable, Project } from '../model';

type Scheme = 'indicator' | 'goal' | 'plan';

/**
 * Which numbering a table uses, from what happens where the indicator changes: restarting at 1 votes for
 * per-indicator numbering, carrying on votes for per-goal numbering; carrying on across goals means one
 * sequence for the whole plan.
 */
export function numberingScheme(numbered: Project[]): Scheme {
  let restart = 0;
  let carry = 0;
  let acrossGoals = 0;
  for (let i = 1; i < numbered.length; i++) {
    const prev = numbered[i - 1] as Project;
    const p = numbered[i] as Project;
    const n = p.number?.value ?? 0;
    const before = prev.number?.value ?? 0;
    if (p.goal !== prev.goal) {
      if (n === before + 1 && n !== 1) acrossGoals++;
      continue;
    }
    if (p.indicator === prev.indicator) continue;
    if (n === 1) restart++;
    else if (n === before + 1) carry++;
  }
  if (acrossGoals > 0 && restart === 0) return 'plan';
  return carry > restart ? 'goal' : 'indicator';
}

/** Numbering anomalies of a table: each out-of-sequence project with what was expected. */
export function numberingAnomalies(plan: PlanTable): { project: Project; expected: number; firstRow: number | null }[] {
  const numbered = plan.projects.filter((p) => p.number !== null);
  if (numbered.length === 0) return [];
  const scheme = numberingScheme(numbered);
  const groupOf = (p: Project): string => (scheme === 'plan' ? '' : scheme === 'goal' ? `${p.goal}` : `${p.goal}|${p.indicator}`);
  const state = new Map<string, { last: number; seen: Map<number, number> }>();
  const out: { project: Project; expected: number; firstRow: number | null }[] = [];
  for (const p of numbered) {
    const key = groupOf(p);
    const s = state.get(key) ?? { last: 0, seen: new Map<number, number>() };
    state.set(key, s);
    const n = p.number!.value;
    const first = s.seen.get(n);
    if (first !== undefined || n !== s.last + 1) out.push({ project: p, expected: s.last + 1, firstRow: first ?? null });
    if (first === undefined) s.seen.set(n, p.row);
    s.last = n;
  }
  return out;
}
