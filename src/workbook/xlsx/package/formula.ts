/**
 * Moves the relative references of a shared formula from its master cell to another cell of its range
 * (ECMA-376 18.3.1.40): "SUM(G8:M8)" in N8 becomes "SUM(G9:M9)" in N9. Text in quotes, quoted sheet names,
 * structured references in brackets, function names and sheet prefixes are copied as they are; `$` parts stay.
 */
const MAX_COL = 16_384;
const MAX_ROW = 1_048_576;

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)([0-9]{1,7})$/;

/** Letters, digits and the other characters of names and references (non-ASCII: Thai defined names). */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 36 || code === 95 || code === 46 || code === 92 || code > 127
  );
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnNumber(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + ((s.charCodeAt(i) | 32) - 96);
  return n;
}

type Shifted = string | null | 'REF';

function shiftCell(token: string, dr: number, dc: number): Shifted {
  const m = CELL.exec(token);
  if (!m) return null;
  const [, colAbs, colText, rowAbs, rowText] = m as unknown as [string, string, string, string, string];
  let col = columnNumber(colText);
  let row = Number(rowText);
  if (col > MAX_COL || row > MAX_ROW || row < 1) return null;
  if (!colAbs) col += dc;
  if (!rowAbs) row += dr;
  if (col < 1 || col > MAX_COL || row < 1 || row > MAX_ROW) return 'REF';
  return `${colAbs}${letters(col)}${rowAbs}${row}`;
}

function shiftColumn(token: string, dc: number): Shifted {
  const m = COLUMN.exec(token);
  if (!m) return null;
  const [, abs, text] = m as unknown as [string, string, string];
  let col = columnNumber(text);
  if (col > MAX_COL) return null;
  if (!abs) col += dc;
  return col < 1 || col > MAX_COL ? 'REF' : `${abs}${letters(col)}`;
}

function shiftRow(token: string, dr: number): Shifted {
  const m = ROW.exec(token);
  if (!m) return null;
  const [, abs, text] = m as unknown as [string, string, string];
  let row = Number(text);
  if (row < 1 || row > MAX_ROW) return null;
  if (!abs) row += dr;
  return row < 1 || row > MAX_ROW ? 'REF' : `${abs}${row}`;
}

/** The index after a quoted run that starts at `i` (a doubled quote is an escaped one). */
function skipQuoted(f: string, i: number, quote: string): number {
  let j = i + 1;
  while (j < f.length) {
    if (f[j] === quote) {
      if (f[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** The index after the bracket that closes the one at `i` (structured references nest brackets). */
function skipBrackets(f: string, i: number): number {
  let depth = 0;
  for (let j = i; j < f.length; j++) {
    if (f[j] === '[') depth++;
    else if (f[j] === ']' && --depth === 0) return j + 1;
  }
  return f.length;
}

function wordEnd(f: string, i: number): number {
  let j = i;
  while (j < f.length && isWordChar(f.charCodeAt(j))) j++;
  return j;
}

export function shiftFormula(f: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return f;
  let out = '';
  let i = 0;
  while (i < f.length) {
    const ch = f[i] as string;
    if (ch === '"' || ch === "'") {
      const j = skipQuoted(f, i, ch);
      out += f.slice(i, j);
      i = j;
    } else if (ch === '[') {
      const j = skipBrackets(f, i);
      out += f.slice(i, j);
      i = j;
    } else if (isWordChar(f.charCodeAt(i))) {
      const j = wordEnd(f, i);
      const word = f.slice(i, j);
      const next = f[j];
      if (next === '(' || next === '!' || next === '[') {
        out += word;
        i = j;
        continue;
      }
      if (next === ':') {
        const k = wordEnd(f, j + 1);
        const second = f.slice(j + 1, k);
        const after = f[k];
        if (second && after !== '(' && after !== '!' && after !== '[') {
          const range = shiftRange(word, second, dr, dc);
          if (range !== null) {
            out += range;
            i = k;
            continue;
          }
        }
      }
      const cell = shiftCell(word, dr, dc);
      out += cell === null ? word : cell === 'REF' ? '#REF!' : cell;
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

/** A range of cells, whole columns or whole rows; null when the two words are not one of these. */
function shiftRange(a: string, b: string, dr: number, dc: number): string | null {
  for (const shift of [(t: string) => shiftCell(t, dr, dc), (t: string) => shiftColumn(t, dc), (t: string) => shiftRow(t, dr)]) {
    const x = shift(a);
    const y = x === null ? null : shift(b);
    if (x !== null && y !== null) return x === 'REF' || y === 'REF' ? '#REF!' : `${x}:${y}`;
  }
  return null;
}
