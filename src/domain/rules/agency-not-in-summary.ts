import { tidy } from '../thai';
import { defineRule } from './define';
import { money } from './finding';

export default defineRule({
  meta: {
    code: 'agency-not-in-summary',
    severity: 'warning',
    title: { th: 'หน่วยงานไม่อยู่ในสรุป', en: 'Agency missing from summary' },
    help: { th: 'โครงการที่มีงบประมาณของหน่วยงานที่ตารางสรุปไม่ได้ระบุ', en: 'a budgeted project whose agency the summary does not list' },
  },
  check(ctx, report) {
    for (const m of ctx.totals.missingAgencies) {
      const agency = tidy(m.agency.value);
      report({ sheet: m.sheet, cell: m.agency.cell }, {
        th: `หน่วยงาน "${agency}" มีงบประมาณ ${money(m.budget)} บาท แต่ไม่มีในตารางสรุปงบประมาณ`,
        en: `Agency "${agency}" has ${money(m.budget)} baht of projects but is not in the budget summary`,
      }, { actual: m.budget });
    }
  },
});
