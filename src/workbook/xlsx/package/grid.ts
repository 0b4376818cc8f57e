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

/** The first row at or below `row` (rows are in row order). */
function firstRowFrom(rows: readonly SparseRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] as SparseRow).row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first cell at or right of `col` (a row's cells are in column order). */
function firstCellFrom(cols: readonly number[], col: number): number {
  let lo = 0;
  let hi = cols.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cols[mid] as number) < col) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** "B3" → [3, 2] by hand (100,000 merges make a regex per reference show); null if malformed. */
function parseCell(ref: string, from: number, to: number): [number, number] | null {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  let row = 0;
  const digits = i;
  for (; i < to; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    row = row * 10 + (c - 48);
  }
  return col > 0 && i > digits && row > 0 ? [row, col] : null;
}

function parseArea(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const colon = ref.indexOf(':');
  const a = parseCell(ref, 0, colon < 0 ? ref.length : colon);
  const b = colon < 0 ? a : parseCell(ref, colon + 1, ref.length);
  if (!a || !b) return null;
  return { top: Math.min(a[0], b[0]), left: Math.min(a[1], b[1]), bottom: Math.max(a[0], b[0]), right: Math.max(a[1], b[1]) };
}

/**
 * Excel shows only the top-left cell of a merged area; the others are empty, whatever the file kept in them.
 * Each area visits only the existing rows it spans (found by binary search), so 100,000 merges cost
 * 100,000 searches, not a scan per merge; overlapping areas (which Excel never writes) cannot run away.
 */
function clearMergedCells(rows: SparseRow[], merges: readonly string[], budget: number): void {
  let visits = 0;
  for (const ref of merges) {
    const a = parseArea(ref);
    if (!a) continue;
    for (let i = firstRowFrom(rows, a.top); i < rows.length; i++) {
      const r = rows[i] as SparseRow;
      if (r.row > a.bottom) break;
      if (++visits > budget) throw WorkbookReadError.corrupt('overlapping merged areas');
      for (let j = firstCellFrom(r.cols, a.left); j < r.cols.length && (r.cols[j] as number) <= a.right; j++) {
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
