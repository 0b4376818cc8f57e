import { address } from '../base/cells';
import type { CellValue } from '../snapshot';
import { criterion, type Criterion } from './criteria';
import { FormulaSyntaxError, parseFormula, type Node } from './parse';
import { FormulaError, NotEvaluated, cellContent, roundHalfAway, toNumber, type Value } from './values';

/** What the evaluator needs of a sheet (the domain's Grid has it). */
export interface SheetSource {
  readonly name: string;
  readonly lastRow: number;
  value(row: number, col: number): CellValue;
  formula(row: number, col: number): string | null;
}

/** A cell a formula reads. */
export interface CellKey {
  sheet: string;
  row: number;
  col: number;
}

export type Evaluation =
  | { kind: 'value'; value: number | string | boolean }
  | { kind: 'error'; error: string }
  | { kind: 'not-evaluated'; reason: string };

export const CIRCULAR = 'circular';

export const keyOf = (c: CellKey): string => `${c.sheet}!${address(c.row, c.col)}`;

interface Rect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The formulas of one workbook, evaluated over its cells. A formula cell's value is its cached value, unless it
 * has none (`uncached`) or `recompute` asks for every formula to be evaluated afresh; then its formula is
 * evaluated, each cell once, and a cell met again while it is being evaluated is a circular reference.
 */
export class FormulaBook {
  private readonly sheets = new Map<string, SheetSource>();
  private readonly memo = new Map<string, Value | NotEvaluated>();
  private readonly visiting = new Set<string>();
  private readonly trees = new Map<string, Node | FormulaSyntaxError>();
  private readonly maxRow: number;

  constructor(
    sheets: readonly SheetSource[],
    private readonly uncached: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
    private readonly recompute = false,
  ) {
    for (const s of sheets) this.sheets.set(s.name, s);
    this.maxRow = Math.max(1, ...sheets.map((s) => s.lastRow));
  }

  sheet(name: string): SheetSource | undefined {
    return this.sheets.get(name);
  }

  isUncached(sheet: string, a1: string): boolean {
    return this.uncached.get(sheet)?.has(a1) ?? false;
  }

  /** The parsed formula, cached by its text; a syntax outside the subset is kept as its error. */
  tree(formula: string): Node | FormulaSyntaxError {
    let t = this.trees.get(formula);
    if (t === undefined) {
      try {
        t = parseFormula(formula);
      } catch (e) {
        if (!(e instanceof FormulaSyntaxError)) throw e;
        t = e;
      }
      this.trees.set(formula, t);
    }
    return t;
  }

  /** Evaluates a formula written on `sheet`. */
  evaluate(sheet: string, formula: string): Evaluation {
    try {
      const v = this.top(sheet, formula);
      if (v instanceof FormulaError) return { kind: 'error', error: v.code };
      return { kind: 'value', value: v ?? 0 };
    } catch (e) {
      if (e instanceof NotEvaluated) return { kind: 'not-evaluated', reason: e.message };
      throw e;
    }
  }

  /** A formula cell's own evaluation (its formula, not its cached value), or null when the cell has no formula. */
  evaluateCell(sheet: string, row: number, col: number): Evaluation | null {
    const f = this.sheets.get(sheet)?.formula(row, col);
    if (!f) return null;
    try {
      const v = this.formulaValue(sheet, row, col, f);
      if (v instanceof FormulaError) return { kind: 'error', error: v.code };
      return { kind: 'value', value: v ?? 0 };
    } catch (e) {
      if (e instanceof NotEvaluated) return { kind: 'not-evaluated', reason: e.message };
      throw e;
    }
  }

  /** What a cell holds for other formulas: its value, or its formula's result when it has to be computed. */
  cell(sheet: string, row: number, col: number): Value {
    const s = this.sheets.get(sheet);
    if (!s) return new FormulaError('#REF!');
    const f = s.formula(row, col);
    if (f && (this.recompute || this.isUncached(sheet, address(row, col)))) return this.formulaValue(sheet, row, col, f);
    return cellContent(s.value(row, col));
  }

  private formulaValue(sheet: string, row: number, col: number, formula: string): Value {
    const key = `${sheet}!${address(row, col)}`;
    const known = this.memo.get(key);
    if (known instanceof NotEvaluated) throw known;
    if (known !== undefined) return known;
    if (this.visiting.has(key)) return new FormulaError(CIRCULAR);
    this.visiting.add(key);
    let v: Value | NotEvaluated;
    try {
      v = this.top(sheet, formula);
      // A formula that shows a cell's emptiness shows 0.
      if (v === null) v = 0;
    } catch (e) {
      if (!(e instanceof NotEvaluated)) throw e;
      v = e;
    } finally {
      this.visiting.delete(key);
    }
    this.memo.set(key, v);
    if (v instanceof NotEvaluated) throw v;
    return v;
  }

  private top(sheet: string, formula: string): Value {
    const t = this.tree(formula);
    if (t instanceof FormulaSyntaxError) throw new NotEvaluated(t.message);
    return this.scalar(t, sheet);
  }

  rect(n: Extract<Node, { k: 'range' }>, from: string): Rect {
    const sheet = n.sheet ?? from;
    const bottom = n.wholeColumns ? Math.min(n.bottom, this.sheets.get(sheet)?.lastRow ?? this.maxRow) : n.bottom;
    return { sheet, top: n.top, left: n.left, bottom, right: n.right };
  }

  /** The cells of a reference or range argument, row by row; null for any other argument. */
  cellsOf(n: Node, from: string): CellKey[] | null {
    if (n.k === 'ref') return [{ sheet: n.at.sheet ?? from, row: n.at.row, col: n.at.col }];
    if (n.k !== 'range') return null;
    const r = this.rect(n, from);
    if (!this.sheets.has(r.sheet)) return [];
    const out: CellKey[] = [];
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push({ sheet: r.sheet, row, col });
    return out;
  }

  private refSheetOk(n: Node, from: string): void {
    const s = n.k === 'ref' ? n.at.sheet : n.k === 'range' ? n.sheet : null;
    if (s !== null && !this.sheets.has(s ?? from)) throw new NotEvaluated(`no sheet ${s}`);
  }

  /** A scalar expression's value. */
  scalar(n: Node, from: string): Value {
    switch (n.k) {
      case 'num':
      case 'str':
      case 'bool':
        return n.v;
      case 'err':
        return new FormulaError(n.v);
      case 'ref':
        this.refSheetOk(n, from);
        return this.cell(n.at.sheet ?? from, n.at.row, n.at.col);
      case 'range':
        throw new NotEvaluated('a range outside a function');
      case 'neg': {
        const a = toNumber(this.scalar(n.a, from));
        return a instanceof FormulaError ? a : -a;
      }
      case 'bin': {
        const a = toNumber(this.scalar(n.a, from));
        if (a instanceof FormulaError) return a;
        const b = toNumber(this.scalar(n.b, from));
        if (b instanceof FormulaError) return b;
        if (n.op === '+') return a + b;
        if (n.op === '-') return a - b;
        if (n.op === '*') return a * b;
        return b === 0 ? new FormulaError('#DIV/0!') : a / b;
      }
      case 'call':
        return this.call(n.name, n.args, from);
    }
  }

  private values(n: Node, from: string): { cells: CellKey[] | null; values: Value[] } {
    this.refSheetOk(n, from);
    const cells = this.cellsOf(n, from);
    if (cells) return { cells, values: cells.map((c) => this.cell(c.sheet, c.row, c.col)) };
    return { cells: null, values: [this.scalar(n, from)] };
  }

  private call(name: string, args: Node[], from: string): Value {
    switch (name) {
      case 'SUM':
      case 'COUNT':
      case 'COUNTA':
        return this.aggregate(name, args, from);
      case 'ROUND': {
        if (args.length !== 2) throw new NotEvaluated('ROUND needs 2 arguments');
        const x = toNumber(this.scalar(args[0] as Node, from));
        if (x instanceof FormulaError) return x;
        const d = toNumber(this.scalar(args[1] as Node, from));
        return d instanceof FormulaError ? d : roundHalfAway(x, d);
      }
      case 'SUMIF':
      case 'SUMIFS':
      case 'COUNTIF':
      case 'COUNTIFS': {
        const m = this.matching(name, args, from);
        if (m instanceof FormulaError) return m;
        if (name.startsWith('COUNT')) return m.length;
        let total = 0;
        for (const c of m) {
          const v = this.cell(c.sheet, c.row, c.col);
          if (v instanceof FormulaError) return v;
          if (typeof v === 'boolean') throw new NotEvaluated('TRUE/FALSE in a range');
          if (typeof v === 'number') total += v;
        }
        return total;
      }
      default:
        throw new NotEvaluated(`function ${name}`);
    }
  }

  private aggregate(name: 'SUM' | 'COUNT' | 'COUNTA', args: Node[], from: string): Value {
    let total = 0;
    for (const a of args) {
      const { cells, values } = this.values(a, from);
      for (const v of values) {
        // Excel skips TRUE/FALSE in a range, LibreOffice counts them as 1/0: which one the user sees is unknown.
        if (cells !== null && typeof v === 'boolean' && name !== 'COUNTA') throw new NotEvaluated('TRUE/FALSE in a range');
        if (name === 'COUNTA') total += v === null || v === '' ? 0 : 1;
        else if (name === 'COUNT') total += typeof v === 'number' || (cells === null && typeof v === 'boolean') ? 1 : 0;
        else if (v instanceof FormulaError) return v;
        else if (typeof v === 'number') total += v;
        // Text and TRUE/FALSE in cells are skipped; typed straight into SUM they would be converted.
        else if (cells === null && v !== null) {
          const x = toNumber(v);
          if (x instanceof FormulaError) return x;
          total += x;
        }
      }
    }
    return total;
  }

  /**
   * The cells a conditional function picks: SUMIF/SUMIFS the sum range's cells on matching rows, COUNTIF(S) the
   * first criteria range's. Ranges of different shapes are #VALUE! (SUMIF's sum range takes its criteria range's shape).
   */
  matching(name: string, args: Node[], from: string): CellKey[] | FormulaError {
    const ifs = name.endsWith('IFS');
    const sum = name.startsWith('SUM');
    let target: Node | undefined;
    const pairs: [Node, Node][] = [];
    if (name === 'SUMIF') {
      if (args.length < 2 || args.length > 3) throw new NotEvaluated('SUMIF arguments');
      pairs.push([args[0] as Node, args[1] as Node]);
      target = args[2] ?? args[0];
    } else {
      const rest = ifs && sum ? args.slice(1) : args;
      if (ifs && sum) target = args[0];
      if (rest.length === 0 || rest.length % 2 !== 0 || (!ifs && rest.length !== 2)) throw new NotEvaluated(`${name} arguments`);
      for (let i = 0; i < rest.length; i += 2) pairs.push([rest[i] as Node, rest[i + 1] as Node]);
    }
    const ranges = pairs.map(([r]) => this.shape(r, from));
    const first = ranges[0] as Rect;
    const rows = first.bottom - first.top + 1;
    const cols = first.right - first.left + 1;
    if (ranges.some((r) => r.bottom - r.top + 1 !== rows || r.right - r.left + 1 !== cols)) return new FormulaError('#VALUE!');
    let out: Rect = first;
    if (target) {
      const t = this.shape(target, from);
      if (name === 'SUMIF') out = { sheet: t.sheet, top: t.top, left: t.left, bottom: t.top + rows - 1, right: t.left + cols - 1 };
      else if (t.bottom - t.top + 1 !== rows || t.right - t.left + 1 !== cols) return new FormulaError('#VALUE!');
      else out = t;
    }
    const tests: Criterion[] = pairs.map(([, c]) => criterion(this.scalar(c, from)));
    const picked: CellKey[] = [];
    for (let dr = 0; dr < rows; dr++) {
      for (let dc = 0; dc < cols; dc++) {
        const ok = ranges.every((r, i) => (tests[i] as Criterion)(this.cell(r.sheet, r.top + dr, r.left + dc)));
        if (ok) picked.push({ sheet: out.sheet, row: out.top + dr, col: out.left + dc });
      }
    }
    return picked;
  }

  /** A range argument's rectangle (a single cell is a 1×1 range). */
  private shape(n: Node, from: string): Rect {
    this.refSheetOk(n, from);
    if (n.k === 'ref') return { sheet: n.at.sheet ?? from, top: n.at.row, left: n.at.col, bottom: n.at.row, right: n.at.col };
    if (n.k === 'range') return this.rect(n, from);
    throw new NotEvaluated('a condition over something other than a range');
  }
}
