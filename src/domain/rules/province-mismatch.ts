import { cellRef } from '../base/cells';
import { provincesIn } from '../thai';
import { mainProvince } from '../title';
import { defineRule } from './define';

/**
 * Whether a text holds "จังหวัด": asked of every text cell of the workbook. A loop over char codes, because
 * String.prototype.includes on Thai (two-byte) text measured 3–4× slower than this on the plans' cells.
 */
function namesProvince(text: string): boolean {
  for (let i = 0, last = text.length - 7; i <= last; i++) {
    if (text.charCodeAt(i) === 0x0e08 && text.charCodeAt(i + 1) === 0x0e31 && text.startsWith('จังหวัด', i)) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    code: 'province-mismatch',
    severity: 'warning',
    title: { th: 'ชื่อจังหวัดไม่ตรงกับแผน', en: 'Another province named' },
    help: { th: 'ชื่อเรื่องหรือหน่วยงานที่ระบุจังหวัดอื่น (จังหวัดของแผนคือจังหวัดที่ถูกกล่าวถึงบ่อยที่สุด)', en: "a title or agency naming another province than the plan's own (the one named most often)" },
  },
  // Only where the plan's own province is clear: a page copied from another province's plan.
  check(ctx, report) {
    const counts = new Map<string, number>();
    const cells: { sheet: string; row: number; col: number; names: readonly string[] }[] = [];
    for (const s of ctx.sheets) {
      const g = s.grid;
      for (let row = g.firstRow; row <= g.lastRow; row++) {
        for (const col of g.filledColumns(row)) {
          const v = g.value(row, col);
          if (typeof v !== 'string' || !namesProvince(v)) continue;
          const names = provincesIn(v);
          if (names.length === 0) continue;
          for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
          cells.push({ sheet: s.model.name, row, col, names });
        }
      }
    }
    const main = mainProvince(counts);
    if (!main) return;
    for (const c of cells) {
      const other = c.names.find((n) => n !== main);
      if (!other) continue;
      report({ sheet: c.sheet, cell: cellRef(c.row, c.col) }, { th: `ระบุจังหวัด${other} แต่แผนนี้เป็นของจังหวัด${main}`, en: `Names ${other} province, but this is ${main} province's plan` }, { expected: main, actual: other });
    }
  },
});
