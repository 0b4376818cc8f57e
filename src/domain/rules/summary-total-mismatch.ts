import { agreeingReading } from '../totals';
import { defineRule } from './define';
import { money, projectsEn } from './finding';

export default defineRule({
  meta: {
    code: 'summary-total-mismatch',
    severity: 'error',
    title: { th: 'ยอดรวมในตารางสรุป', en: 'Summary totals' },
    help: { th: 'แถวรวม / ภาพรวม ของตารางสรุปต้องเท่าผลรวมของแถวในตาราง', en: "a summary table's own รวม / ภาพรวม rows against its rows" },
  },
  figureKinds: ['agency-table-total', 'indicator-table-total'],
  checkFigure(_ctx, f, report) {
    if (f.kind !== 'agency-table-total' && f.kind !== 'indicator-table-total') return;
    const stated = f.stated?.value;
    if (!f.stated || stated === null || stated === undefined || agreeingReading(f)) return;
    const at = { sheet: f.sheet, cell: f.stated.figure.cell };
    const isCount = f.kind === 'indicator-table-total' && f.measure === 'count';
    const message = isCount
      ? { th: `ยอดรวมในตารางสรุประบุ ${stated} โครงการ แต่แถวในตารางรวมกันได้ ${f.value}`, en: `The summary total states ${projectsEn(stated)} but its rows add up to ${f.value}` }
      : { th: `ยอดรวมในตารางสรุประบุ ${money(stated)} บาท แต่แถวในตารางรวมกันได้ ${money(f.value)} บาท`, en: `The summary total states ${money(stated)} baht but its own rows add up to ${money(f.value)} baht` };
    const related = f.kind === 'agency-table-total' ? (f.readings[0]?.cells ?? []).map((c) => c.cell.address) : undefined;
    report(at, message, { ...(related ? { related } : {}), expected: f.value, actual: stated });
  },
});
