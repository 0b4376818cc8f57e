import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CellValue, SheetSnapshot } from '../../src/domain';
import { T } from '../../src/cli/i18n';
import { run, type Io } from '../../src/cli/main';
import { newWorkbook } from '../../src/workbook/xlsx/new-workbook';
import { readWorkbookBytes, readXlsx } from '../../src/workbook/xlsx/read';
import { convert } from '../../scripts/libreoffice';

jest.setTimeout(300_000);

const fixture = (name: string): string => join(__dirname, '..', 'fixtures', name);
const FILES = ['chiangmai-2566-clean.xlsx', 'narathiwat-2566.xlsx', 'phetchaburi-2566.xlsx'];
const dir = mkdtempSync(join(tmpdir(), 'plancheck-combine-'));
for (const f of FILES) copyFileSync(fixture(f), join(dir, f));
const inputs = FILES.map((f) => join(dir, f));

async function cli(argv: string[], extra: Partial<Io> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), ...extra });
  return { code, out, err };
}

const arabic = (s: string): string => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const squash = (s: unknown): string => String(s ?? '').replace(/\s+/g, '');
/** A generated sheet's data rows: everything under its header row (the row whose first cell is `header`). */
function dataRows(sheet: SheetSnapshot | undefined, header: string): CellValue[][] {
  if (!sheet) throw new Error('no such sheet');
  const at = sheet.values.findIndex((r) => r[0] === header);
  return sheet.values.slice(at + 1);
}
const sheetOf = (sheets: SheetSnapshot[], name: string): SheetSnapshot | undefined => sheets.find((s) => s.name === name);
const num = (v: CellValue | undefined): number => (typeof v === 'number' ? v : 0);

/** Each fixture's own summary sheets (plancheck summarize), read back. */
async function singles(): Promise<Map<string, SheetSnapshot[]>> {
  const out = new Map<string, SheetSnapshot[]>();
  for (const input of inputs) {
    const file = join(dir, `single-${basename(input)}`);
    expect((await cli(['summarize', input, '-o', file, '--force'])).code).toBe(0);
    out.set(basename(input), (await readXlsx(file)).sheets);
  }
  return out;
}

describe('plancheck summarize --combine', () => {
  const province = join(dir, 'province.xlsx');
  let combined: SheetSnapshot[];
  let single: Map<string, SheetSnapshot[]>;

  beforeAll(async () => {
    const before = inputs.map((f) => readFileSync(f));
    const r = await cli(['summarize', '--combine', ...inputs, '-o', province], { workers: 2 });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('รวม 3 ไฟล์');
    // The inputs are only read.
    inputs.forEach((f, k) => expect(readFileSync(f).equals(before[k] as Buffer)).toBe(true));
    combined = (await readXlsx(province)).sheets;
    single = await singles();
  });

  it('writes a new workbook of five sheets in Thai', () => {
    expect(combined.map((s) => s.name)).toEqual(['ไฟล์ที่รวม', 'สรุปตามหน่วยงาน', 'สรุปตามตัวชี้วัด', 'สรุปรายไตรมาส', 'ผลการตรวจ']);
  });

  it('per agency: each agency has exactly the figures of its own workbook\'s summary', () => {
    const rows = dataRows(sheetOf(combined, 'สรุปตามหน่วยงาน'), 'ที่');
    let compared = 0;
    for (const [file, sheets] of single) {
      const own = dataRows(sheetOf(sheets, 'สรุปตามหน่วยงาน'), 'ที่');
      const typed = sheetOf(sheets, 'สรุปตามหน่วยงาน')!.values.some((r) => r.includes('งบบูรณาการ (บาท)'));
      for (const r of own) {
        if (typeof r[0] !== 'number' || String(r[1]).startsWith('ไม่พบชื่อหน่วยงาน')) continue;
        const mine = rows.find((c) => squash(c[1]) === squash(r[1]) && String(c[2]).split(', ').includes(join(dir, file)));
        expect(mine).toBeDefined();
        // [integrated, own] only where the workbook has a budget type; then total and count.
        const [integrated, ownBudget, total, count] = typed ? [r[2], r[3], r[4], r[5]] : [0, r[2], r[2], r[3]];
        expect([mine![3], mine![4], mine![5], mine![6]]).toEqual([integrated, ownBudget, total, count]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(20);
    // The overall row is the sum of every workbook's overall row.
    const overall = rows.find((r) => r[1] === 'ภาพรวม');
    const totals = [...single.values()].map((s) => dataRows(sheetOf(s, 'สรุปตามหน่วยงาน'), 'ที่').find((r) => r[1] === 'ภาพรวม')!);
    const totalCol = (s: SheetSnapshot[]): number => (sheetOf(s, 'สรุปตามหน่วยงาน')!.values.some((r) => r.includes('งบบูรณาการ (บาท)')) ? 4 : 2);
    const sum = [...single.values()].reduce((s, sh, k) => s + num(totals[k]?.[totalCol(sh)]), 0);
    expect(overall?.[5]).toBe(sum);
  });

  it('per goal and indicator: projects and budget are the sums of the workbooks\' own figures', () => {
    const rows = dataRows(sheetOf(combined, 'สรุปตามตัวชี้วัด'), 'เป้าหมาย');
    const byLabel = (list: CellValue[][]): Map<string, [number, number]> => {
      const m = new Map<string, [number, number]>();
      // Codes compared as numbers: each plan's summary writes them in the plan's own digits.
      for (const r of list) if (r[1]) m.set(arabic(String(r[1]).split(' ')[0] as string), [num(r[2]), num(r[3])]);
      return m;
    };
    const expected = new Map<string, [number, number]>();
    for (const sheets of single.values()) {
      for (const [code, [count, budget]] of byLabel(dataRows(sheetOf(sheets, 'สรุปตามตัวชี้วัด'), 'เป้าหมาย'))) {
        const e = expected.get(code) ?? [0, 0];
        expected.set(code, [e[0] + count, e[1] + budget]);
      }
    }
    expect(byLabel(rows)).toEqual(expected);
    const overall = (list: CellValue[][]): [number, number] => {
      const r = list.find((x) => x[0] === 'ภาพรวม');
      return [num(r?.[2]), num(r?.[3])];
    };
    const sum = [...single.values()].map((s) => overall(dataRows(sheetOf(s, 'สรุปตามตัวชี้วัด'), 'เป้าหมาย')));
    expect(overall(rows)).toEqual([sum.reduce((s, x) => s + x[0], 0), sum.reduce((s, x) => s + x[1], 0)]);
  });

  it('per quarter: quarter budgets from the workbooks that split them, active projects from all', () => {
    const rows = dataRows(sheetOf(combined, 'สรุปรายไตรมาส'), 'ไตรมาส');
    const expected: [number, number, number][] = [1, 2, 3, 4].map(() => [0, 0, 0]);
    for (const sheets of single.values()) {
      const sheet = sheetOf(sheets, 'สรุปรายไตรมาส')!;
      const split = sheet.values.some((r) => r[0] === 'งบประมาณ: ผลรวมช่องงบประมาณของแต่ละไตรมาส');
      dataRows(sheet, 'ไตรมาส').slice(0, 4).forEach((r, q) => {
        const e = expected[q]!;
        e[split ? 0 : 1] += num(r[1]);
        e[2] += num(r[2]);
      });
    }
    expect(rows.slice(0, 4).map((r) => [num(r[1]), num(r[2]), num(r[3])])).toEqual(expected);
    expect(expected.some((q) => q[0] > 0) && expected.some((q) => q[1] > 0)).toBe(true);
  });

  it('the findings sheet names each finding\'s file, sheet, cell, code, severity and message', async () => {
    const rows = dataRows(sheetOf(combined, 'ผลการตรวจ'), 'ไฟล์');
    for (const input of inputs) {
      const report = JSON.parse((await cli(['check', input, '--format', 'json'])).out) as { findings: { sheet: string; cell: string; code: string; count?: number }[] };
      const mine = rows.filter((r) => r[0] === input);
      // The report groups more than ten findings of one code on a sheet; the sheet lists each, as summarize does.
      expect(mine.length).toBeGreaterThanOrEqual(report.findings.length);
      const f = report.findings.find((x) => x.count === undefined)!;
      expect(mine.some((r) => r[1] === f.sheet && r[2] === f.cell && r[3] === f.code)).toBe(true);
    }
    expect(rows.find((r) => r[3] === 'row-budget-sum')?.[4]).toBe('ผิดพลาด');
    expect(rows.find((r) => r[3] === 'row-budget-sum')?.[5]).toMatch(/^งบประมาณรายไตรมาสรวมกันได้/);
  });

  it('is the same workbook with and without worker threads, and in any order of finishing', async () => {
    const alone = join(dir, 'alone.xlsx');
    expect((await cli(['summarize', '--combine', ...inputs, '-o', alone], { workers: 0 })).code).toBe(0);
    expect(readFileSync(alone).equals(readFileSync(province))).toBe(true);
  });

  it('uses worker threads for several files: the main thread reads none of them', async () => {
    const reads: string[] = [];
    const out = join(dir, 'workers.xlsx');
    const r = await cli(['summarize', '--combine', ...inputs, '-o', out], { workers: 3, readFile: (p) => (reads.push(p), readWorkbookBytes(p)) });
    expect(r.code).toBe(0);
    expect(reads).toEqual([]);
    // In this thread (workers: 0) the same Io reader reads each file once.
    await cli(['summarize', '--combine', ...inputs, '-o', out, '--force'], { workers: 0, readFile: (p) => (reads.push(p), readWorkbookBytes(p)) });
    expect(reads).toEqual(inputs);
  });

  it('a worker that runs out of memory costs its file only: the file is named, a fresh worker takes the next', async () => {
    const out = join(dir, 'oom.xlsx');
    const r = await cli(['summarize', '--combine', ...inputs, '-o', out, '--lang', 'en'], { workers: 2, workerHeapMb: 2 });
    expect(r.code).toBe(2);
    // Every file met a worker too small for it: each is named with the reason, and with nothing to combine no file is written.
    expect(r.err.split('\n').filter(Boolean)).toEqual(inputs.map((f) => `Cannot read "${f}": ${T.en.outOfMemory}`));
    expect(existsSync(out)).toBe(false);
  });

  it('in English with --lang en, labels and messages in English only', async () => {
    const out = join(dir, 'province-en.xlsx');
    const r = await cli(['summarize', '--combine', ...inputs, '-o', out, '--lang', 'en']);
    expect(r.out).toContain('3 workbooks combined');
    const sheets = (await readXlsx(out)).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['Files', 'By agency', 'By indicator', 'By quarter', 'Findings']);
    const rows = dataRows(sheetOf(sheets, 'Findings'), 'File');
    expect(rows.find((x) => x[3] === 'row-budget-sum')?.slice(4)).toEqual(['error', expect.stringMatching(/^Quarterly budgets add up to/)]);
    const labels = (s: SheetSnapshot): string[] => s.values.flat().filter((v): v is string => typeof v === 'string');
    // Only agency names (the workbooks' own Thai text) and file names stay Thai.
    const thai = labels(sheetOf(sheets, 'By indicator')!).filter((v) => /[\u0e00-\u0e7f]/.test(v));
    expect(thai).toEqual([]);
    for (const name of ['Files', 'By quarter']) expect(labels(sheetOf(sheets, name)!).filter((v) => /[\u0e00-\u0e7f]/.test(v))).toEqual([]);
  });

  it('an unreadable file is on stderr and in the findings sheet; the rest still combine; exit 2', async () => {
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a zip');
    const out = join(dir, 'with-broken.xlsx');
    const r = await cli(['summarize', '--combine', inputs[0]!, broken, inputs[1]!, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`อ่านไฟล์ "${broken}" ไม่ได้: ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง`);
    const sheets = (await readXlsx(out)).sheets;
    expect(dataRows(sheetOf(sheets, 'ผลการตรวจ'), 'ไฟล์')[0]).toEqual([broken, null, null, 'file-unreadable', 'ผิดพลาด', expect.stringMatching(/^ไม่ใช่ไฟล์ \.xlsx/)]);
    expect(dataRows(sheetOf(sheets, 'ไฟล์ที่รวม'), 'ที่').map((x) => x[1])).toEqual([inputs[0], inputs[1], broken]);
  });

  it('refuses an output that is one of the inputs (even with --force) or exists without --force, before any work', async () => {
    const before = readFileSync(inputs[1]!);
    const same = await cli(['summarize', '--combine', dir, '-o', inputs[1]!, '--force']);
    expect(same.code).toBe(2);
    expect(same.err).toContain('จะไม่เขียนทับไฟล์ต้นฉบับ');
    expect(readFileSync(inputs[1]!).equals(before)).toBe(true);
    const exists = await cli(['summarize', '--combine', ...inputs, '-o', province, '--lang', 'en']);
    expect(exists.err).toContain('already exists; add --force to replace it');
    expect(exists.code).toBe(2);
    expect((await cli(['summarize', '--combine', ...inputs])).err).toContain('-o <ไฟล์ใหม่.xlsx>');
    // Nothing readable: nothing is written.
    const none = join(dir, 'none.xlsx');
    expect((await cli(['summarize', '--combine', join(dir, 'nothing-*.xlsx'), '-o', none])).code).toBe(2);
    expect(existsSync(none)).toBe(false);
  });

  it('a folder combined again with --force leaves out the previous output found in it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'plancheck-province-'));
    for (const f of FILES.slice(0, 2)) copyFileSync(fixture(f), join(folder, f));
    const out = join(folder, 'province.xlsx');
    expect((await cli(['summarize', '--combine', folder, '-o', out], { workers: 0 })).code).toBe(0);
    const first = readFileSync(out);
    expect((await cli(['summarize', '--combine', folder, '-o', out, '--force'], { workers: 0 })).code).toBe(0);
    expect(readFileSync(out).equals(first)).toBe(true);
    // Named on its own it is an input, and the output may not be an input.
    expect((await cli(['summarize', '--combine', folder, out, '-o', out, '--force'])).err).toContain('จะไม่เขียนทับไฟล์ต้นฉบับ');
    // An agency's workbook found in the folder at the output's name is an input: refused, even with --force.
    const agency = join(folder, FILES[0]!);
    const before = readFileSync(agency);
    const r = await cli(['summarize', '--combine', folder, '-o', agency, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('จะไม่เขียนทับไฟล์ต้นฉบับ');
    expect(readFileSync(agency).equals(before)).toBe(true);
  });

  it('LibreOffice recalculates every total row to the figure written', async () => {
    const lo = join(dir, 'lo');
    // A control: a total whose written figure is wrong must come back corrected, or this test proves nothing.
    const control = join(dir, 'control.xlsx');
    writeFileSync(control, newWorkbook([{ name: 'S', title: 'T', subtitle: [], columns: [{ header: 'n', width: 8 }], rows: [[{ value: 3 }], [{ value: 4 }], [{ value: 99, formula: '=SUM(A4:A5)' }]] }]));
    convert([province, control], lo, 'xlsx', join(dir, 'lo-profile'));
    expect((await readXlsx(join(lo, 'control.xlsx'))).sheets[0]?.values[5]).toEqual([7]);
    const recalculated = (await readXlsx(join(lo, 'province.xlsx'))).sheets;
    let formulas = 0;
    for (const sheet of (await readXlsx(province)).sheets) {
      const again = sheetOf(recalculated, sheet.name)!;
      sheet.formulas?.forEach((row, r) =>
        row.forEach((f, c) => {
          if (!f) return;
          formulas++;
          expect([sheet.name, r, c, again.values[r]?.[c]]).toEqual([sheet.name, r, c, sheet.values[r]?.[c]]);
        }),
      );
    }
    expect(formulas).toBeGreaterThan(10);
  });
});
