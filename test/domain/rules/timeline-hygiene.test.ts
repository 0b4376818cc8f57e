import { analyze } from '../../../src/domain/analyze';
import type { CellValue } from '../../../src/domain/snapshot';
import { quarterlySheet, sheet, workbook } from '../../helpers/synthetic';

function timelineSheet(cells: CellValue[][]) {
  return sheet('แผน', [
    ['ตัวชี้วัดที่ ๑.๒ : ร้อยละของประชาชนที่มีวัฒนธรรมค่านิยมสุจริต มีทัศนคติและพฤติกรรมในการต่อต้านการทุจริตและประพฤติมิชอบ'],
    ['โครงการ/กิจกรรม', 'วิธีการดำเนินงาน', 'ตัวชี้วัด', 'งบประมาณ (บาท)', 'ระยะเวลาดำเนินการ', null, null, null, 'หน่วยงานรับผิดชอบ'],
    [null, null, null, null, 'ไตรมาส ๑', 'ไตรมาส ๒', 'ไตรมาส ๓', 'ไตรมาส ๔', null],
    ...cells.map((q, i) => [`${'๑๒๓๔๕'[i]}. โครงการ`, '- อบรม', '- ร้อยละ', 'ไม่ใช้งบประมาณ', ...q, 'สำนักงาน']),
  ], ['A1:I1', 'E2:H2', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'I2:I3']);
}
const conflicts = (cells: CellValue[][]) => analyze(workbook(timelineSheet(cells))).findings.filter((f) => f.code === 'timeline-conflict').map((f) => f.cell);

describe('timeline-conflict', () => {
  it('flags a month outside the quarters its arrow covers', () => {
    expect(conflicts([['↔ มีนาคม', null, null, null]])).toEqual(['E4']);
    expect(conflicts([[null, '↔ มีนาคม - มิถุนายน', null, null]])).toEqual(['F4']);
  });
  it('accepts months inside the arrow, arrows across cells and deadlines after the start', () => {
    expect(conflicts([[null, '↔ เดือนกุมภาพันธ์', null, null], ['←', null, null, '→ กรกฎาคม'], ['←→ ภายในเดือนมิถุนายน', null, null, null]])).toEqual([]);
  });
  it('ignores arrows without months and the ASCII arrow "<----->"', () => {
    expect(conflicts([['<----->', null, null, null], ['←-----→', null, null, null]])).toEqual([]);
  });
});

describe('hygiene', () => {
  it('number-as-text: one info per row listing the Thai-digit text numbers', () => {
    const f = analyze(workbook(quarterlySheet([{ type: 'งบบูรณาการ', q: [['-', '๑,๐๐๐'], ['-', 1000], ['-', '-'], ['-', '-']], totalBudget: '๒,๐๐๐' }]))).findings;
    expect(f).toEqual([expect.objectContaining({ code: 'number-as-text', severity: 'info', cell: 'G5', related: ['O5'] })]);
  });
  it('no-budget-spelling and amount-unreadable', () => {
    const f = analyze(workbook(quarterlySheet([{ totalBudget: 'ไม่ใช่ งบประมาณ' }, { type: 'งบบูรณาการ', totalBudget: 'รอจัดสรร' }]))).findings;
    expect(f.map((x) => `${x.code}:${x.severity}:${x.cell}`)).toEqual(['no-budget-spelling:info:O5', 'amount-unreadable:warning:O6']);
  });
});

describe('timeline arrows merged over several quarters', () => {
  it('an arrow merged over Q2–Q3 covers both, so months in Q3 are no conflict', () => {
    const s = timelineSheet([[null, '↔ มีนาคม - มิถุนายน', null, null]]);
    expect(analyze(workbook(s)).findings.filter((f) => f.code === 'timeline-conflict').map((f) => f.cell)).toEqual(['F4']);
    const merged = { ...s, merges: [...s.merges, 'F4:G4'] };
    expect(analyze(workbook(merged)).findings.filter((f) => f.code === 'timeline-conflict')).toEqual([]);
  });
});

describe('HTML left in cells', () => {
  it('"<p>" is not an arrow, "<----->" is', () => {
    expect(conflicts([['<p>มีนาคม</p>', null, null, null]])).toEqual([]);
    expect(conflicts([['<-----> มีนาคม', null, null, null]])).toEqual(['E4']);
  });
});
