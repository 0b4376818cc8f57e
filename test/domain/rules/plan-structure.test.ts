import { analyze } from '../../../src/domain/analyze';
import type { CellValue } from '../../../src/domain/snapshot';
import { workbookTitle } from '../../../src/domain/title';
import { quarterlySheet, sheet, workbook } from '../../helpers/synthetic';

const FEATURES_HEADER = ['ลักษณะสำคัญของงาน', 'โครงการ/กิจกรรม', 'วิธีการดำเนินงาน', 'ตัวชี้วัด', 'งบประมาณ', 'ระยะเวลา ดำเนินการ', 'หน่วยงานรับผิดชอบ'];
const W = 'A:G';
const title = (text: string): CellValue[] => [text, null, null, null, null, null, null];
const row = (b: string, e: CellValue, a: CellValue = null): CellValue[] => [a, b, 'ดำเนินการ', 'ผู้เข้าร่วม ๕๐ คน', e, 'มกราคม – มีนาคม ๒๕๖๖', 'สำนักงานทดสอบ'];

/** A features-family sheet (Narathiwat's template) with merged headings. */
function featuresSheet(rows: CellValue[][]) {
  const values = [title('เป้าหมายที่ ๑ : ประชาชนมีวัฒนธรรมและพฤติกรรมซื่อสัตย์สุจริต'), FEATURES_HEADER, ...rows];
  const merges = values.flatMap((r, i) => (r.slice(1).every((c) => c === null) ? [`A${i + 1}:G${i + 1}`.replace('A:G', W)] : []));
  return sheet('แผน', values, merges);
}
const codesOf = (values: CellValue[][]) => analyze(workbook(featuresSheet(values))).findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}:${f.severity}:${f.cell}`);

describe('subtotal-mismatch and count-mismatch on total rows', () => {
  const rows = (count: string, budget: string): CellValue[][] => [
    title('ตัวชี้วัดที่ ๑.๒ : ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ'),
    row('๑.โครงการหลัก', null),
    row('กิจกรรมย่อย ก', '๓๐,๕๐๐ บาท'),
    row('กิจกรรมย่อย ข', '๖๑,๐๐๐ บาท'),
    row('๒.โครงการที่สอง', '๑๐,๐๐๐ บาท'),
    [`รวมจำนวน ${count} โครงการ/กิจกรรม`, null, null, null, budget, null, null],
  ];
  it('counts numbered projects only and adds sub-activity budgets to their parent', () => {
    expect(codesOf(rows('๒', '๑๐๑,๕๐๐'))).toEqual([]);
  });
  it('errs on a stated budget or count that no scope adds up to', () => {
    expect(codesOf(rows('๓', '๑๐๑,๕๐๐'))).toEqual(['count-mismatch:error:A8']);
    expect(codesOf(rows('๒', '๑๐๐,๐๐๐'))).toEqual(['subtotal-mismatch:error:E8']);
  });
  it('a label that names its indicator is checked against that indicator only', () => {
    const r = rows('๒', '๑๐๑,๕๐๐');
    r[5] = ['รวมงบประมาณตามตัวชี้วัดที่ ๑.๓', null, null, null, '๑๐๑,๕๐๐', null, null];
    expect(codesOf(r)).toEqual(['subtotal-mismatch:error:E8']);
  });
  it('warns when a project budget and its itemised sub-activities disagree', () => {
    const r = rows('๒', '๑๐๐,๐๐๐');
    r[1] = row('๑.โครงการหลัก', '๙๐,๐๐๐ บาท');
    expect(codesOf(r)).toContain('itemisation-mismatch:warning:E4');
  });
});

describe('row-shifted', () => {
  it('reads a row pushed one column left and says so', () => {
    const shifted: CellValue[] = ['๑.โครงการเลื่อน', 'วิธีการ', 'ตัวชี้วัด', '๕,๐๐๐ บาท', 'มกราคม ๒๕๖๖', 'สำนักงานทดสอบ', null];
    const a = analyze(workbook(featuresSheet([title('ตัวชี้วัดที่ ๑.๒ : ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ'), shifted])));
    expect(a.findings.map((f) => f.code)).toContain('row-shifted');
    expect(a.stats).toMatchObject({ projects: 1, budget: 5000 });
  });
});

describe('numbering', () => {
  const ind = (code: string): CellValue[] => [`ตัวชี้วัดที่ ${code} ข้อความ`];
  it('detects numbering per indicator and flags a jump', () => {
    const s = quarterlySheet([{ no: '๑' }, ind('๑.๓'), { no: '๑' }, { no: '๔' }]);
    expect(analyze(workbook(s)).findings.filter((f) => f.code.startsWith('numbering')).map((f) => `${f.code}:${f.cell}`)).toEqual(['numbering-gap:A8']);
  });
  it('detects numbering per goal and flags a number used twice', () => {
    const s = quarterlySheet([{ no: '๑' }, { no: '๒' }, ind('๑.๓'), { no: '๓' }, { no: '๒' }]);
    expect(analyze(workbook(s)).findings.filter((f) => f.code.startsWith('numbering')).map((f) => `${f.code}:${f.cell}`)).toEqual(['numbering-duplicate:A9']);
  });
});

describe('duplicate-row', () => {
  it('flags a row that repeats another in every cell but its number', () => {
    const same = { name: 'มีการประชุมสำนักงานทุกไตรมาส', totalTarget: '๓๕ คน' };
    const f = analyze(workbook(quarterlySheet([{ ...same, no: '๑' }, { ...same, no: '๒' }]))).findings;
    expect(f.map((x) => `${x.code}:${x.cell}`)).toEqual(['duplicate-row:B6']);
  });
});

describe('headings', () => {
  it('errs on an indicator that does not exist and warns on drifted wording', () => {
    const s = quarterlySheet([{}, ['ตัวชี้วัดที่ ๑.๔ : ไม่มีในแผน'], {}, ['๒.๒.๑ จำนวนข้อร้องเรียนเจ้าหน้าที่ภาครัฐที่ถูกขู่ลู่เรื่องวินัย (ทุจริต)'], {}]);
    const f = analyze(workbook(s)).findings.map((x) => `${x.code}:${x.severity}:${x.row}`);
    expect(f).toContain('indicator-unknown:error:6');
    expect(f).toContain('indicator-text-drift:warning:8');
    expect(f).toContain('missing-goal-heading:warning:8');
  });
  it('a section number such as "๓.๑ แผนงาน/โครงการ…" is not an indicator heading', () => {
    const s = quarterlySheet([{}, ['๓.๑ แผนงาน/โครงการ/กิจกรรมตามแผนงานบูรณาการต่อต้านการทุจริต'], {}]);
    expect(analyze(workbook(s)).findings).toEqual([]);
  });
  it('stacked sibling headings over one table make the indicator ambiguous', () => {
    const s = quarterlySheet([['ตัวชี้วัดที่ ๑.๓ ร้อยละของหน่วยงานที่ผ่านเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)'], {}]);
    const a = analyze(workbook(s));
    expect(a.findings.map((x) => `${x.code}:${x.row}`)).toEqual(['indicator-ambiguous:5']);
    expect(a.models[0]?.plan?.projects[0]).toMatchObject({ goal: '1', indicator: null });
  });
  it('projects with no indicator heading are noted', () => {
    const values: CellValue[][] = [FEATURES_HEADER, row('๑.โครงการ', '-')];
    // Without a fiscal year anywhere, the newest plan period is assumed, and said so.
    expect(analyze(workbook(sheet('แผน', values))).findings.map((f) => f.code)).toEqual(['plan-period-assumed', 'missing-indicator-heading']);
  });
});

describe('sheet-unrecognized', () => {
  it('says once that a sheet matches no known table, and never crashes', () => {
    const a = analyze(workbook(sheet('หมายเหตุ', [['บันทึก'], ['ข้อความอื่น', 3]])));
    expect(a.findings).toEqual([expect.objectContaining({ code: 'sheet-unrecognized', severity: 'info', cell: 'A1' })]);
    expect(analyze(workbook(sheet('ว่าง', [])))).toMatchObject({ findings: [], sheets: [{ family: 'unrecognized' }] });
  });
});

describe('total rows under one project', () => {
  it('a รวม row right under a project\'s sub-activities may total that project alone', () => {
    const r: CellValue[][] = [
      title('ตัวชี้วัดที่ ๑.๒ : ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ'),
      row('๑.โครงการแรก', '๕,๐๐๐ บาท'),
      row('๒.โครงการหลัก', null),
      row('กิจกรรมย่อย ก', '๓๐,๕๐๐ บาท'),
      row('กิจกรรมย่อย ข', '๖๑,๐๐๐ บาท'),
      ['รวม', null, null, null, '๙๑,๕๐๐', null, null],
    ];
    expect(codesOf(r)).toEqual([]);
  });
});

describe('province-mismatch and the plan title', () => {
  it('flags a cell naming another province once the plan\'s own province is clear', () => {
    const s = quarterlySheet([
      { agency: 'สำนักงานจังหวัดนราธิวาส' }, { agency: 'สำนักงานพัฒนาชุมชนจังหวัด นราธิวาส' }, { agency: 'สำนักงานคลังจังหวัดนราธิวาส' },
      { agency: 'สำนักงานสาธารณสุขจังหวัดนครราชสีมา' },
    ]);
    const f = analyze(workbook(s)).findings.filter((x) => x.code === 'province-mismatch');
    expect(f.map((x) => `${x.cell}:${x.actual}`)).toEqual(['E8:นครราชสีมา']);
    // The year comes from the budget column's label ("งบประมาณ ๒๕๖๖").
    expect(workbookTitle(workbook(s))).toBe('จังหวัดนราธิวาส ปีงบประมาณ พ.ศ. ๒๕๖๖');
  });
  it('says nothing when no province clearly dominates', () => {
    const s = quarterlySheet([{ agency: 'สำนักงานจังหวัดนราธิวาส' }, { agency: 'สำนักงานจังหวัดนครราชสีมา' }]);
    expect(analyze(workbook(s)).findings.filter((x) => x.code === 'province-mismatch')).toEqual([]);
  });
});

describe('one sheet, two table layouts', () => {
  it('reads the rows under a later header of another family into the same plan', () => {
    const values: CellValue[][] = [
      title('ตัวชี้วัดที่ ๑.๒ : ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ'),
      FEATURES_HEADER,
      row('๑.โครงการแรก', '๕,๐๐๐ บาท'),
      ['โครงการ/กิจกรรม', 'วิธีการดำเนินงาน', 'ตัวชี้วัด', 'งบประมาณ (บาท)', 'หน่วยงานรับผิดชอบ'],
      ['๒. โครงการที่สอง', 'อบรม', 'ร้อยละ ๘๐', '๗,๐๐๐', 'สำนักงานทดสอบ'],
    ];
    const a = analyze(workbook(sheet('แผน', values)));
    expect(a.stats).toMatchObject({ projects: 2, budget: 12000 });
  });
});

describe('third-level numbers', () => {
  it('"๒.๒.๓" beside ๒.๒.๑/๒.๒.๒ is an unknown indicator; "๑.๒.๑" is an item number, not a heading', () => {
    const s = quarterlySheet([{}, ['๒.๒.๓ จำนวนข้อร้องเรียนเจ้าหน้าที่รัฐที่ถูกชี้มูลอื่น ๆ ลดลง'], {}, ['๑.๒.๑ ส่งเสริมการมีส่วนร่วมของประชาชน'], {}]);
    const f = analyze(workbook(s)).findings.filter((x) => x.code.startsWith('indicator'));
    expect(f.map((x) => `${x.code}:${x.row}`)).toEqual(['indicator-unknown:6']);
  });
});

describe('quarterly plans with total rows', () => {
  const q = (b1: string, b2: string): [string, string][] => [['-', b1], ['-', b2], ['-', '-'], ['-', '-']];
  const projects = [
    { type: 'งบบูรณาการ', q: q('๑,๐๐๐', '๒,๐๐๐'), totalBudget: '๓,๐๐๐' },
    { type: 'งบบูรณาการ', q: q('๕๐๐', '-'), totalBudget: '๕๐๐' },
  ];
  const total = (q1: string, q2: string, all: string): CellValue[] => [null, 'รวมตัวชี้วัดที่ ๑.๒ จำนวน ๒ โครงการ', null, null, null, null, q1, null, q2, null, '-', null, '-', null, all];
  it('checks each quarter column and the total of an indicator total row', () => {
    expect(analyze(workbook(quarterlySheet([...projects, total('๑,๕๐๐', '๒,๐๐๐', '๓,๕๐๐')]))).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const wrong = analyze(workbook(quarterlySheet([...projects, total('๑,๕๐๐', '๒,๕๐๐', '๓,๕๐๐')]))).findings.filter((f) => f.severity === 'error');
    expect(wrong.map((f) => `${f.code}:${f.cell}:${f.expected}`)).toEqual(['subtotal-mismatch:I7:2000']);
  });
});
