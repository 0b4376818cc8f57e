/** Thai digits ๐–๙ (U+0E50–U+0E59) and Arabic digits 0–9. */
const THAI_ZERO = 0x0e50;

export function toArabicDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= THAI_ZERO && code <= THAI_ZERO + 9 ? String(code - THAI_ZERO) : ch;
  }
  return out;
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
