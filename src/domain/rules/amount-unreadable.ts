import { defineRule } from './define';
import { amountFigures } from './amounts';

export default defineRule({
  meta: {
    code: 'amount-unreadable',
    severity: 'warning',
    title: { th: 'อ่านจำนวนเงินไม่ได้', en: 'Unreadable amounts' },
    help: { th: 'ช่องงบประมาณที่ไม่ใช่จำนวนเงิน', en: 'a budget cell that is not an amount' },
  },
  check(ctx, report) {
    for (const [sheet, figs] of amountFigures(ctx)) {
      for (const f of figs) {
        if (f.value.kind !== 'unreadable') continue;
        report({ sheet, cell: f.cell }, { th: `อ่านจำนวนเงินไม่ได้: "${f.value.text}"`, en: `Cannot read this amount: "${f.value.text}"` });
      }
    }
  },
});
