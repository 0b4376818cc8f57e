import { money } from './finding';
import { defineRule } from './define';

export default defineRule({
  meta: {
    code: 'row-budget-sum',
    severity: 'error',
    otherwise: { th: 'คำเตือน ถ้าไม่ได้กรอกงบรายไตรมาสเลย', en: 'warning if no quarter is filled' },
    title: { th: 'งบรายไตรมาสกับงบรวม', en: 'Quarterly budgets vs total' },
    help: { th: 'งบประมาณรายไตรมาสรวมกันต้องเท่างบประมาณรวมของแถว', en: "quarterly budgets against the row's total budget" },
  },
  figureKinds: ['project-total'],
  checkFigure(_ctx, f, report) {
    if (f.kind !== 'project-total') return;
    const total = f.stated?.value;
    if (!f.stated || total === null || total === undefined || Math.abs(f.value - total) < 0.005) return;
    const at = { sheet: f.sheet, cell: f.stated.figure.cell };
    if (f.unsplit) {
      report(at, {
        th: `งบประมาณรวม ${money(total)} บาท แต่ไม่ได้ระบุงบประมาณรายไตรมาส`,
        en: `Total budget ${money(total)} baht is not split into quarters`,
      }, { expected: f.value, actual: total, severity: 'warning' });
      return;
    }
    const related = f.project.quarterBudgets.flatMap((b) => (b ? [b.cell.address] : []));
    report(at, {
      th: `งบประมาณรายไตรมาสรวมกันได้ ${money(f.value)} บาท แต่งบประมาณรวมระบุ ${money(total)} บาท`,
      en: `Quarterly budgets add up to ${money(f.value)} baht but the total budget says ${money(total)} baht`,
    }, { related, expected: f.value, actual: total });
  },
});
