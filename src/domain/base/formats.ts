/**
 * Whether an Excel number format shows a date or a time: a d, m, y, h or s code outside quoted text, escapes and
 * [...] sections (a locale tag like [$-D00041E] or a colour is not a date). "General" and "@" are not.
 */
export function isDateFormat(code: string | null | undefined): boolean {
  if (!code || code === 'General' || code === '@') return false;
  const plain = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(plain.replace(/General/gi, ''));
}
