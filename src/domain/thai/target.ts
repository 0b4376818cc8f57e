import { memoize } from './memo';
import { compareKey } from './text';

/** Whether a bound qualifier ("ไม่น้อยกว่า", "ไม่เกิน") turns a figure into a minimum or maximum. */
export type Bound = 'min' | 'max' | null;

/** What a target (เป้าหมาย) cell says; only counts with one unit add up across quarters. */
export type Target =
  | { kind: 'none' }
  | { kind: 'count'; value: number; unit: string | null; bound: Bound; parts: number }
  | { kind: 'percent'; value: number; bound: Bound }
  | { kind: 'rate' }
  | { kind: 'text' };

/** Count units seen in plan targets, whitespace-free. Longest first so "ครั้ง" never eats "ครั้งๆ". */
export const COUNT_UNITS = [
  'คน', 'ราย', 'ครั้ง', 'ครอบครัว', 'ครัวเรือน', 'แห่ง', 'หน่วยงาน', 'หน่วย', 'โครงการ', 'กิจกรรม',
  'เรื่อง', 'ประเด็น', 'หลักสูตร', 'สื่อ', 'แผน', 'ชุมชน', 'หมู่บ้าน', 'ตำบล', 'อำเภอ', 'องค์กร',
  'เครือข่าย', 'ศูนย์', 'ศยช.', 'ฉบับ', 'ช่องทาง', 'วัน', 'ชั่วโมง', 'รุ่น', 'ชมรม', 'โรงเรียน',
  'คณะ', 'กลุ่ม', 'ชิ้น', 'เล่ม', 'ป้าย', 'พื้นที่', 'ระบบ', 'ส่วนราชการ', 'อปท.', 'ท่าน', 'รูป',
  'โปสเตอร์', 'ผลงาน', 'บทความ', 'คลิป', 'ช่อง', 'ตอน', 'ข้อ', 'อาคาร', 'สถานศึกษา', 'สำนักงาน',
].sort((a, b) => b.length - a.length);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const COUNT_RE = new RegExp(`(\\d{1,3}(?:,\\d{3})+|\\d+)(${COUNT_UNITS.map(escape).join('|')})`, 'g');
const BARE_NUMBER = /^(\d{1,3}(,\d{3})+|\d+)$/;
const MIN_WORDS = /(ไม่น้อยกว่า|ไม่ต่ำกว่า|ขึ้นไป|อย่างน้อย|มากกว่า)/;
const MAX_WORDS = /(ไม่เกิน|ไม่มากกว่า|ไม่สูงกว่า|น้อยกว่า|ต่ำกว่า)/;
/** Per month / week / day: a rate, which cannot be compared with a yearly or quarterly figure. */
const RATE_WORDS = /(เดือนละ|ต่อเดือน|สัปดาห์ละ|ต่อสัปดาห์|วันละ|ต่อวัน|ทุกเดือน|ทุก\d+เดือน|ทุกวัน|ทุกสัปดาห์)/;
/** A numbered list inside the cell ("๑. … ๒. …"): prose, not a figure. */
const LIST_MARKERS = /(^|[^\d,.])\d{1,2}[.)](?!\d)/g;

function boundOf(key: string): Bound {
  if (MIN_WORDS.test(key) && !/ไม่เกิน/.test(key)) return 'min';
  if (MAX_WORDS.test(key)) return 'max';
  return null;
}

export function parseTarget(value: unknown): Target {
  if (value === null || value === undefined) return { kind: 'none' };
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'text' };
    return value === 0 ? { kind: 'none' } : { kind: 'count', value, unit: null, bound: null, parts: 1 };
  }
  if (typeof value !== 'string') return { kind: 'text' };
  return parseTargetText(value);
}

const parseTargetText = memoize((value: string): Target => {
  // A parenthetical note ("๖๐ คน (เดือนละ ๒๐ คน)") explains the figure; it is not part of it.
  const key = compareKey(value.includes('(') ? value.replace(/\([^)]*\)/g, '') : value);
  if (key === '' || /^[-.]+$/.test(key) || key === '0') return { kind: 'none' };
  if (BARE_NUMBER.test(key)) {
    const n = Number(key.replace(/,/g, ''));
    return Number.isFinite(n) ? { kind: 'count', value: n, unit: null, bound: null, parts: 1 } : { kind: 'text' };
  }
  if ((key.includes('.') || key.includes(')')) && (key.match(LIST_MARKERS) ?? []).length >= 2) return { kind: 'text' };

  if (key.includes('ร้อยละ') || key.includes('%')) {
    const values = [...key.matchAll(/ร้อยละ(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1] ?? m[2]));
    const distinct = new Set(values);
    if (distinct.size !== 1 || !Number.isFinite(values[0])) return { kind: 'text' };
    return { kind: 'percent', value: values[0] as number, bound: boundOf(key) };
  }
  if (RATE_WORDS.test(key)) return { kind: 'rate' };
  if (key.length > 80) return { kind: 'text' };

  const counts = [...key.matchAll(COUNT_RE)].map((m) => ({ value: Number((m[1] ?? '').replace(/,/g, '')), unit: m[2] ?? '' }));
  if (counts.length === 0) return { kind: 'text' };
  const units = new Set(counts.map((c) => c.unit));
  if (units.size !== 1) return { kind: 'text' };
  // Every number in the cell must be one of the counts; otherwise the cell mixes figures we cannot read.
  const numbers = key.match(/\d{1,3}(?:,\d{3})+|\d+/g) ?? [];
  if (numbers.length !== counts.length) return { kind: 'text' };
  const total = counts.reduce((s, c) => s + c.value, 0);
  if (!Number.isFinite(total)) return { kind: 'text' };
  return {
    kind: 'count',
    value: total,
    unit: counts[0]?.unit ?? null,
    bound: boundOf(key),
    parts: counts.length,
  };
});
