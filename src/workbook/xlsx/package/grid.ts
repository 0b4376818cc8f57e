import type { CellValue, SheetSnapshot } from '../../snapshot';
import { WorkbookReadError } from './errors';
import { firstRowFrom, type DenseRow } from './rows';
import type { SheetCells } from './sheet';

/** The one row every empty row of every snapshot shares, frozen so that nobody writes into it. */
const EMPTY: never[] = Object.freeze([]) as unknown as never[];

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
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

/** Drops a row's leading and trailing empty cells (after merged cells were cleared). */
function trim(r: DenseRow): void {
  const has = (i: number): boolean => r.values[i] !== null || (r.formulas?.[i] ?? null) !== null;
  let end = r.values.length;
  while (end > 0 && !has(end - 1)) end--;
  let start = 0;
  while (start < end && !has(start)) start++;
  if (start === 0 && end === r.values.length) return;
  r.values = r.values.slice(start, end);
  if (r.formulas) r.formulas = r.formulas.slice(start, end);
  if (r.formats) r.formats = r.formats.slice(start, end);
  r.first += start;
}

/**
 * Excel shows only the top-left cell of a merged area; the others are empty, whatever the file kept in them.
 * Each area visits only the existing rows it spans (found by binary search), so 100,000 merges cost
 * 100,000 searches, not a scan per merge; overlapping areas (which Excel never writes) cannot run away.
 */
function clearMergedCells(rows: DenseRow[], merges: readonly string[], budget: number): void {
  let visits = 0;
  const touched = new Set<DenseRow>();
  for (const ref of merges) {
    const a = parseArea(ref);
    if (!a) continue;
    for (let i = firstRowFrom(rows, a.top); i < rows.length; i++) {
      const r = rows[i] as DenseRow;
      if (r.row > a.bottom) break;
      if (++visits > budget) throw WorkbookReadError.corrupt('overlapping merged areas');
      const from = Math.max(a.left, r.first) - r.first;
      const to = Math.min(a.right, r.first + r.values.length - 1) - r.first;
      for (let j = from; j <= to; j++) {
        if (r.row === a.top && r.first + j === a.left) continue;
        if (r.values[j] === null && (r.formulas?.[j] ?? null) === null) continue;
        r.values[j] = null;
        if (r.formulas && j < r.formulas.length) r.formulas[j] = null;
        if (r.formats && j < r.formats.length) r.formats[j] = null;
        touched.add(r);
      }
    }
  }
  for (const r of touched) trim(r);
}

/** Puts `n` empty cells in front of a row (it starts right of the sheet's first column). */
const shifted = <T>(xs: T[], n: number): T[] => (n === 0 ? xs : [...new Array<T>(n).fill(null as T), ...xs]);

export interface GridOptions {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  cellsPerSheet: number;
  /** Grid cells the rest of the workbook may still take. */
  cellsLeft: number;
  cellsPerWorkbook: number;
}

/**
 * The snapshot of a sheet's rows: the bounding box of its cells as a dense grid, where a row without cells is
 * the shared empty row and every other row ends at its own last cell. The grid's size is checked against the
 * limits before it is built.
 */
export function sheetSnapshot(sheet: SheetCells, o: GridOptions): { snapshot: SheetSnapshot; cells: number } {
  clearMergedCells(sheet.rows, sheet.merges, 4 * (sheet.cells + sheet.merges.length) + 1_000_000);
  const rows = sheet.rows.filter((r) => r.values.length > 0);
  const base = { name: o.name, visibility: o.visibility, merges: sheet.merges };
  const firstRow = rows[0]?.row;
  const lastRow = rows[rows.length - 1]?.row;
  if (firstRow === undefined || lastRow === undefined) return { snapshot: { ...base, origin: { row: 1, column: 1 }, values: [], numberFormats: [] }, cells: 0 };

  let minCol = Infinity;
  for (const r of rows) minCol = Math.min(minCol, r.first);
  let gridCells = 0;
  for (const r of rows) gridCells += r.first - minCol + r.values.length;
  if (gridCells > o.cellsPerSheet) throw WorkbookReadError.tooLarge({ limit: 'cellsPerSheet', actual: gridCells, allowed: o.cellsPerSheet, sheet: o.name });
  if (gridCells > o.cellsLeft) throw WorkbookReadError.tooLarge({ limit: 'cellsPerWorkbook', actual: o.cellsPerWorkbook - o.cellsLeft + gridCells, allowed: o.cellsPerWorkbook });

  const height = lastRow - firstRow + 1;
  const values: CellValue[][] = new Array<CellValue[]>(height).fill(EMPTY);
  const numberFormats: (string | null)[][] = new Array<(string | null)[]>(height).fill(EMPTY);
  let formulas: (string | null)[][] | null = null;
  for (const r of rows) {
    const at = r.row - firstRow;
    const n = r.first - minCol;
    values[at] = shifted(r.values, n);
    if (r.formats?.some((f) => f !== null)) numberFormats[at] = shifted(r.formats, n);
    if (r.formulas?.some((f) => f !== null)) {
      formulas ??= new Array<(string | null)[]>(height).fill(EMPTY);
      formulas[at] = shifted(r.formulas, n);
    }
  }
  const uncached = sheet.uncached.filter(([row, col]) => formulas?.[row - firstRow]?.[col - minCol] != null).map(([row, col]) => `${columnLetters(col)}${row}`);
  const snapshot: SheetSnapshot = {
    ...base,
    origin: { row: firstRow, column: minCol },
    values,
    numberFormats,
    ...(formulas ? { formulas, uncachedFormulas: uncached } : {}),
  };
  return { snapshot, cells: gridCells };
}
