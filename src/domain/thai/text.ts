/**
 * Whitespace-free comparison key. Wrapping in the source PDFs inserted spaces inside words
 * ("บรรเทาสา ธารณภัย"), so Thai text is compared with every space removed. Also folds the
 * decomposed sara am (ํ + า) into ำ, unifies dashes, drops quotes, and writes digits as Arabic.
 * One pass over the string: it runs on every cell of every sheet.
 */
// Thai digits and nikhahit as escapes so no combining mark sits in the class; the reason for each: see below.
const NEEDS_KEYING = /\s|[\u00a0\u200b-\u200d\ufeff\u3000\u0e50-\u0e59\u2013\u2014\u2212"'`\u2018-\u201e\u2028\u2029\u0085]|\u0e4d/;

/** Real HTML tags left by text extraction ("<p>"); never "<----->" or "< 5". */
const TAG = /<\/?[A-Za-z][^>]*>/g;

export function compareKey(input: string): string {
  const text = input.includes('<') ? input.replace(TAG, '') : input;
  if (!NEEDS_KEYING.test(text)) return text;
  let out = '';
  const n = text.length;
  for (let i = 0; i < n; i++) {
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

/** Collapses runs of whitespace to one space, for display. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text of a cell value, or '' for empty / non-text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Dice coefficient over character bigrams of two comparison keys (0..1). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i < a.length - 1; i++) {
    const g = a.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let shared = 0;
  for (let i = 0; i < b.length - 1; i++) {
    const g = b.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      shared++;
      grams.set(g, n - 1);
    }
  }
  return (2 * shared) / (a.length - 1 + b.length - 1);
}
