import { analyze, planMarks, planNumbers, planSummaries, reportSchema, toReport, type Analysis } from '../../src/domain';
import type { CellValue } from '../../src/domain/snapshot';
import { sheet, workbook } from '../helpers/synthetic';

/** A list-family plan (ที่ / โครงการ / งบประมาณ / หน่วยงาน) under goal ๑, indicator ๑.๒. */
const HEADER: CellValue[] = ['ที่', 'โครงการ', 'งบประมาณ', 'หน่วยงาน'];
const A = 'สำนักงานพัฒนาชุมชนจังหวัดเพชรบุรี';
const B = 'สำนักงานคลังจังหวัดเพชรบุรี';
const C = 'สำนักงานวัฒนธรรมจังหวัดเพชรบุรี';
const ind = (code: string): CellValue[] => [`ตัวชี้วัดที่ ${code} : ข้อความตัวชี้วัด`];

function plan(rows: CellValue[][], merges: string[] = []): Analysis {
  const values: CellValue[][] = [
    ['แผนปฏิบัติการป้องกันและปราบปรามการทุจริต จังหวัดเพชรบุรี ประจำปีงบประมาณ พ.ศ. ๒๕๖๖', null, null, null],
    HEADER,
    ['เป้าหมายที่ ๑ ประชาชนมีวัฒนธรรมและพฤติกรรมซื่อสัตย์สุจริต'],
    ['ตัวชี้วัดที่ ๑.๒ : ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ'],
    ...rows,
  ];
  return analyze(workbook(sheet('แผน', values, ['A1:D1', ...merges])));
}
const readingOf = (a: Analysis) => a.sheets[0]?.reading;
const codes = (a: Analysis) => a.findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}:${f.severity}:${f.cell}`);
const row = (no: CellValue, name: string, budget: CellValue, agency: CellValue = A): CellValue[] => [no, name, budget, agency];

describe('status rows', () => {
  const under = (status: boolean) => plan([
    row('๑', 'โครงการหลัก', '๑๐,๐๐๐'),
    ...(status ? [[null, 'อยู่ระหว่างดำเนินการ', '-', null]] : []),
    row(null, 'กิจกรรมที่ไม่มีลำดับ', '๑๐,๐๐๐'),
  ]);
  it('a row under a project whose amount equals it itemises it', () => {
    const a = under(false);
    expect(a.stats).toMatchObject({ projects: 1, budget: 10000 });
    expect(readingOf(a)).toMatchObject({ itemisations: 1, statusRows: 0, notUnderstood: [] });
  });
  it('after a status row the same row is no breakdown: the status row separates projects and is none itself', () => {
    const a = under(true);
    expect(a.stats).toMatchObject({ projects: 1, budget: 20000 });
    expect(readingOf(a)).toMatchObject({ itemisations: 0, statusRows: 1, notUnderstood: [7] });
  });
});

describe('itemisations decided by arithmetic', () => {
  it('the rows that add up to the project itemise it; the rows after them are projects of their own', () => {
    const a = plan([row('๑', 'โครงการหลัก', '๓๐,๐๐๐'), row(null, '- ย่อย ก', '๑๐,๐๐๐'), row(null, '- ย่อย ข', '๒๐,๐๐๐'), row(null, 'กิจกรรมอื่น', '๕,๐๐๐')]);
    expect(a.stats).toMatchObject({ projects: 2, budget: 35000 });
    expect(a.models[0]?.plan?.projects.map((p) => p.reading ?? '')).toEqual(['', 'itemisation', 'itemisation', 'separate']);
    expect(codes(a)).toEqual([]);
  });
  it("another agency's money row under a project is that agency's project, not a breakdown", () => {
    const a = plan([row('๑', 'โครงการหลัก', '๓๐,๐๐๐'), row(null, 'โครงการของหน่วยงานอื่น', '๓๐,๐๐๐', B)]);
    expect(a.stats).toMatchObject({ projects: 2, budget: 60000 });
  });
  it('rows that look like a breakdown but do not add up are reported, and the project counts its own amount', () => {
    const a = plan([row('๑', 'โครงการหลัก', '๓๐,๐๐๐'), row(null, '- ย่อย ก', '๑๐,๐๐๐'), row(null, '- ย่อย ข', '๑๕,๐๐๐')]);
    expect(a.stats).toMatchObject({ projects: 1, budget: 30000 });
    expect(codes(a)).toEqual(['itemisation-mismatch:warning:C5']);
    expect(readingOf(a)?.unconfirmedItemisations).toBe(1);
  });
});

describe('several projects in one cell', () => {
  it('splits a name cell listing numbered projects into items with the amounts of the budget cell, one per line', () => {
    const a = plan([
      row('๑', 'โครงการ ก', '๑,๐๐๐'), row('๒', 'โครงการ ข', '๒,๐๐๐'), row('๓', 'โครงการ ค', '๓,๐๐๐'),
      row(null, '๔.กิจกรรมรณรงค์\n๕.โครงการอบรม', '๒๘,๒๐๐\n๑๑,๕๕๐'),
      row('๖', 'โครงการ ง', '๑๐๐'),
    ]);
    expect(a.stats).toMatchObject({ projects: 6, budget: 1000 + 2000 + 3000 + 28200 + 11550 + 100 });
    expect(codes(a)).toEqual([]);
    expect(readingOf(a)).toMatchObject({ multiProjectCells: 1, numberingFit: 1, notUnderstood: [] });
    // The listed cell is no one number: แปลงตัวเลข leaves it as it is.
    expect(planNumbers(a).map((n) => n.cell)).not.toContain('C8');
  });
  it('a listing whose budget cell has another number of amounts is noted as not understood', () => {
    const a = plan([row('๑', '๑.กิจกรรม ก\n๒.กิจกรรม ข\n๓.กิจกรรม ค', '๑๐,๐๐๐\n๒๐,๐๐๐')]);
    expect(a.stats.projects).toBe(3);
    expect(readingOf(a)?.notUnderstood).toEqual([5]);
  });
  it('adds the amounts written side by side in one project\'s budget cell ("๒๘,๒๐๐  ๑๑,๕๕๐" is 39,750)', () => {
    const a = plan([row('๑', 'โครงการเดียว', '๒๘,๒๐๐  ๑๑,๕๕๐'), [null, 'รวม', '๓๙,๗๕๐', null]]);
    expect(a.stats).toMatchObject({ projects: 1, budget: 39750 });
    expect(codes(a)).toEqual([]);
    expect(readingOf(a)?.inCellBreakdowns).toBe(1);
  });
});

describe('numbering inferred per sheet', () => {
  it('per agency: each agency numbers its own projects from 1, written once in a merged cell', () => {
    const a = plan(
      [row('๑', 'ก', '๑๐๐'), row('๒', 'ข', '๒๐๐', null), row('๓', 'ค', '๓๐๐', null), row('๑', 'ง', '๔๐๐', B), row('๒', 'จ', '๕๐๐', B), row('๑', 'ฉ', '๖๐๐', C)],
      ['D5:D7'],
    );
    expect(readingOf(a)).toMatchObject({ numbering: 'agency', numberingFit: 1, carriedAgencies: 2 });
    expect(codes(a)).toEqual([]);
    expect(a.models[0]?.plan?.projects.map((p) => p.agency?.value)).toEqual([A, A, A, B, B, C]);
  });
  it('per goal and continuous, with the number at the start of the name', () => {
    const a = plan([row(null, '๑. ก', '๑๐๐'), row(null, '๒. ข', '๒๐๐'), ind('๑.๓'), row(null, '๓. ค', '๓๐๐')]);
    expect(readingOf(a)).toMatchObject({ numbering: 'goal', numberSource: 'name', numberingFit: 1 });
  });
  it('a sheet whose numbers fit no scheme gets one finding instead of a warning per row', () => {
    const a = plan([5, 1, 9, 2, 7, 3, 8, 4].map((n, i) => row(String(n), `โครงการ ${i}`, '๑๐๐')));
    expect(readingOf(a)?.certainty).toBe('unsure');
    expect(codes(a)).toEqual(['reading-unsure:warning:A2']);
  });
});

describe('findings of one code on one sheet beyond a handful', () => {
  it('are one group with its count and cells, valid in the report schema', () => {
    const a = plan(Array.from({ length: 12 }, (_, i) => row(String(i + 1), `โครงการ ${i}`, 'ประมาณหนึ่งหมื่นบาท')));
    const groups = a.findings.filter((f) => f.code === 'amount-unreadable');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ cell: 'C5', count: 12 });
    expect(groups[0]?.related).toHaveLength(11);
    expect(a.stats.warnings).toBe(1);
    const report = reportSchema.parse(toReport(a, 'x.xlsx', '0'));
    expect(report.sheets[0]?.reading?.numbering).toBe('indicator');
  });
});

describe('the agency summary', () => {
  it('lists projects whose agency could not be read by sheet and row, inventing no agency', () => {
    const a = plan([row('๑', 'โครงการมีหน่วยงาน', '๑,๐๐๐'), row('๒', 'โครงการไม่มีหน่วยงาน', '๒,๐๐๐', null)]);
    const sheetOf = planSummaries(a).find((s) => s.sheet.name === 'สรุปตามหน่วยงาน')?.sheet;
    const labels = (sheetOf?.rows ?? []).map((r) => String(r[1]?.value ?? ''));
    // The row number in the sheet's one digit style (Thai unless the plan writes Arabic digits).
    expect(labels).toEqual([A, 'ไม่พบชื่อหน่วยงาน: ชีต แผน แถว ๖ โครงการไม่มีหน่วยงาน', 'ภาพรวม']);
    expect(labels.join()).not.toContain('ไม่ระบุหน่วยงาน');
  });
});

describe('marks for a group of findings', () => {
  it('mark every cell of the group', () => {
    const a = plan(Array.from({ length: 12 }, (_, i) => row(String(i + 1), `โครงการ ${i}`, 'ประมาณหนึ่งหมื่นบาท')));
    const marked = planMarks(a).flatMap((x) => (x.kind === 'mark' ? x.cells : []));
    expect(marked).toEqual(Array.from({ length: 12 }, (_, i) => `C${i + 5}`));
  });
});
