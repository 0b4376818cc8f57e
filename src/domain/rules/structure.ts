import { indicatorTextKey } from '../catalog';
import { cellRef } from '../parse/grid';
import { headingWording } from '../parse/headings';
import type { Rule } from './context';
import { finding, type Finding } from './finding';
import { M } from './messages';

/** Indicator numbers and wording in headings and summary rows, against the catalog. */
export const indicators: Rule = (ctx) => {
  const out: Finding[] = [];
  const check = (sheet: string, cell: { row: number; address: string }, code: string, text: string): void => {
    const ind = ctx.catalog.indicator(code);
    if (!ind) {
      out.push(finding('indicator-unknown', 'error', { sheet, cell }, M.indicatorUnknown(code), { actual: code }));
      return;
    }
    const wording = indicatorTextKey(headingWording(text));
    if (wording.length > 0 && !ind.keys.includes(wording)) {
      out.push(finding('indicator-text-drift', 'warning', { sheet, cell }, M.indicatorDrift(code, ind.th), { expected: ind.th, actual: text.trim() }));
    }
  };
  for (const s of ctx.sheets) {
    for (const h of s.headings) if (h.kind === 'indicator' && h.code) check(s.model.name, h.cell, h.code, h.text);
    for (const t of s.model.summaries) {
      if (t.kind !== 'indicator') continue;
      for (const r of t.rows) if (r.kind === 'indicator' && r.indicator) check(s.model.name, r.label.cell, r.indicator, r.label.value);
    }
  }
  return out;
};

/** Headings missing or stacked, shifted rows, sheets we could not read. */
export const structure: Rule = (ctx) => {
  const out: Finding[] = [];
  for (const s of ctx.sheets) {
    const sheet = s.model.name;
    const col = s.model.plan?.columns.name ?? s.grid.firstCol;
    for (const a of s.extras.ambiguous) {
      const h = s.headings.find((x) => x.row === a.row);
      out.push(finding('indicator-ambiguous', 'warning', { sheet, cell: h?.cell ?? cellRef(a.row, col) }, M.indicatorAmbiguous(a.codes)));
    }
    for (const g of s.extras.goalInferred) {
      const h = s.headings.find((x) => x.row === g.row);
      out.push(finding('missing-goal-heading', 'warning', { sheet, cell: h?.cell ?? cellRef(g.row, col) }, M.missingGoalHeading(g.goal, g.indicator)));
    }
    for (const n of s.extras.noIndicator) {
      out.push(finding('missing-indicator-heading', 'warning', { sheet, cell: cellRef(n.row, col) }, M.missingIndicatorHeading()));
    }
    for (const p of s.model.plan?.projects ?? []) {
      if (p.shifted) out.push(finding('row-shifted', 'warning', { sheet, cell: p.name?.cell ?? cellRef(p.row, col) }, M.rowShifted()));
    }
    const empty = s.grid.lastRow < s.grid.firstRow || (s.grid.lastCol < s.grid.firstCol);
    if (s.model.family === 'unrecognized' && !empty) {
      out.push(finding('sheet-unrecognized', 'info', { sheet, cell: cellRef(s.grid.firstRow, s.grid.firstCol) }, M.sheetUnrecognized()));
    }
  }
  return out;
};
