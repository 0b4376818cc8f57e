import { toArabicDigits } from './digits';
import { compareKey } from './text';

/** Fiscal quarter 1..4; the Thai fiscal year starts in October (Q1 = ต.ค.–ธ.ค.). */
export type Quarter = 1 | 2 | 3 | 4;

/** Calendar months 1..12 with full names and the usual abbreviations, whitespace-free. */
const MONTHS: { month: number; names: string[] }[] = [
  { month: 1, names: ['มกราคม', 'ม.ค.'] },
  { month: 2, names: ['กุมภาพันธ์', 'ก.พ.'] },
  { month: 3, names: ['มีนาคม', 'มี.ค.'] },
  { month: 4, names: ['เมษายน', 'เม.ย.'] },
  { month: 5, names: ['พฤษภาคม', 'พ.ค.'] },
  { month: 6, names: ['มิถุนายน', 'มิ.ย.'] },
  { month: 7, names: ['กรกฎาคม', 'ก.ค.'] },
  { month: 8, names: ['สิงหาคม', 'ส.ค.'] },
  { month: 9, names: ['กันยายน', 'ก.ย.'] },
  { month: 10, names: ['ตุลาคม', 'ต.ค.'] },
  { month: 11, names: ['พฤศจิกายน', 'พ.ย.'] },
  { month: 12, names: ['ธันวาคม', 'ธ.ค.'] },
];
const NAME_TO_MONTH = new Map<string, number>();
for (const m of MONTHS) for (const n of m.names) NAME_TO_MONTH.set(n, m.month);
const MONTH_RE = new RegExp(
  [...NAME_TO_MONTH.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/\./g, '\\.')).join('|'),
  'g',
);

export function quarterOfMonth(month: number): Quarter {
  return (Math.floor(((month + 2) % 12) / 3) + 1) as Quarter;
}

/** Position of a month within the fiscal year: October 0 … September 11. */
export function fiscalIndex(month: number): number {
  return (month + 2) % 12;
}

/** Month numbers named in a text, in order of appearance. */
export function monthsIn(text: string): number[] {
  const key = compareKey(toArabicDigits(text));
  return [...key.matchAll(MONTH_RE)].map((m) => NAME_TO_MONTH.get(m[0]) ?? 0).filter((m) => m > 0);
}

export interface Period {
  /** Quarters the text covers, ascending. */
  quarters: Quarter[];
  /** "ภายใน…": the month is a deadline, not the span. */
  deadline: boolean;
  /** "ปีงบประมาณ …" or "ตลอดปี" without months: the whole year. */
  wholeYear: boolean;
}

/**
 * Reads a period text: "เมษายน – มิถุนายน ๒๕๖๖", "ตุลาคม ๒๕๖๕-กันยายน ๒๕๖๖", "ตุลาคม ธันวาคม ๒๕๖๕",
 * "ภายในเดือนมิถุนายน", "ปีงบประมาณ พ.ศ. ๒๕๖๖". The first month named is the start and the last the end.
 * Null when the text names no period.
 */
export function parsePeriod(text: string): Period | null {
  const key = compareKey(text);
  const months = monthsIn(text);
  if (months.length === 0) {
    if (/ปีงบประมาณ|ตลอดปี|ทั้งปี|ตลอดทั้งปี/.test(key)) return { quarters: [1, 2, 3, 4], deadline: false, wholeYear: true };
    return null;
  }
  const deadline = /ภายใน/.test(key);
  const start = fiscalIndex(months[0] as number);
  const end = fiscalIndex(months[months.length - 1] as number);
  const quarters = new Set<Quarter>();
  if (deadline && months.length === 1) {
    quarters.add(quarterOfMonth(months[0] as number));
  } else {
    for (let i = Math.min(start, end); i <= Math.max(start, end); i++) quarters.add((Math.floor(i / 3) + 1) as Quarter);
  }
  return { quarters: [...quarters].sort(), deadline, wholeYear: false };
}
