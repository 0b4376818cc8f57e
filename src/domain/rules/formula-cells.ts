import { cellRef, type CellRef } from '../base/cells';
import { conditionalCalls, criterion, criterionText, keyOf, NotEvaluated, type CellKey, type FormulaBook, type Node } from '../formula';
import { compareKey, similarity } from '../thai';
import type { ExpectedFigure } from '../totals';
import type { RuleContext } from './define';

/** A stated figure's cell that holds a formula, with every figure stated there. */
export interface FormulaCell {
  sheet: string;
  cell: CellRef;
  formula: string;
  figures: ExpectedFigure[];
}

/** Three rules ask per check; the answer is the figures' (a totals model is never changed once built). */
const cellsOf = new WeakMap<RuleContext['totals'], FormulaCell[]>();

/** Every stated figure cell with a formula, once each, in model order. */
export function formulaCells(ctx: RuleContext): FormulaCell[] {
  const known = cellsOf.get(ctx.totals);
  if (known) return known;
  const out = new Map<string, FormulaCell>();
  for (const f of ctx.totals.figures) {
    const formula = f.stated?.figure.formula;
    if (!f.stated || !formula) continue;
    const c = f.stated.figure.cell;
    const k = keyOf({ sheet: f.stated.sheet, row: c.row, col: c.col });
    const known = out.get(k);
    if (known) known.figures.push(f);
    else out.set(k, { sheet: f.stated.sheet, cell: cellRef(c.row, c.col), formula, figures: [f] });
  }
  const list = [...out.values()];
  cellsOf.set(ctx.totals, list);
  return list;
}

/** A criterion of a SUMIF(S)/COUNTIF(S) that no cell of its range meets, with the nearest text found there. */
export interface UnmatchedCriterion {
  fn: string;
  criterion: string;
  range: CellKey[];
  nearest: string | null;
}

/** The criteria of a formula's conditional calls that match no cell of their ranges (not-evaluated ones are skipped). */
export function unmatchedCriteria(book: FormulaBook, sheet: string, formula: string): UnmatchedCriterion[] {
  const out: UnmatchedCriterion[] = [];
  for (const call of conditionalCalls(book, formula)) {
    const args = call.name === 'SUMIFS' ? call.args.slice(1) : call.args;
    const pairs: [Node, Node][] = [];
    for (let i = 0; i + 1 < args.length; i += 2) {
      pairs.push([args[i] as Node, args[i + 1] as Node]);
      if (!call.name.endsWith('IFS')) break;
    }
    for (const [rangeNode, critNode] of pairs) {
      try {
        const range = book.cellsOf(rangeNode, sheet);
        if (!range) continue;
        const arg = book.scalar(critNode, sheet);
        const test = criterion(arg);
        if (range.some((c) => test(book.cell(c.sheet, c.row, c.col)))) continue;
        out.push({ fn: call.name, criterion: String(arg), range, nearest: nearestText(book, range, criterionText(arg)) });
      } catch (e) {
        if (!(e instanceof NotEvaluated)) throw e;
      }
    }
  }
  return out;
}

/** The text in a range most like what a criterion looks for (compared without whitespace), if any is close. */
function nearestText(book: FormulaBook, range: CellKey[], wanted: string | null): string | null {
  if (wanted === null) return null;
  const key = compareKey(wanted);
  let best: { text: string; score: number } | null = null;
  const seen = new Set<string>();
  for (const c of range) {
    const v = book.cell(c.sheet, c.row, c.col);
    if (typeof v !== 'string' || seen.has(v)) continue;
    seen.add(v);
    const score = similarity(key, compareKey(v));
    if (score >= 0.6 && (!best || score > best.score)) best = { text: v, score };
  }
  return best?.text ?? null;
}

/** Whether a formula cell's references lead back to itself (it is on a cycle, not merely downstream of one). */
export function onCycle(book: FormulaBook, start: CellKey): boolean {
  const seen = new Set<string>();
  const stack: CellKey[] = [start];
  const startKey = `${start.sheet}!${start.row}:${start.col}`;
  let first = true;
  while (stack.length > 0) {
    const c = stack.pop() as CellKey;
    const k = `${c.sheet}!${c.row}:${c.col}`;
    if (!first && k === startKey) return true;
    first = false;
    if (seen.has(k)) continue;
    seen.add(k);
    const f = book.sheet(c.sheet)?.formula(c.row, c.col);
    const t = f ? book.tree(f) : null;
    if (!t || t instanceof Error) continue;
    const walk = (n: typeof t): void => {
      if (n.k === 'ref' || n.k === 'range') stack.push(...(book.cellsOf(n, c.sheet) ?? []));
      else if (n.k === 'bin') {
        walk(n.a);
        walk(n.b);
      } else if (n.k === 'neg') walk(n.a);
      else if (n.k === 'call') n.args.forEach(walk);
    };
    walk(t);
  }
  return false;
}
