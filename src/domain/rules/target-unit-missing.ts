import { defineRule } from './define';
import { countTargets, targetsOf } from './targets';

export default defineRule({
  meta: {
    code: 'target-unit-missing',
    severity: 'info',
    title: { th: 'หน่วยนับเป้าหมาย', en: 'Target unit missing' },
    help: { th: 'เป้าหมายรวมไม่มีหน่วยนับที่รายไตรมาสใช้', en: 'a total target without the unit its quarters use' },
  },
  checkProject(_ctx, { sheet, project }, report) {
    const r = targetsOf(project);
    const c = r && countTargets(r);
    const unit = c?.counts[0]?.unit;
    if (!r || !c || c.total.unit !== null || !unit) return;
    report({ sheet, cell: r.total.cell }, {
      th: `เป้าหมายรวมไม่มีหน่วยนับ (รายไตรมาสใช้ "${unit}")`,
      en: `The total target has no unit (the quarters use "${unit}")`,
    });
  },
});
