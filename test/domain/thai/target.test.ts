import { parseTarget } from '../../../src/domain/thai';

describe('parseTarget classifies quarter and total targets', () => {
  it('a count with its unit', () => {
    expect(parseTarget('๖๓๓ คน')).toMatchObject({ kind: 'count', value: 633, unit: 'คน', bound: null });
    expect(parseTarget('๕๐ ศยช.')).toMatchObject({ kind: 'count', value: 50, unit: 'ศยช.' });
    expect(parseTarget('๓,๖๒๕ คน')).toMatchObject({ kind: 'count', value: 3625 });
  });

  it('a compound count of one unit adds up', () => {
    expect(parseTarget('ท้องถิ่นอำเภอ ๒๕ คน และ อปท. ๒๑๐ คน')).toMatchObject({ kind: 'count', value: 235, unit: 'คน', parts: 2 });
    expect(parseTarget('๒๕ คน และ ๒๑๐ คน')).toMatchObject({ kind: 'count', value: 235 });
  });

  it('a parenthetical rate note does not change the count', () => {
    expect(parseTarget('๖๐ คน (เดือนละ ๒๐ คน)')).toMatchObject({ kind: 'count', value: 60, unit: 'คน' });
  });

  it('a restated population is a count', () => {
    expect(parseTarget('จำนวน เจ้าหน้าที่ ใน สนง. จำนวน ๓๕ คน')).toMatchObject({ kind: 'count', value: 35 });
  });

  it.each([
    ['ร้อยละ ๑๐๐', 100, null],
    ['ไม่น้อย กว่า ร้อย ละ ๑๐๐', 100, 'min'],
    ['จำนวน บุคลากร ร้อยละ ๖๐ ขึ้นไป', 60, 'min'],
    ['ไม่เกินร้อยละ ๒๐', 20, 'max'],
    ['80%', 80, null],
  ])('%s is a percentage', (text, value, bound) => {
    expect(parseTarget(text)).toEqual({ kind: 'percent', value, bound });
  });

  it('thresholds keep their bound', () => {
    expect(parseTarget('ไม่ต่ำกว่า ๓ ครอบครัว')).toMatchObject({ kind: 'count', value: 3, bound: 'min' });
    expect(parseTarget('อย่างน้อย ๒ ครั้ง ต่อปี')).toMatchObject({ kind: 'count', value: 2, bound: 'min' });
  });

  it('per-month and per-week figures are rates', () => {
    expect(parseTarget('อย่างน้อย เดือนละ ๑ ครั้ง')).toEqual({ kind: 'rate' });
    expect(parseTarget('ทุก ๓ เดือน')).toEqual({ kind: 'rate' });
  });

  it('a bare number has no unit', () => {
    expect(parseTarget('๑๒๐')).toEqual({ kind: 'count', value: 120, unit: null, bound: null, parts: 1 });
  });

  it('prose, lists and ordinals are text', () => {
    expect(parseTarget('มีการ ดำเนินการ และ รายงาน ผลตาม แผนฯ ครั้งที่ ๑')).toEqual({ kind: 'text' });
    expect(parseTarget('๑. กิจกรรม พัฒนาเส้นทาง ๒. กิจกรรม ประชาสัมพันธ์')).toEqual({ kind: 'text' });
    expect(parseTarget('๕ คน และ ๒ แห่ง')).toEqual({ kind: 'text' });
  });

  it('"-", "๐" and empty mean no target', () => {
    for (const v of ['-', '๐', '', null]) expect(parseTarget(v)).toEqual({ kind: 'none' });
  });
});
