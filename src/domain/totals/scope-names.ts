import type { ScopeName } from './figures';

/** Names of what a figure covers, in both languages; the section's is empty (the rows since the last total). */
export const SCOPE = {
  row: { th: 'แถวนี้', en: 'this row' } as ScopeName,
  section: { th: '', en: '' } as ScopeName,
  indicator: (code: string): ScopeName => ({ th: `ตัวชี้วัดที่ ${code}`, en: `indicator ${code}` }),
  goal: (code: string): ScopeName => ({ th: `เป้าหมายที่ ${code}`, en: `goal ${code}` }),
  plan: { th: 'ทั้งแผน', en: 'the whole plan' } as ScopeName,
  agency: (name: string): ScopeName => ({ th: name, en: name }),
  column: {
    integrated: { th: 'งบบูรณาการ', en: 'integrated budget' },
    own: { th: 'งบของส่วนราชการ', en: "agencies' own budget" },
    total: { th: 'งบประมาณรวม', en: 'total budget' },
    any: { th: 'งบประมาณ', en: 'budget' },
  },
};
