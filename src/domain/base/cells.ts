/** The base room: cell positions and A1 addresses, imported by every other part of the domain. */
/** A cell position in sheet coordinates with its A1 address. */
export interface CellRef {
  readonly row: number;
  readonly col: number;
  readonly address: string;
}

/** The address is built only when asked for: most figures never appear in a finding. */
class LazyCellRef implements CellRef {
  constructor(
    readonly row: number,
    readonly col: number,
  ) {}

  get address(): string {
    return address(this.row, this.col);
  }

  toJSON(): { row: number; col: number; address: string } {
    return { row: this.row, col: this.col, address: this.address };
  }
}

/** Letters of the columns seen so far (a pure memo: A1 addresses are built for every figure). */
const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  if (col < 16_385) LETTERS[col] = s;
  return s;
}

export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function cellRef(row: number, col: number): CellRef {
  return new LazyCellRef(row, col);
}

/** Parses "B3" → {row: 3, col: 2}. */
export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** A cell address's column (A1 → 1): read in place for the plain form, else as parseAddress reads it (no match or object made: a re-check orders thousands of findings per edit); 0 if none. */
export function columnOf(address: string): number {
  let col = 0;
  let i = address.charCodeAt(0) === 36 ? 1 : 0; // '$'
  const from = i;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const letters = i - from;
  if (address.charCodeAt(i) === 36) i++;
  const digits = i;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) break;
  }
  if (letters >= 1 && letters <= 3 && i > digits && i === address.length) return col;
  return parseAddress(address)?.col ?? 0;
}

