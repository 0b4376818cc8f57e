import { cellRef } from '../base/cells';
import { provincesIn } from '../thai';
import { mainProvince } from '../title';
import type { CellValue } from '../snapshot';
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

/** The provinces each text cell of a row names, by offset in the row; the empty list for most rows. */
type RowProvinces = readonly (readonly [number, readonly string[]])[];
const NONE: RowProvinces = [];

function provincesOfRow(values: readonly CellValue[]): RowProvinces {
  let out: [number, readonly string[]][] | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string' || !namesProvince(v)) continue;
    const names = provincesIn(v);
    if (names.length > 0) (out ??= []).push([i, names]);
  }
  return out ?? NONE;
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
    // A row's provinces are a function of its values (offsets from the sheet's first column): kept per row array.
    const memo = ctx.memo?.slot<readonly CellValue[], RowProvinces>('province-mismatch:row');
    for (const s of ctx.sheets) {
      const g = s.grid;
      for (let row = g.firstRow; row <= g.lastRow; row++) {
        const values = g.rowValues(row);
        if (!values) continue;
        let found = memo?.get(values);
        if (!found) {
          found = provincesOfRow(values);
          memo?.set(values, found);
        }
        for (const [offset, names] of found) {
          for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
          cells.push({ sheet: s.model.name, row, col: g.firstCol + offset, names });
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
