import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planMarks } from '../../src/domain/actions/marks';
import { MARK_STYLES, type Action } from '../../src/domain/actions/types';
import { analyze } from '../../src/domain/analyze';
import { patchXlsx } from '../../src/workbook/xlsx/patch';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { convert } from '../../scripts/libreoffice';
import { cellsOf, entries, handmade } from '../helpers/handmade';

/**
 * LibreOffice opens what the patcher writes and recalculates it: the hand-made workbook (chart, user's notes,
 * shared formula, calcChain, names) after numbers, a formula over a shared formula's master, a mark and a note;
 * and each real plan marked with explanations (the CLI's fix and summary outputs are covered by libreoffice.test).
 */
jest.setTimeout(300_000);

const dir = mkdtempSync(join(tmpdir(), 'plancheck-patch-lo-'));
const out = join(dir, 'out');
const THAI = '[$-D00041E]#,##0';
const FIXTURES = ['chiangmai-2566-clean', 'narathiwat-2566', 'phetchaburi-2566'];

beforeAll(async () => {
  const actions: Action[] = [
    ...(['B1', 'B2', 'B3'] as const).map((cell, i): Action => ({ kind: 'set-number', sheet: 'แผน', cell, value: (i + 1) * 1000, format: THAI, before: '' })),
    { kind: 'set-formula', sheet: 'แผน', cell: 'C1', formula: '=B1*3', expected: 3000, before: 0 },
    { kind: 'mark', sheet: 'แผน', severity: 'error', cells: ['D1'], style: MARK_STYLES.error },
    { kind: 'note', sheet: 'แผน', cell: 'D1', text: 'ตรวจแผน: ผลรวม' },
  ];
  writeFileSync(join(dir, 'handmade.xlsx'), patchXlsx(handmade(), actions).bytes);
  for (const name of FIXTURES) {
    const file = join(__dirname, '..', 'fixtures', `${name}.xlsx`);
    const marks = planMarks(analyze(await readXlsx(file)), { notes: true });
    writeFileSync(join(dir, `${name}.marked.xlsx`), patchXlsx(new Uint8Array(readFileSync(file)), marks).bytes);
  }
  convert([join(dir, 'handmade.xlsx'), ...FIXTURES.map((n) => join(dir, `${n}.marked.xlsx`))], out, 'xlsx', join(dir, 'profile'));
});

describe('LibreOffice on patched workbooks', () => {
  it('recalculates the hand-made workbook: the moved shared formula and the SUM over it', () => {
    const files = entries(new Uint8Array(readFileSync(join(out, 'handmade.xlsx'))));
    const sheet = [...files.entries()].find(([k, v]) => k.startsWith('xl/worksheets/sheet') && v.includes('<f'))![1];
    const value = (ref: string): number => Number(/<v>([^<]*)<\/v>/.exec(cellsOf(sheet).get(ref) ?? '')?.[1]);
    expect([value('C1'), value('C2'), value('C3'), value('D1')]).toEqual([3000, 4000, 6000, 13000]);
    // The chart, the notes (the user's and ours) and the mark survive LibreOffice's own reading of the file.
    expect([...files.keys()].some((k) => k.startsWith('xl/charts/chart'))).toBe(true);
    const comments = [...files.entries()].filter(([k]) => /comments\d*\.xml$/.test(k)).map(([, v]) => v).join('');
    expect(comments).toContain('โน้ตของผู้ใช้');
    expect(comments).toContain('ตรวจแผน: ผลรวม');
    expect(sheet).toContain('plancheck:error');
  });

  it.each(FIXTURES)('opens %s marked with explanations, and keeps the marks and notes', (name) => {
    const files = entries(new Uint8Array(readFileSync(join(out, `${name}.marked.xlsx`))));
    const comments = [...files.entries()].filter(([k]) => /comments\d*\.xml$/.test(k)).map(([, v]) => v).join('');
    expect(comments).toContain('ตรวจแผน: ');
    const sheets = [...files.entries()].filter(([k]) => k.startsWith('xl/worksheets/sheet')).map(([, v]) => v).join('');
    expect(sheets).toMatch(/plancheck:(error|warning)/);
  });
});
