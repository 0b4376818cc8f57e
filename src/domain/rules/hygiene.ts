import type { Figure } from '../model';
import type { Amount } from '../thai';
import { allProjects, type Rule } from './context';
import { finding, type Finding } from './finding';
import { M } from './messages';

const isTextNumber = (f: Figure<Amount> | null): f is Figure<Amount> =>
  f !== null && f.value.kind === 'amount' && f.value.asText;

/** How many other cells a number-as-text finding lists; the message gives the full count. */
const MAX_RELATED = 200;

/**
 * number-as-text (one per sheet: in Thai plans nearly every figure is Thai-digit text, and one line that
 * says how many is more use than a line per row), no-budget-spelling and amount-unreadable.
 */
export const hygiene: Rule = (ctx) => {
  const out: Finding[] = [];
  const asText = new Map<string, Figure<Amount>[]>();
  const amountRow = (sheet: string, figs: (Figure<Amount> | null)[]): void => {
    for (const f of figs) {
      if (!f) continue;
      if (isTextNumber(f)) {
        const list = asText.get(sheet);
        if (list) list.push(f);
        else asText.set(sheet, [f]);
      }
      if (f.value.kind === 'none' && f.value.misspelt) out.push(finding('no-budget-spelling', 'info', { sheet, cell: f.cell }, M.noBudgetSpelling()));
      if (f.value.kind === 'unreadable') out.push(finding('amount-unreadable', 'warning', { sheet, cell: f.cell }, M.amountUnreadable(f.value.text)));
    }
  };
  for (const { sheet, project } of allProjects(ctx)) amountRow(sheet, [...project.quarterBudgets, project.budget]);
  for (const s of ctx.sheets) {
    for (const t of s.model.plan?.totals ?? []) amountRow(s.model.name, Object.values(t.amounts));
    for (const sum of s.model.summaries) {
      if (sum.kind === 'agency') for (const r of sum.rows) amountRow(s.model.name, r.amounts.map((a) => a.figure));
      else for (const r of sum.rows) amountRow(s.model.name, [r.count, r.budget]);
    }
    const cells = (asText.get(s.model.name) ?? []).sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
    const first = cells[0];
    if (first) {
      out.push(finding('number-as-text', 'info', { sheet: s.model.name, cell: first.cell }, M.numberAsText(cells.length), {
        related: cells.slice(1, MAX_RELATED + 1).map((f) => f.cell.address),
      }));
    }
  }
  return out;
};
