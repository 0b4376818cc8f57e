/**
 * The Thai vocabulary the engine reads plans by: header synonyms and sub-labels, heading words, total-row words and
 * status words. Matched on whitespace-free keys (compareKey); adding a spelling is a line of data here.
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
  // Asked of every cell while looking for headers: most keys are answered without the pattern.
  if (!key.startsWith('ไตรมาส')) return null;
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

/**
 * Header synonyms, one line each: the first entry whose exact key, prefix or pattern matches gives the role.
 * Keys are whitespace-free (compareKey), so "ประเภทของ งบประมาณ" is "ประเภทของงบประมาณ".
 */
export const HEADER_SYNONYMS: readonly { role: HeaderRole; is?: readonly string[]; startsWith?: readonly string[]; pattern?: RegExp }[] = [
  { role: 'number', is: ['ที่', 'ลำดับ', 'ลำดับที่', 'ข้อ'] },
  { role: 'feature', startsWith: ['ลักษณะสำคัญ'] },
  { role: 'method', startsWith: ['วิธีการดำเนิน', 'วิธีดำเนิน'], is: ['กิจกรรมดำเนินการ'] },
  { role: 'budgetType', pattern: /^(ประเภท|แหล่ง)(ของ|ที่มาของ)?งบ/ },
  { role: 'goalCol', pattern: /^เป้าหมายที่\D*$/ },
  { role: 'indicatorCol', pattern: /^ตัวชี้วัดที่\D*$/ },
  { role: 'count', pattern: /^จำนวน(แผนงาน\/)?โครงการ/ },
  { role: 'kpi', startsWith: ['ตัวชี้วัด', 'ผลผลิต/ตัวชี้วัด'] },
  { role: 'name', pattern: /^(ชื่อ)?(แผนงาน\/?)?(โครงการ|กิจกรรม\/โครงการ|กิจกรรม$)/ },
  { role: 'agency', pattern: /^(หน่วยงาน|ส่วนราชการ|ผู้รับผิดชอบ)/ },
  { role: 'period', startsWith: ['ระยะเวลา'] },
  { role: 'budget', pattern: /^งบประมาณ(?!รวม)/ },
  { role: 'budget', pattern: /^(งบ|จำนวนเงิน|วงเงิน)(\(บาท\))?$/ },
];

function roleOf(key: string): HeaderRole | null {
  for (const s of HEADER_SYNONYMS) {
    if (s.is?.includes(key) || s.startsWith?.some((p) => key.startsWith(p)) || s.pattern?.test(key)) return s.role;
  }
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

/** Heading rows: sub-plan, targets, goal ("เป้าหมายที่ ๑", not a national-strategy "๒.๓"), indicator, a bare code. */
export const HEADING = {
  subPlan: 'แผนย่อย',
  target: 'ค่าเป้าหมาย',
  goal: /^เป้าหมายที่(\d+)(?![.\d])/,
  indicator: /^ตัวชี้วัดที่(\d+(?:\.\d+)+)(?![.\d])/,
  bareCode: /^(\d+\.\d+(?:\.\d+)?)(?![.\d])(.*)$/,
} as const;

/** Total rows: their opening words, what longer labels must mention, and how they name their scope. */
export const TOTAL = {
  opens: /^(รวม|ภาพรวม|ยอดรวม)/,
  longLabel: /โครงการ|งบประมาณ|ทั้งสิ้น|ทั้งหมด|เป้าหมาย|ตัวชี้วัด/,
  count: /(?:จำนวน)?(\d+)(?:โครงการ|กิจกรรม|แผนงาน)/,
  indicator: /ตัวชี้วัดที่(\d+(?:\.\d+)+)/,
  goal: /เป้าหมายที่(\d+)(?![.\d])/,
  plan: /\d+เป้าหมาย|ทั้งสิ้น|ทั้งหมด|ภาพรวม|ทั้งแผน/,
  grand: /^ภาพรวม|ทั้งสิ้น|ทั้งหมด/,
} as const;

/** Summary-table label cells: a goal ("๑", "เป้าหมายที่ ๑") and an indicator ("๑.๒", "ตัวชี้วัดที่ ๑.๒"). */
export const SUMMARY_LABEL = {
  goal: /^(?:เป้าหมายที่)?(\d+)(?![.\d])/,
  indicator: /^(?:ตัวชี้วัดที่)?(\d+(?:\.\d+)+)(?![.\d])/,
} as const;

/** A budget type that names the integrated budget (งบบูรณาการ), as opposed to an agency's own or other sources. */
export const INTEGRATED_BUDGET = 'บูรณาการ';

/** Status rows that separate projects in 6-month and annual reports; they never itemise a project. */
export const STATUS_WORDS: readonly string[] = ['อยู่ระหว่างดำเนินการ', 'ดำเนินการแล้ว', 'ยังไม่ดำเนินการ', 'ดำเนินการเสร็จแล้ว'];
