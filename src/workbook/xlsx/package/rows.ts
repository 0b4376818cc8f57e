import type { CellValue } from '../../snapshot';
import { WorkbookReadError } from './errors';

/**
 * One row of a sheet as it is read: dense from its own first cell to its last, so a cell costs one slot
 * (not a column number, a value and a format each). Formats and formulas get arrays only when the row has
 * any. The sheet's grid re-bases a row on the sheet's first column only when the row starts further right.
 */
export interface DenseRow {
  row: number;
  /** The column of values[0]. */
  first: number;
  values: CellValue[];
  formulas: (string | null)[] | null;
  formats: (string | null)[] | null;
}

const padTo = <T>(xs: T[], length: number, fill: T): void => {
  while (xs.length < length) xs.push(fill);
};

const prepend = <T>(xs: T[] | null, n: number, fill: T): T[] | null => (xs ? [...new Array<T>(n).fill(fill), ...xs] : null);

/**
 * The rows of one sheet in row order, each written cell by cell. Counts the grid cells the rows span as they
 * grow, so a sheet over the limit stops while it is read, not after.
 */
export class SheetRows {
  readonly rows: DenseRow[] = [];
  /** Grid cells spanned so far: the sum of every row's width. */
  spanned = 0;
  private last: DenseRow | null = null;

  constructor(
    private readonly sheet: string,
    private readonly cellsPerSheet: number,
  ) {}

  set(row: number, col: number, value: CellValue, formula: string | null, format: string | null): void {
    const r = this.rowOf(row, col);
    if (col < r.first) {
      const n = r.first - col;
      r.values = prepend(r.values, n, null) as CellValue[];
      r.formulas = prepend(r.formulas, n, null);
      r.formats = prepend(r.formats, n, null);
      r.first = col;
      this.grow(n);
    }
    const i = col - r.first;
    if (i >= r.values.length) {
      this.grow(i + 1 - r.values.length);
      padTo(r.values, i, null);
      r.values.push(value);
    } else r.values[i] = value;
    if (formula !== null || (r.formulas && i < r.formulas.length)) {
      r.formulas ??= [];
      padTo(r.formulas, i + 1, null);
      r.formulas[i] = formula;
    }
    if (format !== null || (r.formats && i < r.formats.length)) {
      r.formats ??= [];
      padTo(r.formats, i + 1, null);
      r.formats[i] = format;
    }
  }

  private grow(n: number): void {
    this.spanned += n;
    if (this.spanned > this.cellsPerSheet) throw WorkbookReadError.tooLarge({ limit: 'cellsPerSheet', allowed: this.cellsPerSheet, sheet: this.sheet });
  }

  /** The row of that number; rows nearly always arrive in order, so the search is for the rare file that does not. */
  private rowOf(row: number, col: number): DenseRow {
    if (this.last && this.last.row === row) return this.last;
    const rows = this.rows;
    let at = rows.length;
    if (at > 0 && (rows[at - 1] as DenseRow).row >= row) {
      at = firstRowFrom(rows, row);
      const found = rows[at];
      if (found && found.row === row) return (this.last = found);
    }
    const r: DenseRow = { row, first: col, values: [], formulas: null, formats: null };
    if (at === rows.length) rows.push(r);
    else rows.splice(at, 0, r);
    return (this.last = r);
  }
}

/** The first row at or below `row` (rows are in row order). */
export function firstRowFrom(rows: readonly DenseRow[], row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((rows[mid] as DenseRow).row < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
