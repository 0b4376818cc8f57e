import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportSchema } from '../../src/domain/report';
import { run } from '../../src/cli/main';
import { readXlsx } from '../../src/workbook/xlsx/read';

const fixture = (name: string): string => join(__dirname, '..', 'fixtures', name);
const CM = fixture('chiangmai-2566-clean.xlsx');
const NW = fixture('narathiwat-2566.xlsx');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s) });
  return { code, out, err };
}

describe('plancheck check', () => {
  it('prints a Thai report grouped by sheet and exits 1 when there are errors', async () => {
    const r = await cli('check', CM);
    expect(r.code).toBe(1);
    expect(r.out).toContain('ชีต "แผนปฏิบัติการ" (แบบรายไตรมาส, 38 โครงการ)');
    expect(r.out).toContain('O27');
    expect(r.out).toContain('งบประมาณรายไตรมาสรวมกันได้ 3,302,400 บาท');
    expect(r.out).toMatch(/สรุป: ผิดพลาด 6 /);
  });

  it('speaks English with --lang en and exits 0 when there is no error', async () => {
    const r = await cli('check', NW, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Project number 9 is used again (first at row 38)');
    expect(r.out).toContain('Summary: 0 errors');
    expect(r.out).toContain('Sheet "แผนปฏิบัติการ" (with key features, 31 projects)');
    expect(r.out.split('\n')[0]).toMatch(/^PlanCheck \d+\.\d+\.\d+ — narathiwat-2566\.xlsx$/);
  });

  it('--format json is exactly the report schema, deterministic, an array for several files', async () => {
    const one = await cli('check', CM, '--format', 'json');
    const report = reportSchema.parse(JSON.parse(one.out));
    expect(report.file).toBe('chiangmai-2566-clean.xlsx');
    expect(report.findings.find((f) => f.cell === 'O27')).toMatchObject({ code: 'row-budget-sum', expected: 3302400, actual: 1651200 });
    expect((await cli('check', CM, '--format=json')).out).toBe(one.out);
    const many = JSON.parse((await cli('check', CM, NW, '--format', 'json')).out) as unknown[];
    expect(many).toHaveLength(2);
    many.forEach((m) => reportSchema.parse(m));
  });

  it('exits 2 on an unreadable file with a clear message, and still checks the others', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-'));
    const bad = join(dir, 'broken.xlsx');
    writeFileSync(bad, 'not a zip');
    const r = await cli('check', bad, NW, join(dir, 'missing.xlsx'), '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.err).toContain('อ่านไฟล์ "');
    expect(r.err).toContain('ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง');
    expect(r.err).toContain('ไม่พบไฟล์');
    const reports = JSON.parse(r.out) as { file: string }[];
    expect(reports.map((x) => x.file)).toEqual(['narathiwat-2566.xlsx']);
  });

  it('prints each report as its file is checked, an unreadable one in between, in text and in JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-'));
    const bad = join(dir, 'broken.xlsx');
    writeFileSync(bad, 'not a zip');
    for (const format of ['text', 'json']) {
      const events: string[] = [];
      let out = '';
      const code = await run(['check', CM, bad, NW, '--format', format], {
        stdout: (s) => {
          out += s;
          events.push(s.includes('narathiwat') ? 'out:NW' : s.includes('chiangmai') ? 'out:CM' : `out:${s.trim()}`);
        },
        stderr: () => events.push('err'),
      });
      expect(code).toBe(2);
      if (format === 'text') {
        expect(events).toEqual(['out:CM', 'err', 'out:NW']);
        const [cm, nw] = [await cli('check', CM), await cli('check', NW)];
        expect(out).toBe(`${cm.out}\n${nw.out}`);
      } else {
        expect(events).toEqual(['out:[', 'out:CM', 'err', 'out:NW', 'out:]']);
        const reports = JSON.parse(out) as unknown[];
        expect(reports).toHaveLength(2);
        // The same bytes as the whole array printed at once.
        expect(out).toBe(`${JSON.stringify(reports, null, 2)}\n`);
      }
    }
  });

  it('several files none of which can be read still give a JSON array, empty', async () => {
    const r = await cli('check', '/nonexistent/a.xlsx', '/nonexistent/b.xlsx', '--format', 'json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.out).toBe('[]\n');
    expect(r.err.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('rejects bad usage with exit 2 and prints usage', async () => {
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', CM, '--format', 'xml')).err).toContain('--format ต้องเป็น text|json (ได้รับ "xml")');
    expect((await cli('check', CM, '--format', 'xml', '--lang', 'en')).err).toContain('--format must be text|json (got "xml")');
    expect((await cli('frobnicate')).code).toBe(2);
    expect((await cli('--help')).out).toContain('plancheck check');
  });
});

describe('the installed bin', () => {
  const bin = join(__dirname, '..', '..', 'bin', 'plancheck.cjs');
  it('runs the compiled CLI (npm run build:cli) with the same output', async () => {
    const r = spawnSync(process.execPath, [bin, 'check', CM, '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe((await cli('check', CM, '--format', 'json')).out);
  });
  it('stops quietly with 2 when the reader of its output goes away (| head), never with a stack trace', async () => {
    const PB = fixture('phetchaburi-2566.xlsx');
    const child = spawn(process.execPath, [bin, 'check', CM, NW, PB], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (s: Buffer) => (err += s.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(err).toBe('');
  });

  it('prints its version', () => {
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('plancheck fix and summarize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plancheck-fix-'));

  it('fix lists the disagreeing totals first, converts numbers, fills formulas, and writes a new file', async () => {
    const out = join(dir, 'fixed.xlsx');
    const r = await cli('fix', CM, '-o', out);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('ยอดที่ระบุไม่ตรงกับผลรวม 4 ช่อง (คงค่าเดิมไว้ ใช้ --overwrite-conflicts เพื่อแทนด้วยสูตร)');
    expect(r.out).toContain('แผนปฏิบัติการ!O27: ระบุ 1,651,200 แต่ผลรวมได้ 3,302,400');
    expect(r.out).toMatch(/แปลงตัวเลขที่เป็นข้อความ \d+ ช่อง/);
    expect(r.out).toContain('แผนปฏิบัติการ!O10: ๑๒๐,๐๐๐ → =SUM(G10,I10,K10,M10) = 120,000');
    expect(r.out).toContain(`เขียนไฟล์ ${out}`);
    const fixed = await readXlsx(out);
    expect(fixed.sheets[1]?.formulas?.[9]?.[14]).toBe('=SUM(G10,I10,K10,M10)');
  });

  it('--numbers alone only converts numbers', async () => {
    const r = await cli('fix', CM, '-o', join(dir, 'numbers.xlsx'), '--numbers', '--lang', 'en');
    expect(r.out).toMatch(/^\d+ number\(s\) typed as text converted/);
    expect(r.out).not.toContain('formulas');
  });

  it('never overwrites the input, and says why in Thai and English', async () => {
    const copy = join(dir, 'input.xlsx');
    copyFileSync(CM, copy);
    const before = readFileSync(copy);
    const th = await cli('fix', copy, '-o', copy);
    expect(th.code).toBe(2);
    expect(th.err).toContain('จะไม่เขียนทับไฟล์ต้นฉบับ');
    const en = await cli('summarize', copy, '-o', join(dir, '.', 'input.xlsx'), '--lang', 'en');
    expect(en.err).toContain('the input is never overwritten');
    expect(readFileSync(copy).equals(before)).toBe(true);
    expect((await cli('fix', copy)).err).toContain('-o <ไฟล์ใหม่.xlsx>');
  });

  it('summarize adds the four summary sheets to a copy', async () => {
    const out = join(dir, 'summary.xlsx');
    const r = await cli('summarize', NW, '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('เพิ่มชีต: สรุปตามหน่วยงาน, สรุปตามตัวชี้วัด, สรุปรายไตรมาส, ผลการตรวจ');
    expect((await readXlsx(out)).sheets.map((s) => s.name)).toEqual(['แผนปฏิบัติการ', 'สรุปตามหน่วยงาน', 'สรุปตามตัวชี้วัด', 'สรุปรายไตรมาส', 'ผลการตรวจ']);
  });

  it('an unreadable input exits 2 with a clear message', async () => {
    const r = await cli('summarize', join(dir, 'missing.xlsx'), '-o', join(dir, 'x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('ไม่พบไฟล์');
  });
});
