/** Thai digits ๐–๙ (U+0E50–U+0E59) and Arabic digits 0–9. */
const THAI_ZERO = 0x0e50;

const THAI_DIGIT = /[๐-๙]/g;

const HAS_THAI_DIGIT = /[๐-๙]/;

export function toArabicDigits(text: string): string {
  // Most texts hold no Thai digit: answer them without the replace's callback machinery.
  if (!HAS_THAI_DIGIT.test(text)) return text;
  return text.replace(THAI_DIGIT, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

export function hasThaiDigit(text: string): boolean {
  return /[๐-๙]/.test(text);
}

export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(THAI_ZERO + Number(d)));
}

/** Parses a plain integer written in Thai or Arabic digits ("๑๒", "12"); null otherwise. */
export function parseInteger(text: string): number | null {
  const t = toArabicDigits(text.trim());
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}
