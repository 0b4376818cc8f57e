import type { Figure } from '../model';
import type { Amount } from '../thai';
import { allProjects, type Rule } from './context';
import { finding, type Finding } from './finding';
import { M } from './messages';

const isTextNumber = (f: Figure<Amount> | null): f is Figure<Amount> =>
  f !== null && f.value.kind === 'amount' && f.value.asText;

/** number-as-text, no-budget-spelling and amount-unreadable: figures that formulas and readers trip over. */
export const hygiene: Rule = (ctx) => {
  const out: Finding[] = [];
  const amountRow = (sheet: string, figs: (Figure<Amount> | null)[]): void => {
    const asText = figs.filter(isTextNumber);
    const first = asText[0];
    if (first) {
      out.push(finding('number-as-text', 'info', { sheet, cell: first.cell }, M.numberAsText(asText.length), {
        related: asText.slice(1).map((f) => f.cell.address),
      }));
    }
    for (const f of figs) {
      if (!f) continue;
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
  }
  return out;
};
