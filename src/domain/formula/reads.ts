import type { CellKey, FormulaBook } from './evaluate';
import { FormulaSyntaxError, type Node } from './parse';
import { FormulaError, NotEvaluated } from './values';

/**
 * The cells a formula adds up, when it is a plain total: references and ranges inside SUM, "+" between them,
 * ROUND around them, the matching rows of SUMIF(S), the non-empty cells of COUNTA, the numbers of COUNT and the
 * matching cells of COUNTIF(S). Anything else (−, ×, ÷, a constant other than 0, another function) is not a
 * total of cells: null. A cell may appear more than once (counted twice).
 */
export function readsOf(book: FormulaBook, sheet: string, formula: string): CellKey[] | null {
  const t = book.tree(formula);
  if (t instanceof FormulaSyntaxError) return null;
  try {
    return reads(book, t, sheet, false);
  } catch (e) {
    if (e instanceof NotEvaluated) return null;
    throw e;
  }
}

function reads(book: FormulaBook, n: Node, from: string, inSum: boolean): CellKey[] | null {
  switch (n.k) {
    case 'ref':
      return book.cellsOf(n, from);
    case 'range':
      return inSum ? book.cellsOf(n, from) : null;
    case 'num':
      return n.v === 0 ? [] : null;
    case 'bin':
      if (n.op !== '+') return null;
      return join(reads(book, n.a, from, false), reads(book, n.b, from, false));
    case 'call':
      return callReads(book, n.name, n.args, from);
    default:
      return null;
  }
}

const join = (a: CellKey[] | null, b: CellKey[] | null): CellKey[] | null => (a && b ? [...a, ...b] : null);

function callReads(book: FormulaBook, name: string, args: Node[], from: string): CellKey[] | null {
  switch (name) {
    case 'SUM':
      return args.reduce<CellKey[] | null>((acc, a) => join(acc, reads(book, a, from, true)), []);
    case 'ROUND':
      return args[0] ? reads(book, args[0], from, false) : null;
    case 'COUNTA':
    case 'COUNT': {
      const out: CellKey[] = [];
      for (const a of args) {
        const cells = book.cellsOf(a, from);
        if (!cells) return null;
        for (const c of cells) {
          const v = book.cell(c.sheet, c.row, c.col);
          if (name === 'COUNTA' ? v !== null && v !== '' : typeof v === 'number') out.push(c);
        }
      }
      return out;
    }
    case 'SUMIF':
    case 'SUMIFS':
    case 'COUNTIF':
    case 'COUNTIFS': {
      const m = book.matching(name, args, from);
      return m instanceof FormulaError ? null : m;
    }
    default:
      return null;
  }
}

/** The conditional calls in a formula (SUMIF, SUMIFS, COUNTIF, COUNTIFS), for checking their criteria. */
export function conditionalCalls(book: FormulaBook, formula: string): { name: string; args: Node[] }[] {
  const t = book.tree(formula);
  if (t instanceof FormulaSyntaxError) return [];
  const out: { name: string; args: Node[] }[] = [];
  const walk = (n: Node): void => {
    if (n.k === 'call') {
      if (/^(SUM|COUNT)IFS?$/.test(n.name)) out.push({ name: n.name, args: n.args });
      n.args.forEach(walk);
    } else if (n.k === 'bin') {
      walk(n.a);
      walk(n.b);
    } else if (n.k === 'neg') walk(n.a);
  };
  walk(t);
  return out;
}
