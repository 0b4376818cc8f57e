import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { run } from '../../src/cli/main';
import { cfbFile, deflateBomb, rawZip, stored } from '../helpers/hostile';
import { oneSheet, packageParts, zipParts } from '../helpers/xlsx-package';

const dir = mkdtempSync(join(tmpdir(), 'plancheck-unreadable-'));
const CM = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function bomb(): Uint8Array {
  const parts = packageParts(oneSheet(''));
  delete parts['xl/worksheets/sheet1.xml'];
  const data = deflateBomb('<worksheet><sheetData> ', 15_000_000, '</sheetData></worksheet>');
  return rawZip([...Object.entries(parts).map(([n, t]) => stored(n, t as string)), { name: 'xl/worksheets/sheet1.xml', data, method: 8, size: 15_000_000 * 258 + 40 }]);
}

const HOSTILE: [string, () => Uint8Array | string, RegExp, RegExp][] = [
  ['encrypted.xlsx', () => cfbFile(['EncryptionInfo', 'EncryptedPackage']), /รหัสผ่าน/, /password-protected/],
  ['old.xls', () => cfbFile(['Workbook']), /Excel รุ่นเก่า \(\.xls\)/, /old Excel file \(\.xls\)/],
  ['plan.ods', () => zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] }), /OpenDocument/, /OpenDocument/],
  ['renamed.xlsx', () => zipSync({ 'photo.jpg': new Uint8Array(100) }), /ไม่มีเวิร์กบุ๊ก Excel/, /no Excel workbook inside/],
  ['export.xlsx', () => 'ที่,โครงการ\n1,อบรม\n', /CSV/, /CSV/],
  ['empty.xlsx', () => '', /ไฟล์ว่างเปล่า/, /empty/],
  ['cut.xlsx', () => readFileSync(CM).subarray(0, 9000), /ไม่สมบูรณ์/, /incomplete/],
  ['bomb.xlsx', bomb, /เกินขีดจำกัด 256 MB/, /the limit is 256 MB/],
];

describe('plancheck check on files that are not workbooks it can read', () => {
  it.each(HOSTILE)('%s: exit 2 with what the file is, in Thai and in English', async (name, bytes, th, en) => {
    const path = file(name, bytes());
    const thai = await cli('check', path);
    expect(thai.code).toBe(2);
    expect(thai.out).toBe('');
    expect(thai.err).toContain(`อ่านไฟล์ "${path}" ไม่ได้: `);
    expect(thai.err).toMatch(th);
    const english = await cli('check', path, '--lang', 'en', '--format', 'json');
    expect(english.code).toBe(2);
    expect(english.err).toMatch(en);
  });

  it('fix and summarize refuse them the same way and write nothing', async () => {
    const path = file('again.xls', cfbFile(['Workbook']));
    for (const command of ['fix', 'summarize']) {
      const out = join(dir, `${command}.xlsx`);
      const r = await cli(command, path, '-o', out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/\.xls/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('reads an .xlsm, .xltx or .xltm like the .xlsx it is', async () => {
    const parts = unzipSync(new Uint8Array(readFileSync(CM)));
    const types = new TextDecoder().decode(parts['[Content_Types].xml']);
    const want = JSON.parse((await cli('check', CM, '--format', 'json')).out) as { findings: unknown[] };
    for (const [ext, type] of [
      ['xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'],
      ['xltx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml'],
      ['xltm', 'application/vnd.ms-excel.template.macroEnabled.main+xml'],
    ] as const) {
      const changed = types.replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', type);
      expect(changed).not.toBe(types);
      const path = file(`plan.${ext}`, zipParts({ ...parts, '[Content_Types].xml': changed }));
      const r = await cli('check', path, '--format', 'json');
      expect(r.code).toBe(1);
      expect((JSON.parse(r.out) as { findings: unknown[] }).findings).toEqual(want.findings);
    }
  });
});
