import type { SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';

/** A1 address of 1-based coordinates. */
export function a1(row: number, col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row}`;
}

export interface CellFacts {
  value?: unknown;
  formula?: string;
  format?: string;
}

/**
 * A sheet as address → what the cell holds, whatever the grid's origin and row lengths: two readers agree
 * when these maps are equal (a trailing null is no cell).
 */
export function cellsOf(s: SheetSnapshot): Map<string, CellFacts> {
  const out = new Map<string, CellFacts>();
  const at = (i: number, j: number): CellFacts => {
    const key = a1(s.origin.row + i, s.origin.column + j);
    let c = out.get(key);
    if (!c) out.set(key, (c = {}));
    return c;
  };
  s.values.forEach((row, i) => row.forEach((v, j) => v !== null && (at(i, j).value = v)));
  s.formulas?.forEach((row, i) => row.forEach((f, j) => f !== null && (at(i, j).formula = f)));
  s.numberFormats?.forEach((row, i) => row.forEach((n, j) => n !== null && (at(i, j).format = n)));
  return out;
}

export function workbookCells(w: WorkbookSnapshot): Record<string, Record<string, CellFacts>> {
  return Object.fromEntries(w.sheets.map((s) => [s.name, Object.fromEntries([...cellsOf(s)].sort(([a], [b]) => a.localeCompare(b)))]));
}
