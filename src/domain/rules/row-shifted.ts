import { cellRef } from '../base/cells';
import type { Project } from '../model';
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
      const projects = s.model.plan?.projects ?? [];
      // Indexed: once per check over every row, a for-of here allocates a step per row until it is compiled.
      for (let i = 0; i < projects.length; i++) {
        const p = projects[i] as Project;
        if (!p.shifted) continue;
        report({ sheet: s.model.name, cell: p.name?.cell ?? cellRef(p.row, col) }, {
          th: `ข้อมูลในแถวนี้เลื่อนไปทางซ้ายหนึ่งคอลัมน์ (งบประมาณอยู่ในคอลัมน์ตัวชี้วัด)`,
          en: `This row is shifted one column to the left (the budget sits in the indicator column)`,
        });
      }
    }
  },
});
