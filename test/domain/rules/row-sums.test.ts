import { analyze } from '../../../src/domain/analyze';
import { quarterlySheet, workbook } from '../../helpers/synthetic';

const findings = (rows: Parameters<typeof quarterlySheet>[0]) => analyze(workbook(quarterlySheet(rows))).findings;
const codes = (rows: Parameters<typeof quarterlySheet>[0]) => findings(rows).map((f) => `${f.code}:${f.severity}:${f.cell}`);

describe('row-budget-sum', () => {
  it('flags quarterly budgets that do not add up to the total, on the total cell', () => {
    const [f] = findings([{ type: 'งบบูรณาการ', q: [['-', '-'], ['-', '-'], ['ก', '๑,๖๕๑,๒๐๐ บาท'], ['-', '๑,๖๕๑,๒๐๐ บาท']], totalBudget: '๑,๖๕๑,๒๐๐ บาท' }]).filter((x) => x.code === 'row-budget-sum');
    expect(f).toMatchObject({ severity: 'error', cell: 'O5', expected: 3302400, actual: 1651200, related: ['G5', 'I5', 'K5', 'M5'] });
  });
  it('accepts budgets that add up, including "๒๐๐๐" without a separator', () => {
    expect(codes([{ type: 'งบอื่น ๆ', q: [['-', '๒,๐๐๐'], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: '๒๐๐๐' }])).not.toContainEqual(expect.stringMatching(/^row-budget-sum/));
  });
  it('warns, not errs, when the total is not split into quarters at all', () => {
    expect(codes([{ type: 'งบบูรณาการ', q: [[null, null], [null, null], [null, null], [null, null]], totalBudget: '๕๐,๐๐๐' }])).toContain('row-budget-sum:warning:O5');
  });
  it('treats "ไม่ใช้ งบประมาณ" in quarter cells as none', () => {
    const q: [string, string][] = [['๑๕๓ คน', 'ไม่ใช้ งบประมาณ'], ['๑๕๓ คน', 'ไม่ใช้ งบประมาณ'], ['๑๕๓ คน', 'ไม่ใช้ งบประมาณ'], ['๑๕๓ คน', 'ไม่ใช้ งบประมาณ']];
    expect(codes([{ q, totalTarget: '๑๕๓ คน', totalBudget: 'ไม่ใช้ งบประมาณ' }])).toEqual([]);
  });
});

describe('row-target-sum (additive counts only, unit-aware)', () => {
  it('errs when counts of one unit do not add up', () => {
    expect(codes([{ q: [['-', '-'], ['๔๑๕ คน', '-'], ['-', '-'], ['๔๕๑ คน', '-']], totalTarget: '๘๓๐ คน' }])).toContain('row-target-sum:error:N5');
  });
  it('adds up a compound target "๒๕ คน และ ๒๑๐ คน"', () => {
    expect(codes([{ q: [['ท้องถิ่นอำเภอ ๒๕ คน และ อปท. ๒๑๐ คน', '-'], ['-', '-'], ['-', '-'], ['-', '-']], totalTarget: '๒๓๖ คน' }])).toContain('row-target-sum:error:N5');
    expect(codes([{ q: [['ท้องถิ่นอำเภอ ๒๕ คน และ อปท. ๒๑๐ คน', '-'], ['-', '-'], ['-', '-'], ['-', '-']], totalTarget: '๒๓๕ คน' }])).toEqual([]);
  });
  it('accepts the same population restated every quarter', () => {
    const q: [string, string][] = [['๓๕ คน', '-'], ['๓๕ คน', '-'], ['๓๕ คน', '-'], ['๓๕ คน', '-']];
    expect(codes([{ q, totalTarget: '๓๕ คน' }])).toEqual([]);
    expect(codes([{ q, totalTarget: '๑๔๐ คน' }])).toEqual([]);
  });
  it('does not compare different units, rates or text', () => {
    expect(codes([{ q: [['๔ ครั้ง', '-'], ['๔ ครั้ง', '-'], ['-', '-'], ['-', '-']], totalTarget: '๔ คน' }])).toEqual([]);
    expect(codes([{ q: [['๔ ครั้ง', '-'], ['๔ ครั้ง', '-'], ['-', '-'], ['-', '-']], totalTarget: 'อย่างน้อย เดือนละ ๑ ครั้ง' }])).toEqual([]);
    expect(codes([{ q: [['มีการดำเนินการ', '-'], ['-', '-'], ['-', '-'], ['-', '-']], totalTarget: 'รายงานผล' }])).toEqual([]);
  });
  it('a minimum total is met by a larger sum, and a bounded mismatch is only a warning', () => {
    expect(codes([{ q: [['๑ ครั้ง', '-'], ['๑ ครั้ง', '-'], ['-', '-'], ['-', '-']], totalTarget: 'อย่างน้อย ๒ ครั้ง ต่อปี' }])).toEqual([]);
    expect(codes([{ q: [['๑ ครั้ง', '-'], ['-', '-'], ['-', '-'], ['-', '-']], totalTarget: 'อย่างน้อย ๒ ครั้ง ต่อปี' }])).toContain('row-target-sum:warning:N5');
  });
  it('a total without a unit that adds up gets an info, not an error', () => {
    expect(codes([{ q: [['-', '-'], ['๗๐ คน', '-'], ['๕๐ คน', '-'], ['-', '-']], totalTarget: '๑๒๐' }])).toEqual(['target-unit-missing:info:N5']);
  });
});

describe('row-target-percent', () => {
  it('warns when the total percentage is not the last or highest quarter', () => {
    expect(codes([{ q: [['ไม่น้อยกว่าร้อยละ ๑๐๐', '-'], ['-', '-'], ['-', '-'], ['-', '-']], totalTarget: 'ไม่น้อยกว่า ร้อยละ ๘๐' }])).toContain('row-target-percent:warning:N5');
  });
  it('never sums percentages', () => {
    const q: [string, string][] = [['ร้อยละ ๖๐ ขึ้นไป', '-'], ['ร้อยละ ๗๐ ขึ้นไป', '-'], ['ร้อยละ ๘๐ ขึ้นไป', '-'], ['ร้อยละ ๙๐ ขึ้นไป', '-']];
    expect(codes([{ q, totalTarget: 'ร้อยละ ๙๐ ขึ้นไป' }])).toEqual([]);
  });
});

describe('no-budget-with-amount and budget-type-amount', () => {
  it('errs when a "ไม่ใช้งบประมาณ" row carries money', () => {
    expect(codes([{ type: 'ไม่ใช้งบประมาณ', q: [['-', '๑๐,๐๐๐'], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: '๑๐,๐๐๐' }])).toContain('no-budget-with-amount:error:O5');
  });
  it('warns when the amount written in the budget type differs from the total', () => {
    expect(codes([{ type: 'งบพัฒนาจังหวัด ๑,๐๐๐,๐๐๐ บาท', q: [['-', '๙๐๐,๐๐๐'], ['-', '-'], ['-', '-'], ['-', '-']], totalBudget: '๙๐๐,๐๐๐' }])).toContain('budget-type-amount:warning:O5');
  });
});

describe('row-target-sum does not misread cumulative targets', () => {
  it('accepts a rising series whose total is the last quarter', () => {
    const q: [string, string][] = [['๑๐ แห่ง', '-'], ['๒๐ แห่ง', '-'], ['๓๐ แห่ง', '-'], ['๔๐ แห่ง', '-']];
    expect(codes([{ q, totalTarget: '๔๐ แห่ง' }])).toEqual([]);
    expect(codes([{ q, totalTarget: '๕๐ แห่ง' }])).toContain('row-target-sum:error:N5');
  });
});
