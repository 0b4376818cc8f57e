import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, win32 } from 'node:path';
import { reportSchema } from '../../src/domain/report';
import { expandPattern, segmentRegExp } from '../../src/cli/glob';
import { expandInputs, filesOf } from '../../src/cli/inputs';
import { run, type Io } from '../../src/cli/main';
import { readWorkbookBytes } from '../../src/workbook/xlsx/read';

const fixture = (name: string): string => join(__dirname, '..', 'fixtures', name);
const CM = fixture('chiangmai-2566-clean.xlsx');
const NW = fixture('narathiwat-2566.xlsx');
const PB = fixture('phetchaburi-2566.xlsx');

async function cli(argv: string[], extra: Partial<Io> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), ...extra });
  return { code, out, err };
}

/** A folder of agencies' workbooks, with what a real shared folder also holds. */
function agencies(): string {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-batch-'));
  copyFileSync(CM, join(dir, 'a-chiangmai.xlsx'));
  copyFileSync(NW, join(dir, 'b-narathiwat.XLSX'));
  mkdirSync(join(dir, 'sub'));
  copyFileSync(PB, join(dir, 'sub', 'c-phetchaburi.xlsm'));
  writeFileSync(join(dir, '~$a-chiangmai.xlsx'), 'lock');
  writeFileSync(join(dir, '._a-chiangmai.xlsx'), 'resource fork');
  copyFileSync(CM, join(dir, 'a-chiangmai.ตรวจแล้ว.xlsx'));
  writeFileSync(join(dir, 'notes.txt'), 'not a workbook');
  return dir;
}

describe('the CLI reads each input once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-once-'));
  const counting = (): { reads: string[]; io: Partial<Io> } => {
    const reads: string[] = [];
    return { reads, io: { readFile: (p) => (reads.push(p), readWorkbookBytes(p)) } };
  };

  it.each([['fix'], ['summarize']])('%s builds the snapshot and the copy from one read of the file', async (command) => {
    const { reads, io } = counting();
    const out = join(dir, `${command}.xlsx`);
    const r = await cli([command, CM, '-o', out], io);
    expect(r.code).toBe(0);
    expect(reads).toEqual([CM]);
    // The copy is of those bytes: the same plan, now with its totals or summaries.
    expect(readFileSync(out).length).toBeGreaterThan(0);
  });

  it('check reads every file once', async () => {
    const { reads, io } = counting();
    await cli(['check', CM, NW, '--format', 'json'], io);
    expect(reads).toEqual([CM, NW]);
  });
});

describe('file patterns', () => {
  it('* and ? stay inside one name, ** crosses folders, dot files only when asked for', () => {
    expect(segmentRegExp('*.xlsx', false).test('plan.xlsx')).toBe(true);
    expect(segmentRegExp('*.xlsx', false).test('.hidden.xlsx')).toBe(false);
    expect(segmentRegExp('.*.xlsx', false).test('.hidden.xlsx')).toBe(true);
    expect(segmentRegExp('plan-?.xlsx', false).test('plan-1.xlsx')).toBe(true);
    expect(segmentRegExp('plan-?.xlsx', false).test('plan-12.xlsx')).toBe(false);
    expect(segmentRegExp('แผน*', false).test('แผนเชียงใหม่.xlsx')).toBe(true);
    expect(segmentRegExp('*.xlsx', true).test('PLAN.XLSX')).toBe(true);
    expect(segmentRegExp('a+b(1).xlsx', false).test('a+b(1).xlsx')).toBe(true);
    const dir = agencies();
    const rel = (ps: string[]): string[] => ps.map((p) => relative(dir, p));
    expect(rel(expandPattern(join(dir, '*.xlsx')))).toEqual(['a-chiangmai.xlsx', 'a-chiangmai.ตรวจแล้ว.xlsx', '~$a-chiangmai.xlsx']);
    expect(rel(expandPattern(join(dir, '**', '*.xls?')))).toEqual(['a-chiangmai.xlsx', 'a-chiangmai.ตรวจแล้ว.xlsx', 'sub/c-phetchaburi.xlsm', '~$a-chiangmai.xlsx']);
    expect(rel(expandPattern(join(dir, 's*', '**')))).toEqual(['sub/c-phetchaburi.xlsm']);
    expect(expandPattern(join(dir, 'none-*.xlsx'))).toEqual([]);
    // A relative pattern gives relative paths.
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      expect(expandPattern('sub/*.xlsm')).toEqual(['sub/c-phetchaburi.xlsm']);
      expect(expandPattern('./**/c-*')).toEqual(['sub/c-phetchaburi.xlsm']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('Windows patterns: backslashes, a drive, letter case ignored (the shell passed them through unexpanded)', () => {
    const tree: Record<string, { name: string; isDirectory: boolean; isFile: boolean }[]> = {
      'C:\\': [{ name: 'plans', isDirectory: true, isFile: false }],
      'C:\\plans': [
        { name: 'A.XLSX', isDirectory: false, isFile: true },
        { name: 'north', isDirectory: true, isFile: false },
      ],
      'C:\\plans\\north': [{ name: 'b.xlsx', isDirectory: false, isFile: true }],
    };
    const listing = { readdir: (d: string) => tree[d] ?? [] };
    expect(expandPattern('C:\\plans\\**\\*.xlsx', { listing, path: win32 })).toEqual(['C:\\plans\\A.XLSX', 'C:\\plans\\north\\b.xlsx']);
    expect(expandPattern('C:/plans/*.xlsx', { listing, path: win32 })).toEqual(['C:\\plans\\A.XLSX']);
  });

  it('a folder gives its .xlsx and .xlsm files (not its sub-folders), without lock files, hidden files and our checked copies', () => {
    const dir = agencies();
    expect(filesOf(expandInputs([dir])).map((p) => relative(dir, p))).toEqual(['a-chiangmai.xlsx', 'b-narathiwat.XLSX']);
    // A pattern skips the same; a file named on its own never is.
    expect(filesOf(expandInputs([join(dir, '*.xlsx')])).map((p) => relative(dir, p))).toEqual(['a-chiangmai.xlsx']);
    expect(filesOf(expandInputs([join(dir, '~$a-chiangmai.xlsx')])).map((p) => relative(dir, p))).toEqual(['~$a-chiangmai.xlsx']);
    // A checked copy whose original is not beside it is checked.
    const alone = mkdtempSync(join(tmpdir(), 'plancheck-copy-'));
    copyFileSync(CM, join(alone, 'x.ตรวจแล้ว.xlsx'));
    expect(filesOf(expandInputs([alone])).map((p) => relative(alone, p))).toEqual(['x.ตรวจแล้ว.xlsx']);
    // Each file once, however often it is named.
    const twice = expandInputs([dir, join(dir, 'a-chiangmai.xlsx'), join(dir, '*.xlsx')]);
    expect(filesOf(twice).map((p) => relative(dir, p))).toEqual(['a-chiangmai.xlsx', 'b-narathiwat.XLSX']);
    expect(expandInputs([CM]).many).toBe(false);
    expect(expandInputs([dir]).many).toBe(true);
  });
});

describe('plancheck check DIR|PATTERN... --summary', () => {
  it('checks a folder and a pattern, one report per file, a JSON array even for one file', async () => {
    const dir = agencies();
    const r = await cli(['check', dir, join(dir, 'sub', '*'), '--format', 'json']);
    expect(r.code).toBe(1);
    const reports = (JSON.parse(r.out) as unknown[]).map((x) => reportSchema.parse(x));
    expect(reports.map((x) => x.file)).toEqual(['a-chiangmai.xlsx', 'b-narathiwat.XLSX', 'c-phetchaburi.xlsm']);
    const one = JSON.parse((await cli(['check', join(dir, 'sub'), '--format', 'json'])).out) as unknown[];
    expect(one).toHaveLength(1);
    // One file named as such is still the single report object of the schema, unchanged.
    expect(reportSchema.parse(JSON.parse((await cli(['check', CM, '--format', 'json'])).out)).file).toBe('chiangmai-2566-clean.xlsx');
  });

  it('--summary: one line per file and a total, the unreadable with its reason, exit code the worst', async () => {
    const dir = agencies();
    writeFileSync(join(dir, 'broken.xlsx'), 'not a zip');
    const single = await Promise.all([CM, NW].map((f) => cli(['check', f, '--format', 'json'])));
    const [cm, nw] = single.map((s) => reportSchema.parse(JSON.parse(s.out)).stats);
    const th = await cli(['check', dir, '--summary']);
    expect(th.code).toBe(2);
    expect(th.out.split('\n')).toEqual([
      `${join(dir, 'a-chiangmai.xlsx')}  ผิดพลาด ${cm!.errors} · คำเตือน ${cm!.warnings} · ข้อสังเกต ${cm!.infos}`,
      `${join(dir, 'b-narathiwat.XLSX')}  ผิดพลาด ${nw!.errors} · คำเตือน ${nw!.warnings} · ข้อสังเกต ${nw!.infos}`,
      `${join(dir, 'broken.xlsx')}  อ่านไม่ได้: ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง: เป็นไฟล์ข้อความธรรมดา ไม่ใช่เวิร์กบุ๊ก Excel`,
      `รวม 3 ไฟล์  ผิดพลาด ${cm!.errors + nw!.errors} · คำเตือน ${cm!.warnings + nw!.warnings} · ข้อสังเกต ${cm!.infos + nw!.infos} · อ่านไม่ได้ 1 ไฟล์`,
      '',
    ]);
    const en = await cli(['check', join(dir, 'b-*'), '--summary', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.out).toBe(`${join(dir, 'b-narathiwat.XLSX')}  ${nw!.errors} errors · ${nw!.warnings} warnings · ${nw!.infos} infos\nTotal 1 file  ${nw!.errors} errors · ${nw!.warnings} warnings · ${nw!.infos} infos\n`);
    expect((await cli(['check', join(dir, 'a-*.xlsx'), '--summary'])).code).toBe(1);
    const json = JSON.parse((await cli(['check', dir, '--summary', '--format', 'json', '--lang', 'en'])).out) as Record<string, unknown>;
    expect(json).toEqual({
      tool: { name: 'plancheck', version: expect.any(String) },
      files: [
        { file: join(dir, 'a-chiangmai.xlsx'), errors: cm!.errors, warnings: cm!.warnings, infos: cm!.infos },
        { file: join(dir, 'b-narathiwat.XLSX'), errors: nw!.errors, warnings: nw!.warnings, infos: nw!.infos },
        { file: join(dir, 'broken.xlsx'), unreadable: expect.stringMatching(/^not a valid \.xlsx file/) },
      ],
      total: { files: 3, errors: cm!.errors + nw!.errors, warnings: cm!.warnings + nw!.warnings, infos: cm!.infos + nw!.infos, unreadable: 1 },
    });
  });

  it('a folder without workbooks or a pattern that matches nothing is said so, exit 2, and the rest is checked', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'plancheck-empty-'));
    const r = await cli(['check', empty, join(empty, '*.xlsx'), NW]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`อ่านไฟล์ "${empty}" ไม่ได้: ไม่มีไฟล์ .xlsx หรือ .xlsm ในโฟลเดอร์ "${empty}"\nอ่านไฟล์ "${join(empty, '*.xlsx')}" ไม่ได้: ไม่มีไฟล์ที่ตรงกับ "${join(empty, '*.xlsx')}"\n`);
    expect(r.out).toContain('narathiwat-2566.xlsx');
  });

  it('a progress bar on stderr only when it is a terminal, cleared before each report', async () => {
    const dir = agencies();
    const plain = await cli(['check', dir, '--summary']);
    expect(plain.err).toBe('');
    const events: string[] = [];
    const code = await run(['check', dir, '--summary', '--lang', 'en'], {
      stdout: (s) => events.push(`out ${s}`),
      stderr: (s) => events.push(`err ${s}`),
      isTTY: true,
    });
    expect(code).toBe(1);
    expect(events).toEqual([
      `err \rChecking 1/2 [--------------------] ${tailOf(join(dir, 'a-chiangmai.xlsx'))}\x1b[K`,
      'err \r\x1b[K',
      expect.stringMatching(/^out .*a-chiangmai\.xlsx {2}\d+ errors/),
      `err \rChecking 2/2 [##########----------] ${tailOf(join(dir, 'b-narathiwat.XLSX'))}\x1b[K`,
      'err \r\x1b[K',
      expect.stringMatching(/^out .*b-narathiwat\.XLSX {2}0 errors/),
      expect.stringMatching(/^out Total 2 files/),
    ]);
    // A control character in a file name reaches the terminal escaped, even in the bar.
    const odd = join(dir, 'e\u001b[31m.xlsx');
    copyFileSync(NW, odd);
    let err = '';
    await run(['check', odd, NW, '--summary'], { stdout: () => undefined, stderr: (s) => (err += s), isTTY: true });
    expect(err).not.toContain('\u001b[31m');
    expect(err).toContain('\\x1B[31m');
  });
});

function tailOf(path: string): string {
  const chars = [...path];
  return chars.length > 40 ? `…${chars.slice(-39).join('')}` : path;
}
