import { cellRef } from '../base/cells';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'missing-indicator-heading',
    severity: 'warning',
    title: { th: 'ไม่มีหัวข้อตัวชี้วัด', en: 'Missing indicator heading' },
    help: { th: 'โครงการที่ไม่มีหัวข้อตัวชี้วัดกำกับ', en: 'projects with no indicator heading' },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      const col = s.model.plan?.columns.name ?? s.grid.firstCol;
      for (const n of s.extras.noIndicator) {
        report({ sheet: s.model.name, cell: cellRef(n.row, col) }, { th: `โครงการนี้ไม่มีหัวข้อตัวชี้วัดกำกับ`, en: `These projects have no indicator heading above them` });
      }
    }
  },
});
