import { cellRef } from '../base/cells';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'plan-period-assumed',
    severity: 'info',
    title: { th: 'ช่วงแผนที่ใช้ตรวจ', en: 'Plan period assumed' },
    help: {
      th: 'ไม่พบปีงบประมาณที่ตรงกับช่วงแผนที่รู้จัก จึงใช้โครงสร้างตัวชี้วัดของช่วงแผนล่าสุด',
      en: 'no fiscal year of a known plan period was found, so the newest period\'s indicator structure was used',
    },
  },
  check(ctx, report) {
    const { period } = ctx;
    // Only a workbook with a plan or summary table depends on the indicator structure.
    const first = ctx.sheets.find((s) => s.model.plan !== null || s.model.summaries.length > 0);
    if (!period.assumed || !first) return;
    const p = period.catalog.period.replace('-', '–');
    const at = { sheet: first.model.name, cell: cellRef(first.grid.firstRow, first.grid.firstCol) };
    report(at, period.year === null
      ? { th: `ไม่พบปีงบประมาณในไฟล์ จึงตรวจตามแผนช่วง พ.ศ. ${p}`, en: `No fiscal year found in the workbook; checked against the ${p} plan period` }
      : { th: `ปีงบประมาณ ${period.year} ไม่อยู่ในช่วงแผนที่รู้จัก จึงตรวจตามแผนช่วง พ.ศ. ${p}`, en: `Fiscal year ${period.year} is in no known plan period; checked against the ${p} plan period` },
    { expected: period.catalog.period, ...(period.year !== null ? { actual: period.year } : {}) });
  },
});
