import { SCOPE, agreeingReading, type Reading } from '../totals';
import { defineRule } from './define';
import { money } from './finding';

/** The plan cells a summary figure was compared with, named with their sheet. */
const planCells = (r: Reading | undefined): string[] => (r?.cells ?? []).filter((c) => c.figure !== null).map((c) => `${c.sheet}!${c.cell.address}`);

export default defineRule({
  meta: {
    code: 'summary-vs-detail',
    severity: 'error',
    otherwise: { th: 'คำเตือน สำหรับชื่อใกล้เคียง หน่วยงานที่ไม่พบ และยอดรวม', en: 'warning for near names, missing agencies and totals' },
    title: { th: 'ตารางสรุปกับแผน', en: 'Summary vs plan' },
    help: {
      th: 'ตัวเลขในตารางสรุปต้องตรงกับโครงการในแผน รายหน่วยงาน (แยกงบบูรณาการกับงบอื่น) และรายตัวชี้วัด',
      en: 'summary rows against the plan sheet, per agency (by budget type: งบบูรณาการ vs the rest) and per indicator',
    },
  },
  figureKinds: ['agency-row', 'agency-plan', 'indicator-plan'],
  checkFigure(_ctx, f, report) {
    if (f.kind !== 'agency-row' && f.kind !== 'agency-plan' && f.kind !== 'indicator-plan') return;
    if (f.kind === 'indicator-plan' && f.measure !== 'budget') return;
    const stated = f.stated?.value;
    if (!f.stated || stated === null || stated === undefined || agreeingReading(f)) return;
    const at = { sheet: f.sheet, cell: f.stated.figure.cell };
    const detail = f.value;
    if (f.kind === 'agency-row') {
      const extra = { related: planCells(f.readings[0]), expected: detail, actual: stated };
      const name = f.agency;
      if (f.match === 'none') {
        if (stated > 0) {
          report(at, {
            th: `สรุประบุงบประมาณของ "${name}" ${money(stated)} บาท แต่ไม่พบโครงการของหน่วยงานนี้ในแผน`,
            en: `Summary gives "${name}" ${money(stated)} baht but the plan has no project row for this agency`,
          }, { ...extra, severity: 'warning' });
        }
      } else if (f.match === 'loose') {
        const names = f.planNames.join(', ');
        report(at, {
          th: `สรุปของ "${name}" ระบุ ${money(stated)} บาท แต่โครงการของหน่วยงานที่ชื่อใกล้เคียง (${names}) รวมกันได้ ${money(detail)} บาท`,
          en: `Summary for "${name}" states ${money(stated)} baht but rows of a similarly named agency (${names}) total ${money(detail)} baht`,
        }, { ...extra, severity: 'warning' });
      } else {
        const col = SCOPE.column[f.column];
        report(at, {
          th: `สรุป${col.th} ของ "${name}" ระบุ ${money(stated)} บาท แต่โครงการของหน่วยงานนี้ในแผนรวมกันได้ ${money(detail)} บาท`,
          en: `Summary (${col.en}) for "${name}" states ${money(stated)} baht but this agency's project rows total ${money(detail)} baht`,
        }, extra);
      }
      return;
    }
    const scope = (f.readings[0] as Reading).scope;
    const warning = f.kind === 'agency-plan' || f.row.kind !== 'indicator' || f.doubtful;
    report(at, {
      th: `สรุป${scope.th} ระบุ ${money(stated)} บาท แต่โครงการในแผนรวมกันได้ ${money(detail)} บาท`,
      en: `Summary for ${scope.en} states ${money(stated)} baht but the plan's project rows total ${money(detail)} baht`,
    }, { expected: detail, actual: stated, ...(warning ? { severity: 'warning' as const } : {}) });
  },
});
