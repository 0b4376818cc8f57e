import { numberingAnomalies } from '../parse/numbering';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'numbering-gap',
    severity: 'warning',
    title: { th: 'ลำดับที่ข้าม', en: 'Numbering gaps' },
    help: { th: 'ลำดับที่ข้ามไป (ต่อตัวชี้วัดหรือต่อเป้าหมาย ตามที่ชีตใช้)', en: 'ที่ numbering skips, per indicator or per goal (detected per sheet)' },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      if (!s.model.plan) continue;
      for (const { project, expected, firstRow } of numberingAnomalies(s.model.plan)) {
        const num = project.number;
        if (!num || firstRow !== null) continue;
        report({ sheet: s.model.name, cell: num.cell }, {
          th: `ลำดับที่ข้าม: ควรเป็น ${expected} แต่พบ ${num.value}`,
          en: `Numbering skips: expected ${expected}, found ${num.value}`,
        }, { expected, actual: num.value });
      }
    }
  },
});
