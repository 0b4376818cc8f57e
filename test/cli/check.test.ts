import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportSchema } from '../../src/domain/report';
import { run } from '../../src/cli/main';

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
    expect(r.out).toContain('ชีต "แผนปฏิบัติการ" (quarterly, 38 โครงการ)');
    expect(r.out).toContain('O27');
    expect(r.out).toContain('งบประมาณรายไตรมาสรวมกันได้ 3,302,400 บาท');
    expect(r.out).toMatch(/สรุป: ผิดพลาด 6 /);
  });

  it('speaks English with --lang en and exits 0 when there is no error', async () => {
    const r = await cli('check', NW, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Project number 9 is used again (first at row 38)');
    expect(r.out).toContain('Summary: 0 errors');
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

  it('rejects bad usage with exit 2 and prints usage', async () => {
    expect((await cli('check')).code).toBe(2);
    expect((await cli('check', CM, '--format', 'xml')).err).toContain('--format text|json');
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
  it('prints its version', () => {
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
