import { analyze } from '../../../src/domain/analyze';
import type { CellValue } from '../../../src/domain/snapshot';
import { quarterlySheet, sheet, workbook } from '../../helpers/synthetic';

const plan = quarterlySheet([
  { type: 'งบบูรณาการ', agency: 'สำนักงาน จังหวัด ทดสอบ', q: [['-', '-'], ['-', '๑๒๐,๐๐๐'], ['-', '-'], ['-', '-']], totalBudget: '๑๒๐,๐๐๐' },
  { type: 'งบของหน่วยงาน', agency: 'สำนักงานยุติธรรมจังหวัดทดสอบ', q: [['-', '๒๔,๐๐๐'], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: '๒๔,๐๐๐' },
  { type: 'งบอื่น ๆ', agency: 'เรือนจำอำเภอ ฝาง', q: [['-', '๕,๐๐๐'], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: '๕,๐๐๐' },
]);

function agencySummary(rows: CellValue[][]) {
  return sheet('สรุปงบประมาณ', [
    ['ที่', 'หน่วยงาน', 'งบประมาณ (บาท)', null],
    [null, null, 'งบประมาณตามแผนงานบูรณาการ', 'งบประมาณของส่วนราชการ'],
    ...rows,
  ], ['C1:D1', 'A1:A2', 'B1:B2']);
}
const run = (...sheets: ReturnType<typeof sheet>[]) => analyze(workbook(...sheets)).findings.filter((f) => f.severity !== 'info').map((f) => `${f.code}:${f.severity}:${f.sheet === 'สรุปงบประมาณ' || f.sheet === 'สรุป' ? '' : 'plan!'}${f.cell}`);

describe('budget per agency summary', () => {
  const good: CellValue[][] = [
    ['๑', 'สำนักงานจังหวัดทดสอบ', '๑๒๐,๐๐๐', '-'],
    ['๒', 'สำนักงานยุติธรรมจังหวัดทดสอบ', '-', '๒๔,๐๐๐'],
    ['๓', 'เรือนจำอำเภอฝาง จังหวัดทดสอบ', '-', '๕,๐๐๐'],
    [null, 'ภาพรวม', '๑๒๐,๐๐๐', '๒๙,๐๐๐'],
  ];
  it('finds nothing when every figure agrees, matching names without whitespace', () => {
    expect(run(agencySummary(good), plan)).toEqual([]);
  });
  it('summary-total-mismatch: a total row that is not the sum of its rows', () => {
    const rows = good.map((r) => [...r]);
    rows[3]![3] = '๒๘,๐๐๐';
    expect(run(agencySummary(rows), plan)).toEqual(['summary-total-mismatch:error:D6', 'summary-vs-detail:warning:D6']);
  });
  it('summary-vs-detail: an error where the agency matches exactly, a warning where it matches loosely or not at all', () => {
    const rows = good.map((r) => [...r]);
    rows[1]![3] = '๕๐,๐๐๐';
    rows[2]![3] = '-';
    rows.splice(3, 0, ['๔', 'สำนักงานสหกรณ์จังหวัดทดสอบ', '-', '๔,๖๐๐']);
    rows[4] = [null, 'ภาพรวม', '๑๒๐,๐๐๐', '๕๔,๖๐๐'];
    expect(run(agencySummary(rows), plan)).toEqual([
      'summary-vs-detail:error:D4',
      'summary-vs-detail:warning:D5',
      'summary-vs-detail:warning:D6',
      'summary-vs-detail:warning:D7',
    ]);
  });
  it('agency-not-in-summary: a budgeted project whose agency the summary does not list', () => {
    expect(run(agencySummary(good.filter((r) => r[1] !== 'สำนักงานยุติธรรมจังหวัดทดสอบ').map((r) => (r[1] === 'ภาพรวม' ? [null, 'ภาพรวม', '๑๒๐,๐๐๐', '๕,๐๐๐'] : r))), plan))
      .toEqual(['summary-vs-detail:warning:D5', 'agency-not-in-summary:warning:plan!E6']);
  });
});

describe('budget per agency summary: groups and untyped plans', () => {
  it('a total row may close a group of agencies; the last one totals the table', () => {
    const rows: CellValue[][] = [
      ['๑', 'สำนักงานจังหวัดทดสอบ', '๑๒๐,๐๐๐', '-'],
      [null, 'รวม', '๑๒๐,๐๐๐', '-'],
      ['๒', 'สำนักงานยุติธรรมจังหวัดทดสอบ', '-', '๒๔,๐๐๐'],
      ['๓', 'เรือนจำอำเภอฝาง จังหวัดทดสอบ', '-', '๕,๐๐๐'],
      [null, 'รวม', '-', '๒๙,๐๐๐'],
      [null, 'ภาพรวม', '๑๒๐,๐๐๐', '๒๙,๐๐๐'],
    ];
    expect(run(agencySummary(rows), plan)).toEqual([]);
    rows[4]![3] = '๓๐,๐๐๐';
    expect(run(agencySummary(rows), plan)).toContain('summary-total-mismatch:error:D7');
  });
  it('without budget types in the plan, an agency\'s two columns are compared together', () => {
    const untyped = quarterlySheet([
      { type: '', agency: 'สำนักงานจังหวัดทดสอบ', q: [['-', '๑๒๐,๐๐๐'], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: '๑๒๐,๐๐๐' },
    ]);
    const rows: CellValue[][] = [['๑', 'สำนักงานจังหวัดทดสอบ', '๑๐๐,๐๐๐', '๒๐,๐๐๐'], [null, 'ภาพรวม', '๑๐๐,๐๐๐', '๒๐,๐๐๐']];
    expect(run(agencySummary(rows), untyped)).toEqual([]);
    rows[0]![3] = '๒๕,๐๐๐';
    rows[1]![3] = '๒๕,๐๐๐';
    expect(run(agencySummary(rows), untyped)).toEqual(['summary-vs-detail:error:C3', 'summary-vs-detail:warning:C4']);
  });
});

describe('projects and budget per goal/indicator summary', () => {
  const summary = (c12: string, b12: string, total: [string, string], grand: [string, string]) =>
    sheet('สรุป', [
      ['เป้าหมายที่', 'ตัวชี้วัดที่', 'จำนวนโครงการ/กิจกรรม', 'งบประมาณ (บาท)'],
      ['เป้าหมายที่ ๑ "ประชาชนมีวัฒนธรรมและพฤติกรรมซื่อสัตย์สุจริต"', '๑.๑ ร้อยละของเด็กและเยาวชนไทยมีพฤติกรรมที่ยึดมั่นความซื่อสัตย์สุจริต', '-', '-'],
      [null, '๑.๒ ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ', c12, b12],
      ['รวม', null, ...total],
      ['ภาพรวม', null, ...grand],
    ], ['A2:A3', 'A4:B4', 'A5:B5']);
  it('finds nothing when the table adds up and matches the plan', () => {
    expect(run(summary('๓', '๑๔๙,๐๐๐', ['๓', '๑๔๙,๐๐๐'], ['๓', '๑๔๙,๐๐๐']), plan)).toEqual([]);
  });
  it('count-mismatch and summary-vs-detail per indicator are errors; the totals against the plan are warnings', () => {
    expect(run(summary('๕', '๒๐๐,๐๐๐', ['๕', '๒๐๐,๐๐๐'], ['๕', '๒๐๐,๐๐๐']), plan)).toEqual([
      'count-mismatch:error:C3', 'summary-vs-detail:error:D3',
      'count-mismatch:warning:C4', 'summary-vs-detail:warning:D4',
      'count-mismatch:warning:C5', 'summary-vs-detail:warning:D5',
    ]);
  });
  it('where numbering shows a missing heading, per-indicator mismatches in that goal are warnings', () => {
    const jumpy = quarterlySheet([{ no: '๑' }, { no: '๘' }]);
    expect(run(summary('๕', '-', ['๕', '-'], ['๕', '-']), jumpy)).toEqual([
      'count-mismatch:warning:C3', 'count-mismatch:warning:C4', 'count-mismatch:warning:C5', 'numbering-gap:warning:plan!A6',
    ]);
  });
  it('summary-total-mismatch: รวม and ภาพรวม against the table\'s own rows', () => {
    expect(run(summary('๓', '๑๔๙,๐๐๐', ['๔', '๑๔๙,๐๐๐'], ['๓', '๑๔๐,๐๐๐']), plan)).toEqual([
      'summary-total-mismatch:error:C4', 'count-mismatch:warning:C4',
      'summary-total-mismatch:error:D5', 'summary-vs-detail:warning:D5',
    ]);
  });
});
