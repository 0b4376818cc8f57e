import type { Figure } from '../model';
import { amountValue, isNoBudgetText, type Amount } from '../thai';
import { defineRule } from './define';
import { money } from './finding';

export default defineRule({
  meta: {
    code: 'no-budget-with-amount',
    severity: 'error',
    title: { th: 'ไม่ใช้งบประมาณแต่มีเงิน', en: 'No-budget row with money' },
    help: { th: 'แถวที่ระบุ "ไม่ใช้งบประมาณ" แต่มีจำนวนเงิน', en: 'a row typed ไม่ใช้งบประมาณ that carries money' },
  },
  checkProject(_ctx, { sheet, project: p }, report) {
    if (!p.budgetType || !isNoBudgetText(p.budgetType.value)) return;
    const money_ = [p.budget, ...p.quarterBudgets].filter((f): f is Figure<Amount> => f !== null && f.value.kind === 'amount');
    const first = money_[0];
    if (!first) return;
    const amount = p.budget?.value.kind === 'amount' ? p.budget.value.value : money_.reduce((s, f) => s + (amountValue(f.value) ?? 0), 0);
    report({ sheet, cell: first.cell }, {
      th: `ประเภทงบประมาณระบุ "ไม่ใช้งบประมาณ" แต่มีจำนวนเงิน ${money(amount)} บาท`,
      en: `Budget type says "no budget" (ไม่ใช้งบประมาณ) but the row carries ${money(amount)} baht`,
    }, { related: [p.budgetType.cell.address, ...money_.slice(1).map((f) => f.cell.address)], expected: 0, actual: amount });
  },
});
