import { address, cellRef } from '../base/cells';
import { CIRCULAR, FormulaBook, FormulaError } from '../formula';
import { amountFigures } from './amounts';
import { defineRule } from './define';
import { formulaCells, onCycle } from './formula-cells';

export default defineRule({
  meta: {
    code: 'formula-error',
    severity: 'error',
    title: { th: 'สูตรผิดพลาด', en: 'Formula errors' },
    help: {
      th: 'ช่องตัวเลขที่แสดง #REF!, #DIV/0!, #VALUE!, #N/A และยอดรวมที่สูตรอ้างอิงวนกลับมาที่ตัวเอง',
      en: '#REF!, #DIV/0!, #VALUE!, #N/A in figure cells; circular references among totals',
    },
  },
  check(ctx, report) {
    const { book, uncached } = ctx.formulas;
    const flagged = new Set<string>();
    for (const [sheet, figs] of amountFigures(ctx)) {
      for (const f of figs) {
        const v = book.cell(sheet, f.cell.row, f.cell.col);
        if (!(v instanceof FormulaError) || v.code === CIRCULAR) continue;
        flagged.add(`${sheet}!${f.cell.address}`);
        report({ sheet, cell: f.cell }, {
          th: `ช่องนี้แสดงข้อผิดพลาด ${v.code}${f.formula ? ` จากสูตร ${f.formula}` : ''} จึงไม่มียอดที่ใช้ได้`,
          en: `This cell shows the error ${v.code}${f.formula ? ` from its formula ${f.formula}` : ''}, so it holds no usable figure`,
        }, { actual: v.code });
      }
    }
    // Circularity is a property of the formulas, not of cached values: judge it with every formula evaluated afresh.
    const fresh = new FormulaBook(ctx.sheets.map((s) => s.grid), new Map([...uncached].map(([k, v]) => [k, new Set(v)])), true);
    for (const fc of formulaCells(ctx)) {
      const k = `${fc.sheet}!${fc.cell.address}`;
      if (flagged.has(k)) continue;
      const e = fresh.evaluateCell(fc.sheet, fc.cell.row, fc.cell.col);
      if (e?.kind !== 'error' || e.error !== CIRCULAR || !onCycle(book, { sheet: fc.sheet, row: fc.cell.row, col: fc.cell.col })) continue;
      report({ sheet: fc.sheet, cell: cellRef(fc.cell.row, fc.cell.col) }, {
        th: `สูตร ${fc.formula} ใน ${address(fc.cell.row, fc.cell.col)} อ้างอิงวนกลับมาที่ตัวเอง (การอ้างอิงแบบวงกลม) ยอดนี้คำนวณไม่ได้`,
        en: `The formula ${fc.formula} in ${address(fc.cell.row, fc.cell.col)} refers back to itself (a circular reference); the total cannot be computed`,
      }, { actual: 'circular' });
    }
  },
});
