import type { CellValue, SheetSnapshot } from '../snapshot';
import { cellText, compareKey, keyMayBeLabel } from '../thai';
import { parseAddress } from './cells';

export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * `text.trim() === ''`, answered from the first character for nearly every cell (asked of every cell of every row):
 * a printable ASCII character or a Thai one is no white space, so the text is not blank.
 */
function isBlank(text: string): boolean {
  const c = text.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x0e01 && c <= 0x0e5b)) return false;
  return text.trim() === '';
}

/** Read access to a sheet snapshot in sheet coordinates (comparison keys come from compareKey's memo by text). */
export class Grid {
  readonly name: string;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstCol: number;
  readonly lastCol: number;
  readonly merges: MergeArea[];
  /** Merged areas by each row they cover, so finding one is not a scan of all merges. */
  private readonly mergesByRow = new Map<number, MergeArea[]>();
  private readonly snapshot: SheetSnapshot;

  constructor(snapshot: SheetSnapshot) {
    this.snapshot = snapshot;
    this.name = snapshot.name;
    this.firstRow = snapshot.origin.row;
    this.firstCol = snapshot.origin.column;
    this.lastRow = this.firstRow + snapshot.values.length - 1;
    let width = 0;
    const rows = snapshot.values;
    for (let i = 0; i < rows.length; i++) width = Math.max(width, (rows[i] as CellValue[]).length);
    this.lastCol = this.firstCol + width - 1;
    this.merges = snapshot.merges.flatMap((m) => {
      const [a, b] = m.split(':');
      const tl = parseAddress(a ?? '');
      const br = parseAddress(b ?? a ?? '');
      return tl && br ? [{ top: tl.row, left: tl.col, bottom: br.row, right: br.col }] : [];
    });
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
      }
    }
  }

  value(row: number, col: number): CellValue {
    return this.snapshot.values[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  /** The rows' values as the snapshot holds them (each the same array until its row is read again). */
  get rows(): readonly (readonly CellValue[])[] {
    return this.snapshot.values;
  }

  /** A row's values as the snapshot holds them (the same array until the row is read again), for per-row memos. */
  rowValues(row: number): readonly CellValue[] | undefined {
    return this.snapshot.values[row - this.firstRow];
  }

  numberFormat(row: number, col: number): string | null {
    return this.snapshot.numberFormats?.[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  formula(row: number, col: number): string | null {
    return this.snapshot.formulas?.[row - this.firstRow]?.[col - this.firstCol] ?? null;
  }

  text(row: number, col: number): string {
    return cellText(this.value(row, col)).trim();
  }

  /** Whitespace-free comparison key of a cell. */
  key(row: number, col: number): string {
    // No cache per cell: keys are memoised by text, which repeats down a sheet, and a cache per cell held a
    // string for every cell of the workbook for the whole analysis.
    const v = this.value(row, col);
    if (v === null) return '';
    return compareKey(typeof v === 'string' ? v : cellText(v));
  }

  /**
   * The key of a cell that may be a header label (a key of at most `max` characters, or one opening with
   * `first`), else null: other cells' keys are not built.
   */
  labelKey(row: number, col: number, max: number, first: string): string | null {
    const v = this.value(row, col);
    if (typeof v === 'string' && !keyMayBeLabel(v, max, first)) return null;
    return this.key(row, col);
  }

  isEmpty(row: number, col: number): boolean {
    const v = this.value(row, col);
    return v === null || (typeof v === 'string' && isBlank(v));
  }

  private filled: (number[] | undefined)[] = [];

  /**
   * Lets go of the filled columns found so far: they serve the parse's reading of each row, and the grid lives on
   * in the analysis (its formulas read cells) where they were an array for every row (≈ 1.7 MB per 10k rows).
   */
  forgetRowCaches(): void {
    this.filled = [];
  }

  /** Columns of a row that hold something (computed once per row; do not modify the result). */
  filledColumns(row: number): readonly number[] {
    const known = this.filled[row - this.firstRow];
    if (known) return known;
    const out: number[] = [];
    this.filled[row - this.firstRow] = out;
    const r = this.snapshot.values[row - this.firstRow];
    if (!r) return out;
    for (let i = 0; i < r.length; i++) {
      const v = r[i];
      if (v !== null && v !== undefined && !(typeof v === 'string' && isBlank(v))) out.push(this.firstCol + i);
    }
    return out;
  }

  /** The merged area that covers a cell, if any. */
  mergeAt(row: number, col: number): MergeArea | undefined {
    return this.mergesByRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  }
}
