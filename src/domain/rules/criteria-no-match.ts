import { cellName } from '../formula';
import { defineRule } from './define';
import { formulaCells, unmatchedCriteria } from './formula-cells';

export default defineRule({
  meta: {
    code: 'criteria-no-match',
    severity: 'error',
    otherwise: { th: 'คำเตือนเมื่อยอดที่ควรได้เป็นศูนย์', en: 'warning when the expected figure is 0' },
    title: { th: 'เงื่อนไขสูตรไม่ตรงแถวใด', en: 'Criteria that match nothing' },
    help: {
      th: 'เงื่อนไขของ SUMIF(S)/COUNTIF(S) ที่ไม่ตรงกับแถวใดเลย พร้อมคำที่สะกดใกล้เคียงที่สุด',
      en: 'a SUMIF(S)/COUNTIF(S) criterion that matches no row, with the nearest spelling found',
    },
  },
  check(ctx, report) {
    const { book } = ctx.formulas;
    for (const fc of formulaCells(ctx)) {
      const expectsSomething = fc.figures.some((f) => f.value !== 0);
      for (const u of unmatchedCriteria(book, fc.sheet, fc.formula)) {
        const first = u.range[0];
        const last = u.range[u.range.length - 1];
        const where = first && last ? `${cellName(first, fc.sheet)}:${cellName(last, fc.sheet).replace(/^.*!/, '')}` : '';
        const nearTh = u.nearest !== null ? ` คำที่ใกล้เคียงที่สุดคือ "${u.nearest}"` : '';
        const nearEn = u.nearest !== null ? `; the nearest spelling there is "${u.nearest}"` : '';
        report({ sheet: fc.sheet, cell: fc.cell }, {
          th: `เงื่อนไข "${u.criterion}" ใน ${u.fn} ไม่ตรงกับช่องใดใน ${where} สูตรจึงได้ ๐${nearTh}`,
          en: `The criterion "${u.criterion}" of ${u.fn} matches no cell of ${where}, so the formula gives 0${nearEn}`,
        }, { severity: expectsSomething ? 'error' : 'warning', ...(u.nearest !== null ? { expected: u.nearest } : {}), actual: u.criterion });
      }
    }
  },
});
