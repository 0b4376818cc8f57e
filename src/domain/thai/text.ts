import { toArabicDigits } from './digits';

/**
 * Whitespace-free comparison key. Wrapping in the source PDFs inserted spaces inside words
 * ("บรรเทาสา ธารณภัย"), so Thai text is compared with every space removed. Also folds the
 * decomposed sara am (ํ + า) into ำ, unifies dashes and quotes, and writes digits as Arabic.
 */
export function compareKey(text: string): string {
  return toArabicDigits(
    text
      .normalize('NFC')
      .replace(/\u0e4d\u0e32/g, '\u0e33')
      .replace(/(?:\s|\u200b|\u200c|\u200d|\ufeff)+/g, '')
      .replace(/[–—−]/g, '-')
      .replace(/[“”„"'‘’`]/g, ''),
  );
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
