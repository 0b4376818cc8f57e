import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_SHEETS, planSummaries } from '../../src/domain/actions/summaries';
import type { Action, GeneratedSheet } from '../../src/domain/actions/types';
import { analyze } from '../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { OfficeHost } from '../../src/workbook/office/host';
import { patchXlsx } from '../../src/workbook/xlsx/patch';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { FakeExcel } from '../fakes/fake-excel';

const FILE = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');
let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  snapshot = await readXlsx(FILE);
});

/** Labels Excel would parse as entries if given them plainly. */
const LABELS = ['=x', '+1', '-', '๑๒', '12', '-งบ', "'quoted"];
const labelled: GeneratedSheet = {
  name: 'ป้าย',
  title: '=ป้าย',
  subtitle: ['+หมายเหตุ'],
  columns: LABELS.map((h) => ({ header: h, width: 10 })),
  rows: [LABELS.map((value) => ({ value })), [{ value: 5, formula: '=2+3' }]],
};
const addLabels: Action = { kind: 'add-sheet', sheet: labelled };

describe('labels in generated sheets are text in both hosts', () => {
  it('Excel: a text format and the apostrophe keep "=x", "+1", "-", "๑๒" as the text they are', async () => {
    const fake = FakeExcel.fromSnapshot(snapshot);
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    await host.apply([addLabels]);
    const s = fake.state.sheet('ป้าย')!;
    expect(s.cells.get('1,1')).toBe('=ป้าย');
    expect(s.cells.get('2,1')).toBe('+หมายเหตุ');
    expect(LABELS.map((_, i) => s.cells.get(`4,${i + 1}`))).toEqual(LABELS);
    expect(LABELS.map((_, i) => s.cells.get(`5,${i + 1}`))).toEqual(LABELS);
    expect([...s.formulas.entries()]).toEqual([['6,1', '=2+3']]);
  });

  it('the file writer keeps them as text too', async () => {
    const bytes = patchXlsx(new Uint8Array(readFileSync(FILE)), [addLabels]).bytes;
    const s = (await readXlsx(bytes.slice().buffer as ArrayBuffer)).sheets.find((x) => x.name === 'ป้าย')!;
    expect(s.values[0]?.[0]).toBe('=ป้าย');
    expect(s.values[4]?.slice(0, LABELS.length)).toEqual(LABELS);
  });
});

describe('our generated sheets on re-check', () => {
  const onSummaries = (w: WorkbookSnapshot) =>
    analyze(w).findings.filter((f) => (Object.values(SUMMARY_SHEETS) as string[]).some((n) => f.sheet === n || f.sheet.startsWith(`${n} (`)));

  it('are recognised and never flagged (Excel)', async () => {
    const fake = FakeExcel.fromSnapshot(snapshot);
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    await host.apply(planSummaries(analyze(snapshot), { title: 'เชียงใหม่ ๒๕๖๖' }));
    await host.listSheets();
    const again = (await host.read()).snapshot;
    expect(again.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(Object.values(SUMMARY_SHEETS)));
    expect(onSummaries(again)).toEqual([]);
    expect(analyze(again).findings).toEqual(analyze(snapshot).findings);
  });

  it('are recognised and never flagged (file), also under "(2)" beside a sheet of the user\'s', async () => {
    const mine = patchXlsx(new Uint8Array(readFileSync(FILE)), planSummaries(analyze(snapshot))).bytes;
    const again = await readXlsx(mine.slice().buffer as ArrayBuffer);
    expect(onSummaries(again)).toEqual([]);
    // A user's sheet under a summary's name is theirs: analysed like any other sheet.
    const user = { ...snapshot, sheets: [...snapshot.sheets, { name: SUMMARY_SHEETS.agency, origin: { row: 1, column: 1 }, values: [['บันทึกของฉัน']], merges: [] }] };
    expect(analyze(user).sheets.map((s) => s.name)).toContain(SUMMARY_SHEETS.agency);
  });
});
