import { cellRef } from '../base/cells';
import { provincesIn } from '../thai';
import { mainProvince } from '../title';
import type { Grid } from '../base/grid';
import type { Memo } from '../memo';
import type { CellValue } from '../snapshot';
import { defineRule } from './define';

/**
 * Whether a text holds "จังหวัด": asked of every text cell of the workbook. Horspool's search: the unit under the
 * end of the 7-unit window says how far the word can move on (most units occur nowhere in it: 7), so about one
 * unit in five is read. String.prototype.includes on Thai (two-byte) text measured 2× slower than a plain loop
 * over char codes, and the plain loop 3.4× slower than this, on the realistic plan's 153k text cells.
 */
export function namesProvince(text: string): boolean {
  const n = text.length;
  for (let i = 6; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 0x0e14) {
      // ด ends the word: the window may be it.
      if (text.charCodeAt(i - 6) === 0x0e08 && text.startsWith('จังหวัด', i - 6)) return true;
      i += 7;
      continue;
    }
    // The last place of each of จ ั ง ห ว before the end of จังหวัด (ั twice: its last), else the word's length.
    i += c === 0x0e31 ? 1 : c === 0x0e27 ? 2 : c === 0x0e2b ? 3 : c === 0x0e07 ? 4 : c === 0x0e08 ? 6 : 7;
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

interface SheetProvinces {
  rows: readonly (readonly CellValue[])[];
  /** By row index; rows naming no province share NONE. */
  found: RowProvinces[];
  counts: Map<string, number>;
}

const addCounts = (counts: Map<string, number>, found: RowProvinces, by: number): void => {
  for (const [, names] of found) for (const n of names) counts.set(n, (counts.get(n) ?? 0) + by);
};

/**
 * A sheet's provinces row by row, with how often each is named. With a memo, the last check's are brought up to
 * date: only rows that are new arrays are read again, and their counts taken out and put back.
 */
function provincesOfSheet(g: Grid, memo: Memo | undefined): SheetProvinces {
  const rows = g.rows;
  const last = memo?.lastOf<SheetProvinces>(`province-mismatch\u0000${g.name}`);
  const prev = last?.value;
  let out: SheetProvinces;
  if (prev && prev.rows.length === rows.length) {
    const found = prev.found.slice();
    const counts = new Map(prev.counts);
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === prev.rows[i]) continue;
      addCounts(counts, found[i] as RowProvinces, -1);
      found[i] = provincesOfRow(rows[i] as readonly CellValue[]);
      addCounts(counts, found[i] as RowProvinces, 1);
    }
    for (const [n, c] of counts) if (c === 0) counts.delete(n);
    out = { rows, found, counts };
  } else {
    const found = rows.map(provincesOfRow);
    const counts = new Map<string, number>();
    for (const f of found) addCounts(counts, f, 1);
    out = { rows, found, counts };
  }
  if (last) last.value = out;
  return out;
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
    const sheets = ctx.sheets.map((s) => ({ s, found: provincesOfSheet(s.grid, ctx.memo) }));
    for (const { found } of sheets) for (const [n, c] of found.counts) counts.set(n, (counts.get(n) ?? 0) + c);
    const main = mainProvince(counts);
    if (!main) return;
    for (const { s, found } of sheets) {
      found.found.forEach((row, i) => {
        for (const [offset, names] of row) {
          const other = names.find((n) => n !== main);
          if (!other) continue;
          report({ sheet: s.model.name, cell: cellRef(s.grid.firstRow + i, s.grid.firstCol + offset) }, { th: `ระบุจังหวัด${other} แต่แผนนี้เป็นของจังหวัด${main}`, en: `Names ${other} province, but this is ${main} province's plan` }, { expected: main, actual: other });
        }
      });
    }
  },
});
