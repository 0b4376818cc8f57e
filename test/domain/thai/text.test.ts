import { compareKey, parseInteger, similarity, toArabicDigits, toThaiDigits } from '../../../src/domain/thai';

describe('Thai text helpers', () => {
  it('converts digits both ways', () => {
    expect(toArabicDigits('๑,๖๕๑,๒๐๐ บาท')).toBe('1,651,200 บาท');
    expect(toThaiDigits('2566')).toBe('๒๕๖๖');
    expect(parseInteger('๑๒')).toBe(12);
    expect(parseInteger('๑.๒')).toBeNull();
  });

  it('compares without the spaces that wrapping inserted inside words', () => {
    expect(compareKey('สำนักงาน ป้องกันและ บรรเทาสา ธารณภัย จังหวัด เชียงใหม่')).toBe(compareKey('สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดเชียงใหม่'));
    expect(compareKey('ประเภทของ งบประมาณ')).toBe('ประเภทของงบประมาณ');
  });

  it('folds a decomposed sara am and unifies dashes and quotes', () => {
    expect(compareKey('สํานักงาน')).toBe(compareKey('สำนักงาน'));
    expect(compareKey('เมษายน – มิถุนายน')).toBe('เมษายน-มิถุนายน');
    expect(compareKey('“ไขว้ มือ”')).toBe('ไขว้มือ');
  });

  it('similarity is 1 for equal keys and lower for drifted text', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    const a = compareKey('จำนวนข้อร้องเรียนเจ้าหน้าที่ภาครัฐที่ถูกชี้มูลเรื่องวินัย');
    const b = compareKey('จำนวนข้อร้องเรียนเจ้าหน้าที่ภาครัฐที่ถูกขู่ลู่เรื่องวินัย');
    expect(similarity(a, b)).toBeGreaterThan(0.8);
    expect(similarity(a, b)).toBeLessThan(1);
  });
});

describe('HTML remnants', () => {
  it('real tags are dropped from keys, arrows and comparisons are kept', () => {
    expect(compareKey('<p>สำนักงาน</p><p>คลัง</p>')).toBe('สำนักงานคลัง');
    expect(compareKey('<-----> < 5')).toBe('<----->< 5'.replace(/\s/g, ''));
  });
});
