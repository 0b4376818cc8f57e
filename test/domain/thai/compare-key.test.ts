import fc from 'fast-check';
import { compareKey, keyMayBeLabel } from '../../../src/domain/thai';

/** The key as first specified: one character at a time (kept here as the reference the fast build must equal). */
function referenceKey(input: string): string {
  const text = input.replace(/<\/?[A-Za-z][^>]*>/g, '');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0x3000) continue;
    if (c >= 0x0e50 && c <= 0x0e59) out += String.fromCharCode(c - 0x0e50 + 48);
    else if (c === 0x0e4d && text.charCodeAt(i + 1) === 0x0e32) {
      out += '\u0e33';
      i++;
    } else if (c === 0x2013 || c === 0x2014 || c === 0x2212) out += '-';
    else if (c === 0x22 || c === 0x27 || c === 0x60 || (c >= 0x2018 && c <= 0x201e)) continue;
    else if (c === 0x2028 || c === 0x2029 || c === 0x85) continue;
    else out += text[i];
  }
  return out;
}

// Characters the key treats specially, mixed with Thai and Latin text, so every branch and run boundary occurs.
const SPECIAL = ['ไ', 'ไตรมาส', ' ', '\t', '\n', '\u00a0', '\u200b', '\ufeff', '\u3000', '๑', '๙', '\u0e4d', '\u0e32', '–', '—', '−', '"', "'", '`', '“', '”', '\u2028', '\u0085', '<p>', '</b>', '< 5', 'ก', 'ำ', 'a', '1', '\u2003'];
const text = fc.array(fc.oneof(fc.constantFrom(...SPECIAL), fc.string({ maxLength: 4 })), { maxLength: 30 }).map((xs) => xs.join(''));

describe('compareKey (built from runs, memoised by text)', () => {
  it('equals the one-character-at-a-time key for any text', () => {
    fc.assert(fc.property(text, (t) => compareKey(t) === referenceKey(t)), { numRuns: 3000 });
  });

  it('gives the same key when asked again (the memo) and for a long wrapped Thai text', () => {
    const long = 'สำนักงาน ป้องกันและ บรรเทาสา ธารณภัย จังหวัด เชียงใหม่ '.repeat(200);
    expect(compareKey(long)).toBe(referenceKey(long));
    expect(compareKey(long)).toBe(compareKey(long));
  });

  it('rules out a label only when the key is longer than the limit and does not open with the given letter', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 12 }), (t, max) => {
        const key = compareKey(t);
        const could = key.length <= max || key.startsWith('ไ');
        // Never a false "no" (that would hide a header); a "maybe" for a long key is allowed only for tagged text.
        return keyMayBeLabel(t, max, 'ไ') === could || (t.includes('<') && !could);
      }),
      { numRuns: 3000 },
    );
  });
});
