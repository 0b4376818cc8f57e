/**
 * Header labels, matched on whitespace-free keys (compareKey). Each role lists the ways the real
 * templates spell it; "ประเภทของ งบประมาณ", "ระยะเวลา ดำเนินการ" and the like reduce to one key.
 */
export type HeaderRole =
  | 'number' | 'name' | 'feature' | 'method' | 'budgetType' | 'kpi' | 'agency' | 'budget' | 'period'
  | 'goalCol' | 'indicatorCol' | 'count';

export type SubLabel =
  | { kind: 'target' }
  | { kind: 'budget' }
  | { kind: 'totalTarget' }
  | { kind: 'totalBudget' }
  | { kind: 'quarter'; quarter: number }
  | { kind: 'integrated' }
  | { kind: 'own' };

/** Whether a header cell is short enough to be a label (long cells are titles or data). */
export const MAX_LABEL_LENGTH = 40;

export function quarterOfLabel(key: string): number | null {
  const m = /^ไตรมาส(?:ที่)?([1-4])(?:\(.*\))?$/.exec(key);
  return m ? Number(m[1]) : null;
}

/** Data cells ("-", "๑๒,๐๐๐", "๔ ครั้ง") are never labels: reject them before any pattern. */
const NOT_LABEL = /^[-\d.,]/;

/** Cell values repeat down a sheet ("-", agency names): remember what each key was. A pure memo, bounded. */
const roleMemo = new Map<string, HeaderRole | null>();

export function headerRole(key: string): HeaderRole | null {
  if (key.length === 0 || key.length > MAX_LABEL_LENGTH || NOT_LABEL.test(key)) return null;
  const known = roleMemo.get(key);
  if (known !== undefined) return known;
  if (roleMemo.size > 5000) roleMemo.clear();
  const role = roleOf(key);
  roleMemo.set(key, role);
  return role;
}

function roleOf(key: string): HeaderRole | null {
  if (key === 'ที่' || key === 'ลำดับ' || key === 'ลำดับที่' || key === 'ข้อ') return 'number';
  if (key.startsWith('ลักษณะสำคัญ')) return 'feature';
  if (key.startsWith('วิธีการดำเนิน') || key.startsWith('วิธีดำเนิน') || key === 'กิจกรรมดำเนินการ') return 'method';
  if (/^(ประเภท|แหล่ง)(ของ|ที่มาของ)?งบ/.test(key)) return 'budgetType';
  if (key.startsWith('เป้าหมายที่') && !/\d/.test(key)) return 'goalCol';
  if (key.startsWith('ตัวชี้วัดที่') && !/\d/.test(key)) return 'indicatorCol';
  if (/^จำนวน(แผนงาน\/)?โครงการ/.test(key)) return 'count';
  if (key.startsWith('ตัวชี้วัด') || key.startsWith('ผลผลิต/ตัวชี้วัด')) return 'kpi';
  if (/^(ชื่อ)?(แผนงาน\/?)?(โครงการ|กิจกรรม\/โครงการ|กิจกรรม$)/.test(key)) return 'name';
  if (/^(หน่วยงาน|ส่วนราชการ|ผู้รับผิดชอบ)/.test(key)) return 'agency';
  if (key.startsWith('ระยะเวลา')) return 'period';
  if (/^งบประมาณ(?!รวม)/.test(key) || /^(งบ|จำนวนเงิน|วงเงิน)(\(บาท\))?$/.test(key)) return 'budget';
  return null;
}

export function subLabel(key: string): SubLabel | null {
  if (key.length === 0 || key.length > MAX_LABEL_LENGTH || NOT_LABEL.test(key)) return null;
  const q = quarterOfLabel(key);
  if (q !== null) return { kind: 'quarter', quarter: q };
  if (key === 'เป้าหมาย' || key === 'ค่าเป้าหมาย') return { kind: 'target' };
  if (key === 'เป้าหมายรวม' || key === 'ค่าเป้าหมายรวม') return { kind: 'totalTarget' };
  if (key === 'งบประมาณรวม' || key === 'รวมงบประมาณ' || key === 'รวม') return { kind: 'totalBudget' };
  if (key.includes('บูรณาการ')) return { kind: 'integrated' };
  if (key.includes('ส่วนราชการ') || key.includes('ของหน่วยงาน')) return { kind: 'own' };
  if (key === 'งบประมาณ' || key === 'งบประมาณ(บาท)' || key === 'งบ') return { kind: 'budget' };
  return null;
}
