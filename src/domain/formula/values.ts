import type { CellValue } from '../snapshot';

/** An Excel error value (#REF!, #DIV/0!, …), or a circular reference among formulas. */
export class FormulaError {
  constructor(readonly code: string) {}
}

/** A value during evaluation: a cell's content, or an error. */
export type Value = CellValue | FormulaError;

/** Thrown for anything outside what the evaluator knows: the result is "not evaluated", never a guess. */
export class NotEvaluated extends Error {}

const ERROR_TEXT = /^#(REF!|DIV\/0!|VALUE!|N\/A|NAME\?|NUM!|NULL!)$/;

/** Hosts hand error cells over as their text ("#REF!"). */
export function cellContent(v: CellValue): Value {
  return typeof v === 'string' && ERROR_TEXT.test(v) ? new FormulaError(v) : v;
}

/** A scalar in arithmetic: empty is 0, TRUE is 1; text is not converted (Excel and LibreOffice differ there). */
export function toNumber(v: Value): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw new NotEvaluated('text in arithmetic');
}

/** ROUND as Excel and LibreOffice do it: half away from zero, after trimming binary noise to 15 digits. */
export function roundHalfAway(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const f = 10 ** Math.abs(d);
  const scaled = d >= 0 ? Math.abs(x) * f : Math.abs(x) / f;
  const r = Math.round(Number(scaled.toPrecision(15)));
  return Math.sign(x) * (d >= 0 ? r / f : r * f);
}
