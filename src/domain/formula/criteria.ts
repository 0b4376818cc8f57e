import { FormulaError, NotEvaluated, type Value } from './values';

/** A SUMIF / COUNTIF criterion as a test on a cell's content. */
export type Criterion = (v: Value) => boolean;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** "*" any run, "?" one character, "~" escapes: the wildcards both Excel and LibreOffice apply to xlsx files. */
function pattern(text: string): RegExp {
  let re = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '~' && i + 1 < text.length) re += (text[++i] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '*') re += '[\\s\\S]*';
    else if (ch === '?') re += '[\\s\\S]';
    else re += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'iu');
}

/**
 * A criterion from its argument: a number or TRUE/FALSE matches equal cells; text may open with = <> < > <= >=.
 * Ordering comparisons of text, and criteria from empty or error cells, are not evaluated.
 */
export function criterion(arg: Value): Criterion {
  if (arg instanceof FormulaError || arg === null) throw new NotEvaluated('criterion from an empty or error cell');
  if (typeof arg === 'number') return (v) => typeof v === 'number' && v === arg;
  if (typeof arg === 'boolean') return (v) => v === arg;
  const m = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/.exec(arg) as RegExpExecArray;
  const op = m[1] ?? '=';
  const rest = m[2] ?? '';
  if (NUMBER.test(rest.trim())) {
    const n = Number(rest.trim());
    const cmp = (v: number): boolean =>
      op === '=' ? v === n : op === '<>' ? v !== n : op === '<' ? v < n : op === '>' ? v > n : op === '<=' ? v <= n : v >= n;
    return op === '<>' ? (v) => typeof v !== 'number' || cmp(v) : (v) => typeof v === 'number' && cmp(v);
  }
  if (op !== '=' && op !== '<>') throw new NotEvaluated('ordering comparison of text');
  if (rest === '') return op === '=' ? (v) => v === null || v === '' : (v) => v !== null && v !== '';
  const re = pattern(rest);
  const eq = (v: Value): boolean => typeof v === 'string' && re.test(v);
  return op === '=' ? eq : (v) => !eq(v);
}

/** The text a criterion looks for ("<>งบบูรณาการ" → "งบบูรณาการ"), to suggest the nearest spelling; null for numbers. */
export function criterionText(arg: Value): string | null {
  if (typeof arg !== 'string') return null;
  const rest = arg.replace(/^(<=|>=|<>|<|>|=)/, '');
  return rest === '' || NUMBER.test(rest.trim()) || /[*?~]/.test(rest) ? null : rest;
}
