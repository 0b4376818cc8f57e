import type { CellValue, SheetSnapshot } from '../../snapshot';
import { WorkbookReadError } from './errors';
import type { SparseRow, SparseSheet } from './sheet';

/** The one row every empty row of every snapshot shares, frozen so that nobody writes into it. */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

const MAX_COL = 16_384;

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Rows in row order, each row's cells in column order, one entry per cell (the last one wins). */
function normalise(rows: SparseRow[]): SparseRow[] {
  let ordered = true;
  for (let i = 0; i < rows.length && ordered; i++) {
    const r = rows[i] as SparseRow;
    if (i > 0 && r.row <= (rows[i - 1] as SparseRow).row) ordered = false;
    for (let j = 1; j < r.cols.length && ordered; j++) if ((r.cols[j] as number) <= (r.cols[j - 1] as number)) ordered = false;
  }
  if (ordered) return rows;
  const byRow = new Map<number, Map<number, { v: CellValue; f: string | null; n: string | null; u: boolean }>>();
  for (const r of rows) {
    const cells = byRow.get(r.row) ?? new Map();
    byRow.set(r.row, cells);
    const uncached = new Set(r.uncached);
    r.cols.forEach((c, j) => cells.set(c, { v: r.values[j] ?? null, f: r.formulas?.[j] ?? null, n: r.formats[j] ?? null, u: uncached.has(j) }));
  }
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, cells]) => {
      const out: SparseRow = { row, cols: [], values: [], formulas: null, formats: [], uncached: [] };
      const sorted = [...cells.entries()].sort((a, b) => a[0] - b[0]);
      if (sorted.some(([, c]) => c.f !== null)) out.formulas = [];
      sorted.forEach(([col, c], j) => {
        out.cols.push(col);
        out.values.push(c.v);
        out.formulas?.push(c.f);
        out.formats.push(c.n);
        if (c.u) out.uncached.push(j);
      });
      return out;
    });
}

/** The first index whose key is ≥ x, in keys sorted ascending. */
function lowerBound(length: number, key: (i: number) => number, x: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function parseArea(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(ref);
  if (!m) return null;
  const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const [top, left] = [Number(m[2]), col(m[1] as string)];
  const [bottom, right] = m[3] ? [Number(m[4]), col(m[3])] : [top, left];
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * Excel shows only the top-left cell of a merged area; the others are empty, whatever the file kept in them.
 * Each area visits only the existing rows it spans (found by binary search), so 100,000 merges cost
 * 100,000 searches, not a scan per merge; overlapping areas (which Excel never writes) cannot run away.
 */
function clearMergedCells(rows: SparseRow[], merges: readonly string[], budget: number): void {
  const rowKey = (i: number): number => (rows[i] as SparseRow).row;
  let visits = 0;
  for (const ref of merges) {
    const a = parseArea(ref);
    if (!a) continue;
    for (let i = lowerBound(rows.length, rowKey, a.top); i < rows.length; i++) {
      const r = rows[i] as SparseRow;
      if (r.row > a.bottom) break;
      if (++visits > budget) throw WorkbookReadError.corrupt('overlapping merged areas');
      for (let j = lowerBound(r.cols.length, (k) => r.cols[k] as number, a.left); j < r.cols.length && (r.cols[j] as number) <= a.right; j++) {
        if (r.row === a.top && r.cols[j] === a.left) continue;
        r.values[j] = null;
        if (r.formulas) r.formulas[j] = null;
        r.formats[j] = null;
      }
    }
  }
}

export interface GridOptions {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  cellsPerSheet: number;
  /** Grid cells the workbook may still spend; returns what this sheet spent. */
  cellsLeft: number;
  cellsPerWorkbook: number;
}

/**
 * The snapshot of a sparse sheet: the bounding box of its cells as a dense grid, where a row without cells is
 * the shared empty row and every other row ends at its own last cell. The grid's size is checked against the
 * limits before anything is allocated.
 */
export function sheetSnapshot(sparse: SparseSheet, o: GridOptions): { snapshot: SheetSnapshot; cells: number } {
  const rows = normalise(sparse.rows);
  clearMergedCells(rows, sparse.merges, 4 * (sparse.cells + sparse.merges.length) + 1_000_000);

  // The extent of each row's content after clearing, and the sheet's bounding box.
  let minCol = MAX_COL + 1;
  let firstRow = 0;
  let lastRow = 0;
  const extents: [number, number][] = rows.map((r) => {
    let first = -1;
    let last = -1;
    for (let j = 0; j < r.cols.length; j++) {
      if (r.values[j] !== null || r.formulas?.[j] != null) {
        if (first < 0) first = j;
        last = j;
      }
    }
    if (first >= 0) {
      minCol = Math.min(minCol, r.cols[first] as number);
      if (!firstRow) firstRow = r.row;
      lastRow = r.row;
    }
    return [first, last];
  });
  const base = { name: o.name, visibility: o.visibility, merges: sparse.merges };
  if (!firstRow) return { snapshot: { ...base, origin: { row: 1, column: 1 }, values: [], numberFormats: [] }, cells: 0 };

  let gridCells = 0;
  rows.forEach((r, i) => {
    const last = (extents[i] as [number, number])[1];
    if (last >= 0) gridCells += (r.cols[last] as number) - minCol + 1;
  });
  if (gridCells > o.cellsPerSheet) throw WorkbookReadError.tooLarge({ limit: 'cellsPerSheet', actual: gridCells, allowed: o.cellsPerSheet, sheet: o.name });
  if (gridCells > o.cellsLeft) throw WorkbookReadError.tooLarge({ limit: 'cellsPerWorkbook', actual: o.cellsPerWorkbook - o.cellsLeft + gridCells, allowed: o.cellsPerWorkbook });

  const height = lastRow - firstRow + 1;
  const values: CellValue[][] = new Array<CellValue[]>(height).fill(EMPTY);
  const numberFormats: (string | null)[][] = new Array<(string | null)[]>(height).fill(EMPTY);
  let formulas: (string | null)[][] | null = null;
  const uncached: string[] = [];
  rows.forEach((r, i) => {
    const [first, last] = extents[i] as [number, number];
    if (first < 0) return;
    const at = r.row - firstRow;
    const width = (r.cols[last] as number) - minCol + 1;
    const vr: CellValue[] = new Array<CellValue>(width).fill(null);
    let nr: (string | null)[] | null = null;
    let fr: (string | null)[] | null = null;
    for (let j = first; j <= last; j++) {
      const c = (r.cols[j] as number) - minCol;
      vr[c] = r.values[j] ?? null;
      const f = r.formulas?.[j] ?? null;
      const n = r.formats[j] ?? null;
      if (f !== null) {
        fr ??= [];
        while (fr.length < c) fr.push(null);
        fr[c] = f;
      }
      if (n !== null && (vr[c] !== null || f !== null)) {
        nr ??= [];
        while (nr.length < c) nr.push(null);
        nr[c] = n;
      }
    }
    values[at] = vr;
    if (nr) numberFormats[at] = nr;
    if (fr) {
      formulas ??= new Array<(string | null)[]>(height).fill(EMPTY);
      formulas[at] = fr;
    }
    for (const j of r.uncached) if (r.formulas?.[j] != null) uncached.push(`${columnLetters(r.cols[j] as number)}${r.row}`);
  });
  const snapshot: SheetSnapshot = {
    ...base,
    origin: { row: firstRow, column: minCol },
    values,
    numberFormats,
    ...(formulas ? { formulas, uncachedFormulas: uncached } : {}),
  };
  return { snapshot, cells: gridCells };
}
