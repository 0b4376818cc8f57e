import type { Analysis } from './analyze';
import type { SheetModel } from './model';
import type { Finding } from './rules/finding';

export interface FindingGroup {
  /** "1.2", "goal 2", or "" for findings outside any indicator (summary tables, headings, sheet-level). */
  key: string;
  goal: string | null;
  indicator: string | null;
  findings: Finding[];
}

export interface SheetGroup {
  sheet: string;
  groups: FindingGroup[];
}

/** Goal and indicator of each row that belongs to one: project rows, their continuation rows, summary rows. */
function rowContext(model: SheetModel): Map<number, { goal: string | null; indicator: string | null }> {
  const out = new Map<number, { goal: string | null; indicator: string | null }>();
  for (const p of model.plan?.projects ?? []) {
    for (const r of [p.row, ...p.continuationRows]) out.set(r, { goal: p.goal, indicator: p.indicator });
  }
  for (const t of model.plan?.totals ?? []) out.set(t.row, { goal: t.goal, indicator: null });
  for (const h of model.plan?.headings ?? []) {
    if (h.kind === 'indicator' && h.code) out.set(h.row, { goal: h.code.split('.')[0] ?? null, indicator: h.code });
  }
  for (const s of model.summaries) {
    if (s.kind !== 'indicator') continue;
    for (const r of s.rows) out.set(r.row, { goal: r.goal, indicator: r.indicator });
  }
  return out;
}

const order = (key: string): string => (key === '' ? '\uffff' : key);

/** Findings grouped by sheet (workbook order), then by goal/indicator (catalog order), rows in order. */
export function groupFindings(analysis: Analysis, findings: Finding[] = analysis.findings): SheetGroup[] {
  const contexts = new Map(analysis.models.map((m) => [m.name, rowContext(m)]));
  const out: SheetGroup[] = [];
  for (const sheet of analysis.sheets) {
    const mine = findings.filter((f) => f.sheet === sheet.name);
    if (mine.length === 0) continue;
    const groups = new Map<string, FindingGroup>();
    for (const f of mine) {
      // A group of findings (rules/settle.ts) spans the sheet: it goes with the sheet-wide ones, not its first row's indicator.
      const ctx = (f.count ? undefined : contexts.get(sheet.name)?.get(f.row)) ?? { goal: null, indicator: null };
      const key = ctx.indicator ?? (ctx.goal ? `goal ${ctx.goal}` : '');
      const g = groups.get(key) ?? { key, goal: ctx.goal, indicator: ctx.indicator, findings: [] };
      g.findings.push(f);
      groups.set(key, g);
    }
    out.push({ sheet: sheet.name, groups: [...groups.values()].sort((a, b) => order(a.key).localeCompare(order(b.key), 'en', { numeric: true })) });
  }
  return out;
}
