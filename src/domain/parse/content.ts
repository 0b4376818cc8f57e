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

/** FNV-1a over numbers (code units, lengths), kept in 30 bits (a small integer to V8). */
const step = (h: number, c: number): number => Math.imul(h ^ c, 16777619) & 0x3fffffff;
const SEED = 0x011c9dc5;
/** How many code units at each end of a piece go into the hash (its length always does). */
const ENDS = 8;

/** Folds one piece of the key (the text between two "|") into the hash: its length, its first and last few units. */
function piece(h: number, s: string, from: number, to: number): number {
  const n = to - from;
  h = step(h, n);
  if (n <= 2 * ENDS) {
    for (let i = from; i < to; i++) h = step(h, s.charCodeAt(i));
    return h;
  }
  for (let i = from; i < from + ENDS; i++) h = step(h, s.charCodeAt(i));
  for (let i = to - ENDS; i < to; i++) h = step(h, s.charCodeAt(i));
  return h;
}

/** The hash of a content key and its length without "|": each piece between "|" folded in order. */
export function hashKey(key: string): { hash: number; length: number } {
  let h = SEED;
  let from = 0;
  for (let i = key.indexOf('|'); i !== -1; i = key.indexOf('|', from)) {
    h = piece(h, key, from, i);
    from = i + 1;
  }
  h = piece(h, key, from, key.length);
  return { hash: h, length: key.length - countPipes(key) };
}

function countPipes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('|'); i !== -1; i = s.indexOf('|', i + 1)) n++;
  return n;
}

/**
 * The content key's hash and its length without its "|" characters (what duplicate-row measures): hashKey of the
 * key, found without joining it when no cell holds a "|" itself (its pieces are then the cells' keys). The hash
 * reads each piece's length and its first and last few code units only (a loop over every character of every row
 * cost more than the join it replaced): rows that differ only inside a long text meet in the hash and are told
 * apart by their content (contentKey). `line`: one of several projects listed in the row (the key ends "#line").
 */
export function contentHash(grid: Grid, kc: KeyColumns, row: number, offset: number, line?: number): { hash: number; length: number } {
  if (line !== undefined) return hashKey(`${joined(grid, kc, row, offset)}#${line}`);
  let h = SEED;
  let length = 0;
  for (let k = 0; k < kc.cols.length; k++) {
    const s = part(grid, row, offset, kc.cols[k] as number, kc.name);
    if (s.includes('|')) return hashKey(joined(grid, kc, row, offset));
    h = piece(h, s, 0, s.length);
    length += s.length;
  }
  return { hash: h, length };
}

const joined = (grid: Grid, kc: KeyColumns, row: number, offset: number): string =>
  kc.cols.map((c) => part(grid, row, offset, c, kc.name)).join('|');

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
  const key = joined(grid, kc, p.row, p.shifted ? -1 : 0);
  return p.item ? `${key}#${p.item.line - 1}` : key;
}
