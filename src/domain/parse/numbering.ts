import type { NumberingScheme, PlanTable, Project } from '../model';
import { compareKey } from '../thai';

type Scheme = NumberingScheme;

/**
 * The old guess, from what happens where the indicator changes: restarting at 1 votes for per-indicator
 * numbering, carrying on votes for per-goal numbering; carrying on across goals means one sequence for the whole
 * plan. It breaks ties between schemes that fit equally well.
 */
function restartVote(numbered: Project[]): Scheme {
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

const agencyOf = (p: Project): string => (p.agency ? compareKey(p.agency.value) : '');

function groupOf(scheme: Scheme, p: Project): string {
  if (scheme === 'plan') return '';
  if (scheme === 'goal') return `${p.goal}`;
  if (scheme === 'indicator') return `${p.goal}|${p.indicator}`;
  return `${p.goal}|${p.indicator}|${agencyOf(p)}`;
}

/** Whether two projects fall in the same group of a scheme (what groupOf's keys say, without building them). */
function sameGroup(scheme: Scheme, a: Project, b: Project): boolean {
  if (scheme === 'plan') return true;
  if (a.goal !== b.goal) return false;
  if (scheme === 'goal') return true;
  if (a.indicator !== b.indicator) return false;
  return scheme === 'indicator' || (a.agency?.value === b.agency?.value) || agencyOf(a) === agencyOf(b);
}

export interface NumberingAnomaly {
  project: Project;
  expected: number;
  /** Where the number was first used, for a number used twice; null for a gap. */
  firstRow: number | null;
}

/** The projects out of sequence when the numbers run per group of the scheme. */
export function anomaliesUnder(numbered: Project[], scheme: Scheme): NumberingAnomaly[] {
  const out: NumberingAnomaly[] = [];
  walkSequence(numbered, scheme, (project, expected, firstRow) => out.push({ project, expected, firstRow }) > 0);
  return out;
}

/** How many projects are out of sequence under a scheme, counting no further than `limit`. */
function missesUnder(numbered: Project[], scheme: Scheme, limit: number): number {
  let misses = 0;
  walkSequence(numbered, scheme, () => ++misses < limit);
  return misses;
}

/**
 * Walks the numbers in order, per group of the scheme, calling `anomaly` for each project out of sequence (its
 * expected number, and the row where its number was first used or null for a gap); stops when it returns false.
 */
function walkSequence(numbered: Project[], scheme: Scheme, anomaly: (p: Project, expected: number, firstRow: number | null) => boolean): void {
  const state = new Map<string, { last: number; seen: Map<number, number> }>();
  // Consecutive projects are nearly always in the same group: reuse its state without building its key again.
  let prev: Project | null = null;
  let s: { last: number; seen: Map<number, number> } | undefined;
  for (const p of numbered) {
    if (!s || !prev || !sameGroup(scheme, prev, p)) {
      const key = groupOf(scheme, p);
      s = state.get(key);
      if (!s) state.set(key, (s = { last: 0, seen: new Map<number, number>() }));
    }
    prev = p;
    const n = (p.number as NonNullable<Project['number']>).value;
    const first = s.seen.get(n);
    if ((first !== undefined || n !== s.last + 1) && !anomaly(p, s.last + 1, first ?? null)) return;
    if (first === undefined) s.seen.set(n, p.row);
    s.last = n;
  }
}

/**
 * The numbering scheme under which the sequence is most consistent (fewest projects out of sequence), and the
 * share of numbered projects that fit it. Per agency is a candidate only where most projects name their agency.
 */
export function bestNumbering(numbered: Project[]): { scheme: Scheme; fit: number } {
  const vote = restartVote(numbered);
  const withAgency = numbered.filter((p) => agencyOf(p) !== '').length;
  const candidates: Scheme[] = [vote, ...(['indicator', 'goal', 'plan'] as const).filter((s) => s !== vote)];
  if (withAgency >= 0.8 * numbered.length) candidates.push('agency');
  let best: { scheme: Scheme; misses: number } | null = null;
  for (const scheme of candidates) {
    // A scheme replaces the best only with fewer misses: counting stops once it cannot.
    const misses = missesUnder(numbered, scheme, best ? best.misses : Infinity);
    if (!best || misses < best.misses) best = { scheme, misses };
  }
  const b = best as { scheme: Scheme; misses: number };
  return { scheme: b.scheme, fit: numbered.length === 0 ? 1 : 1 - b.misses / numbered.length };
}

/** Numbering anomalies of a table under the scheme its reading settled on. */
export function numberingAnomalies(plan: PlanTable): NumberingAnomaly[] {
  const numbered = plan.projects.filter((p) => p.number !== null);
  if (numbered.length === 0) return [];
  const scheme = plan.reading?.numbering ?? bestNumbering(numbered).scheme;
  return anomaliesUnder(numbered, scheme);
}
