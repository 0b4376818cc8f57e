import { toArabicDigits } from './digits';
import { memoize } from './memo';
import { compareKey } from './text';

/** What a budget cell says. */
export type Amount =
  | { kind: 'amount'; value: number; asText: boolean }
  /** No money: "-", "๐", "" or the no-budget wording. `misspelt` marks "ไม่ใช่ งบประมาณ". */
  | { kind: 'none'; form: 'empty' | 'dash' | 'zero' | 'no-budget'; misspelt: boolean; asText: boolean }
  | { kind: 'unreadable'; text: string };

const NO_BUDGET = /^(ไม่ใ[ช][้่]|ไม่มี|ไม่ได้ใช้)งบ(ประมาณ)?$/;
/** Money on a whitespace-free key: digits with commas, optional decimals, optional "บาท" / ".-". */
const MONEY = /^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?(บาท)?(\.-|-)?$/;

export function isNoBudgetText(text: string): boolean {
  return NO_BUDGET.test(compareKey(text));
}

export function parseAmount(value: unknown): Amount {
  if (value === null || value === undefined) return { kind: 'none', form: 'empty', misspelt: false, asText: false };
  if (typeof value === 'number') {
    // NaN and ±Infinity (a broken cell, a formula error read as a number) are never figures.
    if (!Number.isFinite(value)) return { kind: 'unreadable', text: String(value) };
    return value === 0
      ? { kind: 'none', form: 'zero', misspelt: false, asText: false }
      : { kind: 'amount', value, asText: false };
  }
  if (typeof value !== 'string') return { kind: 'unreadable', text: String(value) };
  return parseAmountText(value);
}

const parseAmountText = memoize((value: string): Amount => {
  const key = compareKey(value);
  if (key === '') return { kind: 'none', form: 'empty', misspelt: false, asText: false };
  if (/^[-.]+$/.test(key)) return { kind: 'none', form: 'dash', misspelt: false, asText: true };
  if (NO_BUDGET.test(key)) {
    return { kind: 'none', form: 'no-budget', misspelt: key.startsWith('ไม่ใช่'), asText: true };
  }
  const m = MONEY.exec(key);
  if (m) {
    const n = Number((m[1] ?? '').replace(/,/g, '') + (m[3] ?? ''));
    // Hundreds of digits overflow to Infinity: not an amount anyone wrote.
    if (!Number.isFinite(n)) return { kind: 'unreadable', text: value };
    if (n === 0) return { kind: 'none', form: 'zero', misspelt: false, asText: true };
    return { kind: 'amount', value: n, asText: true };
  }
  return { kind: 'unreadable', text: value };
});

/** The money in an amount (0 for none); null when unreadable. */
export function amountValue(a: Amount): number | null {
  if (a.kind === 'amount') return a.value;
  if (a.kind === 'none') return 0;
  return null;
}

/**
 * An amount written inside a longer text, e.g. a budget type "งบพัฒนาจังหวัด ๑,๖๕๑,๒๐๐ บาท":
 * the last number followed by "บาท". Null when there is none.
 */
export function embeddedBaht(text: string): number | null {
  const t = toArabicDigits(text);
  const re = /(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*บาท/g;
  let last: number | null = null;
  for (let m = re.exec(t); m; m = re.exec(t)) last = Number((m[1] ?? '').replace(/,/g, ''));
  return last;
}
