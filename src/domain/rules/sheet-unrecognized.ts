import { cellRef } from '../base/cells';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'sheet-unrecognized',
    severity: 'info',
    title: { th: 'ชีตที่ไม่รู้จัก', en: 'Unrecognised sheets' },
    help: { th: 'ชีตที่ไม่พบตารางที่รู้จัก จึงไม่ได้ตรวจ', en: 'a sheet with no known table' },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      const empty = s.grid.lastRow < s.grid.firstRow || s.grid.lastCol < s.grid.firstCol;
      if (s.model.family !== 'unrecognized' || empty) continue;
      report({ sheet: s.model.name, cell: cellRef(s.grid.firstRow, s.grid.firstCol) }, {
        th: `ไม่พบหัวตารางแผนปฏิบัติการหรือตารางสรุปที่รู้จักในชีตนี้ จึงไม่ได้ตรวจ`,
        en: `No known plan or summary table header was found on this sheet, so it was not checked`,
      });
    }
  },
});
