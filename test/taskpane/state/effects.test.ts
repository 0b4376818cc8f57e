import type { TestAnalysis } from './fixtures';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { mergeSheets } from '../../../src/taskpane/state/effects';
import { initialState, reducer } from '../../../src/taskpane/state/reducer';
import { fixPreview, openCounts } from '../../../src/taskpane/state/selectors';
import { FakePlanHost } from '../../fakes/fake-plan-host';
import { fixture } from './fixtures';
import { setup } from './store';

let snapshot: WorkbookSnapshot;
let analysis: TestAnalysis;
beforeAll(async () => {
  ({ snapshot, analysis } = await fixture('chiangmai-2566-clean.xlsx'));
});

const PLAN = 'แผนปฏิบัติการ';
const O27 = 'row-budget-sum|แผนปฏิบัติการ|O27';

const markedCells = (host: FakePlanHost, sheet = PLAN): string[] => host.lastMarks().marked[sheet] ?? [];

describe('checking', () => {
  it('reads with progress, analyses, marks the open errors and warnings, and is done', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state, types } = setup(host);
    await effects.check();
    expect(types()).toEqual(['check-started', 'read-progress', 'read-progress', 'analysing', 'analysed', 'host-reported', 'marks-written']);
    expect(state()).toMatchObject({ phase: 'done', progress: null, error: null });
    expect(state().analysis?.findings).toEqual(analysis.findings);
    expect(openCounts(state()).error).toBe(6);
    expect(markedCells(host)).toContain('error:O27');
    expect(host.lastMarks()).toMatchObject({ cleared: true, notes: {} });
  });

  it('a check with marks off clears ours instead', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects } = setup(host, {}, { ...initialState(), marks: false });
    await effects.check();
    expect(host.applied.at(-1)).toEqual([{ kind: 'clear-marks' }]);
  });

  it('says what went wrong when the host fails, and marks nothing', async () => {
    const host = new FakePlanHost(snapshot);
    host.failures.set('read', new Error('Excel is busy (GeneralException)'));
    const { effects, state } = setup(host);
    await effects.check();
    expect(state()).toMatchObject({ phase: 'failed', error: { en: 'Excel is busy (GeneralException)' }, analysis: null });
    expect(host.applied).toEqual([]);
  });

  it('reads the acknowledgements stored in the workbook with it', async () => {
    const host = new FakePlanHost(snapshot);
    host.acks = { v: 1, items: { [O27]: { reason: 'ตรวจแล้ว', at: '2026-11-01' } } };
    const { effects, state } = setup(host);
    await effects.check();
    expect(state().acks).toEqual(host.acks);
    expect(openCounts(state()).error).toBe(5);
    expect(markedCells(host)).not.toContain('error:O27');
  });
});

describe('marks and explanations', () => {
  it('clears marks and turns them off; turning them on marks again', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    await effects.setMarks(false);
    expect(state().marks).toBe(false);
    expect(host.applied.at(-1)).toEqual([{ kind: 'clear-marks' }]);
    await effects.setMarks(true);
    expect(markedCells(host)).toContain('error:O27');
  });

  it('explains in the cells only when asked, and only where the host can', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    expect(host.lastMarks().notes).toEqual({});
    await effects.setMarks(true, true);
    expect(state().notes).toBe(true);
    expect(host.lastMarks().notes[`${PLAN}!O27`]).toMatch(/^ตรวจแผน: งบประมาณรายไตรมาส/);
    const plain = new FakePlanHost(snapshot, false);
    const other = setup(plain);
    await other.effects.check();
    await other.effects.setMarks(true, true);
    expect(plain.lastMarks().notes).toEqual({});
  });

  it('before any check, turning marks off clears what an earlier session left, turning them on writes nothing', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects } = setup(host);
    await effects.setMarks(false);
    expect(host.applied).toEqual([[{ kind: 'clear-marks' }]]);
    await effects.setMarks(true);
    expect(host.applied).toHaveLength(1);
  });

  it('a failed write is shown', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    host.failures.set('apply', new Error('InvalidOperation'));
    await effects.setMarks(false);
    expect(state()).toMatchObject({ phase: 'failed', error: { en: 'InvalidOperation' } });
  });
});

describe('acknowledging', () => {
  const o27 = () => analysis.findings.find((f) => f.cell === 'O27' && f.code === 'row-budget-sum')!;

  it('stores the reason and the day in the workbook, and the cell is no longer marked; withdrawing marks it again', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    await effects.acknowledge(o27(), 'งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว');
    expect(host.saved.at(-1)?.items[O27]).toEqual({ reason: 'งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว', at: '2026-11-21' });
    expect(openCounts(state()).error).toBe(5);
    expect(markedCells(host)).not.toContain('error:O27');
    await effects.withdraw(o27());
    expect(host.saved.at(-1)?.items).toEqual({});
    expect(markedCells(host)).toContain('error:O27');
  });

  it('with marks off, stores the acknowledgement and writes no marks', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects } = setup(host);
    await effects.check();
    await effects.setMarks(false);
    const writes = host.applied.length;
    await effects.acknowledge(o27(), 'ok');
    expect(host.saved).toHaveLength(1);
    expect(host.applied).toHaveLength(writes);
  });

  it('a failed save is shown', async () => {
    const host = new FakePlanHost(snapshot);
    host.failures.set('saveAcks', new Error('settings are read-only'));
    const { effects, state } = setup(host);
    await effects.check();
    await effects.acknowledge(o27(), 'ok');
    expect(state().error?.en).toBe('settings are read-only');
  });
});

describe('going to a finding', () => {
  it('selects its cell in the host and remembers it', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    const f = analysis.findings.find((x) => x.cell === 'O27')!;
    await effects.select(f);
    expect(host.selected).toEqual([`${PLAN}!O27`]);
    expect(state().selected).toBe(f);
    host.failures.set('select', new Error('sheet is hidden'));
    await effects.select(f);
    expect(state().error?.en).toBe('sheet is hidden');
  });
});

describe('fixes and summaries', () => {
  it('writes exactly the previewed fix, checks again, then says it is done', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state, types } = setup(host);
    await effects.check();
    await effects.applyFix();
    expect(host.applied).toHaveLength(1);
    await effects.planFix({ type: 'fix-previewed', fix: 'numbers' });
    const previewed = fixPreview(state())!.actions;
    const before = types().length;
    await effects.applyFix();
    expect(host.applied[1]).toBe(previewed);
    expect(previewed.length).toBeGreaterThan(0);
    expect(types().slice(before)).toEqual(['fix-started', 'host-reported', 'check-started', 'read-progress', 'read-progress', 'analysing', 'analysed', 'host-reported', 'marks-written', 'fix-applied']);
    expect(state()).toMatchObject({ phase: 'done', fix: null, notice: 'แปลงตัวเลข เรียบร้อย' });
  });

  it('a failed write says so and claims nothing', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    host.failures.set('apply', new Error('too large'));
    await effects.summarize();
    expect(state()).toMatchObject({ phase: 'failed', error: { en: 'too large' }, notice: null });
  });

  it('does nothing without an analysis', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, events } = setup(host, {}, reducer(initialState(), { type: 'fix-previewed', fix: 'totals' }));
    await effects.summarize();
    await effects.applyFix();
    expect(events).toHaveLength(0);
  });
});

describe('merging re-read sheets', () => {
  it('replaces the re-read sheets and keeps the others and their order', () => {
    const fresh = { sheets: [{ ...snapshot.sheets[1]!, values: [] }] };
    const merged = mergeSheets(snapshot, fresh);
    expect(merged.sheets.map((s) => s.name)).toEqual(snapshot.sheets.map((s) => s.name));
    expect(merged.sheets[0]).toBe(snapshot.sheets[0]);
    expect(merged.sheets[1]).toBe(fresh.sheets[0]);
  });
});
