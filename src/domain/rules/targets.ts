import type { Figure, Project } from '../model';
import type { Target } from '../thai';

type CountTarget = Extract<Target, { kind: 'count' }>;

/** A row's quarterly targets read against its total target, when both are there. */
export interface TargetReading {
  total: Figure<Target>;
  quarters: Figure<Target>[];
  related: string[];
}

export function targetsOf(p: Project): TargetReading | null {
  const total = p.totalTarget;
  if (!total || total.value.kind === 'none') return null;
  const quarters = p.quarterTargets.filter((f): f is Figure<Target> => f !== null && f.value.kind !== 'none');
  if (quarters.length === 0) return null;
  // The addresses only when a rule reports: three rules read every row's targets, few rows are flagged.
  return {
    total,
    quarters,
    get related() {
      return quarters.map((f) => f.cell.address);
    },
  };
}

/** Counts with one unit (or none) in every quarter and the total: the only targets that may add up. */
export function countTargets(r: TargetReading): { total: CountTarget; counts: CountTarget[] } | null {
  const t = r.total.value;
  if (t.kind !== 'count') return null;
  const counts = r.quarters.map((f) => f.value).filter((v): v is CountTarget => v.kind === 'count');
  if (counts.length !== r.quarters.length) return null;
  const units = new Set([...counts.map((c) => c.unit), t.unit].filter((u): u is string => u !== null));
  return units.size > 1 ? null : { total: t, counts };
}
