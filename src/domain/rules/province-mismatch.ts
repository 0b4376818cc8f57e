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
  /** Each province's rows (indices, in order): the check reads only the rows of provinces other than the plan's. */
  rowsOf: Map<string, readonly number[]>;
  counts: Map<string, number>;
}

const addCounts = (counts: Map<string, number>, found: RowProvinces, by: number): void => {
  for (const [, names] of found) for (const n of names) counts.set(n, (counts.get(n) ?? 0) + by);
};

/** The distinct provinces a row names, in a fixed order (to compare a row's before and after). */
function namedIn(found: RowProvinces): readonly string[] {
  // Most rows name one province once (the agency's), or none.
  if (found.length === 0) return [];
  if (found.length === 1 && (found[0] as RowProvinces[number])[1].length === 1) return (found[0] as RowProvinces[number])[1];
  const out = new Set<string>();
  for (const [, names] of found) for (const n of names) out.add(n);
  return [...out].sort();
}

/** The same provinces at the same offsets. */
function sameFound(a: RowProvinces, b: RowProvinces): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const [x, xs] = a[k] as RowProvinces[number];
    const [y, ys] = b[k] as RowProvinces[number];
    if (x !== y || !sameList(xs, ys)) return false;
  }
  return true;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The list with `i` taken out or put in at its place (a copy: the last check's lists are not changed). */
function withRow(list: readonly number[], i: number, present: boolean): number[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < i) lo = mid + 1;
    else hi = mid;
  }
  const out = list.slice();
  const there = list[lo] === i;
  if (present && !there) out.splice(lo, 0, i);
  if (!present && there) out.splice(lo, 1);
  return out;
}

/**
 * A sheet's provinces row by row, with how often each is named. With a memo, the last check's are brought up to
 * date: only rows that are new arrays are read again, and their counts and rows taken out and put back.
 */
function provincesOfSheet(g: Grid, memo: Memo | undefined): SheetProvinces {
  const rows = g.rows;
  const last = memo?.lastOf<SheetProvinces>(`province-mismatch\u0000${g.name}`);
  const prev = last?.value;
  let out: SheetProvinces;
  if (prev && prev.rows === rows) out = prev;
  else if (prev && prev.rows.length === rows.length) {
    let found: RowProvinces[] | null = null;
    let counts: Map<string, number> | null = null;
    let rowsOf: Map<string, readonly number[]> | null = null;
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === prev.rows[i]) continue;
      const now = provincesOfRow(rows[i] as readonly CellValue[]);
      const was = prev.found[i] as RowProvinces;
      // A row edited elsewhere than its province names (a budget typed) changes nothing: no copy of the rows.
      if (sameFound(now, was)) continue;
      found ??= prev.found.slice();
      counts ??= new Map(prev.counts);
      addCounts(counts, was, -1);
      found[i] = now;
      addCounts(counts, now, 1);
      const before = namedIn(was);
      const after = namedIn(now);
      if (sameList(before, after)) continue;
      rowsOf ??= new Map(prev.rowsOf);
      for (const n of before) if (!after.includes(n)) rowsOf.set(n, withRow(rowsOf.get(n) ?? [], i, false));
      for (const n of after) if (!before.includes(n)) rowsOf.set(n, withRow(rowsOf.get(n) ?? [], i, true));
    }
    if (counts) for (const [n, c] of counts) if (c === 0) counts.delete(n);
    if (rowsOf) for (const [n, list] of rowsOf) if (list.length === 0) rowsOf.delete(n);
    out = { rows, found: found ?? prev.found, rowsOf: rowsOf ?? prev.rowsOf, counts: counts ?? prev.counts };
  } else {
    const found = rows.map(provincesOfRow);
    const counts = new Map<string, number>();
    const rowsOf = new Map<string, number[]>();
    found.forEach((f, i) => {
      addCounts(counts, f, 1);
      for (const n of namedIn(f)) {
        const list = rowsOf.get(n);
        if (list) list.push(i);
        else rowsOf.set(n, [i]);
      }
    });
    out = { rows, found, rowsOf, counts };
  }
  if (last) last.value = out;
  return out;
}

/** The rows naming a province other than `main`, in order. */
function rowsNamingOther(p: SheetProvinces, main: string): number[] {
  const set = new Set<number>();
  for (const [n, list] of p.rowsOf) if (n !== main) for (const i of list) set.add(i);
  return [...set].sort((a, b) => a - b);
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
      for (const i of rowsNamingOther(found, main)) {
        for (const [offset, names] of found.found[i] as RowProvinces) {
          const other = names.find((n) => n !== main);
          if (!other) continue;
          report({ sheet: s.model.name, cell: cellRef(s.grid.firstRow + i, s.grid.firstCol + offset) }, { th: `ระบุจังหวัด${other} แต่แผนนี้เป็นของจังหวัด${main}`, en: `Names ${other} province, but this is ${main} province's plan` }, { expected: main, actual: other });
        }
      }
    }
  },
});
