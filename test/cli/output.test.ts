import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type Io } from '../../src/cli/main';
import { isSameFile, type FileNode, type Lookup } from '../../src/cli/identity';
import { writeAtomic, type WriteOps } from '../../src/cli/output';
import { readXlsx } from '../../src/workbook/xlsx/read';

const CM = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');
const OLD = Buffer.from('the previous output, which must survive any failure');

async function cli(argv: string[], files?: Partial<WriteOps>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (s) => (out += s), stderr: (s) => (err += s), files };
  const code = await run(argv, io);
  return { code, out, err };
}

/** A fresh folder holding a copy of the Chiang Mai plan as input.xlsx. */
function folder(): { dir: string; input: string } {
  const dir = fs.mkdtempSync(join(tmpdir(), 'plancheck-out-'));
  const input = join(dir, 'input.xlsx');
  fs.copyFileSync(CM, input);
  return { dir, input };
}

const error = (code: string): Error => Object.assign(new Error(`${code}: injected`), { code });
const leftovers = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.includes('plancheck-tmp'));
const noStack = (s: string): void => expect(s).not.toMatch(/\n\s+at |Error:/);

describe('the output is never the input', () => {
  it('knows the input however the output names it: spelling, hard link, symbolic link, linked folder', () => {
    const { dir, input } = folder();
    fs.linkSync(input, join(dir, 'hard.xlsx'));
    fs.symlinkSync(input, join(dir, 'soft.xlsx'));
    fs.symlinkSync(dir, join(dir, 'linked'));
    expect(isSameFile(input, join(dir, '.', 'sub', '..', 'input.xlsx'))).toBe(true);
    expect(isSameFile(input, join(dir, 'hard.xlsx'))).toBe(true);
    expect(isSameFile(input, join(dir, 'soft.xlsx'))).toBe(true);
    expect(isSameFile(join(dir, 'soft.xlsx'), input)).toBe(true);
    expect(isSameFile(input, join(dir, 'linked', 'input.xlsx'))).toBe(true);
    expect(isSameFile(input, join(dir, 'other.xlsx'))).toBe(false);
    fs.copyFileSync(input, join(dir, 'copy.xlsx'));
    expect(isSameFile(input, join(dir, 'copy.xlsx'))).toBe(false);
    // This machine's file system tells case apart: INPUT.xlsx is another file.
    expect(isSameFile(input, join(dir, 'INPUT.xlsx'))).toBe(false);
  });

  /** A file system that ignores case and, like some FAT and network mounts, reports no inode numbers. */
  function foldingDisk(files: string[], inodes: boolean, folds = true): Lookup {
    const key = (p: string): string => (folds ? p.toLowerCase() : p);
    const nodes = new Map<string, FileNode>();
    const add = (p: string, dir: boolean): void => {
      nodes.set(key(p), { dev: 1n, ino: inodes ? BigInt(nodes.size + 1) : 0n, isDirectory: () => dir });
    };
    add('/plans', true);
    for (const f of files) add(f, false);
    return { stat: (p) => nodes.get(key(p)) ?? null, realpath: (p) => p };
  }

  it('where the folder ignores case, PLAN.XLSX is plan.xlsx even when inodes say nothing', () => {
    const files = ['/plans/Plan.xlsx'];
    expect(isSameFile('/plans/Plan.xlsx', '/plans/PLAN.XLSX', foldingDisk(files, true))).toBe(true);
    expect(isSameFile('/plans/Plan.xlsx', '/plans/plan.xlsx', foldingDisk(files, false))).toBe(true);
    expect(isSameFile('/plans/Plan.xlsx', '/plans/plan-fixed.xlsx', foldingDisk(files, false))).toBe(false);
    // A folder that tells case apart: the other spelling is another file.
    expect(isSameFile('/plans/Plan.xlsx', '/plans/PLAN.XLSX', foldingDisk(files, false, false))).toBe(false);
    expect(isSameFile('/plans/Plan.xlsx', '/plans/PLAN.XLSX', foldingDisk(files, true, false))).toBe(false);
  });

  it('fix refuses a hard link or a symbolic link of the input, even with --force, and leaves the input alone', async () => {
    const { dir, input } = folder();
    const before = fs.readFileSync(input);
    fs.linkSync(input, join(dir, 'hard.xlsx'));
    fs.symlinkSync(input, join(dir, 'soft.xlsx'));
    for (const out of ['hard.xlsx', 'soft.xlsx']) {
      const r = await cli(['fix', input, '-o', join(dir, out), '--force']);
      expect(r.code).toBe(2);
      expect(r.err).toContain('จะไม่เขียนทับไฟล์ต้นฉบับ');
    }
    const en = await cli(['summarize', input, '-o', join(dir, 'hard.xlsx'), '--lang', 'en']);
    expect(en.err).toContain('the input is never overwritten');
    expect(fs.readFileSync(input).equals(before)).toBe(true);
    expect(fs.readFileSync(join(dir, 'hard.xlsx')).equals(before)).toBe(true);
  });
});

describe('an existing output is replaced only with --force', () => {
  it('refuses an existing file without --force, and says how, in Thai and English', async () => {
    const { dir, input } = folder();
    const out = join(dir, 'out.xlsx');
    fs.writeFileSync(out, OLD);
    const th = await cli(['fix', input, '-o', out]);
    expect(th.code).toBe(2);
    expect(th.err).toBe(`มีไฟล์ "${out}" อยู่แล้ว ใส่ --force ถ้าต้องการแทนที่\n`);
    const en = await cli(['summarize', input, '-o', out, '--lang', 'en']);
    expect(en.err).toBe(`"${out}" already exists; add --force to replace it\n`);
    expect(fs.readFileSync(out).equals(OLD)).toBe(true);
    // A dangling symbolic link is something the user keeps at that name too.
    fs.symlinkSync(join(dir, 'nowhere.xlsx'), join(dir, 'dangling.xlsx'));
    expect((await cli(['fix', input, '-o', join(dir, 'dangling.xlsx')])).code).toBe(2);
  });

  it('with --force replaces it whole, keeping its permissions, and leaves no temporary file', async () => {
    const { dir, input } = folder();
    const out = join(dir, 'out.xlsx');
    fs.writeFileSync(out, OLD);
    fs.chmodSync(out, 0o640);
    const r = await cli(['fix', input, '-o', out, '--force']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`เขียนไฟล์ ${out}`);
    expect((await readXlsx(out)).sheets.length).toBeGreaterThan(0);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
    expect(leftovers(dir)).toEqual([]);
  });

  it('with --force a symbolic link at the output is replaced; the file it pointed to is left as it was', async () => {
    const { dir, input } = folder();
    const elsewhere = join(dir, 'elsewhere.xlsx');
    fs.writeFileSync(elsewhere, OLD);
    const out = join(dir, 'link.xlsx');
    fs.symlinkSync(elsewhere, out);
    expect((await cli(['fix', input, '-o', out, '--force'])).code).toBe(0);
    expect(fs.lstatSync(out).isSymbolicLink()).toBe(false);
    expect((await readXlsx(out)).sheets.length).toBeGreaterThan(0);
    expect(fs.readFileSync(elsewhere).equals(OLD)).toBe(true);
  });

  it('a long Thai output name that the file system allows (80 letters, 245 of its 255 bytes) is written', async () => {
    const { dir, input } = folder();
    const name = `${'ก'.repeat(80)}.xlsx`;
    expect(Buffer.byteLength(name)).toBe(245);
    const out = join(dir, name);
    const r = await cli(['fix', input, '-o', out]);
    expect(r.err).toBe('');
    expect(fs.existsSync(out)).toBe(true);
  });

  it('a file that appears at the output while we work is not replaced (the final step is a hard link)', async () => {
    const { dir, input } = folder();
    const out = join(dir, 'out.xlsx');
    const r = await cli(['fix', input, '-o', out], {
      linkSync: (from, to) => {
        fs.writeFileSync(to, OLD); // someone else's file, created after our first look
        fs.linkSync(from, to);
      },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('อยู่แล้ว ใส่ --force');
    expect(fs.readFileSync(out).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('where the file system has no hard links, a new output is still written', async () => {
    const { dir, input } = folder();
    const out = join(dir, 'out.xlsx');
    const r = await cli(['fix', input, '-o', out], { linkSync: () => { throw error('EPERM'); } });
    expect(r.code).toBe(0);
    expect((await readXlsx(out)).sheets.length).toBeGreaterThan(0);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a failed write keeps the previous output and says why, never with a stack trace', () => {
  /** A writer that writes part of the file, then fails as a full disk does. */
  const fullDisk = (): { ops: Partial<WriteOps>; calls: () => number } => {
    let calls = 0;
    return {
      calls: () => calls,
      ops: {
        writeSync: (fd, data, offset, length) => {
          if (calls++ > 0) throw error('ENOSPC');
          return fs.writeSync(fd, data, offset, Math.ceil(length / 2));
        },
      },
    };
  };

  it('the disk fills midway: the old output is intact and the temporary file is gone', async () => {
    const { dir, input } = folder();
    const out = join(dir, 'out.xlsx');
    fs.writeFileSync(out, OLD);
    const disk = fullDisk();
    const th = await cli(['fix', input, '-o', out, '--force'], disk.ops);
    expect(disk.calls()).toBe(2); // half the bytes were written before the failure
    expect(th.code).toBe(2);
    expect(th.err).toBe(`เขียนไฟล์ "${out}" ไม่ได้: พื้นที่ดิสก์เต็ม (ไฟล์เดิมที่ชื่อนี้ ถ้ามี ยังอยู่ครบ)\n`);
    expect(th.out).toBe('');
    const en = await cli(['summarize', input, '-o', out, '--force', '--lang', 'en'], fullDisk().ops);
    expect(en.err).toBe(`Cannot write "${out}": the disk is full (any earlier file of that name is untouched)\n`);
    expect(fs.readFileSync(out).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it.each([
    ['openSync', 'EACCES', 'ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้ หรือไฟล์เปิดอยู่ในโปรแกรมอื่น', 'no permission to write in this folder'],
    ['openSync', 'EROFS', 'ที่เก็บไฟล์นี้อ่านได้อย่างเดียว', 'this storage is read-only'],
    ['fsyncSync', 'EIO', 'อุปกรณ์จัดเก็บอ่านหรือเขียนผิดพลาด', 'the storage device failed'],
    ['renameSync', 'EXDEV', 'ย้ายไฟล์ข้ามอุปกรณ์ไม่ได้', 'a file cannot be moved across devices'],
    ['renameSync', 'EBUSY', 'ไฟล์กำลังถูกใช้งานโดยโปรแกรมอื่น', 'in use by another program'],
    ['writeSync', 'EDQUOT', 'ใช้พื้นที่ดิสก์เกินโควตา', 'quota'],
    ['writeSync', 'ESOMETHINGNEW', 'ระบบไฟล์แจ้งข้อผิดพลาด ESOMETHINGNEW', 'the file system reported ESOMETHINGNEW'],
  ] as const)('%s failing with %s', async (call, code, th, en) => {
    const { dir, input } = folder();
    const out = join(dir, 'out.xlsx');
    fs.writeFileSync(out, OLD);
    const failing = { [call]: () => { throw error(code); } } as Partial<WriteOps>;
    const r = await cli(['fix', input, '-o', out, '--force'], failing);
    expect(r.code).toBe(2);
    expect(r.err).toContain(th);
    noStack(r.err);
    expect((await cli(['fix', input, '-o', out, '--force', '--lang', 'en'], failing)).err).toContain(en);
    expect(fs.readFileSync(out).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('real file system errors: a missing folder, a folder as the output, a file as a folder', async () => {
    const { dir, input } = folder();
    const cases: [string, string, string][] = [
      [join(dir, 'no-such-folder', 'out.xlsx'), 'ไม่พบโฟลเดอร์ปลายทาง', 'the folder does not exist'],
      [dir, 'เป็นโฟลเดอร์ ไม่ใช่ไฟล์', 'it is a folder, not a file'],
      [join(input, 'out.xlsx'), 'ส่วนหนึ่งของเส้นทางเป็นไฟล์ ไม่ใช่โฟลเดอร์', 'part of the path is a file'],
    ];
    for (const [out, th, en] of cases) {
      const r = await cli(['fix', input, '-o', out, '--force']);
      expect(r.code).toBe(2);
      expect(r.err).toContain(th);
      noStack(r.err);
      expect((await cli(['summarize', input, '-o', out, '--force', '--lang', 'en'])).err).toContain(en);
    }
    expect(leftovers(dir)).toEqual([]);
  });

  it('a read-only folder', async () => {
    const { dir, input } = folder();
    const locked = join(dir, 'locked');
    fs.mkdirSync(locked, 0o555);
    const r = await cli(['fix', input, '-o', join(locked, 'out.xlsx')], {
      // Root may write anywhere; the system's answer to anyone else is EACCES, which root gets here.
      openSync: (p, flags, mode) => {
        if (process.getuid?.() === 0) throw error('EACCES');
        return fs.openSync(p, flags, mode);
      },
    });
    expect(r.code).toBe(2);
    expect(r.err).toContain('ไม่มีสิทธิ์เขียนในโฟลเดอร์นี้');
    expect(fs.readdirSync(locked)).toEqual([]);
  });
});

describe('writeAtomic', () => {
  it('writes exactly the bytes, through short writes, across many chunks', () => {
    const { dir } = folder();
    const out = join(dir, 'big.bin');
    const data = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7) % 251));
    let calls = 0;
    writeAtomic(out, data, {
      replace: false,
      ops: { writeSync: (fd, d, o, l) => (calls++, fs.writeSync(fd, d, o, Math.min(l, 10_000))) },
    });
    expect(fs.readFileSync(out).equals(data)).toBe(true);
    expect(calls).toBe(30);
    expect(() => writeAtomic(out, data, { replace: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    writeAtomic(out, OLD, { replace: true });
    expect(fs.readFileSync(out).equals(OLD)).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });
});
