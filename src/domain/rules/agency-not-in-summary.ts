import { tidy } from '../thai';
import type { AgencyMissingFigure } from '../totals';
import { defineRule, type Text } from './define';
import { money } from './finding';

/** Each missing agency's message, made once per figure (a re-check keeps the figures of rows it did not re-read). */
const messages = new WeakMap<AgencyMissingFigure, Text>();

function messageOf(m: AgencyMissingFigure): Text {
  let t = messages.get(m);
  if (t) return t;
  const agency = tidy(m.agency.value);
  t = {
    th: `หน่วยงาน "${agency}" มีงบประมาณ ${money(m.budget)} บาท แต่ไม่มีในตารางสรุปงบประมาณ`,
    en: `Agency "${agency}" has ${money(m.budget)} baht of projects but is not in the budget summary`,
  };
  messages.set(m, t);
  return t;
}

export default defineRule({
  meta: {
    code: 'agency-not-in-summary',
    severity: 'warning',
    title: { th: 'หน่วยงานไม่อยู่ในสรุป', en: 'Agency missing from summary' },
    help: { th: 'โครงการที่มีงบประมาณของหน่วยงานที่ตารางสรุปไม่ได้ระบุ', en: 'a budgeted project whose agency the summary does not list' },
  },
  check(ctx, report) {
    for (const m of ctx.totals.missingAgencies) report({ sheet: m.sheet, cell: m.agency.cell }, messageOf(m), { actual: m.budget });
  },
});
