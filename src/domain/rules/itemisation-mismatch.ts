import { agreeingReading } from '../totals';
import { defineRule } from './define';
import { money } from './finding';

export default defineRule({
  meta: {
    code: 'itemisation-mismatch',
    severity: 'warning',
    title: { th: 'งบกิจกรรมย่อย', en: 'Itemised budgets' },
    help: { th: 'งบประมาณโครงการต้องเท่าผลรวมของกิจกรรมย่อยที่แจกแจงไว้ด้านล่าง', en: 'a project budget against the sub-activity rows that itemise it' },
  },
  figureKinds: ['itemisation'],
  checkFigure(_ctx, f, report) {
    if (f.kind !== 'itemisation') return;
    if (!f.stated || agreeingReading(f)) return;
    const cells = (f.readings[0] as (typeof f.readings)[number]).cells;
    report({ sheet: f.sheet, cell: f.stated.figure.cell }, {
      th: `งบประมาณโครงการ ${money(f.counted)} บาท ไม่เท่ากับผลรวมกิจกรรมย่อยด้านล่าง ${money(f.value)} บาท`,
      en: `Project budget ${money(f.counted)} baht differs from its sub-activities below, which add up to ${money(f.value)} baht`,
    }, { related: cells.filter((c) => c.figure !== null).map((c) => c.cell.address), expected: f.value, actual: f.counted });
  },
});
