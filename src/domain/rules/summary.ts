import type { AgencySummary, Figure, IndicatorSummary, IndicatorSummaryRow } from '../model';
import { amountValue, tidy, type Amount } from '../thai';
import { sameMoney } from '../totals/aggregate';
import { agencyKey, matchAgency, type AgencyMatch } from './agency-match';
import type { DetailItem, Rule, RuleContext } from './context';
import { finding, type Finding } from './finding';
import { M, SCOPE } from './messages';

const value = (f: Figure<Amount> | null): number | null => (f ? amountValue(f.value) : 0);

/** Budget-per-agency tables: their own total rows, then every agency against its project rows. */
function agencySummary(sheet: string, table: AgencySummary, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const agencies = table.rows.filter((r) => r.kind === 'agency');
  const totals = table.rows.filter((r) => r.kind === 'total');
  for (const t of totals) {
    for (const a of t.amounts) {
      const stated = value(a.figure);
      if (stated === null) continue;
      const parts = agencies.map((r) => value(r.amounts.find((x) => x.col === a.col)?.figure ?? null));
      if (parts.some((p) => p === null)) continue;
      const sum = (parts as number[]).reduce((s, v) => s + v, 0);
      if (!sameMoney(sum, stated)) {
        out.push(finding('summary-total-mismatch', 'error', { sheet, cell: a.figure.cell }, M.summaryTotal(stated, sum, false), {
          related: agencies.flatMap((r) => r.amounts.filter((x) => x.col === a.col).map((x) => x.figure.cell.address)),
          expected: sum,
          actual: stated,
        }));
      }
    }
  }
  if (ctx.detail.length === 0) return out;

  const keys = agencies.map((r) => ({ row: r.row, key: agencyKey(r.label.value) }));
  const matched = new Map<number, { item: DetailItem; match: AgencyMatch }[]>();
  for (const item of ctx.detail) {
    const match = matchAgency(item.agencyKey, keys);
    if (!match) {
      if (item.budget > 0 && item.project.agency) {
        out.push(finding('agency-not-in-summary', 'warning', { sheet: item.sheet, cell: item.project.agency.cell }, M.agencyNotInSummary(tidy(item.project.agency.value), item.budget), {
          actual: item.budget,
        }));
      }
      continue;
    }
    const list = matched.get(match.summaryRow) ?? [];
    list.push({ item, match });
    matched.set(match.summaryRow, list);
  }
  for (const r of agencies) {
    const rows = matched.get(r.row) ?? [];
    const loose = rows.some((m) => m.match.strength === 'loose');
    for (const a of r.amounts) {
      const stated = value(a.figure);
      if (stated === null) continue;
      const inColumn = rows.filter((m) => a.kind === 'any' || a.kind === 'total' || m.item.budgetClass === a.kind);
      const detail = inColumn.reduce((s, m) => s + m.item.budget, 0);
      if (sameMoney(detail, stated)) continue;
      const name = tidy(r.label.value);
      const at = { sheet, cell: a.figure.cell };
      const related = inColumn.flatMap((m) => (m.item.project.budget ? [`${m.item.sheet}!${m.item.project.budget.cell.address}`] : []));
      const extra = { related, expected: detail, actual: stated };
      if (rows.length === 0) {
        if (stated > 0) out.push(finding('summary-vs-detail', 'warning', at, M.summaryAgencyNoRows(name, stated), extra));
      } else if (loose) {
        const names = [...new Set(rows.map((m) => tidy(m.item.project.agency?.value ?? '')))].join(', ');
        out.push(finding('summary-vs-detail', 'warning', at, M.summaryAgencyLoose(name, stated, detail, names), extra));
      } else {
        const col = SCOPE.column[a.kind];
        out.push(finding('summary-vs-detail', 'error', at, M.summaryAgency(name, stated, detail, col.th, col.en), extra));
      }
    }
  }
  // A total row against all project rows is a consequence of the rows above; say it, but as a warning.
  for (const t of totals) {
    for (const a of t.amounts) {
      const stated = value(a.figure);
      if (stated === null) continue;
      const detail = ctx.detail
        .filter((d) => a.kind === 'any' || a.kind === 'total' || d.budgetClass === a.kind)
        .reduce((s, d) => s + d.budget, 0);
      if (sameMoney(detail, stated)) continue;
      out.push(finding('summary-vs-detail', 'warning', { sheet, cell: a.figure.cell }, M.summaryIndicator(SCOPE.plan.th, SCOPE.plan.en, stated, detail, false), {
        expected: detail,
        actual: stated,
      }));
    }
  }
  return out;
}

type Figures = { count: number; budget: number };

/** Projects-and-budget-per-indicator tables. */
function indicatorSummary(sheet: string, table: IndicatorSummary, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const rows = table.rows;
  const indicatorRows = rows.filter((r) => r.kind === 'indicator');
  /** Parent rows (๒.๒) whose children (๒.๒.๑, ๒.๒.๒) are listed are not added again. */
  const leaves = indicatorRows.filter((r) => !indicatorRows.some((c) => c !== r && c.indicator?.startsWith(`${r.indicator}.`)));
  const stated = (r: IndicatorSummaryRow): { count: number | null; budget: number | null } => ({ count: value(r.count), budget: value(r.budget) });
  const sumOf = (list: IndicatorSummaryRow[]): Figures | null => {
    let count = 0;
    let budget = 0;
    for (const r of list) {
      const s = stated(r);
      if (s.count === null || s.budget === null) return null;
      count += s.count;
      budget += s.budget;
    }
    return { count, budget };
  };
  const check = (r: IndicatorSummaryRow, expected: Figures, code: 'summary-total-mismatch' | 'detail', scope: { th: string; en: string }, severity: 'error' | 'warning'): void => {
    const s = stated(r);
    if (r.count && s.count !== null && s.count !== expected.count) {
      const c = code === 'detail' ? 'count-mismatch' : code;
      const msg = code === 'detail' ? M.summaryIndicator(scope.th, scope.en, s.count, expected.count, true) : M.summaryTotal(s.count, expected.count, true);
      out.push(finding(c, severity, { sheet, cell: r.count.cell }, msg, { expected: expected.count, actual: s.count }));
    }
    if (r.budget && s.budget !== null && !sameMoney(s.budget, expected.budget)) {
      const c = code === 'detail' ? 'summary-vs-detail' : code;
      const msg = code === 'detail' ? M.summaryIndicator(scope.th, scope.en, s.budget, expected.budget, false) : M.summaryTotal(s.budget, expected.budget, false);
      out.push(finding(c, severity, { sheet, cell: r.budget.cell }, msg, { expected: expected.budget, actual: s.budget }));
    }
  };

  // The table's own arithmetic: each รวม against its goal's rows, ภาพรวม against the รวม rows (or all rows).
  const goalTotals = rows.filter((r) => r.kind === 'goal-total');
  for (const t of goalTotals) {
    const sum = sumOf(leaves.filter((r) => r.goal === t.goal));
    if (sum) check(t, sum, 'summary-total-mismatch', SCOPE.goal(t.goal ?? ''), 'error');
  }
  // ภาพรวม may add the รวม rows or the indicator rows; a wrong รวม is reported once, on itself.
  for (const t of rows.filter((r) => r.kind === 'grand-total')) {
    const byRows = sumOf(leaves);
    const byGoals = goalTotals.length > 0 ? sumOf(goalTotals) : null;
    if (!byRows) continue;
    const s = stated(t);
    const agrees = (f: Figures | null, k: keyof Figures): boolean => f !== null && s[k] !== null && sameMoney(f[k], s[k] as number);
    check(t, {
      count: agrees(byGoals, 'count') ? (s.count as number) : byRows.count,
      budget: agrees(byGoals, 'budget') ? (s.budget as number) : byRows.budget,
    }, 'summary-total-mismatch', SCOPE.plan, 'error');
  }
  if (ctx.detail.length === 0) return out;

  // Against the plan: projects and budget per indicator, goal and plan.
  const detailOf = (pred: (d: DetailItem) => boolean): Figures => {
    const items = ctx.detail.filter(pred);
    return { count: items.filter((d) => d.counted).length, budget: items.reduce((s, d) => s + d.budget, 0) };
  };
  const unattributedGoals = new Set(ctx.detail.filter((d) => d.project.indicator === null).map((d) => d.project.goal));
  for (const r of indicatorRows) {
    const code = r.indicator as string;
    if (!ctx.catalog.indicator(code) || unattributedGoals.has(code.split('.')[0] ?? null)) continue;
    const expected = detailOf((d) => d.project.indicator === code || (d.project.indicator ?? '').startsWith(`${code}.`));
    check(r, expected, 'detail', SCOPE.indicator(code), 'error');
  }
  // Goal and plan totals against the plan follow from the rows above: warnings.
  for (const t of goalTotals) check(t, detailOf((d) => d.project.goal === t.goal), 'detail', SCOPE.goal(t.goal ?? ''), 'warning');
  for (const t of rows.filter((r) => r.kind === 'grand-total')) check(t, detailOf(() => true), 'detail', SCOPE.plan, 'warning');
  return out;
}

export const summaries: Rule = (ctx) =>
  ctx.sheets.flatMap((s) =>
    s.model.summaries.flatMap((t) => (t.kind === 'agency' ? agencySummary(s.model.name, t, ctx) : indicatorSummary(s.model.name, t, ctx))),
  );
