import { cellRef } from '../parse/grid';
import { provincesIn } from '../thai';
import { mainProvince } from '../title';
import type { Rule } from './context';
import { finding, type Finding } from './finding';
import { M } from './messages';

/**
 * province-mismatch: a title or agency that names another province than the one the plan is for (a page copied
 * from another province's plan). Only where the plan's own province is clear.
 */
export const provinces: Rule = (ctx) => {
  const counts = new Map<string, number>();
  const cells: { sheet: string; row: number; col: number; names: string[] }[] = [];
  for (const s of ctx.sheets) {
    const g = s.grid;
    for (let row = g.firstRow; row <= g.lastRow; row++) {
      for (const col of g.filledColumns(row)) {
        const v = g.value(row, col);
        if (typeof v !== 'string' || !v.includes('จังหวัด')) continue;
        const names = provincesIn(v);
        if (names.length === 0) continue;
        for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
        cells.push({ sheet: s.model.name, row, col, names });
      }
    }
  }
  const main = mainProvince(counts);
  if (!main) return [];
  const out: Finding[] = [];
  for (const c of cells) {
    const other = c.names.find((n) => n !== main);
    if (other) out.push(finding('province-mismatch', 'warning', { sheet: c.sheet, cell: cellRef(c.row, c.col) }, M.provinceMismatch(other, main), { expected: main, actual: other }));
  }
  return out;
};
