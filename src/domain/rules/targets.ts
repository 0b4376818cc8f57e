import type { Figure, Project } from '../model';
import type { Target } from '../thai';

type CountTarget = Extract<Target, { kind: 'count' }>;

/** A row's quarterly targets read against its total target, when both are there. */
export interface TargetReading {
  total: Figure<Target>;
  quarters: Figure<Target>[];
  related: string[];
}

/** A row's targets; the addresses are built only when a rule reports (three rules read every row, few are flagged). */
class Targets implements TargetReading {
  constructor(
    readonly total: Figure<Target>,
    readonly quarters: Figure<Target>[],
  ) {}

  get related(): string[] {
    return this.quarters.map((f) => f.cell.address);
  }
}

/**
 * The last row's reading: three rules read every row's targets one after the other (a row is immutable, so its
 * reading is the same each time; one entry, not a cache of every row).
 */
let last: { project: Project; reading: TargetReading | null; counts?: ReturnType<typeof readCounts> } | null = null;

export function targetsOf(p: Project): TargetReading | null {
  if (last?.project === p) return last.reading;
  const reading = readTargets(p);
  last = { project: p, reading };
  return reading;
}

function readTargets(p: Project): TargetReading | null {
  const total = p.totalTarget;
  if (!total || total.value.kind === 'none') return null;
  const quarters: Figure<Target>[] = [];
  for (const f of p.quarterTargets) if (f !== null && f.value.kind !== 'none') quarters.push(f);
  if (quarters.length === 0) return null;
  return new Targets(total, quarters);
}

/** Counts with one unit (or none) in every quarter and the total: the only targets that may add up. */
export function countTargets(r: TargetReading): { total: CountTarget; counts: CountTarget[] } | null {
  // The last row's reading, counted once for the rules that ask in turn.
  if (last?.reading !== r) return readCounts(r);
  if (last.counts === undefined) last.counts = readCounts(r);
  return last.counts;
}

function readCounts(r: TargetReading): { total: CountTarget; counts: CountTarget[] } | null {
  const t = r.total.value;
  if (t.kind !== 'count') return null;
  const counts: CountTarget[] = [];
  // One unit at most among the quarters and the total (a loop: this runs three times on every row).
  let unit = t.unit;
  for (const f of r.quarters) {
    const v = f.value;
    if (v.kind !== 'count') return null;
    if (v.unit !== null) {
      if (unit === null) unit = v.unit;
      else if (v.unit !== unit) return null;
    }
    counts.push(v);
  }
  return { total: t, counts };
}
