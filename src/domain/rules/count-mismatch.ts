import { agreeingReading } from '../totals';
import { defineRule } from './define';
import { projectsEn } from './finding';

export default defineRule({
  meta: {
    code: 'count-mismatch',
    severity: 'error',
    otherwise: { th: 'คำเตือน สำหรับยอดรวมเป้าหมายและทั้งแผนในตารางสรุป', en: 'warning for goal/plan totals of a summary' },
    title: { th: 'จำนวนโครงการ', en: 'Project counts' },
    help: {
      th: 'จำนวนโครงการที่ระบุ ("รวมจำนวน ๑๘ โครงการ" หรือช่องจำนวนโครงการในตารางสรุป) ต้องเท่าจำนวนโครงการที่มีลำดับที่',
      en: 'stated project counts ("รวมจำนวน ๑๘ โครงการ", a summary\'s จำนวนโครงการ) against the numbered projects',
    },
  },
  figureKinds: ['plan-count', 'indicator-plan'],
  checkFigure(_ctx, f, report) {
    if (f.kind !== 'plan-count' && f.kind !== 'indicator-plan') return;
    if (f.kind === 'indicator-plan' && f.measure !== 'count') return;
    const stated = f.stated?.value;
    if (!f.stated || stated === null || stated === undefined || agreeingReading(f)) return;
    const at = { sheet: f.sheet, cell: f.stated.figure.cell };
    const extra = { expected: f.value, actual: stated };
    if (f.kind === 'plan-count') {
      report(at, {
        th: `ระบุจำนวน ${stated} โครงการ/กิจกรรม แต่นับได้ ${f.value} โครงการ/กิจกรรม`,
        en: `States ${projectsEn(stated)} but ${f.value} ${f.value === 1 ? 'is' : 'are'} listed`,
      }, extra);
      return;
    }
    const scope = (f.readings[0] as (typeof f.readings)[number]).scope;
    report(at, {
      th: `สรุป${scope.th} ระบุ ${stated} โครงการ แต่ในแผนมี ${f.value} โครงการ`,
      en: `Summary for ${scope.en} states ${projectsEn(stated)} but the plan lists ${f.value}`,
    }, { ...extra, ...(f.row.kind !== 'indicator' || f.doubtful ? { severity: 'warning' as const } : {}) });
  },
});
