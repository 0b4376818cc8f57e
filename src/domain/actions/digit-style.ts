import type { WorkbookSnapshot } from '../snapshot';
import { toArabicDigits, toThaiDigits } from '../thai';
import { isGeneratedSheet } from './generated';
import { THAI_DIGITS } from './numbers';
import type { GeneratedSheet } from './types';

/** The digits a printed sheet uses throughout: its labels, titles and notes, and its numbers' formats. */
export type DigitStyle = 'thai' | 'arabic';

/**
 * A number format that shows Thai digits: a locale tag whose numeral byte is 0D ("[$-D00041E]", "[$-D07041E]",
 * "[$-0D000000]"; the tag is numeral, calendar, LCID), the locale-name form with it ("[$-th-TH,D07]"), or
 * LibreOffice's native digits in the Thai locale ("[NatNum1][$-41E]").
 */
const THAI_DIGIT_FORMAT = /\[\$-0?D[0-9A-F]{2}[0-9A-F]{4}\]|\[\$-th(?:-TH)?,0?D[0-9A-F]*\]|\[NatNum1\].*\[\$-(?:0?41E|th)/i;

export function isThaiDigitFormat(format: string | null | undefined): boolean {
  return typeof format === 'string' && THAI_DIGIT_FORMAT.test(format);
}

/**
 * The plan's own choice of digits, by evidence: every cell that shows digits votes, a text by the digits it is
 * written in, a number by its format (Thai digits only with a Thai-digit format). Our generated sheets and very
 * hidden sheets do not vote. Thai wins a tie, and a workbook without digits gets Thai: the norm in Thai plans.
 */
export function digitStyle(snapshot: WorkbookSnapshot): DigitStyle {
  let thai = 0;
  let arabic = 0;
  for (const sheet of snapshot.sheets) {
    if (sheet.visibility === 'veryHidden' || isGeneratedSheet(sheet)) continue;
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === 'number') {
          if (isThaiDigitFormat(sheet.numberFormats?.[r]?.[c])) thai++;
          else arabic++;
        } else if (typeof v === 'string') {
          if (/[๐-๙]/.test(v)) thai++;
          else if (/[0-9]/.test(v)) arabic++;
        }
      }),
    );
  }
  return thai >= arabic ? 'thai' : 'arabic';
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A cell address ("C4", "$O$27"): an identifier Excel spells with Arabic digits, never a figure to restyle. */
const ADDRESS = '(?<![A-Za-z0-9])\\$?[A-Z]{1,3}\\$?[0-9]+(?![0-9])';

/**
 * Text in one digit style, except what names a thing as it is spelt: cell addresses, and `keep` (the workbook's
 * sheet names: "แผน 2566" is that sheet's name, not a number).
 */
export function inDigits(text: string, style: DigitStyle, keep: readonly string[] = []): string {
  const convert = style === 'thai' ? toThaiDigits : toArabicDigits;
  const names = keep.filter((k) => /[0-9๐-๙]/.test(k)).sort((a, b) => b.length - a.length).map(escape);
  const guarded = new RegExp([...names, ADDRESS].join('|'), 'g');
  let out = '';
  let at = 0;
  for (const m of text.matchAll(guarded)) {
    out += convert(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + convert(text.slice(at));
}

/** A number format in the style: Thai digits by the locale tag, Arabic digits without one. */
export function formatIn(format: string, style: DigitStyle): string {
  const bare = format.split(THAI_DIGITS).join('');
  return style === 'thai' ? `${THAI_DIGITS}${bare}` : bare;
}

/**
 * A generated sheet in one digit style: title, notes, headers, every label, and every figure's format. The
 * figures stay numbers (a format, not text, gives them their digits), so SUM and re-checks still read them.
 */
export function inDigitStyle<S extends GeneratedSheet>(sheet: S, style: DigitStyle, keep: readonly string[] = []): S {
  const text = (s: string): string => inDigits(s, style, keep);
  return {
    ...sheet,
    title: text(sheet.title),
    subtitle: sheet.subtitle.map(text),
    columns: sheet.columns.map((c) => ({ ...c, header: text(c.header) })),
    rows: sheet.rows.map((r) =>
      r.map((c) => {
        if (typeof c.value === 'number' || c.formula) return { ...c, format: formatIn(c.format ?? 'General', style) };
        return typeof c.value === 'string' ? { ...c, value: text(c.value) } : c;
      }),
    ),
  };
}
