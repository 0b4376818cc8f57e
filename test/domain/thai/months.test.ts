import { monthsIn, parsePeriod, quarterOfMonth } from '../../../src/domain/thai';

describe('months and fiscal quarters (the fiscal year starts in October)', () => {
  it('maps months to quarters', () => {
    expect([10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(quarterOfMonth)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
  });

  it('reads full names and abbreviations', () => {
    expect(monthsIn('ต.ค. ๖๕ – มี.ค. ๖๖')).toEqual([10, 3]);
    expect(monthsIn('เมษายน – มิถุนายน ๒๕๖๖')).toEqual([4, 6]);
  });

  it.each([
    ['เมษายน -มิถุนายน ๒๕๖๖', [3]],
    ['ตุลาคม ๒๕๖๕-กันยายน ๒๕๖๖', [1, 2, 3, 4]],
    ['ตุลาคม ธันวาคม ๒๕๖๕', [1]],
    ['มกราคม – เมษายน ๒๕๖๖', [2, 3]],
    ['ตุลาคม ๒๕๖๕- มีนาคม ๒๕๖๖', [1, 2]],
  ])('%s covers quarters %j', (text, quarters) => {
    expect(parsePeriod(text)).toEqual({ quarters, deadline: false, wholeYear: false });
  });

  it('"ภายใน…" is a deadline', () => {
    expect(parsePeriod('ภายในเดือนมิถุนายน')).toEqual({ quarters: [3], deadline: true, wholeYear: false });
  });

  it('"ปีงบประมาณ พ.ศ. ๒๕๖๖" is the whole year; no month is no period', () => {
    expect(parsePeriod('ปีงบประมาณ พ.ศ. ๒๕๖๖')).toEqual({ quarters: [1, 2, 3, 4], deadline: false, wholeYear: true });
    expect(parsePeriod('←-----→')).toBeNull();
  });
});
