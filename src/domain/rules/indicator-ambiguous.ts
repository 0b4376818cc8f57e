import { cellRef } from '../base/cells';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'indicator-ambiguous',
    severity: 'warning',
    title: { th: 'ตัวชี้วัดกำกับไม่ชัด', en: 'Ambiguous indicator' },
    help: { th: 'หัวข้อตัวชี้วัดหลายข้อต่อกันเหนือตารางเดียว', en: 'sibling indicator headings stacked over one table' },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      const col = s.model.plan?.columns.name ?? s.grid.firstCol;
      for (const a of s.extras.ambiguous) {
        const h = s.headings.find((x) => x.row === a.row);
        const codes = a.codes.join(', ');
        report({ sheet: s.model.name, cell: h?.cell ?? cellRef(a.row, col) }, {
          th: `มีหัวข้อตัวชี้วัด ${codes} ต่อกันโดยไม่มีโครงการคั่น โครงการด้านล่างจึงระบุตัวชี้วัดไม่ได้`,
          en: `Indicator headings ${codes} are stacked over one table; the projects below cannot be attributed to one indicator`,
        });
      }
    }
  },
});
