import { sameMoney } from '../totals';
import { amountValue, embeddedBaht, isNoBudgetText } from '../thai';
import { defineRule } from './define';
import { money } from './finding';

export default defineRule({
  meta: {
    code: 'budget-type-amount',
    severity: 'warning',
    title: { th: 'จำนวนเงินในประเภทงบ', en: 'Amount in budget type' },
    help: { th: 'จำนวนเงินที่เขียนในช่องประเภทงบประมาณไม่ตรงกับงบประมาณรวม', en: 'an amount written in the budget-type cell that differs from the total' },
  },
  checkProject(_ctx, { sheet, project: p }, report) {
    if (!p.budgetType || !p.budget || isNoBudgetText(p.budgetType.value)) return;
    const inType = embeddedBaht(p.budgetType.value);
    const total = amountValue(p.budget.value);
    if (inType === null || total === null || sameMoney(inType, total)) return;
    report({ sheet, cell: p.budget.cell }, {
      th: `ช่องประเภทงบประมาณระบุ ${money(inType)} บาท แต่งบประมาณรวมคือ ${money(total)} บาท`,
      en: `The budget type cell mentions ${money(inType)} baht but the total budget is ${money(total)} baht`,
    }, { related: [p.budgetType.cell.address], expected: inType, actual: total });
  },
});
