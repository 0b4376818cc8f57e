import type { AgencySummary, Figure, IndicatorSummary, IndicatorSummaryRow } from '../model';
import { amountValue, tidy, type Amount } from '../thai';
import { sameMoney } from '../totals/aggregate';
import { agencyKey, matchAgency, type AgencyMatch } from './agency-match';
import type { DetailItem, Rule, RuleContext } from './context';
import { numberingAnomalies } from './numbering';
import { finding, type Finding } from './finding';
import { M, SCOPE } from './messages';

const value = (f: Figure<Amount> | null): number | null => (f ? amountValue(f.value) : 0);

/** Budget-per-agency tables: their own total rows, then every agency against its project rows. */
function agencySummary(sheet: string, table: AgencySummary, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const agencies = table.rows.filter((r) => r.kind === 'agency');
  const totals = table.rows.filter((r) => r.kind === 'total');
  // A total row may close a group (the rows since the previous total), the whole table, or add earlier totals.
  const columnSum = (list: typeof table.rows, col: number): number | null => {
    let sum = 0;
    for (const r of list) {
      const v = value(r.amounts.find((x) => x.col === col)?.figure ?? null);
      if (v === null) return null;
      sum += v;
    }
    return sum;
  };
  totals.forEach((t, k) => {
    const at = table.rows.indexOf(t);
    const prevAt = k > 0 ? table.rows.indexOf(totals[k - 1]!) : -1;
    const group = table.rows.slice(prevAt + 1, at).filter((r) => r.kind === 'agency');
    const isLast = k === totals.length - 1;
    for (const a of t.amounts) {
      const stated = value(a.figure);
      if (stated === null) continue;
      const candidates = [columnSum(group, a.col), columnSum(agencies, a.col), k > 0 ? columnSum(totals.slice(0, k), a.col) : null];
      if (candidates.some((c) => c !== null && sameMoney(c, stated))) continue;
      const expected = (isLast ? candidates[1] : candidates[0]) ?? candidates[0] ?? candidates[1];
      if (expected === null || expected === undefined) continue;
      const rowsUsed = isLast ? agencies : group;
      out.push(finding('summary-total-mismatch', 'error', { sheet, cell: a.figure.cell }, M.summaryTotal(stated, expected, false), {
        related: rowsUsed.flatMap((r) => r.amounts.filter((x) => x.col === a.col).map((x) => x.figure.cell.address)),
        expected,
        actual: stated,
      }));
    }
  });
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
  // Without a budget-type column in the plan, the split between the two summary columns cannot be checked:
  // compare each agency's columns together.
  const typed = ctx.detail.some((d) => d.project.budgetType !== null);
  const comparisons = (r: (typeof agencies)[number]): { kind: 'integrated' | 'own' | 'total' | 'any'; figure: Figure<Amount>; stated: number | null }[] => {
    const split = r.amounts.filter((a) => a.kind === 'integrated' || a.kind === 'own');
    if (typed || split.length < 2) return r.amounts.map((a) => ({ kind: a.kind, figure: a.figure, stated: value(a.figure) }));
    const values = split.map((a) => value(a.figure));
    const stated = values.some((v) => v === null) ? null : (values as number[]).reduce((s, v) => s + v, 0);
    const anchor = split.find((a) => (value(a.figure) ?? 0) !== 0) ?? (split[0] as (typeof split)[number]);
    return [{ kind: 'any', figure: anchor.figure, stated }];
  };
  for (const r of agencies) {
    const rows = matched.get(r.row) ?? [];
    const loose = rows.some((m) => m.match.strength === 'loose');
    for (const a of comparisons(r)) {
      const stated = a.stated;
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
  // The table's last total against all project rows is a consequence of the rows above: a warning.
  for (const t of totals.slice(-1)) {
    for (const a of comparisons(t)) {
      const stated = a.stated;
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

/**
 * Indicators whose projects may be attributed wrongly: their numbering jumps or repeats (a heading is probably
 * missing, so projects of the next indicator sit under this one), and, in the same goal, indicators left with no
 * project at all ("goal N" marks the goal).
 */
function uncertainIndicators(ctx: RuleContext): Set<string> {
  const out = new Set<string>();
  for (const s of ctx.sheets) {
    if (!s.model.plan) continue;
    for (const a of numberingAnomalies(s.model.plan)) {
      if (a.project.indicator) out.add(a.project.indicator);
      if (a.project.goal) out.add(`goal ${a.project.goal}`);
    }
  }
  return out;
}

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
  const uncertain = uncertainIndicators(ctx);
  for (const r of indicatorRows) {
    const code = r.indicator as string;
    if (!ctx.catalog.indicator(code) || unattributedGoals.has(code.split('.')[0] ?? null)) continue;
    const expected = detailOf((d) => d.project.indicator === code || (d.project.indicator ?? '').startsWith(`${code}.`));
    const goal = code.split('.')[0] as string;
    const doubtful = uncertain.has(code) || (uncertain.has(`goal ${goal}`) && expected.count === 0);
    check(r, expected, 'detail', SCOPE.indicator(code), doubtful ? 'warning' : 'error');
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
