import { address, cellRef } from '../base/cells';
import { CIRCULAR, FormulaBook, FormulaError } from '../formula';
import type { Figure } from '../model';
import type { Amount } from '../thai';
import { amountFigures, projectAmounts, tableAmounts } from './amounts';
import { defineRule, type Report, type RuleContext } from './define';
import { formulaCells, onCycle } from './formula-cells';

/** The error a figure cell shows, if any (a circular reference is judged apart, over the formulas). */
function errorShown(ctx: RuleContext, sheet: string, f: Figure<Amount>): FormulaError | null {
  const v = ctx.formulas.book.cell(sheet, f.cell.row, f.cell.col);
  return v instanceof FormulaError && v.code !== CIRCULAR ? v : null;
}

function shownError(ctx: RuleContext, sheet: string, f: Figure<Amount>, report: Report): void {
  const v = errorShown(ctx, sheet, f);
  if (!v) return;
  report({ sheet, cell: f.cell }, {
    th: `ช่องนี้แสดงข้อผิดพลาด ${v.code}${f.formula ? ` จากสูตร ${f.formula}` : ''} จึงไม่มียอดที่ใช้ได้`,
    en: `This cell shows the error ${v.code}${f.formula ? ` from its formula ${f.formula}` : ''}, so it holds no usable figure`,
  }, { actual: v.code });
}

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
  // A figure cell's value is its own (cached) value here: a workbook with formulas lacking cached values is
  // re-checked whole (incremental/), so a row's error findings are the row's own.
  checkProject(ctx, { sheet, project }, report) {
    for (const f of projectAmounts(project)) shownError(ctx, sheet, f, report);
  },
  check(ctx, report) {
    const { book, uncached } = ctx.formulas;
    for (const [sheet, figs] of tableAmounts(ctx)) for (const f of figs) shownError(ctx, sheet, f, report);
    const cells = formulaCells(ctx);
    if (cells.length === 0) return;
    // The cells reported above: the figure cells that show an error.
    const flagged = new Set<string>();
    for (const [sheet, figs] of amountFigures(ctx)) {
      for (const f of figs) if (errorShown(ctx, sheet, f)) flagged.add(`${sheet}!${f.cell.address}`);
    }
    // Circularity is a property of the formulas, not of cached values: judge it with every formula evaluated afresh.
    const fresh = new FormulaBook(ctx.sheets.map((s) => s.grid), new Map([...uncached].map(([k, v]) => [k, new Set(v)])), true);
    for (const fc of cells) {
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
