import { address } from '../base/cells';
import { amountValue, parseAmount } from '../thai';
import { agreeingReading, type ExpectedFigure, type Reading } from '../totals';
import { keyOf, type CellKey, type FormulaBook } from './evaluate';
import { readsOf } from './reads';

/** How a stated figure's formula compares with what the engine expects it to total. */
export interface Judgement {
  /** exact: it totals exactly the cells of one reading; differs: it reads other cells; unknown: not a plain total. */
  status: 'exact' | 'differs' | 'unknown';
  /** The reading it matches, or the closest one. */
  reading: Reading | null;
  figure: ExpectedFigure | null;
  /** Cells of the reading the formula leaves out, cells it reads that the reading does not, cells it counts twice. */
  missing: CellKey[];
  extra: CellKey[];
  twice: CellKey[];
}

const toKey = (s: { sheet: string; cell: { row: number; col: number } }): CellKey => ({ sheet: s.sheet, row: s.cell.row, col: s.cell.col });

/**
 * Compares formulas with expected figures cell by cell. Both sides are brought down to the same leaves: a
 * referenced cell that holds a formula stands for the cells its formula totals (a goal total over indicator
 * subtotals reads the projects under them). A subtotal whose own formula is wrong stands for what it should total
 * (the reading closest to its formula): its error is its own, reported at its cell, not inherited by the totals
 * above it.
 */
export class FormulaJudge {
  /** Figures by stated cell, built on the first question: a workbook without formulas never asks one. */
  private byCellMemo: Map<string, ExpectedFigure[]> | null = null;
  private readonly leafMemo = new Map<string, CellKey[]>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly book: FormulaBook,
    private readonly figures: readonly ExpectedFigure[],
  ) {}

  private get byCell(): Map<string, ExpectedFigure[]> {
    if (this.byCellMemo) return this.byCellMemo;
    const byCell = new Map<string, ExpectedFigure[]>();
    for (const f of this.figures) {
      if (!f.stated) continue;
      const k = keyOf(toKey({ sheet: f.stated.sheet, cell: f.stated.figure.cell }));
      const list = byCell.get(k);
      if (list) list.push(f);
      else byCell.set(k, [f]);
    }
    this.byCellMemo = byCell;
    return byCell;
  }

  /** The figures stated in one cell (a ภาพรวม cell is both its table's total and the plan's). */
  figuresAt(sheet: string, row: number, col: number): ExpectedFigure[] {
    return this.byCell.get(keyOf({ sheet, row, col })) ?? [];
  }

  /** The formula in a stated figure's cell, if any. */
  formulaOf(f: ExpectedFigure): string | null {
    if (!f.stated) return null;
    const c = f.stated.figure.cell;
    return this.book.sheet(f.stated.sheet)?.formula(c.row, c.col) ?? null;
  }

  /** Judges the formula in a cell against every reading of every figure stated there. */
  judgeCell(sheet: string, row: number, col: number): Judgement | null {
    const formula = this.book.sheet(sheet)?.formula(row, col);
    if (!formula) return null;
    const figures = this.figuresAt(sheet, row, col);
    const reads = readsOf(this.book, sheet, formula);
    if (!reads || figures.length === 0) return { status: 'unknown', reading: null, figure: figures[0] ?? null, missing: [], extra: [], twice: [] };
    return this.best(reads, figures);
  }

  private best(reads: CellKey[], figures: readonly ExpectedFigure[]): Judgement {
    let best: Judgement | null = null;
    for (const figure of figures) {
      for (const reading of figure.readings) {
        const d = this.compare(reads, reading, figure.fn === 'COUNTA');
        const size = d.missing.length + d.extra.length + d.twice.length;
        const j: Judgement = { status: size === 0 ? 'exact' : 'differs', reading, figure, ...d };
        if (size === 0) return j;
        if (!best || size < best.missing.length + best.extra.length + best.twice.length) best = j;
      }
    }
    return best as Judgement;
  }

  /**
   * The leaves a cell stands for: what its formula totals; for a stated figure that is typed, not a plain total or
   * wrong, what it should total (the reading its value agrees with, or the one closest to its formula). Memoised;
   * a cycle leaves the cell opaque.
   */
  leaves(c: CellKey): CellKey[] {
    const k = keyOf(c);
    const known = this.leafMemo.get(k);
    if (known) return known;
    const formula = this.book.sheet(c.sheet)?.formula(c.row, c.col);
    const figures = this.figuresAt(c.sheet, c.row, c.col);
    if (this.visiting.has(k)) return [c];
    this.visiting.add(k);
    let out: CellKey[] = [c];
    try {
      const reads = formula ? readsOf(this.book, c.sheet, formula) : null;
      if (reads) {
        out = reads.flatMap((r) => this.leaves(r));
        if (figures.length > 0) {
          const j = this.best(reads, figures);
          if (j.status !== 'exact' && j.reading) out = this.readingLeaves(j.reading);
        }
      } else if (figures.length > 0) {
        const first = figures[0] as ExpectedFigure;
        const reading = figures.map((f) => agreeingReading(f)).find((r) => r !== undefined) ?? first.readings[0];
        if (reading) out = this.readingLeaves(reading);
      }
    } finally {
      this.visiting.delete(k);
    }
    this.leafMemo.set(k, out);
    return out;
  }

  private readingLeaves(r: Reading): CellKey[] {
    return r.cells.flatMap((s) => this.leaves(toKey(s)));
  }

  /** Whether a leaf carries something a total would count: money (non-zero) or, for counts, anything. */
  private weighty(c: CellKey, counts: boolean): boolean {
    const v = this.book.cell(c.sheet, c.row, c.col);
    if (counts) return v !== null && v !== '';
    if (typeof v === 'number') return v !== 0;
    if (typeof v !== 'string') return false;
    return (amountValue(parseAmount(v)) ?? 0) !== 0;
  }

  private compare(reads: CellKey[], reading: Reading, counts: boolean): Pick<Judgement, 'missing' | 'extra' | 'twice'> {
    // Counts compare rows (COUNTA over the name column counts the same projects as over the number column).
    const id = (c: CellKey): string => (counts ? `${c.sheet}!${c.row}` : keyOf(c));
    const expected = new Map<string, number>();
    const expectedCells = reading.cells.map(toKey);
    for (const c of expectedCells) for (const l of this.leaves(c)) expected.set(id(l), (expected.get(id(l)) ?? 0) + 1);
    const got = new Map<string, number>();
    const readLeaves = reads.map((r) => this.leaves(r));
    for (const ls of readLeaves) for (const l of ls) got.set(id(l), (got.get(id(l)) ?? 0) + 1);
    const missing = expectedCells.filter((c) => this.leaves(c).some((l) => !got.has(id(l)) && this.weighty(l, counts)));
    const extra = reads.filter((_, i) => (readLeaves[i] as CellKey[]).some((l) => !expected.has(id(l)) && this.weighty(l, counts)));
    const twice: CellKey[] = [];
    const seen = new Set<string>();
    for (const ls of readLeaves) {
      for (const l of ls) {
        const k = id(l);
        if (seen.has(k) || (got.get(k) ?? 0) <= Math.max(1, expected.get(k) ?? 0) || !this.weighty(l, counts)) continue;
        seen.add(k);
        twice.push(l);
      }
    }
    return { missing: unique(missing), extra: unique(extra), twice };
  }
}

function unique(cells: CellKey[]): CellKey[] {
  return [...new Map(cells.map((c) => [keyOf(c), c])).values()];
}

/** "O12" on the figure's own sheet, "Sheet!O12" elsewhere. */
export function cellName(c: CellKey, from: string): string {
  return c.sheet === from ? address(c.row, c.col) : `${c.sheet}!${address(c.row, c.col)}`;
}
