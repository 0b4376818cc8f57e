import { numberingAnomalies } from '../parse/numbering';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'numbering-duplicate',
    severity: 'warning',
    title: { th: 'ลำดับที่ซ้ำ', en: 'Duplicate numbers' },
    help: { th: 'ลำดับที่ซ้ำกันในลำดับเดียวกัน (ต่อตัวชี้วัดหรือต่อเป้าหมาย ตามที่ชีตใช้)', en: 'ที่ numbering repeats, per indicator or per goal (detected per sheet)' },
  },
  check(ctx, report) {
    for (const s of ctx.sheets) {
      if (!s.model.plan) continue;
      for (const { project, expected, firstRow } of numberingAnomalies(s.model.plan)) {
        const num = project.number;
        if (!num || firstRow === null) continue;
        report({ sheet: s.model.name, cell: num.cell }, {
          th: `ลำดับที่ ${num.value} ซ้ำกับแถว ${firstRow}`,
          en: `Project number ${num.value} is used again (first at row ${firstRow})`,
        }, { expected, actual: num.value });
      }
    }
  },
});
