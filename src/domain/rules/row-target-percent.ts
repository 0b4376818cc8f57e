import { defineRule } from './define';
import { targetsOf } from './targets';

export default defineRule({
  meta: {
    code: 'row-target-percent',
    severity: 'warning',
    title: { th: 'เป้าหมายร้อยละ', en: 'Percentage targets' },
    help: { th: 'เป้าหมายรวมที่เป็นร้อยละต้องเท่าไตรมาสล่าสุดหรือไตรมาสที่สูงที่สุด', en: 'a percentage total that is neither the last nor the highest quarter' },
  },
  checkProject(_ctx, { sheet, project }, report) {
    const r = targetsOf(project);
    if (!r || r.total.value.kind !== 'percent') return;
    const total = r.total.value.value;
    const values = r.quarters.flatMap((f) => (f.value.kind === 'percent' ? [f.value.value] : []));
    if (values.length !== r.quarters.length) return;
    const last = values[values.length - 1] as number;
    if (total === last || total === Math.max(...values)) return;
    report({ sheet, cell: r.total.cell }, {
      th: `เป้าหมายรายไตรมาสล่าสุดคือร้อยละ ${last} แต่เป้าหมายรวมระบุร้อยละ ${total}`,
      en: `The latest quarterly target is ${last}% but the total target says ${total}%`,
    }, { related: r.related, expected: last, actual: total });
  },
});
