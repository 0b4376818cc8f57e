import { join } from 'node:path';
import { analyze, planNumbers, type SheetSnapshot, type WorkbookSnapshot } from '../../src/domain';
import type { SheetEdit } from '../../src/workbook/host';
import { OfficeHost } from '../../src/workbook/office/host';
import { MAX_EDIT_ROWS, mergeRows, rowsOfAddress, runsOf } from '../../src/workbook/office/rows';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { FakeExcel, type FakeExcelOptions } from '../fakes/fake-excel';

const PLAN = 'แผนปฏิบัติการ';
let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  snapshot = await readXlsx(join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx'));
});

async function setup(options?: FakeExcelOptions) {
  const fake = FakeExcel.fromSnapshot(snapshot, options);
  const host = new OfficeHost(fake.run, fake.isSetSupported);
  await host.listSheets();
  const { snapshot: base } = await host.read();
  const edits: SheetEdit[][] = [];
  const stop = await host.watch((e) => edits.push(e));
  return { fake, host, base, edits, stop };
}

describe('the rows an edit names', () => {
  it('reads rows from a cell, a range, whole rows and several areas; none from columns or a huge paste', () => {
    expect(rowsOfAddress('G27')).toEqual([27]);
    expect(rowsOfAddress('G12:M14')).toEqual([12, 13, 14]);
    expect(rowsOfAddress("'แผน'!$B$5:$C$6")).toEqual([5, 6]);
    expect(rowsOfAddress('5:7')).toEqual([5, 6, 7]);
    expect(rowsOfAddress('A3,C9')).toEqual([3, 9]);
    expect(rowsOfAddress('B:B')).toBeNull();
    expect(rowsOfAddress('')).toBeNull();
    expect(rowsOfAddress(undefined)).toBeNull();
    expect(rowsOfAddress(`A1:A${MAX_EDIT_ROWS + 1}`)).toBeNull();
    expect(runsOf([9, 3, 4, 5, 9, 12])).toEqual([[3, 3], [9, 1], [12, 1]]);
  });
});

describe('merging re-read rows into the previous snapshot (pure)', () => {
  const prev: SheetSnapshot = { name: 'S', origin: { row: 2, column: 1 }, values: [['a', 1], ['b', 2], ['c', 3]], merges: [] };
  const used = { rowIndex: 1, columnIndex: 0, rowCount: 3, columnCount: 2 };

  it('replaces only the re-read rows; every other row is the same array', () => {
    const next = mergeRows(prev, { used, runs: [{ row: 3, values: [['B', '']], formulas: [['B', '']] }] });
    expect(next?.values).toEqual([['a', 1], ['B', null], ['c', 3]]);
    expect(next?.values[0]).toBe(prev.values[0]);
    expect(next?.values[2]).toBe(prev.values[2]);
    expect(next).not.toHaveProperty('formulas');
    expect(prev.values[1]).toEqual(['b', 2]);
  });

  it('adds formulas when a row gains one, and drops them with the last one, as a whole read would', () => {
    const withF = mergeRows(prev, { used, runs: [{ row: 4, values: [['c', 6]], formulas: [['c', '=B2+B3']] }] }) as SheetSnapshot;
    expect(withF.formulas).toEqual([[null, null], [null, null], [null, '=B2+B3']]);
    expect(withF.uncachedFormulas).toEqual([]);
    const without = mergeRows(withF, { used, runs: [{ row: 4, values: [['c', 6]], formulas: [['c', 6]] }] });
    expect(without).not.toHaveProperty('formulas');
    expect(without).not.toHaveProperty('uncachedFormulas');
  });

  it('refuses when the used range moved or changed size, or a row lies outside it', () => {
    expect(mergeRows(prev, { used: { ...used, rowCount: 4 }, runs: [] })).toBeNull();
    expect(mergeRows(prev, { used: { ...used, columnCount: 3 }, runs: [] })).toBeNull();
    expect(mergeRows(prev, { used: { ...used, rowIndex: 0 }, runs: [] })).toBeNull();
    expect(mergeRows(prev, { used: null, runs: [] })).toBeNull();
    expect(mergeRows(prev, { used, runs: [{ row: 9, values: [['x', 1]], formulas: [['x', 1]] }] })).toBeNull();
  });
});

describe('live mode reads only the edited rows from Excel', () => {
  it('one edit: one round trip of one row, and the same snapshot a whole read gives', async () => {
    const { fake, host, base, edits } = await setup();
    await fake.edit(PLAN, 'M27', '-');
    expect(edits).toEqual([[{ sheet: PLAN, rows: [27] }]]);
    fake.syncs = 0;
    fake.payloads.length = 0;
    const { snapshot: next, edited } = await host.readEdits(base, edits.flat());
    expect(fake.syncs).toBe(1);
    const bytes = fake.payloads.reduce((s, p) => s + p.response, 0);
    expect(bytes).toBeLessThan(5_000);
    expect(edited).toEqual([{ sheet: PLAN, rows: [27] }]);
    const whole = (await host.read()).snapshot;
    expect(next.sheets.find((s) => s.name === PLAN)?.values).toEqual(whole.sheets.find((s) => s.name === PLAN)?.values);
    expect(analyze(next).findings).toEqual(analyze(whole).findings);
  });

  it('rows inserted: the sheet is read whole, and told so (not in `edited`)', async () => {
    const { fake, host, base, edits } = await setup();
    await fake.insertRows(PLAN, 20, 2);
    expect(edits).toEqual([[{ sheet: PLAN, rows: null }]]);
    const { snapshot: next, edited } = await host.readEdits(base, edits.flat());
    expect(edited).toEqual([]);
    expect(next.sheets.find((s) => s.name === PLAN)?.values.length).toBe((base.sheets.find((s) => s.name === PLAN)?.values.length ?? 0) + 2);
  });

  it('a cell typed below the used range grows it: the sheet is read whole', async () => {
    const { fake, host, base, edits } = await setup();
    const rows = base.sheets.find((s) => s.name === PLAN)?.values.length ?? 0;
    await fake.edit(PLAN, `B${rows + 5}`, 'โครงการใหม่');
    const { snapshot: next, edited } = await host.readEdits(base, edits.flat());
    expect(edited).toEqual([]);
    expect(next.sheets.find((s) => s.name === PLAN)?.values.length).toBe(rows + 5);
  });

  it('every batch waits for cell edit mode while live mode is on, and only then', async () => {
    const { fake, host, base, edits, stop } = await setup();
    const before = fake.runOptions.length;
    await fake.edit(PLAN, 'M27', '-');
    await host.readEdits(base, edits.flat());
    await host.apply([{ kind: 'clear-marks' }]);
    expect(fake.runOptions.slice(before)).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true }]);
    await stop();
    const after = fake.runOptions.length;
    await host.apply([{ kind: 'clear-marks' }]);
    expect(fake.runOptions.slice(after)).toEqual([undefined]);
  });

  it('without triggerSource (ExcelApi 1.13) its own writes are told apart by the cells it writes, the user\'s are not', async () => {
    const { fake, host, base, edits } = await setup({ apiVersion: '1.13', honoursEnableEvents: false });
    const fixes = planNumbers(analyze(base));
    expect(fixes.length).toBeGreaterThan(0);
    await host.apply(fixes);
    expect(edits).toEqual([]);
    await fake.edit(PLAN, 'M27', '-');
    expect(edits).toEqual([[{ sheet: PLAN, rows: [27] }]]);
  });
});
