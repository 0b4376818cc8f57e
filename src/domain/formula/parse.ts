/**
 * A tokenizer and parser for the formulas plan templates use: numbers, strings, references (A1, $A$1, A:A, other
 * sheets, quoted names), ranges, + − × ÷, unary minus, parentheses and function calls. Anything else (names,
 * arrays, &, comparisons, ^, %, 3-D references) is "not parsed": the caller says "not evaluated", never guesses.
 */

/** A cell reference, 1-based; `row` is null for a whole column (A:A). */
export interface CellAt {
  sheet: string | null;
  row: number;
  col: number;
}

export type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'err'; v: string }
  | { k: 'ref'; at: CellAt }
  /** A rectangle; `wholeColumns` when written A:A (rows run to the sheet's last row). */
  | { k: 'range'; sheet: string | null; top: number; left: number; bottom: number; right: number; wholeColumns: boolean }
  | { k: 'neg'; a: Node }
  | { k: 'bin'; op: '+' | '-' | '*' | '/'; a: Node; b: Node }
  | { k: 'call'; name: string; args: Node[] };

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'err'; v: string }
  | { t: 'word'; v: string }
  | { t: 'sheet'; v: string }
  | { t: 'op'; v: string };

export class FormulaSyntaxError extends Error {}

const ERRORS = ['#REF!', '#DIV/0!', '#VALUE!', '#N/A', '#NAME?', '#NUM!', '#NULL!'];

/** Splits a formula (with or without its leading "=") into tokens. */

/** The text of a run quoted with `q` starting at `start` (a doubled quote is one quote inside it), and where it ends. */
function quoted(s: string, start: number, q: string, unterminated: string): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  for (;;) {
    if (i >= s.length) throw new FormulaSyntaxError(unterminated);
    if (s[i] === q) {
      if (s[i + 1] !== q) return { text, end: i + 1 };
      text += q;
      i += 2;
      continue;
    }
    text += s[i];
    i++;
  }
}

export function tokenize(formula: string): Token[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      const q = quoted(s, i, '"', 'unterminated string');
      i = q.end;
      out.push({ t: 'str', v: q.text });
      continue;
    }
    if (ch === "'") {
      // A quoted sheet name: 'แผน ๑'!A1, '' is a quote inside it.
      const q = quoted(s, i, "'", 'unterminated sheet name');
      const v = q.text;
      i = q.end;
      if (s[i] !== '!') throw new FormulaSyntaxError('sheet name without !');
      i++;
      out.push({ t: 'sheet', v });
      continue;
    }
    if (ch === '#') {
      const e = ERRORS.find((x) => s.startsWith(x, i));
      if (!e) throw new FormulaSyntaxError('unknown error literal');
      out.push({ t: 'err', v: e });
      i += e.length;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i));
    if (num && !/^\d+:/.test(s.slice(i))) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    // A word: a function name, a cell, a column or an unquoted sheet name (letters of any script, digits, . _ $).
    // No \p{L}: the pane ships ES2017, which has no Unicode property escapes.
    const word = /^[A-Za-z_$\\\u00C0-\uFFFF][A-Za-z0-9_.$\u00C0-\uFFFF]*|^\$?\d+/.exec(s.slice(i));
    if (word) {
      i += word[0].length;
      if (s[i] === '!') {
        i++;
        out.push({ t: 'sheet', v: word[0] });
      } else out.push({ t: 'word', v: word[0] });
      continue;
    }
    if ('+-*/(),:'.includes(ch)) {
      out.push({ t: 'op', v: ch });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`unsupported character ${ch}`);
  }
  return out;
}

function letters(s: string): number {
  let col = 0;
  for (const ch of s.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?([1-9]\d{0,6})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t !== undefined && t.t === 'op' && t.v === v;
  }

  private expectOp(v: string): void {
    if (!this.isOp(v)) throw new FormulaSyntaxError(`expected ${v}`);
    this.i++;
  }

  formula(): Node {
    const n = this.additive();
    if (this.i < this.tokens.length) throw new FormulaSyntaxError('trailing tokens');
    return n;
  }

  private additive(): Node {
    let a = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.i++] as { v: '+' | '-' }).v;
      a = { k: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Node {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.tokens[this.i++] as { v: '*' | '/' }).v;
      a = { k: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Node {
    if (this.isOp('-')) {
      this.i++;
      return { k: 'neg', a: this.unary() };
    }
    if (this.isOp('+')) {
      this.i++;
      return this.unary();
    }
    return this.primary();
  }

  private primary(): Node {
    const t = this.tokens[this.i++];
    if (!t) throw new FormulaSyntaxError('unexpected end');
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'err':
        return { k: 'err', v: t.v };
      case 'sheet': {
        const w = this.tokens[this.i++];
        if (w?.t === 'err') return { k: 'err', v: w.v };
        if (w?.t !== 'word') throw new FormulaSyntaxError('sheet without a reference');
        return this.reference(t.v, w.v);
      }
      case 'op':
        if (t.v === '(') {
          const n = this.additive();
          this.expectOp(')');
          return n;
        }
        throw new FormulaSyntaxError(`unexpected ${t.v}`);
      case 'word': {
        if (this.isOp('(')) return this.call(t.v);
        const upper = t.v.toUpperCase();
        if (upper === 'TRUE' || upper === 'FALSE') return { k: 'bool', v: upper === 'TRUE' };
        return this.reference(null, t.v);
      }
    }
  }

  private call(raw: string): Node {
    this.i++;
    const name = raw.toUpperCase().replace(/^_XLFN\./, '');
    const args: Node[] = [];
    if (this.isOp(')')) {
      this.i++;
      return { k: 'call', name, args };
    }
    for (;;) {
      args.push(this.additive());
      if (this.isOp(',')) {
        this.i++;
        continue;
      }
      this.expectOp(')');
      return { k: 'call', name, args };
    }
  }

  /** A1, $A$1, A1:B2, A:A; the second half of a range may not name another sheet. */
  private reference(sheet: string | null, first: string): Node {
    if (this.isOp(':')) {
      this.i++;
      const second = this.tokens[this.i++];
      if (second?.t !== 'word') throw new FormulaSyntaxError('range without an end');
      const a = CELL.exec(first);
      const b = CELL.exec(second.v);
      if (a && b) {
        const [r1, c1, r2, c2] = [Number(a[2]), letters(a[1] as string), Number(b[2]), letters(b[1] as string)];
        return { k: 'range', sheet, top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2), wholeColumns: false };
      }
      const ca = COLUMN.exec(first);
      const cb = COLUMN.exec(second.v);
      if (ca && cb) {
        const [c1, c2] = [letters(ca[1] as string), letters(cb[1] as string)];
        return { k: 'range', sheet, top: 1, left: Math.min(c1, c2), bottom: 1_048_576, right: Math.max(c1, c2), wholeColumns: true };
      }
      throw new FormulaSyntaxError('unsupported range');
    }
    const m = CELL.exec(first);
    if (!m) throw new FormulaSyntaxError(`not a reference: ${first}`);
    return { k: 'ref', at: { sheet, row: Number(m[2]), col: letters(m[1] as string) } };
  }
}

/** The syntax tree of a formula; throws FormulaSyntaxError for anything outside the supported subset. */
export function parseFormula(formula: string): Node {
  return new Parser(tokenize(formula)).formula();
}
