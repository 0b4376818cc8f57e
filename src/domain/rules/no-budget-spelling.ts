import type { Figure } from '../model';
import type { Amount } from '../thai';
import { defineRule, type Report } from './define';
import { projectAmounts, tableAmounts } from './amounts';

function misspelt(sheet: string, f: Figure<Amount>, report: Report): void {
  if (f.value.kind !== 'none' || !f.value.misspelt) return;
  report({ sheet, cell: f.cell }, {
    th: `สะกด "ไม่ใช่ งบประมาณ" ควรเป็น "ไม่ใช้งบประมาณ"`,
    en: `"ไม่ใช่ งบประมาณ" is misspelt; it should read "ไม่ใช้งบประมาณ" (no budget)`,
  });
}

export default defineRule({
  meta: {
    code: 'no-budget-spelling',
    severity: 'info',
    title: { th: 'คำสะกด ไม่ใช้งบประมาณ', en: 'No-budget spelling' },
    help: { th: 'สะกด "ไม่ใช่ งบประมาณ" แทน "ไม่ใช้งบประมาณ"', en: '"ไม่ใช่ งบประมาณ" for ไม่ใช้งบประมาณ' },
  },
  checkProject(_ctx, { sheet, project }, report) {
    for (const f of projectAmounts(project)) misspelt(sheet, f, report);
  },
  check(ctx, report) {
    for (const [sheet, figs] of tableAmounts(ctx)) for (const f of figs) misspelt(sheet, f, report);
  },
});
