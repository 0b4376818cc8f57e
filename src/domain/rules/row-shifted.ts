import { cellRef } from '../base/cells';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'row-shifted',
    severity: 'warning',
    title: { th: 'แถวเลื่อนคอลัมน์', en: 'Shifted rows' },
    help: { th: 'แถวที่ข้อมูลเลื่อนไปทางซ้ายหนึ่งคอลัมน์จากหัวตาราง', en: 'a row read one column left of its header' },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      const col = s.model.plan?.columns.name ?? s.grid.firstCol;
      for (const p of s.model.plan?.projects ?? []) {
        if (!p.shifted) continue;
        report({ sheet: s.model.name, cell: p.name?.cell ?? cellRef(p.row, col) }, {
          th: `ข้อมูลในแถวนี้เลื่อนไปทางซ้ายหนึ่งคอลัมน์ (งบประมาณอยู่ในคอลัมน์ตัวชี้วัด)`,
          en: `This row is shifted one column to the left (the budget sits in the indicator column)`,
        });
      }
    }
  },
});
