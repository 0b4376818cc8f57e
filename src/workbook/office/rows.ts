import { parseAddress, type CellValue, type SheetSnapshot } from '../../domain';
import { cellValue, formulaOf } from './read';

/** More edited rows than this in one sheet are read as the whole sheet (a paste, a fill down). */
export const MAX_EDIT_ROWS = 500;

/**
 * The rows an onChanged address covers ("B7", "G12:M14", "5:7"), or null when it names no rows to read alone:
 * no address, whole columns, or more rows than MAX_EDIT_ROWS.
 */
export function rowsOfAddress(address: string | undefined): number[] | null {
  if (!address) return null;
  const rows = new Set<number>();
  for (const part of address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').split(',')) {
    const [a, b = a] = part.split(':');
    const row = (x: string | undefined): number | null => (x && /^\d+$/.test(x) ? Number(x) : (parseAddress(x ?? '')?.row ?? null));
    const from = row(a);
    const to = row(b);
    if (from === null || to === null) return null;
    if (Math.abs(to - from) >= MAX_EDIT_ROWS) return null;
    for (let r = Math.min(from, to); r <= Math.max(from, to); r++) rows.add(r);
    if (rows.size > MAX_EDIT_ROWS) return null;
  }
  return rows.size > 0 ? [...rows].sort((x, y) => x - y) : null;
}

/** Consecutive rows as runs [first, count], so each run is one range to load. */
export function runsOf(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && r === last[0] + last[1]) last[1]++;
    else if (!last || r >= last[0] + last[1]) out.push([r, 1]);
  }
  return out;
}

/** What a row read brought back: the used range's place and size, and each run's values and formulas. */
export interface RowsRead {
  used: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null;
  runs: { row: number; values: unknown[][]; formulas: unknown[][] }[];
}

const widthOf = (s: SheetSnapshot): number => s.values.reduce((w, r) => Math.max(w, r.length), 0);

/**
 * The previous snapshot of a sheet with the re-read rows in place (new arrays for those rows only; every other
 * row is the same array as before), shaped as a whole read would shape it: `formulas` and `uncachedFormulas`
 * only while the sheet has a formula. Null when the rows cannot be merged: the used range moved or changed size
 * (rows or columns inserted, deleted, or typed beyond it), or a run lies outside it. Pure.
 */
export function mergeRows(prev: SheetSnapshot, read: RowsRead): SheetSnapshot | null {
  const u = read.used;
  const width = widthOf(prev);
  if (!u || prev.values.length === 0 || u.rowIndex + 1 !== prev.origin.row || u.columnIndex + 1 !== prev.origin.column || u.rowCount !== prev.values.length || u.columnCount !== width) return null;
  const values = prev.values.slice();
  let formulas = prev.formulas?.slice();
  let removedFormula = false;
  for (const run of read.runs) {
    for (let k = 0; k < run.values.length; k++) {
      const i = run.row - prev.origin.row + k;
      if (i < 0 || i >= values.length) return null;
      const v = run.values[k] ?? [];
      const row: CellValue[] = new Array<CellValue>(width);
      for (let c = 0; c < width; c++) row[c] = cellValue(v[c]);
      values[i] = row;
      const f = run.formulas[k] ?? [];
      const frow: (string | null)[] = new Array<string | null>(width);
      let any = false;
      for (let c = 0; c < width; c++) {
        frow[c] = formulaOf(f[c]);
        if (frow[c] !== null) any = true;
      }
      if (any && !formulas) formulas = Array.from({ length: values.length }, () => new Array<string | null>(width).fill(null));
      if (formulas) {
        if ((formulas[i] ?? []).some((x) => x !== null) && !any) removedFormula = true;
        formulas[i] = frow;
      }
    }
  }
  const anyFormula = formulas !== undefined && (!removedFormula || formulas.some((r) => r.some((x) => x !== null)));
  const { formulas: _f, uncachedFormulas: _u, ...rest } = prev;
  return { ...rest, values, ...(anyFormula ? { formulas, uncachedFormulas: [] } : {}) };
}
