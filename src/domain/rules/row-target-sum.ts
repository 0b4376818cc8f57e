import { defineRule } from './define';
import { money } from './finding';
import { countTargets, targetsOf } from './targets';

export default defineRule({
  meta: {
    code: 'row-target-sum',
    severity: 'error',
    otherwise: { th: 'คำเตือน เมื่อมีขอบเขต (ไม่น้อยกว่า…) หรือไม่มีหน่วยนับ', en: 'warning when a bound (ไม่น้อยกว่า…) or missing unit leaves room' },
    title: { th: 'เป้าหมายรายไตรมาสกับเป้าหมายรวม', en: 'Quarterly targets vs total' },
    help: {
      th: 'เป้าหมายรายไตรมาสที่เป็นจำนวนนับหน่วยเดียวกันต้องรวมได้เท่าเป้าหมายรวม (กลุ่มเดิมทุกไตรมาสและยอดสะสมยอมรับได้)',
      en: 'quarterly targets against the total target; only additive counts are summed; the same population restated each quarter is accepted',
    },
  },
  checkProject(_ctx, { sheet, project }, report) {
    const r = targetsOf(project);
    const c = r && countTargets(r);
    if (!r || !c) return;
    const { total: t, counts } = c;
    const sum = counts.reduce((s, x) => s + x.value, 0);
    const first = counts[0] as (typeof counts)[number];
    const samePopulation = counts.every((x) => x.value === first.value) && t.value === first.value;
    // Cumulative targets (10, 20, 30, 40 แห่ง → 40): the total is the last quarter of a rising series.
    const cumulative = counts.length > 1 && counts.every((x, i) => i === 0 || x.value >= (counts[i - 1] as typeof x).value) && t.value === counts.at(-1)?.value;
    if (sum === t.value || samePopulation || cumulative || (t.bound === 'min' && sum >= t.value)) return;
    // Certain only when every figure is a plain count with the same unit; bounds and missing units leave room.
    const certain = t.bound === null && t.unit !== null && counts.every((x) => x.bound === null);
    const unit = t.unit ?? first.unit;
    const u = unit ? ` ${unit}` : '';
    report({ sheet, cell: r.total.cell }, {
      th: `เป้าหมายรายไตรมาสรวมกันได้ ${money(sum)}${u} แต่เป้าหมายรวมระบุ ${money(t.value)}${u}`,
      en: `Quarterly targets add up to ${money(sum)}${u} but the total target says ${money(t.value)}${u}`,
    }, { related: r.related, expected: sum, actual: t.value, ...(certain ? {} : { severity: 'warning' as const }) });
  },
});
