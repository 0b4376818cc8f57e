import { defineRule } from './define';
import { amountFigures } from './amounts';

export default defineRule({
  meta: {
    code: 'no-budget-spelling',
    severity: 'info',
    title: { th: 'คำสะกด ไม่ใช้งบประมาณ', en: 'No-budget spelling' },
    help: { th: 'สะกด "ไม่ใช่ งบประมาณ" แทน "ไม่ใช้งบประมาณ"', en: '"ไม่ใช่ งบประมาณ" for ไม่ใช้งบประมาณ' },
  },
  check(ctx, report) {
    for (const [sheet, figs] of amountFigures(ctx)) {
      for (const f of figs) {
        if (f.value.kind !== 'none' || !f.value.misspelt) continue;
        report({ sheet, cell: f.cell }, {
          th: `สะกด "ไม่ใช่ งบประมาณ" ควรเป็น "ไม่ใช้งบประมาณ"`,
          en: `"ไม่ใช่ งบประมาณ" is misspelt; it should read "ไม่ใช้งบประมาณ" (no budget)`,
        });
      }
    }
  },
});
