import { BoundedMemo } from './memo';

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

/**
 * Cell texts repeat down a sheet (agency names, "-", "ไม่ใช้งบประมาณ") and every rule asks for the same keys again:
 * one bounded memo for all of them, so a key is built once per distinct text, not once per cell and caller.
 */
const KEY_MEMO_LIMIT = 50_000;
const keyMemo = new BoundedMemo<string>(KEY_MEMO_LIMIT);

/**
 * In front of the memo, the last text seen in each of a few slots (by length and end characters): a plan's rows
 * repeat the same cells ("-", "ไม่ใช้งบประมาณ", the agency) column after column and row after row, and more than
 * half of the lookups of a realistic plan are answered here, without hashing into a map of tens of thousands of
 * texts. A pure memo: a text's key is the same wherever it is found.
 */
const RING = 256;
const ringText: (string | undefined)[] = new Array<string | undefined>(RING);
const ringKey: string[] = new Array<string>(RING);

export function compareKey(input: string): string {
  const n = input.length;
  const slot = n === 0 ? 0 : (n * 31 + input.charCodeAt(0) * 7 + input.charCodeAt(n - 1)) & (RING - 1);
  if (ringText[slot] === input) return ringKey[slot] as string;
  let key = keyMemo.get(input);
  if (key === undefined) {
    key = buildKey(input);
    keyMemo.set(input, key);
  }
  ringText[slot] = input;
  ringKey[slot] = key;
  return key;
}

/** Copies the runs between characters that change as slices: one concatenation per change, not per character. */
function buildKey(input: string): string {
  const text = input.includes('<') ? input.replace(TAG, '') : input;
  if (!NEEDS_KEYING.test(text)) return text;
  let out = '';
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let put: string | null;
    if (c <= 0x20 || c === 0xa0 || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0x3000) put = '';
    else if (c >= 0x0e50 && c <= 0x0e59) put = String.fromCharCode(c - 0x0e50 + 48);
    else if (c === 0x0e4d && text.charCodeAt(i + 1) === 0x0e32) put = '\u0e33';
    else if (c === 0x2013 || c === 0x2014 || c === 0x2212) put = '-';
    else if (c === 0x22 || c === 0x27 || c === 0x60 || (c >= 0x2018 && c <= 0x201e)) put = '';
    else if (c === 0x2028 || c === 0x2029 || c === 0x85) put = '';
    else continue;
    if (i > from) out += text.slice(from, i);
    out += put;
    if (put === '\u0e33') i++;
    from = i + 1;
  }
  if (from === 0) return text;
  if (from < n) out += text.slice(from);
  // Flatten once here (a rope of slices would be flattened again by every regex and Map that reads it).
  return out.length > 0 ? flat(out) : out;
}

/** A flat copy of a concatenated string (V8 flattens on the first character access). */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/**
 * Whether compareKey(input) could be at most `max` long or start with `first`, found without building the key:
 * header detection looks at every cell of every row, and most of them are long data texts that can be no label.
 */
export function keyMayBeLabel(input: string, max: number, first: string): boolean {
  if (input.length <= max || input.includes('<')) return true;
  const want = first.charCodeAt(0);
  let kept = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c <= 0x20 || c === 0xa0 || c === 0x200b || c === 0x200c || c === 0x200d || c === 0xfeff || c === 0x3000) continue;
    if (c === 0x22 || c === 0x27 || c === 0x60 || (c >= 0x2018 && c <= 0x201e) || c === 0x2028 || c === 0x2029 || c === 0x85) continue;
    if (kept === 0 && c === want) return true;
    if (c === 0x0e4d && input.charCodeAt(i + 1) === 0x0e32) i++;
    if (++kept > max) return false;
  }
  return true;
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
