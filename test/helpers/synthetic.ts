import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/domain/snapshot';
import { toThaiDigits } from '../../src/domain/thai';

export function sheet(name: string, values: CellValue[][], merges: string[] = []): SheetSnapshot {
  return { name, origin: { row: 1, column: 1 }, values, merges };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

/** Thai-digit text with thousands separators, as staff type it: 1651200 → "๑,๖๕๑,๒๐๐". */
export const th = (n: number): string => toThaiDigits(n.toLocaleString('en-US'));

export interface QuarterlyRow {
  no?: number | string;
  name?: string;
  type?: string;
  kpi?: string;
  agency?: string;
  /** [target, budget] per quarter. */
  q?: [CellValue, CellValue][];
  totalTarget?: CellValue;
  totalBudget?: CellValue;
}

const NO_BUDGET = 'ไม่ใช้งบประมาณ';

/** The quarterly template's two header rows (Chiang Mai), with merged group labels. */
export const QUARTERLY_HEADER: CellValue[][] = [
  ['ที่', 'แผนงาน/โครงการ', 'ประเภทของงบประมาณ', 'ตัวชี้วัด', 'หน่วยงาน', 'ไตรมาสที่ ๑', null, 'ไตรมาสที่ ๒', null, 'ไตรมาสที่ ๓', null, 'ไตรมาสที่ ๔', null, 'งบประมาณ ๒๕๖๖', null],
  [null, null, null, null, null, 'เป้าหมาย', 'งบประมาณ', 'เป้าหมาย', 'งบประมาณ', 'เป้าหมาย', 'งบประมาณ', 'เป้าหมาย', 'งบประมาณ', 'เป้าหมายรวม', 'งบประมาณรวม'],
];
export const QUARTERLY_MERGES = ['F1:G1', 'H1:I1', 'J1:K1', 'L1:M1', 'N1:O1', 'A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2'];

export function quarterlyRow(r: QuarterlyRow, i = 0): CellValue[] {
  const q = r.q ?? [['-', '-'], ['-', '-'], ['-', '-'], ['-', '-']];
  return [
    r.no ?? th(i + 1),
    r.name ?? `โครงการทดสอบที่ ${i + 1}`,
    r.type ?? NO_BUDGET,
    r.kpi ?? 'ผู้เข้าร่วมไม่น้อยกว่าร้อยละ ๘๐',
    r.agency ?? 'สำนักงานจังหวัดทดสอบ',
    ...q.flat(),
    r.totalTarget ?? '-',
    r.totalBudget ?? NO_BUDGET,
  ];
}

/** A quarterly plan sheet: header, goal and indicator headings, then the given rows under indicator ๑.๒. */
export function quarterlySheet(rows: (QuarterlyRow | CellValue[])[], name = 'แผนปฏิบัติการ'): SheetSnapshot {
  const values: CellValue[][] = [
    ...QUARTERLY_HEADER,
    ['เป้าหมายที่ ๑ ประชาชนมีวัฒนธรรมและพฤติกรรมซื่อสัตย์สุจริต'],
    ['ตัวชี้วัดที่ ๑.๒ : ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ'],
    ...numberProjects(rows),
  ];
  return sheet(name, values, [...QUARTERLY_MERGES, 'A3:O3', 'A4:O4']);
}

/** Project rows numbered ๑, ๒, … in order (heading rows given as arrays are passed through). */
function numberProjects(rows: (QuarterlyRow | CellValue[])[]): CellValue[][] {
  let n = 0;
  return rows.map((r) => (Array.isArray(r) ? r : quarterlyRow(r, n++)));
}

/**
 * A synthetic quarterly plan of `n` project rows over all indicators, with Thai-digit text figures,
 * repeated headers every 40 rows (page breaks) and a few planted errors. Deterministic.
 */
export function syntheticPlan(n: number): WorkbookSnapshot {
  const codes = ['๑.๑', '๑.๒', '๑.๓', '๒.๑', '๒.๒.๑', '๒.๒.๒', '๒.๓', '๓.๑', '๓.๒'];
  const values: CellValue[][] = [...QUARTERLY_HEADER];
  const perIndicator = Math.ceil(n / codes.length);
  let made = 0;
  for (const code of codes) {
    if (made >= n) break;
    values.push([`ตัวชี้วัดที่ ${code} ข้อความตัวชี้วัด`]);
    for (let k = 0; k < perIndicator && made < n; k++, made++) {
      if (made > 0 && made % 40 === 0) values.push(...QUARTERLY_HEADER);
      const b = 1000 * ((made % 7) + 1);
      const t = (made % 5) + 1;
      const wrong = made % 97 === 3;
      values.push(
        quarterlyRow({
          no: th(k + 1),
          type: 'งบบูรณาการ',
          agency: `สำนักงานทดสอบ ${made % 30}`,
          q: [[`${th(t)} คน`, th(b)], [`${th(t)} คน`, th(b)], ['-', '-'], [`${th(t)} คน`, th(b)]],
          totalTarget: `${th(3 * t)} คน`,
          totalBudget: th(wrong ? 3 * b + 1 : 3 * b),
        }, made),
      );
    }
  }
  return workbook(sheet('แผนปฏิบัติการ', values, QUARTERLY_MERGES));
}
