import { Grid } from '../base/grid';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { parseAddress } from '../base/cells';
import type { ExpectedFigure } from '../totals';
import { CIRCULAR, FormulaBook, type SheetSource } from './evaluate';
import { FormulaJudge } from './judge';
import { FormulaError, NotEvaluated } from './values';

export { CIRCULAR, FormulaBook, keyOf, type CellKey, type Evaluation, type SheetSource } from './evaluate';
export { FormulaJudge, cellName, type Judgement } from './judge';
export { readsOf, conditionalCalls } from './reads';
export { criterion, criterionText } from './criteria';
export { parseFormula, tokenize, FormulaSyntaxError, type Node } from './parse';
export { FormulaError, NotEvaluated, roundHalfAway } from './values';

/** The formula cells without a cached value, by sheet. */
export function uncachedOf(snapshot: WorkbookSnapshot): Map<string, Set<string>> {
  return new Map(snapshot.sheets.filter((s) => (s.uncachedFormulas?.length ?? 0) > 0).map((s) => [s.name, new Set(s.uncachedFormulas)]));
}

/** What an uncached formula cell shows once evaluated: its number or text, an error's code, or empty. */
function shown(book: FormulaBook, sheet: string, row: number, col: number): CellValue {
  try {
    const v = book.cell(sheet, row, col);
    if (v instanceof FormulaError) return v.code === CIRCULAR ? null : v.code;
    return v;
  } catch (e) {
    if (e instanceof NotEvaluated) return null;
    throw e;
  }
}

/**
 * A file saved without cached values (as several generators save) shows nothing in its formula cells: the engine
 * would read every total as empty. Each such cell gets its formula's value, evaluated here; what cannot be
 * evaluated stays empty (and the no-cached-value finding says how many).
 */
export function withEvaluatedFormulas(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const uncached = uncachedOf(snapshot);
  if (uncached.size === 0) return snapshot;
  const book = new FormulaBook(snapshot.sheets.map((s) => new Grid(s)), uncached);
  const sheets = snapshot.sheets.map((s): SheetSnapshot => {
    const cells = uncached.get(s.name);
    if (!cells) return s;
    const values = s.values.map((r) => [...r]);
    for (const a of cells) {
      const p = parseAddress(a);
      if (!p) continue;
      const row = values[p.row - s.origin.row];
      if (row && p.col - s.origin.column >= 0) row[p.col - s.origin.column] = shown(book, s.name, p.row, p.col);
    }
    return { ...s, values };
  });
  return { ...snapshot, sheets };
}

/** The workbook's formulas as the rules and the planner see them: evaluated over its cells, judged against the figures. */
export interface Formulas {
  book: FormulaBook;
  judge: FormulaJudge;
  uncached: ReadonlyMap<string, ReadonlySet<string>>;
}

export function formulasOf(sheets: readonly SheetSource[], uncached: Map<string, Set<string>>, figures: readonly ExpectedFigure[]): Formulas {
  const book = new FormulaBook(sheets, uncached);
  return { book, judge: new FormulaJudge(book, figures), uncached };
}
