import { join } from 'node:path';
import { analyze, planMarks, type Action, type WorkbookSnapshot } from '../../src/domain';
import { OfficeHost } from '../../src/workbook/office/host';
import { BAND_ROWS, diffMarks, type MarkLayout } from '../../src/workbook/office/mark-layout';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { FakeExcel } from '../fakes/fake-excel';

const PLAN = 'แผนปฏิบัติการ';
let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  snapshot = await readXlsx(join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx'));
});

const style = { fill: '#FFC7CE', font: '#9C0006' };
const mark = (cells: string[]): Action => ({ kind: 'mark', sheet: 'S', severity: 'error', cells, style });

describe('which marks change (pure)', () => {
  const layout: MarkLayout = {
    cfs: [
      { sheet: 'S', severity: 'error', band: 0, cells: ['A1', 'A2'], id: 'cf1' },
      { sheet: 'S', severity: 'error', band: 1, cells: [`A${BAND_ROWS + 3}`], id: 'cf2' },
    ],
    notes: new Map([['S!A1', 'x'], ['S!A2', 'y']]),
    record: '',
  };

  it('keeps the bands whose cells are the same, rewrites the others, and only the explanations whose text changed', () => {
    const d = diffMarks(layout, [{ kind: 'clear-marks' }, mark(['A2', 'A1', `A${BAND_ROWS + 4}`]), { kind: 'note', sheet: 'S', cell: 'A1', text: 'x' }, { kind: 'note', sheet: 'S', cell: 'A2', text: 'z' }]);
    expect(d.keep.map((c) => c.id)).toEqual(['cf1']);
    expect(d.remove).toEqual([{ sheet: 'S', id: 'cf2' }]);
    expect(d.add).toEqual([{ ...mark([`A${BAND_ROWS + 4}`]) }]);
    expect(d.unnote).toEqual([{ sheet: 'S', cell: 'A2' }]);
    expect(d.note).toEqual([{ kind: 'note', sheet: 'S', cell: 'A2', text: 'z' }]);
  });

  it('removes a band that has no marks any more, and every explanation when they are turned off', () => {
    const d = diffMarks(layout, [{ kind: 'clear-marks' }, mark(['A1', 'A2'])]);
    expect(d.remove).toEqual([{ sheet: 'S', id: 'cf2' }]);
    expect(d.add).toEqual([]);
    expect(d.unnote).toEqual([{ sheet: 'S', cell: 'A1' }, { sheet: 'S', cell: 'A2' }]);
  });
});

describe('Excel: a re-check writes only the marks that changed', () => {
  async function hostOver(s: WorkbookSnapshot) {
    const fake = FakeExcel.fromSnapshot(s);
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    await host.listSheets();
    return { fake, host };
  }

  it('after an edit that fixes O27: one band rewritten, the same marks as a full write, and clear still removes all', async () => {
    const { fake, host } = await hostOver(snapshot);
    await host.apply(planMarks(analyze(snapshot), { notes: true }));
    expect(host.lastApply?.diff).toBe(false);
    const before = fake.state.sheet(PLAN)!.cfs.map((c) => c.id);
    const markedBefore = fake.markedCells('plancheck:error');
    const summary = fake.state.sheets.find((s) => s.name !== PLAN)!;
    const summaryBefore = summary.cfs.map((c) => c.id);
    await fake.edit(PLAN, 'M27', '-');
    const now = (await host.read()).snapshot;
    fake.syncs = 0;
    await host.apply(planMarks(analyze(now), { notes: true }));
    expect(host.lastApply).toMatchObject({ diff: true });
    // What is there (record, protection, notes), then the changed bands and the record in one request.
    expect(fake.syncs).toBe(2);
    const after = fake.state.sheet(PLAN)!.cfs.map((c) => c.id);
    // The plan's band 0 is rewritten for the severities whose cells changed; the summary sheet's marks are untouched.
    expect(before.filter((id) => !after.includes(id)).length).toBeLessThanOrEqual(2);
    expect(summary.cfs.map((c) => c.id)).toEqual(summaryBefore);
    expect(markedBefore[PLAN]).toContain('O27');
    expect(fake.markedCells('plancheck:error')[PLAN]).not.toContain('O27');
    const full = await hostOver(now);
    await full.host.apply(planMarks(analyze(now), { notes: true }));
    expect(fake.markedCells()).toEqual(full.fake.markedCells());
    expect([...fake.state.sheet(PLAN)!.notes.entries()].sort()).toEqual([...full.fake.state.sheet(PLAN)!.notes.entries()].sort());
    await host.apply([{ kind: 'clear-marks' }]);
    expect(fake.markedCells()).toEqual({});
    expect(fake.state.sheet(PLAN)!.notes.size).toBe(0);
  });

  it('nothing changed: nothing written', async () => {
    const { fake, host } = await hostOver(snapshot);
    const plan = planMarks(analyze(snapshot));
    await host.apply(plan);
    fake.syncs = 0;
    await host.apply(plan);
    expect(host.lastApply).toMatchObject({ diff: true, marked: 0 });
    expect(fake.syncs).toBe(0);
  });

  it('marks the record lists that this pane did not write (another session\'s): cleared and written whole', async () => {
    const { fake, host } = await hostOver(snapshot);
    const other = new OfficeHost(fake.run, fake.isSetSupported);
    await other.listSheets();
    await host.apply(planMarks(analyze(snapshot)));
    await other.apply([{ kind: 'mark', sheet: PLAN, severity: 'warning', cells: ['A1'], style: { fill: '#FFEB9C', font: '#9C5700' } }]);
    await host.apply([{ kind: 'clear-marks' }]);
    expect(host.lastApply?.diff).toBe(false);
    expect(fake.markedCells()).toEqual({});
  });

  it('marks cleared by someone else meanwhile: written whole again', async () => {
    const { fake, host } = await hostOver(snapshot);
    const plan = planMarks(analyze(snapshot));
    await host.apply(plan);
    const other = new OfficeHost(fake.run, fake.isSetSupported);
    await other.listSheets();
    await other.apply([{ kind: 'clear-marks' }]);
    await fake.edit(PLAN, 'O27', 3302400);
    await host.apply(planMarks(analyze((await host.read()).snapshot)));
    expect(host.lastApply?.diff).toBe(false);
    expect(fake.markedCells()[PLAN]?.length).toBeGreaterThan(0);
  });
});
