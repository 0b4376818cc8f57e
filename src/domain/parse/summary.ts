import type { AgencySummary, Figure, IndicatorSummary, IndicatorSummaryRow } from '../model';
import { SUMMARY_LABEL, TOTAL } from '../vocabulary';
import { parseAmount } from '../thai';
import type { Grid } from '../base/grid';
import { RowReader, isTotalLabel } from './rows';

/** Rows of a budget-per-agency table (ที่ / หน่วยงาน / งบประมาณ…, total row ภาพรวม). */
export function addAgencySummaryRow(grid: Grid, table: AgencySummary, row: number): void {
  const r = new RowReader(grid, row, 0);
  const m = table.columns;
  const label = r.text(m.agency) ?? r.text(m.number);
  if (!label) return;
  const total = isTotalLabel(r.key(label.cell.col)) || (r.text(m.agency) === null && isTotalLabel(r.key(m.number)));
  const amounts = m.amountColumns.flatMap((a) => {
    const f = r.amount(a.col) ?? { cell: { row, col: a.col, address: '' }, raw: null, value: parseAmount(null) };
    return f.cell.address ? [{ col: a.col, kind: a.kind, figure: f }] : [];
  });
  if (!total && amounts.length === 0) return;
  table.rows.push({ row, kind: total ? 'total' : 'agency', label, amounts });
}

/**
 * Rows of a projects-and-budget-per-indicator table (เป้าหมายที่ / ตัวชี้วัดที่ / จำนวนโครงการ / งบประมาณ),
 * with a รวม row per goal and ภาพรวม. The goal cell is merged over its indicator rows.
 */
export function addIndicatorSummaryRow(grid: Grid, table: IndicatorSummary, row: number, state: { goal: string | null }): void {
  const r = new RowReader(grid, row, 0);
  const m = table.columns;
  const goalCell = r.text(m.goalCol);
  const indCell = r.text(m.indicatorCol);
  const goalKey = r.key(m.goalCol);
  const indKey = r.key(m.indicatorCol);
  const g = SUMMARY_LABEL.goal.exec(goalKey);
  if (g && !isTotalLabel(goalKey)) state.goal = g[1] ?? null;
  const count = r.amount(m.count);
  const budget = r.amount(m.budget);
  const labelFig: Figure<string> | null = indCell ?? goalCell;
  if (!labelFig) return;
  let kind: IndicatorSummaryRow['kind'] | null = null;
  let indicator: string | null = null;
  const labelKey = indCell ? indKey : goalKey;
  if (isTotalLabel(labelKey)) kind = TOTAL.grand.test(labelKey) ? 'grand-total' : 'goal-total';
  else {
    const code = SUMMARY_LABEL.indicator.exec(indKey);
    if (code) {
      kind = 'indicator';
      indicator = code[1] ?? null;
    }
  }
  if (!kind) return;
  table.rows.push({ row, kind, goal: kind === 'grand-total' ? null : state.goal ?? indicator?.split('.')[0] ?? null, indicator, label: labelFig, count, budget });
}
