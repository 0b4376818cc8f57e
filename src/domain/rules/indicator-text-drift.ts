import { indicatorTextKey } from '../catalog';
import { headingWording } from '../parse/headings';
import { defineRule } from './define';
import { indicatorMentions } from './indicators';

export default defineRule({
  meta: {
    code: 'indicator-text-drift',
    severity: 'warning',
    title: { th: 'ข้อความตัวชี้วัด', en: 'Indicator wording' },
    help: { th: 'ข้อความตัวชี้วัดที่ไม่ตรงกับถ้อยคำใดที่รู้จัก', en: 'indicator wording that matches no known wording' },
  },
  check(ctx, report) {
    for (const m of indicatorMentions(ctx)) {
      const ind = ctx.catalog.indicator(m.code);
      const wording = indicatorTextKey(headingWording(m.text));
      if (!ind || wording.length === 0 || ind.keys.includes(wording)) continue;
      report(m, {
        th: `ข้อความตัวชี้วัดที่ ${m.code} ไม่ตรงกับแผนระดับชาติ: "${ind.th}"`,
        en: `The wording of indicator ${m.code} differs from the national plan: "${ind.th}"`,
      }, { expected: ind.th, actual: m.text.trim() });
    }
  },
});
