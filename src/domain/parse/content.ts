import type { Grid } from '../base/grid';
import type { Project } from '../model';

/**
 * What duplicate rows share: every cell of the row but its number, as comparison keys joined by "|", a name's
 * leading "12." dropped (and "#line" for one of several projects listed in a cell). The parse keeps only a hash and
 * the length of that key: the key itself was ≈ 800 bytes a row held for the whole analysis and read by one rule,
 * which builds it again from the grid for the few rows whose hashes meet (contentKey).
 */

/** The columns a row's content is read from, from a header down to the next one that reads other columns. */
export interface KeyColumns {
  /** The first row read through these columns. */
  from: number;
  /** The column map's columns in order, its number column left out. */
  cols: readonly number[];
  name: number | undefined;
}

/** One cell's part of the key: the cell `c + offset` (none left of the grid), a name's leading number dropped. */
function part(grid: Grid, row: number, offset: number, c: number, name: number | undefined): string {
  const at = c + offset;
  const key = at >= grid.firstCol ? grid.key(row, at) : '';
  const code = key.charCodeAt(0);
  return c === name && code >= 48 && code <= 57 ? key.replace(/^\d+\./, '') : key;
}

/** FNV-1a over UTF-16 code units, kept in 30 bits (a small integer to V8). */
const step = (h: number, c: number): number => Math.imul(h ^ c, 16777619) & 0x3fffffff;
const SEED = 0x011c9dc5;
const PIPE = 0x7c;

/**
 * The content key's hash and its length without its "|" characters (what duplicate-row measures), built in one
 * pass over the cells' keys without joining them.
 */
export function contentHash(grid: Grid, kc: KeyColumns, row: number, offset: number): { hash: number; length: number } {
  let h = SEED;
  let length = 0;
  for (let k = 0; k < kc.cols.length; k++) {
    if (k > 0) h = step(h, PIPE);
    const s = part(grid, row, offset, kc.cols[k] as number, kc.name);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h = step(h, c);
      if (c !== PIPE) length++;
    }
  }
  return { hash: h, length };
}

/** The hash and length of one listed item's key: the row's key with "#line" (line from 0) after it. */
export function itemHash(hash: number, length: number, line: number): { hash: number; length: number } {
  const tail = `#${line}`;
  let h = hash;
  for (let i = 0; i < tail.length; i++) h = step(h, tail.charCodeAt(i));
  return { hash: h, length: length + tail.length };
}

/** The columns in effect at `row` (the last entry starting at or above it). */
export function keyColumnsAt(list: readonly KeyColumns[], row: number): KeyColumns | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found: KeyColumns | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const kc = list[mid] as KeyColumns;
    if (kc.from <= row) {
      found = kc;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The content key itself, exactly as it is hashed: built only to tell rows with the same hash apart. */
export function contentKey(grid: Grid, list: readonly KeyColumns[], p: Project): string {
  const kc = keyColumnsAt(list, p.row);
  if (!kc) return '';
  const offset = p.shifted ? -1 : 0;
  const key = kc.cols.map((c) => part(grid, p.row, offset, c, kc.name)).join('|');
  return p.item ? `${key}#${p.item.line - 1}` : key;
}
