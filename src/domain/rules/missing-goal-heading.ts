import { cellRef } from '../base/cells';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'missing-goal-heading',
    severity: 'warning',
    title: { th: 'ไม่มีหัวข้อเป้าหมาย', en: 'Missing goal heading' },
    help: { th: 'ตัวชี้วัดที่ไม่มีหัวข้อเป้าหมายกำกับ', en: 'an indicator without its goal heading' },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      const col = s.model.plan?.columns.name ?? s.grid.firstCol;
      for (const g of s.extras.goalInferred) {
        const h = s.headings.find((x) => x.row === g.row);
        report({ sheet: s.model.name, cell: h?.cell ?? cellRef(g.row, col) }, {
          th: `ไม่มีหัวข้อเป้าหมายที่ ${g.goal} ก่อนตัวชี้วัดที่ ${g.indicator}`,
          en: `No heading for goal ${g.goal} before indicator ${g.indicator}`,
        });
      }
    }
  },
});
