/**
 * A table layout is one entry in the family table (src/domain/parse/families.ts) plus its header words in
 * src/domain/vocabulary.ts; the Family type and the report's enum derive from the table.
 */
import { FAMILIES, FAMILY_NAMES, reportSchema } from '../../src/domain';
import { Grid } from '../../src/domain/base/grid';
import { recogniseHeader } from '../../src/domain/parse/families';
import { HEADER_SYNONYMS, headerRole } from '../../src/domain/vocabulary';
import { QUARTERLY_HEADER, QUARTERLY_MERGES, sheet } from '../helpers/synthetic';

/** One header per family, as the real templates write it. */
const HEADERS: Record<(typeof FAMILIES)[number]['name'], { rows: (string | null)[][]; merges?: string[] }> = {
  quarterly: { rows: QUARTERLY_HEADER as (string | null)[][], merges: QUARTERLY_MERGES },
  'summary-indicator': { rows: [['เป้าหมายที่', 'ตัวชี้วัดที่', 'จำนวนโครงการ/กิจกรรม', 'งบประมาณ']] },
  timeline: {
    rows: [['โครงการ/กิจกรรม', 'วิธีการดำเนินงาน', 'ตัวชี้วัด', 'งบประมาณ', 'ระยะเวลาดำเนินการ', null, null, null, 'หน่วยงานรับผิดชอบ'], [null, null, null, null, 'ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส ๓', 'ไตรมาส ๔', null]],
    merges: ['E1:H1'],
  },
  features: { rows: [['ลักษณะสำคัญของงาน', 'โครงการ/กิจกรรม', 'วิธีการดำเนินงาน', 'ตัวชี้วัด', 'งบประมาณ', 'ระยะเวลาดำเนินการ', 'หน่วยงานรับผิดชอบ']] },
  list: { rows: [['ที่', 'โครงการ/กิจกรรม', 'วิธีการดำเนินงาน', 'ตัวชี้วัด', 'งบประมาณ', 'ระยะเวลาดำเนินการ', 'หน่วยงานรับผิดชอบ']] },
  'summary-agency': { rows: [['ที่', 'หน่วยงาน', 'งบประมาณ (บาท)', null], [null, null, 'งบประมาณตามแผนงานบูรณาการ', 'งบประมาณของส่วนราชการ']], merges: ['C1:D1'] },
};

describe('the family table', () => {
  it('recognises one real header of every family, in table order', () => {
    for (const f of FAMILIES) {
      const h = HEADERS[f.name];
      const grid = new Grid(sheet('s', h.rows, h.merges ?? []));
      expect([f.name, recogniseHeader(grid, 1)?.family]).toEqual([f.name, f.name]);
    }
  });

  it('the report’s family enum is the table plus "unrecognized"', () => {
    expect([...FAMILY_NAMES]).toEqual([...FAMILIES.map((f) => f.name), 'unrecognized']);
    const report = (family: string) => ({ tool: { name: 'plancheck', version: '1' }, file: 'f', sheets: [{ name: 's', family, projects: 0 }], findings: [], stats: { errors: 0, warnings: 0, infos: 0, projects: 0, budget: 0 } });
    expect(reportSchema.safeParse(report('timeline')).success).toBe(true);
    expect(reportSchema.safeParse(report('calendar')).success).toBe(false);
  });

  it('a header synonym is one line of data: every listed spelling gives its role', () => {
    for (const s of HEADER_SYNONYMS) for (const key of [...(s.is ?? []), ...(s.startsWith ?? [])]) expect([key, headerRole(key)]).toEqual([key, s.role]);
  });
});
