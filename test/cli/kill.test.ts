import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readXlsx } from '../../src/workbook/xlsx/read';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'plancheck.cjs');
const STALL = join(__dirname, 'helpers', 'stall-writes.cjs');
const CM = join(ROOT, 'test', 'fixtures', 'chiangmai-2566-clean.xlsx');
const OLD = Buffer.from('the previous output, which a SIGKILL must not destroy');

/** Starts the installed CLI with writes that stall halfway; resolves once the output is half written. */
function startStalled(argv: string[]): Promise<{ kill: () => Promise<NodeJS.Signals | null>; written: number }> {
  const child = spawn(process.execPath, ['-r', STALL, BIN, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      err += s;
      const m = /STALLED (\d+)/.exec(err);
      if (m) resolve({ written: Number(m[1]), kill: () => (child.kill('SIGKILL'), exited) });
    });
    void exited.then(() => reject(new Error(`plancheck exited before writing: ${err}`)));
  });
}

describe('a SIGKILL in the middle of writing', () => {
  it('leaves the previous output exactly as it was; the half-written bytes only ever had a temporary name', async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'plancheck-kill-'));
    const out = join(dir, 'out.xlsx');
    fs.writeFileSync(out, OLD);
    const run = await startStalled(['fix', CM, '-o', out, '--force']);
    const temps = fs.readdirSync(dir).filter((f) => f.endsWith('.plancheck-tmp'));
    expect(temps).toHaveLength(1);
    expect(fs.statSync(join(dir, temps[0] as string)).size).toBe(run.written);
    expect(run.written).toBeGreaterThan(0);
    expect(await run.kill()).toBe('SIGKILL');
    expect(fs.readFileSync(out).equals(OLD)).toBe(true);
    // The only trace is the hidden temporary file, named for what it is (a SIGKILL cannot be cleaned up after).
    expect(fs.readdirSync(dir).sort()).toEqual([temps[0], 'out.xlsx'].sort());
  }, 30_000);

  it('a new output does not exist at all until it is complete', async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), 'plancheck-kill-'));
    const out = join(dir, 'new.xlsx');
    const run = await startStalled(['summarize', CM, '-o', out]);
    expect(fs.existsSync(out)).toBe(false);
    expect(await run.kill()).toBe('SIGKILL');
    expect(fs.existsSync(out)).toBe(false);
    // And without the stall the same command writes a whole workbook.
    const done = await new Promise<number | null>((resolve) =>
      spawn(process.execPath, [BIN, 'summarize', CM, '-o', out], { stdio: 'ignore' }).on('exit', resolve),
    );
    expect(done).toBe(0);
    expect((await readXlsx(out)).sheets.map((s) => s.name)).toContain('ผลการตรวจ');
  }, 30_000);
});
