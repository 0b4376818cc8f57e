import { agreeingReading, type ExpectedFigure } from '../totals';
import { defineRule } from './define';
import { money } from './finding';

/** Figures that are siblings: the same kind of total on the same sheet, in the same column. */
function groupOf(f: ExpectedFigure): string {
  const column = f.kind === 'plan-total' || f.kind === 'agency-row' || f.kind === 'agency-plan' ? f.column : 'measure' in f ? f.measure : '';
  return `${f.sheet}\u0000${f.kind}\u0000${column}`;
}

/** A typed number in a stated figure's cell (a number, or digits typed as text), not a formula. */
const isTyped = (f: ExpectedFigure): boolean =>
  !!f.stated && !f.stated.figure.formula && f.stated.value !== null && f.stated.figure.raw !== null && f.stated.figure.value !== null &&
  typeof f.stated.figure.value === 'object' && f.stated.figure.value.kind === 'amount';

export default defineRule({
  meta: {
    code: 'hardcoded-total',
    severity: 'warning',
    otherwise: { th: 'ผิดพลาดเมื่อค่าที่พิมพ์ไม่ตรงกับผลรวมด้วย', en: 'error when its value is also wrong' },
    title: { th: 'ยอดรวมพิมพ์เป็นตัวเลข', en: 'Totals typed as numbers' },
    help: {
      th: 'ยอดรวมที่พิมพ์เป็นตัวเลข ขณะที่ยอดรวมแบบเดียวกันช่องอื่นเป็นสูตร (จะไม่เปลี่ยนตามเมื่อแก้รายการ)',
      en: 'a typed number where the sibling totals are formulas',
    },
  },
  // A typed total keeps its number when a quarter is edited; where its siblings are formulas it is almost always a
  // formula typed over. Where most totals are typed (the plans kept as typed values), it is the sheet's way.
  check(ctx, report) {
    // A group needs two formulas to say anything: most workbooks without formulas are done with one pass.
    let formulas = 0;
    const all = ctx.totals.figures;
    // Indexed: this runs once per check over every figure (a re-check's per edit), not hot enough to be compiled.
    for (let i = 0; i < all.length; i++) if ((all[i] as ExpectedFigure).stated?.figure.formula && ++formulas >= 2) break;
    if (formulas < 2) return;
    const groups = new Map<string, ExpectedFigure[]>();
    // Stated cells seen, per sheet by position (no address string built per figure).
    const seen = new Map<string, Set<number>>();
    for (const f of ctx.totals.figures) {
      if (!f.stated || f.fn !== 'SUM') continue;
      const c = f.stated.figure.cell;
      let onSheet = seen.get(f.stated.sheet);
      if (!onSheet) seen.set(f.stated.sheet, (onSheet = new Set<number>()));
      const k = c.row * 16_385 + c.col;
      if (onSheet.has(k)) continue;
      onSheet.add(k);
      const g = groupOf(f);
      const list = groups.get(g);
      if (list) list.push(f);
      else groups.set(g, [f]);
    }
    for (const list of groups.values()) {
      const withFormula = list.filter((f) => f.stated?.figure.formula).length;
      if (withFormula < 2 || withFormula * 2 < list.length) continue;
      for (const f of list) {
        if (!isTyped(f) || !f.stated) continue;
        if (f.kind === 'project-total' && f.unsplit) continue;
        const stated = f.stated.value as number;
        const wrong = !agreeingReading(f);
        report({ sheet: f.stated.sheet, cell: f.stated.figure.cell }, {
          th: `ยอดรวมนี้พิมพ์เป็นตัวเลข ${money(stated)} ขณะที่ยอดรวมแบบเดียวกันอีก ${money(withFormula)} ช่องเป็นสูตร${wrong ? ` และไม่ตรงกับผลรวม ${money(f.value)}` : ''}`,
          en: `This total is a typed number (${money(stated)}) where ${money(withFormula)} sibling totals are formulas${wrong ? `, and it disagrees with the sum ${money(f.value)}` : ''}`,
        }, { severity: wrong ? 'error' : 'warning', expected: f.value, actual: stated });
      }
    }
  },
});
