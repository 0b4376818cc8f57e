import { defineRule } from './define';
import { indicatorMentions } from './indicators';

export default defineRule({
  meta: {
    code: 'indicator-unknown',
    severity: 'error',
    title: { th: 'ตัวชี้วัดที่ไม่มีในแผนชาติ', en: 'Unknown indicators' },
    help: { th: 'หมายเลขตัวชี้วัดที่ไม่มีในโครงสร้างแผนระดับชาติ', en: 'an indicator number that is not in the catalog' },
  },
  check(ctx, report) {
    for (const m of indicatorMentions(ctx)) {
      if (ctx.catalog.indicator(m.code)) continue;
      report(m, { th: `ไม่มีตัวชี้วัดที่ ${m.code} ในแผนระดับชาติ`, en: `Indicator ${m.code} does not exist in the national plan` }, { actual: m.code });
    }
  },
});
