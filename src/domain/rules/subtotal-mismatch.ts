import { agreeingReading } from '../totals';
import { defineRule } from './define';
import { money } from './finding';

export default defineRule({
  meta: {
    code: 'subtotal-mismatch',
    severity: 'error',
    title: { th: 'ยอดรวมย่อย', en: 'Subtotals' },
    help: {
      th: 'แถวรวมของตัวชี้วัด เป้าหมาย และทั้งแผน ต้องเท่าผลรวมของรายการ (ตามขอบเขตที่ระบุในข้อความ หรือขอบเขตที่เป็นไปได้)',
      en: 'indicator, goal and plan total rows against their rows (the scope named in the label, else any plausible scope)',
    },
  },
  figureKinds: ['plan-total'],
  checkFigure(_ctx, f, report) {
    if (f.kind !== 'plan-total') return;
    const stated = f.stated?.value;
    if (!f.stated || stated === null || stated === undefined || agreeingReading(f)) return;
    const name = (f.readings[0] as (typeof f.readings)[number]).scope;
    const q = f.column === 'budget' ? null : f.column.slice(1);
    const th = q ? `${name.th} ไตรมาส ${q}` : name.th;
    const en = q ? `${name.en} Q${q}` : name.en;
    report({ sheet: f.sheet, cell: f.stated.figure.cell }, {
      th: `ยอดรวม${th ? ` ${th}` : ''} ระบุ ${money(stated)} บาท แต่รวมจากรายการได้ ${money(f.value)} บาท`,
      en: `The ${en || 'section'} total states ${money(stated)} baht but its rows add up to ${money(f.value)} baht`,
    }, { expected: f.value, actual: stated });
  },
});
