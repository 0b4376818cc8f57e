import { embeddedBaht, isNoBudgetText, parseAmount } from '../../../src/domain/thai';

describe('parseAmount reads a budget cell as staff type it', () => {
  it.each([
    ['๑,๖๕๑,๒๐๐ บาท', 1651200],
    ['๒๐๐๐', 2000],
    ['๑๕,๐๐๐.-', 15000],
    ['15,000.50', 15000.5],
    ['๑๒๐,๐๐๐', 120000],
    ['  ๓๐,๕๐๐ บาท ', 30500],
  ])('%s is %d baht held as text', (text, value) => {
    expect(parseAmount(text)).toEqual({ kind: 'amount', value, asText: true });
  });

  it('a real number is an amount that is not text', () => {
    expect(parseAmount(70000)).toEqual({ kind: 'amount', value: 70000, asText: false });
  });

  it.each([
    ['-', 'dash'],
    ['–', 'dash'],
    ['๐', 'zero'],
    ['', 'empty'],
    ['ไม่ใช้งบประมาณ', 'no-budget'],
    ['ไม่ใช้ งบประมาณ', 'no-budget'],
    ['ไม่ใช้            งบประมาณ', 'no-budget'],
  ])('%j means no money (%s)', (text, form) => {
    expect(parseAmount(text)).toMatchObject({ kind: 'none', form, misspelt: false });
  });

  it('the misspelt "ไม่ใช่ งบประมาณ" still means none, and is marked misspelt', () => {
    expect(parseAmount('ไม่ใช่ งบประมาณ')).toMatchObject({ kind: 'none', form: 'no-budget', misspelt: true });
  });

  it('null is an empty cell and 0 a zero', () => {
    expect(parseAmount(null)).toMatchObject({ kind: 'none', form: 'empty' });
    expect(parseAmount(0)).toMatchObject({ kind: 'none', form: 'zero' });
  });

  it('prose is unreadable, not zero', () => {
    expect(parseAmount('ขอรับการสนับสนุน')).toEqual({ kind: 'unreadable', text: 'ขอรับการสนับสนุน' });
    expect(parseAmount('๑๒,๐๐๐ ต่อเดือน').kind).toBe('unreadable');
  });

  it('isNoBudgetText accepts the spaced and misspelt forms only', () => {
    expect(isNoBudgetText('ไม่ใช่ งบประมาณ')).toBe(true);
    expect(isNoBudgetText('งบบูรณาการ')).toBe(false);
  });

  it('embeddedBaht finds the amount inside a budget-type text', () => {
    expect(embeddedBaht('งบพัฒนาจังหวัด จังหวัด ๑,๖๕๑,๒๐๐ บาท')).toBe(1651200);
    expect(embeddedBaht('งบกลุ่มจังหวัด ภาคเหนือตอนบน ๑ งบประมาณ ๑,๑๘๐,๐๐๐ บาท')).toBe(1180000);
    expect(embeddedBaht('งบบูรณาการ')).toBeNull();
  });
});

describe('amounts with HTML remnants', () => {
  it('"๑๒,๐๐๐<p>" is still 12,000 baht', () => expect(parseAmount('๑๒,๐๐๐<p>')).toMatchObject({ kind: 'amount', value: 12000 }));
});
