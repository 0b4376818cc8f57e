import type { CellValue } from '../../../src/domain/snapshot';
import type { Rng } from './rng';

/** The table families a plan sheet is generated in, and the column roles each one has. */
export type GenFamily = 'quarterly' | 'timeline' | 'features' | 'list';

export type Role = 'number' | 'name' | 'feature' | 'method' | 'kpi' | 'agency' | 'budget' | 'budgetType' | 'period';

/** Header words per role, as offices spell them (each must mean the role in src/domain/vocabulary.ts). */
const SYNONYMS: Record<Role, string[]> = {
  number: ['ที่', 'ลำดับ', 'ลำดับที่'],
  name: ['โครงการ/กิจกรรม', 'แผนงาน/โครงการ', 'ชื่อโครงการ', 'กิจกรรม/โครงการ', 'โครงการ'],
  feature: ['ลักษณะสำคัญของงาน', 'ลักษณะสำคัญ'],
  method: ['วิธีการดำเนินงาน', 'วิธีดำเนินการ', 'กิจกรรมดำเนินการ'],
  kpi: ['ตัวชี้วัด', 'ตัวชี้วัดโครงการ', 'ผลผลิต/ตัวชี้วัด'],
  agency: ['หน่วยงานรับผิดชอบ', 'หน่วยงาน', 'ส่วนราชการ', 'ผู้รับผิดชอบ', 'หน่วยงานที่รับผิดชอบ'],
  budget: ['งบประมาณ', 'งบประมาณ (บาท)', 'จำนวนเงิน', 'วงเงิน (บาท)', 'งบ'],
  budgetType: ['ประเภทของงบประมาณ', 'แหล่งงบประมาณ', 'แหล่งที่มาของงบประมาณ', 'ประเภทงบประมาณ'],
  period: ['ระยะเวลาดำเนินการ', 'ระยะเวลา'],
};

/** The simple (one-column) roles of each family; number is optional where the number may sit in the name. */
const ROLES: Record<GenFamily, Role[]> = {
  quarterly: ['number', 'name', 'budgetType', 'kpi', 'agency'],
  timeline: ['number', 'name', 'method', 'kpi', 'budget', 'agency'],
  features: ['feature', 'name', 'method', 'kpi', 'budget', 'period', 'agency'],
  list: ['number', 'name', 'kpi', 'budget', 'agency', 'period'],
};

/** Wrapped header text: a space or a line break inside the word, as narrow columns print it. */
function wrap(rng: Rng, text: string): string {
  if (text.length < 4 || !rng.chance(0.3)) return text;
  const at = rng.int(1, text.length - 2);
  // Never split a Thai combining mark from its base character (it would still read, but keep it printable).
  if (/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(text[at] ?? '')) return text;
  return `${text.slice(0, at)}${rng.pick([' ', '\n'])}${text.slice(at)}`;
}

/** Where each role, quarter block and total block sits (0-based columns), and the header rows. */
export interface Layout {
  family: GenFamily;
  width: number;
  col: Partial<Record<Role, number>>;
  /** quarterly: [target, budget] per quarter; timeline: one column per quarter. */
  quarters: number[][];
  totalTarget?: number;
  /** Header rows and their merges (relative to the header's first row, 0-based). */
  header: CellValue[][];
  headerMerges: { r1: number; c1: number; r2: number; c2: number }[];
}

const QUARTER = ['ไตรมาสที่ ๑', 'ไตรมาสที่ ๒', 'ไตรมาสที่ ๓', 'ไตรมาสที่ ๔'];
const QUARTER_SHORT = ['ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส ๓', 'ไตรมาส ๔'];

/** A header in the family with the columns in a random order, random synonyms and wrapped words. */
export function makeLayout(rng: Rng, family: GenFamily, numberColumn: boolean): Layout {
  const roles = rng.shuffle(ROLES[family].filter((r) => r !== 'number' || numberColumn));
  // The number column, where there is one, comes first in most plans but not all.
  if (numberColumn && rng.chance(0.7)) {
    roles.splice(roles.indexOf('number'), 1);
    roles.unshift('number');
  }
  const blockWidth = family === 'quarterly' ? 10 : family === 'timeline' ? 4 : 0;
  const blockAt = blockWidth === 0 ? roles.length : rng.int(Math.min(2, roles.length), roles.length);
  const width = roles.length + blockWidth;
  const twoRows = blockWidth > 0;
  const header: CellValue[][] = twoRows ? [Array(width).fill(null), Array(width).fill(null)] : [Array(width).fill(null)];
  const merges: Layout['headerMerges'] = [];
  const col: Layout['col'] = {};
  const quarters: number[][] = [];
  let totalTarget: number | undefined;
  let c = 0;
  const put = (r: number, at: number, text: string): void => {
    (header[r] as CellValue[])[at] = wrap(rng, text);
  };
  for (let i = 0; i <= roles.length; i++) {
    if (i === blockAt && blockWidth > 0) {
      if (family === 'quarterly') {
        for (let q = 0; q < 4; q++) {
          put(0, c, QUARTER[q] as string);
          put(1, c, 'เป้าหมาย');
          put(1, c + 1, rng.pick(['งบประมาณ', 'งบประมาณ (บาท)']));
          merges.push({ r1: 0, c1: c, r2: 0, c2: c + 1 });
          quarters.push([c, c + 1]);
          c += 2;
        }
        put(0, c, rng.pick(['งบประมาณ ๒๕๖๖', 'รวมทั้งปี']));
        put(1, c, rng.pick(['เป้าหมายรวม', 'ค่าเป้าหมายรวม']));
        put(1, c + 1, rng.pick(['งบประมาณรวม', 'รวมงบประมาณ']));
        merges.push({ r1: 0, c1: c, r2: 0, c2: c + 1 });
        totalTarget = c;
        col.budget = c + 1;
        c += 2;
      } else {
        put(0, c, rng.pick(SYNONYMS.period));
        merges.push({ r1: 0, c1: c, r2: 0, c2: c + 3 });
        for (let q = 0; q < 4; q++) {
          put(1, c + q, rng.pick([QUARTER, QUARTER_SHORT])[q] as string);
          quarters.push([c + q]);
        }
        c += 4;
      }
    }
    const role = roles[i];
    if (!role) continue;
    put(0, c, rng.pick(SYNONYMS[role]));
    if (twoRows) merges.push({ r1: 0, c1: c, r2: 1, c2: c });
    col[role] = c;
    c++;
  }
  return { family, width, col, quarters, ...(totalTarget === undefined ? {} : { totalTarget }), header, headerMerges: merges };
}
