import type { CellValue } from '../../../src/domain/snapshot';
import { toThaiDigits } from '../../../src/domain/thai';
import type { Rng } from './rng';

/** How one generated plan writes numbers: Thai or Arabic digits, amounts as text or as numbers. */
export class Writer {
  constructor(
    private readonly rng: Rng,
    readonly thai: boolean,
  ) {}

  /** Thai or Arabic digits; a Thai-digit plan has the odd Arabic number typed in it too. */
  digits(n: number | string): string {
    return this.thai && !this.rng.chance(0.05) ? toThaiDigits(String(n)) : String(n);
  }

  /** An agency as a narrow column wraps it: spaces inside the name ("สำนักงาน พัฒนาชุมชน จังหวัดเพชรบุรี"). */
  agency(name: string): string {
    if (!this.rng.chance(0.3)) return name;
    return name.replace('สำนักงาน', 'สำนักงาน ').replace('จังหวัด', ' จังหวัด');
  }

  grouped(n: number): string {
    return this.digits(n.toLocaleString('en-US'));
  }

  /** An amount as staff type it: "๑๒,๐๐๐", "12,000 บาท", "๑๒,๐๐๐.-" or a real number. */
  money(n: number): CellValue {
    const form = this.rng.int(0, 5);
    if (form === 0) return n;
    if (form === 1) return `${this.grouped(n)} บาท`;
    if (form === 2) return `${this.grouped(n)}.-`;
    return this.grouped(n);
  }

  /** Several amounts in one cell, one per line or side by side. */
  moneyList(list: number[]): string {
    return list.map((n) => (n === 0 ? '-' : this.grouped(n))).join(this.rng.pick(['\n', '\n', '  ']));
  }

  noBudget(): string {
    return this.rng.pick(['ไม่ใช้งบประมาณ', 'ไม่ใช้ งบประมาณ', '-']);
  }

  number(n: number): CellValue {
    const form = this.rng.int(0, 3);
    if (form === 0) return n;
    if (form === 1) return `${this.digits(n)}.`;
    return this.digits(n);
  }

  /** "๑๒." or "12. " in front of a name. */
  prefix(n: number): string {
    return `${this.digits(n)}.${this.rng.pick(['', ' '])}`;
  }
}

export const PROVINCE = 'เพชรบุรี';

export const AGENCIES = [
  'สำนักงานจังหวัด', 'สำนักงานพัฒนาชุมชนจังหวัด', 'สำนักงานคลังจังหวัด', 'สำนักงานวัฒนธรรมจังหวัด', 'สำนักงานพาณิชย์จังหวัด',
  'สำนักงานคุมประพฤติจังหวัด', 'สำนักงานจัดหางานจังหวัด', 'สำนักงานขนส่งจังหวัด', 'สำนักงานปศุสัตว์จังหวัด',
  'ที่ทำการปกครองจังหวัด', 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด', 'สำนักงานสาธารณสุขจังหวัด',
].map((a) => `${a}${PROVINCE}`);

const KINDS = ['โครงการ', 'กิจกรรม', 'โครงการอบรม', 'กิจกรรมรณรงค์'];
const TOPICS = [
  'ส่งเสริมคุณธรรมจริยธรรมของบุคลากร', 'สร้างความโปร่งใสในการจัดซื้อจัดจ้าง', 'เผยแพร่ข้อมูลข่าวสารแก่ประชาชน',
  'ปลูกจิตสำนึกสุจริตแก่เยาวชน', 'พัฒนาระบบรับเรื่องร้องเรียน', 'ประกาศเจตนารมณ์ต่อต้านการทุจริต', 'ป้องกันผลประโยชน์ทับซ้อน',
  'ใส่เสื้อสีขาวต่อต้านการทุจริต', 'งดรับของขวัญ No Gift Policy', 'เสริมสร้างวัฒนธรรมองค์กรสุจริต',
];
const TAILS = ['เพื่อเสริมสร้างธรรมาภิบาลในองค์กร', 'ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', 'ให้แก่เจ้าหน้าที่และประชาชนในพื้นที่', 'ร่วมกับภาคีเครือข่าย'];

/** A project name that no other row repeats (the serial), in two parts a page break may split. */
export function projectName(rng: Rng, w: Writer, serial: number): { head: string; tail: string } {
  return { head: `${rng.pick(KINDS)}${rng.pick(TOPICS)} รุ่นที่ ${w.digits(serial)}`, tail: rng.pick(TAILS) };
}

export const KPIS = ['ผู้เข้าร่วมไม่น้อยกว่าร้อยละ ๘๐', 'ร้อยละความพึงพอใจของผู้เข้าร่วม', 'จำนวนผู้เข้าร่วมโครงการ', 'หน่วยงานดำเนินการครบทุกแห่ง'];
export const METHODS = ['จัดประชุมชี้แจงและอบรม', 'ประชาสัมพันธ์ผ่านสื่อออนไลน์', 'ลงพื้นที่ติดตามผล', 'จัดทำคู่มือและเผยแพร่'];
export const PERIODS = ['ตุลาคม – ธันวาคม ๒๕๖๕', 'มกราคม – มีนาคม ๒๕๖๖', 'เมษายน – มิถุนายน ๒๕๖๖', 'ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖'];
export const FEATURES = ['ส่งเสริมการมีส่วนร่วมของประชาชน', 'พัฒนาระบบงานตามหลักธรรมาภิบาล', 'ปลูกฝังค่านิยมสุจริต'];
export const STATUS = ['อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้ว', 'ยังไม่ดำเนินการ', 'ดำเนินการเสร็จแล้ว'];

/** Splits an amount into `k` positive parts in hundreds. */
export function split(rng: Rng, total: number, k: number): number[] {
  const units = total / 100;
  const cuts = new Set<number>();
  while (cuts.size < k - 1) cuts.add(rng.int(1, units - 1));
  const points = [0, ...[...cuts].sort((a, b) => a - b), units];
  return points.slice(1).map((p, i) => (p - (points[i] as number)) * 100);
}
