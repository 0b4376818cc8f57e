import { analyze } from '../../../src/domain/analyze';
import type { TestAnalysis } from './fixtures';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { openCounts, visibleFindings } from '../../../src/taskpane/state/selectors';
import { FakePlanHost, Gate } from '../../fakes/fake-plan-host';
import { fixture } from './fixtures';
import { setup } from './store';

let snapshot: WorkbookSnapshot;
let analysis: TestAnalysis;
beforeAll(async () => {
  ({ snapshot, analysis } = await fixture('chiangmai-2566-clean.xlsx'));
});

const PLAN = 'แผนปฏิบัติการ';
const markedCells = (host: FakePlanHost, sheet = PLAN): string[] => host.lastMarks().marked[sheet] ?? [];

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
    expect(state().live.pending).toEqual([{ sheet: PLAN, rows: [27] }]);
    await jest.advanceTimersByTimeAsync(499);
    expect(host.sheetReads).toEqual([]);
    await until(() => !state().live.running && state().live.at !== null);
    expect(host.sheetReads).toEqual([[PLAN]]);
    // Only the edited row is asked for; the re-check is the full check of the workbook as it now is.
    expect(host.editReads).toEqual([[{ sheet: PLAN, rows: [27] }]]);
    expect(state().analysis?.findings).toEqual(analyze(host.snapshot).findings);
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
    expect(state().live.pending).toEqual([{ sheet: PLAN, rows: [12] }]);
    gate.open();
    await until(() => host.sheetReads.length === 2 && !state().live.running);
    expect(state().live.pending).toEqual([]);
    // The rows typed during the first re-check are the second's, not lost and not merged into the first.
    expect(host.editReads).toEqual([[{ sheet: PLAN, rows: [27] }], [{ sheet: PLAN, rows: [12] }]]);
    expect(state().analysis?.findings).toEqual(analyze(host.snapshot).findings);
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
    expect(state()).toMatchObject({ error: { en: 'sheet deleted' }, live: { on: true, running: false } });
    host.edit(PLAN, 'M27', '-');
    await until(() => host.sheetReads.length === 2 && openCounts(state()).error === 5);
  });

  it('cannot listen: says so', async () => {
    const host = new FakePlanHost(snapshot);
    host.failures.set('watch', new Error('events unsupported'));
    const { effects, state } = setup(host);
    await effects.setLive(true);
    expect(state().error?.en).toBe('events unsupported');
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
    listener([{ sheet: PLAN, rows: [27] }]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(state().live.pending).toEqual([]);
    expect(host.sheetReads).toEqual([]);
  });
});

