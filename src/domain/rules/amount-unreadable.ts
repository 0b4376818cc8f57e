import type { Figure } from '../model';
import type { Amount } from '../thai';
import { defineRule, type Report } from './define';
import { projectAmounts, tableAmounts } from './amounts';

function unreadable(sheet: string, f: Figure<Amount>, report: Report): void {
  if (f.value.kind !== 'unreadable') return;
  report({ sheet, cell: f.cell }, { th: `อ่านจำนวนเงินไม่ได้: "${f.value.text}"`, en: `Cannot read this amount: "${f.value.text}"` });
}

export default defineRule({
  meta: {
    code: 'amount-unreadable',
    severity: 'warning',
    title: { th: 'อ่านจำนวนเงินไม่ได้', en: 'Unreadable amounts' },
    help: { th: 'ช่องงบประมาณที่ไม่ใช่จำนวนเงิน', en: 'a budget cell that is not an amount' },
  },
  checkProject(_ctx, { sheet, project }, report) {
    for (const f of projectAmounts(project)) unreadable(sheet, f, report);
  },
  check(ctx, report) {
    for (const [sheet, figs] of tableAmounts(ctx)) for (const f of figs) unreadable(sheet, f, report);
  },
});
