import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { READ_LIMITS, readWorkbookPackage, WorkbookReadError, type ReadLimits } from '../../src/workbook/xlsx/package';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { cfbFile, deflateBomb, rawZip, stored } from '../helpers/hostile';
import { oneSheet, packageParts, xlsxPackage, zipParts } from '../helpers/xlsx-package';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-hostile-'));
const CM = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');

/** The error reading these bytes throws (the test fails if they read). */
function failure(bytes: Uint8Array, limits?: Partial<ReadLimits>): WorkbookReadError {
  try {
    readWorkbookPackage(bytes, limits ? { limits } : {});
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw e;
  }
  throw new Error('read without an error');
}

const kindOf = (bytes: Uint8Array, limits?: Partial<ReadLimits>): string => failure(bytes, limits).kind;

/** A package whose first sheet's part is replaced by a raw zip entry (everything else stored as is). */
function withSheetEntry(data: Uint8Array, size: number): Uint8Array {
  const parts = packageParts(oneSheet(''));
  delete parts['xl/worksheets/sheet1.xml'];
  const entries = Object.entries(parts).map(([name, text]) => stored(name, text as string));
  return rawZip([...entries, { name: 'xl/worksheets/sheet1.xml', data, method: 8, size }]);
}

describe('knowing what a file is before parsing it', () => {
  it('an empty file', () => {
    const e = failure(new Uint8Array(0));
    expect(e.kind).toBe('empty');
    expect(e.text.th).toContain('ไฟล์ว่างเปล่า');
    expect(e.text.en).toContain('empty');
  });

  it('a password-protected workbook (an OLE2 container with an EncryptedPackage stream)', () => {
    const e = failure(cfbFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
    expect(e.kind).toBe('encrypted');
    expect(e.text.th).toContain('รหัสผ่าน');
    expect(e.text.en).toMatch(/password-protected.*remove the password/);
  });

  it('an old .xls (a Workbook or Book stream)', () => {
    for (const stream of ['Workbook', 'Book']) {
      const e = failure(cfbFile([stream, '\u0005SummaryInformation']));
      expect(e.kind).toBe('xls');
      expect(e.text.th).toContain('.xls');
      expect(e.text.en).toMatch(/old Excel file \(\.xls\).*save it as \.xlsx/);
    }
  });

  it('another OLE2 document, or one too damaged to look into', () => {
    expect(kindOf(cfbFile(['WordDocument', '1Table']))).toBe('ole');
    expect(kindOf(cfbFile(['Workbook']).subarray(0, 600))).toBe('ole');
  });

  it('an OpenDocument spreadsheet (its mimetype entry), and other OpenDocument files', () => {
    const ods = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<office:document-content/>') });
    const e = failure(ods);
    expect(e.kind).toBe('ods');
    expect(e.text.en).toContain('OpenDocument');
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }] });
    expect(kindOf(odt)).toBe('not-workbook');
  });

  it('a zip that holds no workbook: any zip renamed .xlsx, a Word document, relationships pointing nowhere', () => {
    expect(kindOf(zipSync({ 'readme.txt': strToU8('hello') }))).toBe('not-workbook');
    const docx = zipParts({
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': '<w:document xmlns:w="x"/>',
    });
    expect(kindOf(docx)).toBe('not-workbook');
    const dangling = packageParts(oneSheet('<row r="1"><c r="A1"><v>1</v></c></row>'));
    delete dangling['xl/workbook.xml'];
    expect(kindOf(zipParts(dangling))).toBe('not-workbook');
    const e = failure(docx);
    expect(e.text.th).toContain('ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง');
  });

  it('a binary workbook (.xlsb)', () => {
    expect(kindOf(xlsxPackage({ ...oneSheet(''), mainContentType: 'application/vnd.ms-excel.sheet.binary.macroEnabled.main' }))).toBe('xlsb');
  });

  it('CSV (UTF-8, TIS-620 or Excel\'s UTF-16 "Unicode text"), plain text, HTML', () => {
    expect(kindOf(strToU8('ที่,โครงการ,งบประมาณ\n1,อบรม,"1,000"\n2,ประชุม,500\n'))).toBe('csv');
    expect(kindOf(Uint8Array.of(0xb7, 0xd5, 0xe8, 0x2c, 0xa1, 0x0a, 0x31, 0x2c, 0x32, 0x0a))).toBe('csv');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'a\tb\r\n1\t2\r\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(kindOf(utf16)).toBe('csv');
    expect(kindOf(strToU8('not a zip'))).toBe('text');
    expect(kindOf(strToU8('<html><body><table><tr><td>1</td></tr></table></body></html>'))).toBe('markup');
    const e = failure(strToU8('a,b\n1,2\n'));
    expect(e.text.th).toContain('CSV');
    expect(e.text.en).toContain('save it as .xlsx');
  });

  it('a truncated zip, a damaged entry, and unknown binary', () => {
    const whole = new Uint8Array(readFileSync(CM));
    const cut = failure(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(cut.kind).toBe('truncated');
    expect(cut.text.th).toContain('ไฟล์ไม่สมบูรณ์');
    const damaged = whole.slice();
    for (let i = 2000; i < 6000; i++) damaged[i] = 0x55;
    expect(['corrupt', 'truncated']).toContain(kindOf(damaged));
    expect(kindOf(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))).toBe('unknown');
  });
});

describe('reading limits', () => {
  it('are documented in one constant with sensible defaults', () => {
    expect(READ_LIMITS).toEqual({
      inflatedBytes: 256 * 1024 * 1024,
      cellsPerSheet: 2_000_000,
      cellsPerWorkbook: 5_000_000,
      sharedStrings: 2_000_000,
      sheets: 500,
      textRun: 4 * 1024 * 1024,
    });
  });

  const BOMB_REPEATS = 15_000_000; // 3.75 MB of deflate that inflate to 3.9 GB
  const bomb = deflateBomb('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData> ', BOMB_REPEATS, '</sheetData></worksheet>');

  it('a zip bomb whose directory tells the truth is refused before anything is inflated', () => {
    expect(bomb.length).toBeLessThan(4 * 1024 * 1024);
    const t0 = performance.now();
    const e = failure(withSheetEntry(bomb, BOMB_REPEATS * 258 + 200));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.kind).toBe('too-large');
    expect(e.breach?.limit).toBe('inflatedBytes');
    expect(e.text.th).toContain('เกินขีดจำกัด 256 MB');
    expect(e.text.en).toContain('the limit is 256 MB');
  });

  it('a zip bomb whose directory lies stops as soon as an entry outgrows its declared size', () => {
    const t0 = performance.now();
    const e = failure(withSheetEntry(bomb, 100_000));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.kind).toBe('corrupt');
    expect(e.text.en).toContain('inflates beyond the size its zip directory declares');
  });

  it('a declared size over a lowered limit is refused too', () => {
    const sheet = `<row r="1">${Array.from({ length: 2000 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join('')}</row>`;
    expect(failure(xlsxPackage(oneSheet(sheet)), { inflatedBytes: 10_000 }).breach?.limit).toBe('inflatedBytes');
  });

  it('megabytes of text between two tags are refused before the parser collects them', () => {
    const [prefix, suffix] = ['<worksheet><sheetData> ', '</sheetData></worksheet>'];
    const e = failure(withSheetEntry(deflateBomb(prefix, 200_000, suffix), prefix.length + 200_000 * 258 + suffix.length));
    expect(e.kind).toBe('corrupt');
    expect(e.text.en).toContain('text between two tags');
  });

  it('cells per sheet: counted as they are read, and as the grid they need', () => {
    const rows = Array.from({ length: 100 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="B${r + 1}"><v>2</v></c></row>`).join('');
    const e = failure(xlsxPackage(oneSheet(rows, '', 'แผน')), { cellsPerSheet: 150 });
    expect(e.breach).toEqual({ limit: 'cellsPerSheet', allowed: 150, sheet: 'แผน' });
    expect(e.text.th).toContain('จำนวนช่องในชีต "แผน"');
    // A1 plus one cell in XFD on 200 rows: 400 cells, but a grid of 200 × 16,384 > 2,000,000, refused while read.
    const wide = Array.from({ length: 200 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="XFD${r + 1}"><v>2</v></c></row>`).join('');
    const t0 = performance.now();
    const g = failure(xlsxPackage(oneSheet(wide)));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(g.breach).toEqual({ limit: 'cellsPerSheet', allowed: READ_LIMITS.cellsPerSheet, sheet: 'แผน' });
    // One cell in XFD on 200 rows, then one in A201: each row is narrow as read, the grid is not.
    const late = `${Array.from({ length: 200 }, (_, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>2</v></c></row>`).join('')}<row r="201"><c r="A201"><v>1</v></c></row>`;
    expect(failure(xlsxPackage(oneSheet(late))).breach).toEqual({ limit: 'cellsPerSheet', actual: 200 * 16384 + 1, allowed: READ_LIMITS.cellsPerSheet, sheet: 'แผน' });
  });

  it('cells per workbook, shared strings and sheets', () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>';
    const two = { sheets: [{ name: 'ก', body: `<sheetData>${rows}</sheetData>` }, { name: 'ข', body: `<sheetData>${rows}</sheetData>` }] };
    expect(failure(xlsxPackage(two), { cellsPerWorkbook: 3 }).breach).toMatchObject({ limit: 'cellsPerWorkbook', allowed: 3 });
    const strings = Array.from({ length: 20 }, (_, i) => `<si><t>ข้อความ ${i}</t></si>`);
    expect(failure(xlsxPackage({ ...oneSheet(rows), sharedStrings: strings }), { sharedStrings: 10 }).breach).toEqual({ limit: 'sharedStrings', allowed: 10 });
    const e = failure(xlsxPackage(two), { sheets: 1 });
    expect(e.breach).toEqual({ limit: 'sheets', allowed: 1 });
    expect(e.text.en).toContain('the number of sheets is more than 1, the limit is 1');
  });

  it('a file bigger than the inflated-size limit is not even loaded', async () => {
    await expect(readXlsx(CM, 'x', { limits: { inflatedBytes: 1000 } })).rejects.toMatchObject({ kind: 'too-large' });
  });

  it('100,000 merged areas read in linear time (10× the areas cost well under 100× the time)', () => {
    const book = (n: number) => {
      const rows: string[] = [];
      const merges: string[] = [];
      for (let r = 1; r <= n; r++) {
        rows.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>0</v></c></row>`);
        merges.push(`<mergeCell ref="B${r}:D${r}"/>`);
      }
      return xlsxPackage(oneSheet(rows.join(''), `<mergeCells count="${n}">${merges.join('')}</mergeCells>`));
    };
    // A ratio within one run, best of two: the machine may be busy, but a quadratic reader is 100× slower, not 10×.
    const time = (bytes: Uint8Array) => Math.min(...[0, 1].map(() => {
      const t0 = performance.now();
      readWorkbookPackage(bytes);
      return performance.now() - t0;
    }));
    const small = book(10_000);
    const large = book(100_000);
    expect(time(large) / time(small)).toBeLessThan(35);
    const s = readWorkbookPackage(large).snapshot.sheets[0]!;
    expect(s.merges).toHaveLength(100_000);
    expect(s.values[100_000 - 1]).toEqual([100_000, 0]);
  });

  it('the zip bomb at the default limits, in a process of its own: a clear error within 20 s and 1.5 GB', () => {
    const file = join(dir, 'bomb.xlsx');
    // The directory declares just under the limit, so the reader inflates until the part outgrows it.
    writeFileSync(file, withSheetEntry(bomb, READ_LIMITS.inflatedBytes - 100_000));
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'helpers', 'read-child.ts'), file], { encoding: 'utf8', timeout: 60_000 });
    const r = JSON.parse(child.stdout) as { kind: string; ms: number; maxRssMB: number };
    expect(r.kind).toBe('corrupt');
    expect(r.ms).toBeLessThan(20_000);
    expect(r.maxRssMB).toBeLessThan(1536);
  });
});
