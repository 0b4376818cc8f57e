import type { CellValue, SheetSnapshot } from '../snapshot';
import { cellText, compareKey } from '../thai';

/** A cell position in sheet coordinates with its A1 address. */
export interface CellRef {
  row: number;
  col: number;
  address: string;
}

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function address(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export function cellRef(row: number, col: number): CellRef {
  return { row, col, address: address(row, col) };
}

/** Parses "B3" → {row: 3, col: 2}. */
export function parseAddress(a: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a.trim().toUpperCase());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Read access to a sheet snapshot in sheet coordinates, with cached comparison keys. */
export class Grid {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  readonly merges: MergeArea[];
  private readonly snapshot: SheetSnapshot;
  private readonly keys = new Map<number, string>();

  constructor(snapshot: SheetSnapshot) {
    this.snapshot = snapshot;
    this.name = snapshot.name;
    this.firstRow = snapshot.origin.row;
    this.firstCol = snapshot.origin.column;
    this.lastRow = this.firstRow + snapshot.values.length - 1;
    let width = 0;
    for (const r of snapshot.values) width = Math.max(width, r.length);
    this.lastCol = this.firstCol + width - 1;
    this.merges = snapshot.merges.flatMap((m) => {
      const [a, b] = m.split(':');
      const tl = parseAddress(a ?? '');
      const br = parseAddress(b ?? a ?? '');
      return tl && br ? [{ top: tl.row, left: tl.col, bottom: br.row, right: br.col }] : [];
    });
  }

  value(row: number, col: number): CellValue {
    return this.snapshot.values[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  formula(row: number, col: number): string | null {
    return this.snapshot.formulas?.[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col)).trim();
  }

  /** Whitespace-free comparison key of a cell. */
  key(row: number, col: number): string {
    const id = row * 16384 + col;
    let k = this.keys.get(id);
    if (k === undefined) {
      k = compareKey(cellText(this.value(row, col)));
      this.keys.set(id, k);
    }
    return k;
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && v.trim() === '');
  }

  /** Columns of a row that hold something. */
  filledColumns(row: number): number[] {
    const out: number[] = [];
    const r = this.snapshot.values[row - this.firstRow];
    if (!r) return out;
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) out.push(this.firstCol + i);
    }
    return out;
  }

  /** The merged area that covers a cell, if any. */
  mergeAt(row: number, col: number): MergeArea | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
}
