import fc from 'fast-check';
import { namesProvince } from '../../../src/domain/rules/province-mismatch';

// namesProvince skips through the text (Horspool): it must agree with a plain search on any text, above all on
// texts made of the word's own letters, where the skips are short and a wrong one would miss the word.
describe('namesProvince', () => {
  const units = ['จ', 'ั', 'ง', 'ห', 'ว', 'ด', 'จังหวัด', 'จังหวั', 'ังหวัด', 'ก', ' ', 'a'];
  it('agrees with includes on texts of the word and its pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(namesProvince(text)).toBe(text.includes('จังหวัด'));
      }),
      { numRuns: 3000 },
    );
  });
  it('finds the word at the start, the end and alone', () => {
    expect(namesProvince('จังหวัด')).toBe(true);
    expect(namesProvince('จังหวัดเชียงใหม่')).toBe(true);
    expect(namesProvince('สำนักงานจังหวัด')).toBe(true);
    expect(namesProvince('จังหวั')).toBe(false);
    expect(namesProvince('')).toBe(false);
  });
});
