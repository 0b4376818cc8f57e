import type { Analysis } from '../../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { createEffects, mergeSheets, type EffectsOptions } from '../../../src/taskpane/state/effects';
import { initialState, reducer, type PaneEvent, type PaneState } from '../../../src/taskpane/state/reducer';
import { fixPreview, openCounts, visibleFindings } from '../../../src/taskpane/state/selectors';
import type { PlanHost } from '../../../src/workbook/host';
import { FakePlanHost, Gate } from '../../fakes/fake-plan-host';
import { fixture } from './fixtures';

let snapshot: WorkbookSnapshot;
let analysis: Analysis;
beforeAll(async () => {
  ({ snapshot, analysis } = await fixture('chiangmai-2566-clean.xlsx'));
});

const PLAN = 'แผนปฏิบัติการ';
const O27 = 'row-budget-sum|แผนปฏิบัติการ|O27';
const NOW = new Date(2026, 10, 21, 10, 15, 30);

/** A store over the pure reducer that keeps every event, and effects over `host`. */
export function setup(host: PlanHost, options: EffectsOptions = {}, from: PaneState = initialState()) {
  let state = from;
  const events: PaneEvent[] = [];
  const store = {
    getState: () => state,
    dispatch: (e: PaneEvent) => {
      events.push(e);
      state = reducer(state, e);
    },
  };
  const effects = createEffects(host, store, { now: () => NOW, ...options });
  return { effects, events, dispatch: store.dispatch, state: () => state, types: () => events.map((e) => e.type) };
}

const markedCells = (host: FakePlanHost, sheet = PLAN): string[] => host.lastMarks().marked[sheet] ?? [];

describe('checking', () => {
  it('reads with progress, analyses, marks the open errors and warnings, and is done', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state, types } = setup(host);
    await effects.check();
    expect(types()).toEqual(['check-started', 'read-progress', 'read-progress', 'analysed', 'marks-written']);
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
    expect(state()).toMatchObject({ phase: 'failed', error: 'Excel is busy (GeneralException)', analysis: null });
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
    expect(state()).toMatchObject({ phase: 'failed', error: 'InvalidOperation' });
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
    expect(state().error).toBe('settings are read-only');
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
    expect(state().error).toBe('sheet is hidden');
  });
});

describe('fixes and summaries', () => {
  it('writes exactly the previewed fix, checks again, then says it is done', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state, dispatch, types } = setup(host);
    await effects.check();
    await effects.applyFix();
    expect(host.applied).toHaveLength(1);
    dispatch({ type: 'fix-previewed', fix: 'numbers' });
    const previewed = fixPreview(state())!.actions;
    const before = types().length;
    await effects.applyFix();
    expect(host.applied[1]).toBe(previewed);
    expect(previewed.length).toBeGreaterThan(0);
    expect(types().slice(before)).toEqual(['fix-started', 'check-started', 'read-progress', 'read-progress', 'analysed', 'marks-written', 'fix-applied']);
    expect(state()).toMatchObject({ phase: 'done', fix: null, notice: 'แปลงตัวเลข เรียบร้อย' });
  });

  it('a failed write says so and claims nothing', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    host.failures.set('apply', new Error('too large'));
    await effects.summarize();
    expect(state()).toMatchObject({ phase: 'failed', error: 'too large', notice: null });
  });

  it('does nothing without an analysis', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, events } = setup(host, {}, reducer(initialState(), { type: 'fix-previewed', fix: 'totals' }));
    await effects.summarize();
    await effects.applyFix();
    expect(events).toHaveLength(0);
  });
});

describe('live mode', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  /** Lets the effects' promises and timers run until `done` holds. */
  const until = async (done: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !done(); i++) await jest.advanceTimersByTimeAsync(50);
    expect(done()).toBe(true);
  };

  it('re-reads the edited sheet after a pause, re-checks, updates the marks and says when', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    await effects.setLive(true);
    expect(host.watches).toBe(1);
    host.edit(PLAN, 'M27', '-');
    host.edit(PLAN, 'M27', '-');
    expect(state().live.pending).toEqual([PLAN]);
    await jest.advanceTimersByTimeAsync(499);
    expect(host.sheetReads).toEqual([]);
    await until(() => !state().live.running && state().live.at !== null);
    expect(host.sheetReads).toEqual([[PLAN]]);
    expect(openCounts(state()).error).toBe(5);
    expect(visibleFindings(state()).some((f) => f.cell === 'O27' && f.code === 'row-budget-sum')).toBe(false);
    expect(markedCells(host)).not.toContain('error:O27');
    expect(state().live.at).toBe('10:15:30');
  });

  it('listens once for as long as it is on, whatever else happens', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects } = setup(host);
    await effects.setLive(true);
    await effects.setLive(true);
    await effects.check();
    await effects.setMarks(false);
    host.edit(PLAN, 'M27', '-');
    await until(() => host.sheetReads.length === 1);
    await effects.check();
    expect(host.watches).toBe(1);
    expect(host.stops).toBe(0);
    await effects.setLive(false);
    expect(host.stops).toBe(1);
    expect(host.listener).toBeNull();
    await effects.setLive(true);
    expect(host.watches).toBe(2);
  });

  it('an edit typed while a re-check runs is re-checked right after it, once', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    await effects.setLive(true);
    const gate = new Gate();
    host.gates.set('readSheets', gate);
    host.edit(PLAN, 'M27', '-');
    await until(() => state().live.running);
    host.edit(PLAN, 'C12', 99);
    host.edit(PLAN, 'C12', 98);
    await jest.advanceTimersByTimeAsync(1000);
    // Still one read: the second waits for the first instead of racing it.
    expect(host.sheetReads).toHaveLength(1);
    expect(state().live.pending).toEqual([PLAN]);
    gate.open();
    await until(() => host.sheetReads.length === 2 && !state().live.running);
    expect(state().live.pending).toEqual([]);
    const finalSheet = state().snapshot?.sheets.find((s) => s.name === PLAN);
    expect(finalSheet).toBe(host.snapshot.sheets.find((s) => s.name === PLAN));
    await jest.advanceTimersByTimeAsync(2000);
    expect(host.sheetReads).toHaveLength(2);
  });

  it('edits made while the whole workbook is read are re-checked after it', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    await effects.setLive(true);
    const gate = new Gate();
    host.gates.set('read', gate);
    const checking = effects.check();
    host.edit(PLAN, 'M27', '-');
    await jest.advanceTimersByTimeAsync(1000);
    expect(host.sheetReads).toEqual([]);
    gate.open();
    await checking;
    await until(() => host.sheetReads.length === 1 && !state().live.running);
    expect(openCounts(state()).error).toBe(5);
  });

  it('a re-check that a full read overtook is redone on top of it', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state, dispatch } = setup(host);
    await effects.check();
    await effects.setLive(true);
    const gate = new Gate();
    host.gates.set('readSheets', gate);
    host.edit(PLAN, 'M27', '-');
    await until(() => state().live.running);
    // A full read lands while the re-read is in flight (its snapshot predates the edit).
    const replaced = { ...snapshot, sheets: [...snapshot.sheets] };
    dispatch({ type: 'analysed', snapshot: replaced, analysis, acks: state().acks });
    dispatch({ type: 'marks-written' });
    gate.open();
    await until(() => host.sheetReads.length === 2 && !state().live.running);
    expect(state().snapshot).not.toBe(replaced);
    expect(state().snapshot?.sheets[0]).toBe(replaced.sheets[0]);
    expect(openCounts(state()).error).toBe(5);
  });

  it('a failed re-read is shown and live mode goes on', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    await effects.setLive(true);
    host.failures.set('readSheets', new Error('sheet deleted'));
    host.edit(PLAN, 'M27', '-');
    await until(() => state().phase === 'failed');
    expect(state()).toMatchObject({ error: 'sheet deleted', live: { on: true, running: false } });
    host.edit(PLAN, 'M27', '-');
    await until(() => host.sheetReads.length === 2 && openCounts(state()).error === 5);
  });

  it('cannot listen: says so', async () => {
    const host = new FakePlanHost(snapshot);
    host.failures.set('watch', new Error('events unsupported'));
    const { effects, state } = setup(host);
    await effects.setLive(true);
    expect(state().error).toBe('events unsupported');
    await effects.setLive(true);
    expect(host.watches).toBe(2);
  });

  it('stops listening when the pane closes, and ignores edits after', async () => {
    const host = new FakePlanHost(snapshot);
    const { effects, state } = setup(host);
    await effects.check();
    await effects.setLive(true);
    const listener = host.listener!;
    await effects.dispose();
    expect(host.stops).toBe(1);
    listener([PLAN]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(state().live.pending).toEqual([]);
    expect(host.sheetReads).toEqual([]);
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
