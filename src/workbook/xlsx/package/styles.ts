import { parsePart } from './xml';
import type { ZipArchive } from './zip';

/**
 * Number formats Excel knows by id without writing them into styles.xml (ECMA-376 Part 1, 18.8.30). Id 0
 * (General) is no format, as exceljs reported it. Ids 27–36 and 50–58 are East Asian and depend on the
 * locale: they have no one code, so they read as no format. 59–81 are Thai Excel's own (t = Thai digits).
 */
const BUILT_IN: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
  59: 't0',
  60: 't0.00',
  61: 't#,##0',
  62: 't#,##0.00',
  67: 't0%',
  68: 't0.00%',
  69: 't# ?/?',
  70: 't# ??/??',
  71: 'ว/ด/ปปปป',
  72: 'ว-ดดด-ปป',
  73: 'ว-ดดด',
  74: 'ดดด-ปป',
  75: 'ช:นน',
  76: 'ช:นน:ทท',
  77: 'ว/ด/ปปปป ช:นน',
  78: 'นน:ทท',
  79: '[ช]:นน:ทท',
  80: 'นน:ทท.0',
  81: 'd/m/bb',
};

export function builtInFormat(id: number): string | null {
  return BUILT_IN[id] ?? null;
}

/** Each cell style's (cellXfs index's) number format code, or null for General. */
export function readNumberFormats(zip: ZipArchive, part: string | null): (string | null)[] {
  if (!part || !zip.entry(part)) return [];
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  // <numFmt> and <xf> also occur in differential formats (<dxfs>) and cell style formats: only these two lists count.
  let inNumFmts = false;
  let inCellXfs = false;
  parsePart(zip, part, {
    open(name, a) {
      if (name === 'numFmts') inNumFmts = true;
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'numFmt' && inNumFmts && a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
      else if (name === 'xf' && inCellXfs) xfIds.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'numFmts') inNumFmts = false;
      else if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfIds.map((id) => (id ? (custom.get(id) ?? builtInFormat(id)) : null));
}
