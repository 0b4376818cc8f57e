import { columnLetters } from '../base/cells';
import type { GeneratedCell, GeneratedSheet } from './types';

/**
 * Excel refuses a formula longer than 8,192 characters. A summary figure over a large plan references every
 * project row (about 0.74 characters a row), so past ~11,000 rows one formula would not fit: its references are
 * split into partial sums that each fit, written into helper columns (hidden, beside the table), and the figure
 * adds them up.
 */
export const MAX_FORMULA = 8000;

/** A generated cell whose formula did not fit: the partial formulas, each within MAX_FORMULA. */
export type LongCell = GeneratedCell & { parts?: string[] };

/** FN(refs…) as one formula, or as several partial ones when one would pass `max` characters (or 255 arguments). */
export function callParts(fn: 'SUM' | 'COUNTA', refs: string[], whole: string, max = MAX_FORMULA): string[] {
  if (whole.length <= max) return [whole];
  const parts: string[] = [];
  let current: string[] = [];
  let length = 0;
  const flush = () => {
    parts.push(`=${fn}(${current.join(',')})`);
    current = [];
    length = 0;
  };
  // "=FN(" + ")" around the arguments, and a comma before each but the first.
  const frame = fn.length + 3;
  for (const r of refs) {
    if (current.length > 0 && (frame + length + 1 + r.length > max || current.length >= 255)) flush();
    length += (current.length > 0 ? 1 : 0) + r.length;
    current.push(r);
  }
  if (current.length > 0) flush();
  return parts;
}

const HELPER = { header: 'ผลรวมย่อย', width: 12, hidden: true } as const;

/**
 * Places the partial formulas of every long cell into helper columns after the sheet's own (hidden, so they
 * neither show nor print), and points the cell at their sum. A sheet without long cells comes back unchanged.
 */
export function withHelperColumns(sheet: GeneratedSheet, firstDataRow: number): GeneratedSheet {
  // The builders return their cells as GeneratedCell; the long ones carry their parts along.
  const g = sheet as Omit<GeneratedSheet, 'rows'> & { rows: LongCell[][] };
  const helpers = Math.max(0, ...g.rows.flatMap((r) => r.map((c) => (c.parts && c.parts.length > 1 ? c.parts.length : 0))));
  const strip = ({ parts: _parts, ...c }: LongCell): GeneratedCell => c;
  if (helpers === 0) return { ...g, rows: g.rows.map((r) => r.map(strip)) };
  let next = g.columns.length;
  const rows: GeneratedCell[][] = g.rows.map((r) => r.map(strip));
  const extra: { row: number; col: number; formula: string }[] = [];
  g.rows.forEach((r, i) =>
    r.forEach((c, j) => {
      if (!c.parts || c.parts.length <= 1) return;
      const cols = c.parts.map((formula) => {
        const col = ++next;
        extra.push({ row: i, col, formula });
        return col;
      });
      const row = firstDataRow + i;
      rows[i]![j] = { ...rows[i]![j]!, formula: `=SUM(${columnLetters(cols[0]!)}${row}:${columnLetters(cols.at(-1)!)}${row})` };
    }),
  );
  const width = next;
  const padded = rows.map((r, i) => {
    const out: GeneratedCell[] = [...r, ...Array.from({ length: width - r.length }, () => ({}))];
    for (const e of extra) if (e.row === i) out[e.col - 1] = { formula: e.formula, value: 0 };
    return out;
  });
  return { ...g, columns: [...g.columns, ...Array.from({ length: width - g.columns.length }, () => ({ ...HELPER }))], rows: padded };
}
