import { PatchError } from './errors';

export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

export function colLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export interface Pos {
  row: number;
  col: number;
}

/** "O27" → {row: 27, col: 15}; null for anything that is not a single A1 cell inside the grid. */
export function parseCell(ref: string): Pos | null {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(ref.trim());
  if (!m) return null;
  const col = colNumber(m[1]!);
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COL ? { row, col } : null;
}

export function cellOf(ref: string): Pos {
  const p = parseCell(ref);
  if (!p) throw new PatchError('badCell', ref);
  return p;
}

export const cellRef = (p: Pos): string => `${colLetters(p.col)}${p.row}`;

/** "A1:C3" (or "A1") → its corners. */
export function parseRange(ref: string): { from: Pos; to: Pos } | null {
  const [a, b] = ref.split(':');
  const from = a ? parseCell(a) : null;
  const to = b ? parseCell(b) : from;
  return from && to ? { from, to } : null;
}

const IDENT = /[A-Za-z0-9_.\\?]/;

/**
 * A formula moved by (dr, dc), as Excel moves a shared formula from its master cell to another cell of the
 * group: relative references shift, $-anchored parts and everything in strings, sheet names, structured
 * references and names stay. A reference pushed off the grid becomes #REF!.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  let out = '';
  let i = 0;
  const f = formula;
  const boundary = (k: number): boolean => k === 0 || !IDENT.test(f[k - 1]!) && f[k - 1] !== '$';
  while (i < f.length) {
    const c = f[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      for (; j < f.length; j++) {
        if (f[j] === c) {
          if (f[j + 1] === c) j++;
          else break;
        }
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '[') {
      let depth = 0;
      let j = i;
      for (; j < f.length; j++) {
        if (f[j] === '[') depth++;
        else if (f[j] === ']' && --depth === 0) break;
      }
      out += f.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (boundary(i)) {
      const rest = f.slice(i);
      const cell = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(!\\?])/.exec(rest);
      if (cell && colNumber(cell[2]!) <= MAX_COL) {
        const col = cell[1] ? colNumber(cell[2]!) : colNumber(cell[2]!) + dc;
        const row = cell[3] ? Number(cell[4]) : Number(cell[4]) + dr;
        out += col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW ? '#REF!' : `${cell[1]}${colLetters(col)}${cell[3]}${row}`;
        i += cell[0].length;
        continue;
      }
      const cols = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_.(!\\?])/.exec(rest);
      if (cols) {
        const a = cols[1] ? colNumber(cols[2]!) : colNumber(cols[2]!) + dc;
        const b = cols[3] ? colNumber(cols[4]!) : colNumber(cols[4]!) + dc;
        out += a < 1 || b > MAX_COL ? '#REF!' : `${cols[1]}${colLetters(a)}:${cols[3]}${colLetters(b)}`;
        i += cols[0].length;
        continue;
      }
      const rows = /^(\$?)([0-9]{1,7}):(\$?)([0-9]{1,7})(?![0-9.])/.exec(rest);
      if (rows) {
        const a = rows[1] ? Number(rows[2]) : Number(rows[2]) + dr;
        const b = rows[3] ? Number(rows[4]) : Number(rows[4]) + dr;
        out += a < 1 || b > MAX_ROW ? '#REF!' : `${rows[1]}${a}:${rows[3]}${b}`;
        i += rows[0].length;
        continue;
      }
      const word = /^[A-Za-z_\\][A-Za-z0-9_.\\?]*|^[0-9]+(\.[0-9]*)?([Ee][+-]?[0-9]+)?/.exec(rest);
      if (word && word[0].length > 0) {
        out += word[0];
        i += word[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}
