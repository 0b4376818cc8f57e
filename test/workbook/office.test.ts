import type { SheetEdit } from '../../src/workbook/host';
import { join } from 'node:path';
import { planMarks } from '../../src/domain/actions/marks';
import { analyze } from '../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { OfficeHost } from '../../src/workbook/office/host';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { syntheticPlan } from '../helpers/synthetic';
import { FakeExcel } from '../fakes/fake-excel';

const CM = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');
let fileSnapshot: WorkbookSnapshot;
beforeAll(async () => {
  fileSnapshot = await readXlsx(CM);
});

async function setup(apiVersion = '1.18') {
  const fake = FakeExcel.fromSnapshot(fileSnapshot, { apiVersion });
  const host = new OfficeHost(fake.run, fake.isSetSupported);
  await host.listSheets();
  fake.syncs = 0;
  return { fake, host };
}

describe('reading the open workbook', () => {
  it('reads every sheet\'s cells and merged areas in one sync, and the engine sees what it sees in the file', async () => {
    const { fake, host } = await setup();
    const { snapshot } = await host.read();
    expect(fake.syncs).toBe(1);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['สรุปงบประมาณ', 'แผนปฏิบัติการ']);
    expect(snapshot.sheets[1]?.merges).toEqual(expect.arrayContaining(['A1:O1', 'F2:G2', 'A52:O52']));
    expect(analyze(snapshot).findings).toEqual(analyze(fileSnapshot).findings);
  });

  it('without merged areas (ExcelApi below 1.13) the same mismatches are found', async () => {
    const { host } = await setup('1.9');
    const { snapshot } = await host.read();
    expect(snapshot.sheets[1]?.merges).toEqual([]);
    const codes = (s: WorkbookSnapshot) => analyze(s).findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.cell}`);
    expect(codes(snapshot)).toEqual(codes(fileSnapshot));
  });

  it('reads a sheet too large for one response in row chunks, each under the limit', async () => {
    const big = syntheticPlan(6000);
    const fake = FakeExcel.fromSnapshot(big, { responseLimit: 400_000 });
    const host = new OfficeHost(fake.run, fake.isSetSupported, 360_000);
    const progress: number[] = [];
    const { snapshot } = await host.read((done, total) => progress.push(done / total));
    expect(fake.syncs).toBeGreaterThan(3);
    // Cut from the sizes and the first rows' weight: no response is rejected.
    expect(fake.payloads.every((p) => p.ok)).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(analyze(snapshot).stats).toEqual(analyze(big).stats);
  });

  it('notices a sheet added after the names were listed', async () => {
    const { fake, host } = await setup();
    fake.state.addSheet('ใหม่').cells.set('1,1', 'บันทึก');
    const { snapshot } = await host.read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['สรุปงบประมาณ', 'แผนปฏิบัติการ', 'ใหม่']);
  });
});

describe('marking findings in the cells', () => {
  it('costs 1 read sync and 1 write sync, and marks exactly the cells of the findings', async () => {
    const { fake, host } = await setup();
    const { snapshot } = await host.read();
    const analysis = analyze(snapshot);
    const readSyncs = fake.syncs;
    await host.apply(planMarks(analysis));
    expect(readSyncs).toBe(1);
    // The read saw none of our marks: the marks and the record in one request (re-marking: 2, see below).
    expect(fake.syncs - readSyncs).toBe(1);
    const expected: Record<string, string[]> = {};
    for (const f of analysis.findings.filter((x) => x.severity !== 'info')) (expected[f.sheet] ??= []).push(f.cell);
    for (const k of Object.keys(expected)) expected[k] = [...new Set(expected[k])].sort();
    expect(fake.markedCells()).toEqual(expected);
    expect(fake.state.sheet('แผนปฏิบัติการ')?.cfs.find((c) => c.areas.some((a) => a.top === 27 && a.left === 15))).toMatchObject({
      type: 'Custom', fill: '#FFC7CE', font: '#9C0006', formula: '=N("plancheck:error")=0',
    });
    expect(fake.suspendedScreenUpdates).toBeGreaterThan(0);
    expect(fake.state.eventsEnabled).toBe(true);
  });

  it('right after a read that saw none of our marks, marks in 1 sync from what the read saw', async () => {
    const { fake, host } = await setup();
    const analysis = analyze((await host.read()).snapshot);
    fake.syncs = 0;
    await host.apply(planMarks(analysis));
    expect(fake.syncs).toBe(1);
    const record = JSON.parse(String(fake.state.settings.get('plancheck.marks'))) as { v: number; sheets: Record<string, { cells: string[] }> };
    expect(record.v).toBe(3);
    expect(record.sheets['แผนปฏิบัติการ']?.cells).toContain('O27');
  });

  it('a sheet protected between the read and the marks: the request fails, and the fresh way says so and marks the rest', async () => {
    const { fake, host } = await setup();
    const analysis = analyze((await host.read()).snapshot);
    fake.state.sheet('แผนปฏิบัติการ')!.protected = true;
    const report = await host.apply(planMarks(analysis));
    expect(report.protectedSheets).toEqual(['แผนปฏิบัติการ']);
    expect(fake.state.sheet('แผนปฏิบัติการ')!.cfs).toEqual([]);
    const again = new OfficeHost(fake.run, fake.isSetSupported);
    await again.listSheets();
    fake.state.sheet('แผนปฏิบัติการ')!.protected = false;
    await again.apply(planMarks(analysis));
    const once = fake.markedCells();
    await again.apply(planMarks(analysis));
    expect(fake.markedCells()).toEqual(once);
  });

  it('marks written by another pane between the read and the marks are cleared, not piled up', async () => {
    const { fake, host } = await setup();
    const analysis = analyze((await host.read()).snapshot);
    const other = new OfficeHost(fake.run, fake.isSetSupported);
    await other.listSheets();
    await other.apply(planMarks(analysis));
    const once = fake.markedCells();
    await host.apply(planMarks(analysis));
    await host.apply([{ kind: 'clear-marks' }]);
    expect(fake.markedCells()).toEqual({});
    expect(once['แผนปฏิบัติการ']?.length).toBeGreaterThan(0);
  });

  it('re-marking replaces our marks instead of piling them up, in 2 syncs', async () => {
    const { fake, host } = await setup();
    const analysis = analyze((await host.read()).snapshot);
    await host.apply(planMarks(analysis));
    const once = fake.formatsOf('แผนปฏิบัติการ');
    // Another pane (no memory of what this one wrote) marks again: it finds ours by their formula.
    const other = new OfficeHost(fake.run, fake.isSetSupported);
    await other.listSheets();
    fake.syncs = 0;
    await other.apply(planMarks(analysis));
    expect(fake.syncs).toBe(2);
    expect(fake.formatsOf('แผนปฏิบัติการ')).toEqual(once);
  });

  it('clears the marks an old record (v2) lists by id, whatever their formula, and never the user\'s', async () => {
    const { fake, host } = await setup();
    const plan = fake.state.sheet('แผนปฏิบัติการ')!;
    plan.cfs.push({ id: 'old-mark', type: 'Custom', areas: [{ top: 27, left: 15, bottom: 27, right: 15 }], formula: '=TRUE', fill: '#FFC7CE', font: null });
    plan.cfs.push({ id: 'user-cf', type: 'CellValue', areas: [{ top: 8, left: 1, bottom: 50, right: 1 }], formula: '=1', fill: '#EEEEEE', font: null });
    fake.state.settings.set('plancheck.marks', JSON.stringify({ v: 2, sheets: { 'แผนปฏิบัติการ': { cells: ['O27'], cfs: ['old-mark', 'gone-since'], notes: [] } }, generated: [] }));
    await host.read();
    await host.apply([{ kind: 'clear-marks' }]);
    expect(plan.cfs.map((c) => c.id)).toEqual(['user-cf']);
    expect(fake.state.settings.get('plancheck.marks')).toBe(JSON.stringify({ v: 3, sheets: {}, generated: [] }));
  });

  it('clearing removes ours only and leaves every format exactly as it was', async () => {
    const { fake, host } = await setup();
    const plan = fake.state.sheet('แผนปฏิบัติการ')!;
    plan.fills.set('27,15', '#00FF00');
    plan.cfs.push({ id: 'user-cf', type: 'Custom', areas: [{ top: 8, left: 1, bottom: 50, right: 1 }], formula: '=$A8=""', fill: '#EEEEEE', font: null });
    plan.notes.set('B8', 'บันทึกของผู้ใช้');
    const before = { plan: fake.formatsOf('แผนปฏิบัติการ'), summary: fake.formatsOf('สรุปงบประมาณ') };
    const analysis = analyze((await host.read()).snapshot);
    await host.apply(planMarks(analysis, { notes: true }));
    expect(fake.state.sheet('แผนปฏิบัติการ')!.notes.get('O27')).toMatch(/^ตรวจแผน: งบประมาณรายไตรมาส/);
    await host.apply([{ kind: 'clear-marks' }]);
    expect({ plan: fake.formatsOf('แผนปฏิบัติการ'), summary: fake.formatsOf('สรุปงบประมาณ') }).toEqual(before);
    expect(fake.state.settings.get('plancheck.marks')).toBe(JSON.stringify({ v: 3, sheets: {}, generated: [] }));
  });

  it('explains with comments where notes are missing (ExcelApi 1.10–1.17), and clears them', async () => {
    const { fake, host } = await setup('1.12');
    const analysis = analyze((await host.read()).snapshot);
    await host.apply(planMarks(analysis, { notes: true, lang: 'en' }));
    expect(fake.state.comments.find((c) => c.cell === 'O27')?.content).toMatch(/^PlanCheck: Quarterly budgets add up to 3,302,400/);
    fake.state.comments.push({ id: 'mine', sheet: 'แผนปฏิบัติการ', cell: 'A1', content: 'ความเห็นของผู้ใช้' });
    await host.apply([{ kind: 'clear-marks' }]);
    expect(fake.state.comments.map((c) => c.id)).toEqual(['mine']);
  });

  it('records what it marked in the workbook settings', async () => {
    const { fake, host } = await setup();
    await host.apply(planMarks(analyze((await host.read()).snapshot)));
    const record = JSON.parse(String(fake.state.settings.get('plancheck.marks'))) as { sheets: Record<string, { cells: string[] }> };
    expect(record.sheets['แผนปฏิบัติการ']?.cells).toContain('O27');
  });

  it('splits addresses under 8,000 characters and requests under the size limit', async () => {
    const big = syntheticPlan(3000);
    const fake = FakeExcel.fromSnapshot(big);
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    const cells = Array.from({ length: 3000 }, (_, i) => `O${i + 3}`);
    await host.apply([{ kind: 'mark', sheet: 'แผนปฏิบัติการ', severity: 'error', cells, style: { fill: '#FFC7CE', font: '#9C0006' } }]);
    const cfs = fake.state.sheet('แผนปฏิบัติการ')!.cfs;
    expect(cfs.length).toBeGreaterThan(1);
    expect(cfs.reduce((n, c) => n + c.areas.length, 0)).toBe(3000);
  });
});

describe('navigation, acknowledgements and live mode', () => {
  it('selects and scrolls to a finding\'s cell', async () => {
    const { fake, host } = await setup();
    await host.select('แผนปฏิบัติการ', 'O27');
    expect(fake.state.selection).toEqual({ sheet: 'แผนปฏิบัติการ', address: 'O27' });
    expect(fake.state.activeSheet).toBe('แผนปฏิบัติการ');
  });

  it('stores acknowledgements in the workbook and reads them back with the sheets', async () => {
    const { fake, host } = await setup();
    const acks = { v: 1 as const, items: { 'duplicate-row|แผนปฏิบัติการ|B29': { reason: 'สองโครงการต่างกัน', at: '2026-11-21' } } };
    await host.saveAcks(acks);
    fake.syncs = 0;
    expect((await host.read()).acks).toEqual(acks);
    expect(fake.syncs).toBe(1);
  });

  it('reports the user\'s edits and ignores its own writes', async () => {
    const { fake, host } = await setup();
    const edits: SheetEdit[][] = [];
    const stop = await host.watch((e) => edits.push(e));
    await fake.edit('แผนปฏิบัติการ', 'O27', '๓,๓๐๒,๔๐๐');
    expect(edits).toEqual([[{ sheet: 'แผนปฏิบัติการ', rows: [27] }]]);
    await host.apply(planMarks(analyze((await host.read()).snapshot)));
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('แผนปฏิบัติการ');
      ctx.runtime.enableEvents = false;
      ws.getRange('P1').values = [['x']];
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    });
    expect(edits).toHaveLength(1);
    await stop();
    await fake.edit('แผนปฏิบัติการ', 'O27', '๑');
    expect(edits).toHaveLength(1);
  });
});

describe('a file acknowledged in the browser, opened in Excel', () => {
  it('does not read the record sheet as a plan sheet', async () => {
    const { fake, host } = await setup();
    fake.state.addSheet('_plancheck').cells.set('1,1', '{"v":1,"items":{}}');
    await host.listSheets();
    const { snapshot } = await host.read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['สรุปงบประมาณ', 'แผนปฏิบัติการ']);
  });
});
