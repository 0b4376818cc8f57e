import { parseAddress, cellRef } from '../base/cells';
import { defineRule } from './define';
import { money } from './finding';

/** How many other cells a no-cached-value finding lists; the message gives the full count. */
const MAX_RELATED = 200;

export default defineRule({
  meta: {
    code: 'no-cached-value',
    severity: 'warning',
    title: { th: 'สูตรไม่มีค่าที่คำนวณไว้', en: 'Formulas without cached values' },
    help: {
      th: 'สูตรที่ไฟล์ไม่ได้เก็บค่าที่คำนวณไว้ (บันทึกจากโปรแกรมที่ไม่คำนวณ) ตรวจแผนคำนวณเองแล้วตรวจต่อ แจ้งครั้งเดียวต่อชีต',
      en: 'formulas without cached values are evaluated and checked, and the sheet says so once',
    },
  },
  // Without this a file saved by a generator reads as "0 errors, total budget 0": every total looks empty.
  check(ctx, report) {
    const { book, uncached } = ctx.formulas;
    for (const s of ctx.sheets) {
      const cells = [...(uncached.get(s.model.name) ?? [])]
        .flatMap((a) => {
          const p = parseAddress(a);
          return p ? [{ a, ...p }] : [];
        })
        .sort((x, y) => x.row - y.row || x.col - y.col);
      const first = cells[0];
      if (!first) continue;
      const unknown = cells.filter((c) => book.evaluateCell(s.model.name, c.row, c.col)?.kind === 'not-evaluated').length;
      const th = unknown > 0 ? ` ยกเว้น ${money(unknown)} ช่องที่คำนวณไม่ได้ (ถือว่าว่าง)` : '';
      const en = unknown > 0 ? `, except ${money(unknown)} it cannot evaluate (read as empty)` : '';
      report({ sheet: s.model.name, cell: cellRef(first.row, first.col) }, {
        th: `สูตร ${money(cells.length)} ช่องในชีตนี้ไม่มีค่าที่คำนวณไว้ในไฟล์ ตรวจแผนคำนวณสูตรเหล่านี้เองแล้วตรวจต่อ${th} เปิดและบันทึกใน Excel เพื่อให้ไฟล์มีค่า`,
        en: `${money(cells.length)} formula(s) on this sheet have no cached value in the file; PlanCheck evaluated them and checked the results${en}. Open and save the file in Excel to store the values`,
      }, { related: cells.slice(1, MAX_RELATED + 1).map((c) => c.a) });
    }
  },
});
