import type { Analysis } from '../analyze';
import type { Figure, SheetModel } from '../model';
import { hasThaiDigit, parseAmount, type Amount, type Target } from '../thai';
import type { Action } from './types';

/**
 * Thai digits (numeral shape 0D) in the Thai locale (041E), default calendar: ๑,๖๕๑,๒๐๐. Excel also accepts
 * [$-D07041E] (Buddhist calendar), but LibreOffice drops that format on import; [$-D00041E] works in both.
 */
export const THAI_DIGITS = '[$-D00041E]';

/**
 * The number format that shows a converted number as the text looked: Thai or Arabic digits, thousands
 * separators or not, decimals, and a trailing "บาท" or ".-".
 */
export function formatLike(raw: string): string {
  const t = raw.trim();
  const decimals = /[.][0-9๐-๙]+/.exec(t.replace(/\.-$/, ''))?.[0].length ?? 0;
  const grouped = /[0-9๐-๙],[0-9๐-๙]{3}/.test(t);
  let f = `${grouped ? '#,##0' : '0'}${decimals > 1 ? `.${'0'.repeat(decimals - 1)}` : ''}`;
  if (/บาท\s*$/.test(t)) f += '" บาท"';
  else if (/\.-\s*$/.test(t)) f += '".-"';
  return `${hasThaiDigit(t) ? THAI_DIGITS : ''}${f}`;
}

/**
 * The format for a formula written over a stated figure: as the text looked, and where it said "-" (or no
 * budget) a zero still shows as "-".
 */
export function formatFor(before: unknown): string | undefined {
  if (typeof before !== 'string') return undefined;
  const t = before.trim();
  if (/^[0-9๐-๙,.\s]+(บาท)?\s*(\.-)?$/.test(t) && /[0-9๐-๙]/.test(t)) return formatLike(t);
  return `${THAI_DIGITS}#,##0;-#,##0;"-"`;
}

/** Every figure cell the engine reads as an amount or a count, in the sheet's models. */
function numericFigures(model: SheetModel): Figure<Amount | Target>[] {
  const out: Figure<Amount | Target>[] = [];
  for (const p of model.plan?.projects ?? []) {
    out.push(...[p.budget, ...p.quarterBudgets].filter((f): f is Figure<Amount> => f !== null));
    out.push(...[p.totalTarget, ...p.quarterTargets].filter((f): f is Figure<Target> => f !== null));
  }
  for (const t of model.plan?.totals ?? []) out.push(...Object.values(t.amounts).filter((f): f is Figure<Amount> => f !== undefined));
  for (const s of model.summaries) {
    if (s.kind === 'agency') for (const r of s.rows) out.push(...r.amounts.map((a) => a.figure));
    else for (const r of s.rows) out.push(...[r.count, r.budget].filter((f): f is Figure<Amount> => f !== null));
  }
  return out;
}

/** The number a text cell holds, if it is a plain amount or count ("๑,๒๐๐", "๒๐๐๐ บาท", "๐", "๑๒๐"). */
function textNumber(f: Figure<Amount | Target>): number | null {
  if (typeof f.raw !== 'string') return null;
  const v = f.value;
  // A cell listing several amounts ("๒๘,๒๐๐\n๑๑,๕๕๐") is read as their sum but is no one number to write.
  if (v.kind === 'amount' && v.asText) return parseAmount(f.raw).kind === 'amount' ? v.value : null;
  if (v.kind === 'none' && 'form' in v && v.form === 'zero' && v.asText) return 0;
  // A bare count target ("๑๒๐") is a number; targets with units ("๑๒๐ คน") stay text.
  if (v.kind === 'count' && v.unit === null && v.bound === null && /^[\s0-9๐-๙,]+$/.test(f.raw)) return v.value;
  return null;
}

/**
 * "แปลงตัวเลข": each amount or count cell holding a number as text becomes a real number whose format still
 * shows it the same way. "ไม่ใช้งบประมาณ", "-" and targets with units stay text.
 */
export function planNumbers(analysis: Analysis): Extract<Action, { kind: 'set-number' }>[] {
  const out: Extract<Action, { kind: 'set-number' }>[] = [];
  for (const model of analysis.models) {
    const seen = new Set<string>();
    for (const f of numericFigures(model)) {
      const value = textNumber(f);
      if (value === null || seen.has(f.cell.address)) continue;
      seen.add(f.cell.address);
      const before = f.raw as string;
      out.push({ kind: 'set-number', sheet: model.name, cell: f.cell.address, value, format: formatLike(before), before });
    }
  }
  return out;
}
