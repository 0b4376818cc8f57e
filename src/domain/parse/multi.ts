import type { CellValue } from '../snapshot';
import { compareKey, parseAmount } from '../thai';
import { memoize } from '../thai/memo';
import { STATUS_WORDS } from '../vocabulary';
import type { Grid } from '../base/grid';
import { leadingNumber } from './rows';

/**
 * Cells that hold more than one thing: a name cell listing several numbered projects one per line, a budget cell
 * with one amount per line (or several amounts side by side), and status rows of 6-month and annual reports.
 */

/** One numbered project of a name cell that lists several, with the lines that continue it. */
export interface ListedProject {
  number: number;
  text: string;
}

/**
 * The numbered projects a name cell lists one per line ("๔.กิจกรรม…\n๕.โครงการ…"), or null when it names one project.
 * Lines that do not start with a number continue the item above them; text before the first number is no list.
 */
export function listedProjects(text: string): ListedProject[] | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2 || leadingNumber(lines[0] as string) === null) return null;
  const out: ListedProject[] = [];
  for (const line of lines) {
    const n = leadingNumber(line);
    const last = out.at(-1);
    if (n !== null) out.push({ number: n, text: line });
    else if (last) last.text = `${last.text} ${line}`;
  }
  return out.length >= 2 ? out : null;
}

/** A comma-grouped amount token ("๒๘,๒๐๐", "11,550.50 บาท"): two such tokens side by side are two amounts. */
const GROUPED = /^[0-9๐-๙]{1,3}(,[0-9๐-๙]{3})+(\.[0-9๐-๙]+)?(บาท)?$/;

/**
 * The amounts a budget cell lists, one per line or side by side ("๒๘,๒๐๐  ๑๑,๕๕๐"), or null when it holds one
 * amount (or none, or text). "-" and the no-budget wording count as 0.
 */
export function listedAmounts(raw: CellValue): number[] | null {
  return typeof raw === 'string' ? listedAmountsOf(raw) : null;
}

/** Budget texts repeat down a plan ("-", "ไม่ใช้งบประมาณ", the same amounts): read each once (do not modify the result). */
const listedAmountsOf = memoize((raw: string): number[] | null => {
  let parts = raw.split(/\s*\r?\n\s*|\s{2,}/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length < 2) {
    const single = raw.trim().split(/\s+/);
    if (single.length < 2 || !single.every((t) => GROUPED.test(compareKey(t)))) return null;
    parts = single;
  }
  // "บาท" on a line of its own belongs to the amount above it.
  parts = parts.filter((p) => compareKey(p) !== 'บาท');
  if (parts.length < 2) return null;
  const out: number[] = [];
  for (const p of parts) {
    const a = parseAmount(p);
    if (a.kind === 'amount') out.push(a.value);
    else if (a.kind === 'none') out.push(0);
    else return null;
  }
  return out;
});

const STATUS_KEYS = STATUS_WORDS.map(compareKey);

/** Whether a key is a status word ("อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว (ร้อยละ ๕๐)"). */
export const isStatusKey = (key: string): boolean => STATUS_KEYS.some((w) => key.startsWith(w));

/**
 * A status row: every filled cell is a status word or a dash, and one is a status word.
 * Status rows separate projects (the next agency's projects follow); they never itemise one.
 */
export function isStatusRow(grid: Grid, row: number): boolean {
  let status = false;
  for (const c of grid.filledColumns(row)) {
    const key = grid.key(row, c);
    if (key === '' || /^[-–.]+$/.test(key)) continue;
    if (!isStatusKey(key)) return false;
    status = true;
  }
  return status;
}
