import { cellName, FormulaError } from '../formula';
import { defineRule } from './define';
import { formulaCells, onCycle, unmatchedCriteria } from './formula-cells';

/** "O12, O13" or "—". */
const list = (names: string[]): string => (names.length > 0 ? names.join(', ') : '—');

export default defineRule({
  meta: {
    code: 'formula-range',
    severity: 'error',
    title: { th: 'สูตรอ่านช่องผิด', en: 'Formula reads other cells' },
    help: {
      th: 'สูตรของยอดรวมอ่านช่องไม่ตรงกับที่ยอดนั้นควรรวม (ขาดแถว เกินแถว หรือผิดคอลัมน์) บอกช่องที่ขาดและที่เกิน',
      en: "a total's formula reads other cells than the expected figure does (a row missing, an extra row, the wrong column); names the cells missing and extra",
    },
  },
  // Judged by the cells a formula totals, not by its cached value: a stale value can look right over wrong cells.
  check(ctx, report) {
    const { book, judge } = ctx.formulas;
    for (const fc of formulaCells(ctx)) {
      if (book.cell(fc.sheet, fc.cell.row, fc.cell.col) instanceof FormulaError) continue; // formula-error's
      if (unmatchedCriteria(book, fc.sheet, fc.formula).length > 0) continue; // criteria-no-match's
      if (onCycle(book, { sheet: fc.sheet, row: fc.cell.row, col: fc.cell.col })) continue; // formula-error's
      const j = judge.judgeCell(fc.sheet, fc.cell.row, fc.cell.col);
      if (!j || j.status !== 'differs' || !j.reading) continue;
      const missing = j.missing.map((c) => cellName(c, fc.sheet));
      const extra = j.extra.map((c) => cellName(c, fc.sheet));
      const twice = j.twice.map((c) => cellName(c, fc.sheet));
      const scope = j.reading.scope;
      const twiceTh = twice.length > 0 ? ` · นับซ้ำ ${list(twice)}` : '';
      const twiceEn = twice.length > 0 ? `; counted twice: ${list(twice)}` : '';
      report({ sheet: fc.sheet, cell: fc.cell }, {
        th: `สูตร ${fc.formula} อ่านช่องไม่ตรงกับยอดรวม${scope.th ? `ของ${scope.th}` : 'ของส่วนนี้'}: ขาด ${list(missing)} · เกิน ${list(extra)}${twiceTh}`,
        en: `The formula ${fc.formula} reads other cells than the total of ${scope.en || 'this section'}: missing ${list(missing)}; extra ${list(extra)}${twiceEn}`,
      }, { related: [...missing, ...extra, ...twice] });
    }
  },
});
