import type { Stats } from '../analyze';
import type { Catalog } from '../catalog';
import type { Text } from '../rules/define';
import type { Finding, Severity } from '../rules/finding';
import { agencyGroups, indicatorGroups, quarterBreakdown } from './breakdowns';
import type { PlanItem } from './items';

/**
 * Several workbooks' summaries in one (a province's agencies each send theirs). Each workbook is reduced to a
 * digest of the very figures its own summary sheets show (agencyGroups, indicatorGroups, quarterBreakdown over the
 * same items), as plain data that can cross a worker thread; the digests are then added up. No figure is derived
 * twice: a combined number is the sum of the single-file numbers.
 */

export interface AgencyFigures {
  integrated: number;
  own: number;
  total: number;
  count: number;
}

export interface SummaryDigest {
  /** The plan period the workbook was checked against. */
  period: string;
  /** Whether any project states a budget type (without one, every budget is "own and other sources"). */
  typed: boolean;
  /** Per agency, as in สรุปตามหน่วยงาน; key '' gathers the projects whose agency could not be read. */
  agencies: ({ key: string; name: string } & AgencyFigures)[];
  /** Per goal and leaf indicator, as in สรุปตามตัวชี้วัด (code null: projects under no single indicator). */
  goals: { code: string; th: string; en: string; indicators: { code: string | null; th: string; en: string; count: number; budget: number }[] }[];
  /** Per quarter, as in สรุปรายไตรมาส: `budget` is the quarter cells' sum where the plan splits its budget by quarter. */
  quarters: { split: boolean; rows: { quarter: number; budget: number | null; activeBudget: number; active: number }[] };
  findings: Pick<Finding, 'sheet' | 'cell' | 'code' | 'severity' | 'message'>[];
  stats: Stats;
}

/** The digest of one analysed workbook. */
export function summaryDigest(analysis: { totals: { items: PlanItem[] }; catalog: Catalog; findings: Finding[]; stats: Stats }): SummaryDigest {
  const items = analysis.totals.items;
  const quarters = quarterBreakdown(items);
  return {
    period: analysis.catalog.period,
    typed: items.some((i) => i.project.budgetType !== null),
    agencies: agencyGroups(items).map((g) => ({
      key: g.key,
      name: g.name,
      integrated: g.integrated.value,
      own: g.own.value,
      total: g.total.value,
      count: g.count.value,
    })),
    goals: indicatorGroups(items, analysis.catalog).map(({ goal, rows }) => ({
      code: goal.code,
      th: goal.th,
      en: goal.en,
      indicators: rows.map((r) => {
        const ind = r.code ? analysis.catalog.indicator(r.code) : undefined;
        return { code: r.code, th: ind?.th ?? '', en: ind?.en ?? '', count: r.count.value, budget: r.budget.value };
      }),
    })),
    quarters: {
      split: quarters.split,
      rows: quarters.quarters.map((q) => ({ quarter: q.quarter, budget: q.budget ? q.budget.value : null, activeBudget: q.activeBudget, active: q.active })),
    },
    findings: analysis.findings.map((f) => ({ sheet: f.sheet, cell: f.cell, code: f.code, severity: f.severity, message: f.message })),
    stats: { ...analysis.stats },
  };
}

export interface CombinedSummary {
  files: { file: string; period: string; stats: Stats; split: boolean; typed: boolean }[];
  /** Agencies across the files, by comparison key, in order of first appearance; unread agencies once per file, last. */
  agencies: ({ key: string; name: string; files: string[] } & AgencyFigures)[];
  goals: { code: string; th: string; en: string; indicators: { code: string | null; th: string; en: string; count: number; budget: number }[] }[];
  /** `split`: quarter cells of the files that split their budget; `active*`: the other files' active projects. */
  quarters: { quarter: number; split: number; activeBudget: number; active: number }[];
  findings: ({ file: string; sheet: string; cell: string; code: string; severity: Severity; message: Text })[];
}

const add = (a: AgencyFigures, b: AgencyFigures): void => {
  a.integrated += b.integrated;
  a.own += b.own;
  a.total += b.total;
  a.count += b.count;
};

/** Goal and indicator codes in numeric order ("1.10" after "1.9"); null (no single indicator) last in its goal. */
function byCode(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let k = 0; k < Math.max(x.length, y.length); k++) if ((x[k] ?? -1) !== (y[k] ?? -1)) return (x[k] ?? -1) - (y[k] ?? -1);
  return 0;
}

/** Adds up the digests, in the order given (the combined workbook is the same whatever order workers finish in). */
export function combineDigests(parts: readonly { file: string; digest: SummaryDigest }[]): CombinedSummary {
  const agencies = new Map<string, CombinedSummary['agencies'][number]>();
  const unread: CombinedSummary['agencies'] = [];
  const goals = new Map<string, { code: string; th: string; en: string; indicators: Map<string, CombinedSummary['goals'][number]['indicators'][number]> }>();
  const quarters = [1, 2, 3, 4].map((quarter) => ({ quarter, split: 0, activeBudget: 0, active: 0 }));
  const findings: CombinedSummary['findings'] = [];
  for (const { file, digest } of parts) {
    for (const a of digest.agencies) {
      if (a.key === '') {
        unread.push({ ...a, files: [file] });
        continue;
      }
      const known = agencies.get(a.key);
      if (!known) agencies.set(a.key, { ...a, files: [file] });
      else {
        add(known, a);
        if (!known.files.includes(file)) known.files.push(file);
        // Of the spellings, the one with the fewest wrap spaces (as a single file's summary chooses).
        if (a.name.split(' ').length < known.name.split(' ').length) known.name = a.name;
      }
    }
    for (const g of digest.goals) {
      const goal = goals.get(g.code) ?? { code: g.code, th: g.th, en: g.en, indicators: new Map() };
      goals.set(g.code, goal);
      for (const i of g.indicators) {
        const key = i.code ?? '';
        const known = goal.indicators.get(key);
        if (known) {
          known.count += i.count;
          known.budget += i.budget;
        } else goal.indicators.set(key, { ...i });
      }
    }
    for (const q of digest.quarters.rows) {
      const into = quarters[q.quarter - 1];
      if (!into) continue;
      if (digest.quarters.split) into.split += q.budget ?? 0;
      else into.activeBudget += q.activeBudget;
      into.active += q.active;
    }
    for (const f of digest.findings) findings.push({ file, ...f });
  }
  return {
    files: parts.map(({ file, digest }) => ({ file, period: digest.period, stats: digest.stats, split: digest.quarters.split, typed: digest.typed })),
    agencies: [...agencies.values(), ...unread],
    goals: [...goals.values()]
      .sort((a, b) => byCode(a.code, b.code))
      .map((g) => ({ code: g.code, th: g.th, en: g.en, indicators: [...g.indicators.values()].sort((a, b) => byCode(a.code, b.code)) })),
    quarters,
    findings,
  };
}
