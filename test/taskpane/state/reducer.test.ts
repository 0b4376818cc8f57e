import type { SheetEdit } from '../../../src/workbook/host';
import type { TestAnalysis } from './fixtures';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { initialState, reducer, type PaneEvent, type PaneState } from '../../../src/taskpane/state/reducer';
import { fixture } from './fixtures';

let snapshot: WorkbookSnapshot;
let analysis: TestAnalysis;
beforeAll(async () => {
  ({ snapshot, analysis } = await fixture('chiangmai-2566-clean.xlsx'));
});

const run = (events: PaneEvent[], from: PaneState = initialState()): PaneState => events.reduce(reducer, from);
const acks = { v: 1 as const, items: { 'duplicate-row|แผนปฏิบัติการ|B29': { reason: 'สองโครงการ', at: '2026-11-01' } } };
const checked = (): PaneState => run([{ type: 'check-started' }, { type: 'analysed', snapshot, analysis, acks }, { type: 'marks-written' }]);

describe('the pane state', () => {
  it('starts idle, in Thai, marking without notes, every severity shown', () => {
    const s = initialState();
    expect(s).toMatchObject({ lang: 'th', phase: 'idle', analysis: null, marks: true, notes: false, live: { on: false, pending: [], running: false } });
    expect([...s.filters.severities]).toEqual(['error', 'warning', 'info']);
    expect(initialState('en').lang).toBe('en');
  });

  it('changes language', () => {
    expect(reducer(initialState(), { type: 'lang-changed', lang: 'en' }).lang).toBe('en');
  });

  it('a check reads (with progress), analyses, then writes marks, and forgets the last error and notice', () => {
    const failed = run([{ type: 'failed', error: { th: 'x', en: 'x' } }, { type: 'fix-applied', notice: 'done' }]);
    const reading = reducer(failed, { type: 'check-started' });
    expect(reading).toMatchObject({ phase: 'reading', progress: 0, error: null, notice: null });
    expect(reducer(reading, { type: 'read-progress', done: 1, total: 4 }).progress).toBe(0.25);
    expect(reducer(reading, { type: 'read-progress', done: 0, total: 0 }).progress).toBeNull();
    const analysed = reducer(reading, { type: 'analysed', snapshot, analysis, acks });
    expect(analysed).toMatchObject({ phase: 'applying', progress: null, snapshot, analysis, acks });
    expect(reducer(analysed, { type: 'marks-written' }).phase).toBe('done');
  });

  it('turns marks and notes on and off', () => {
    expect(reducer(initialState(), { type: 'marks-toggled', marks: false, notes: true })).toMatchObject({ marks: false, notes: true });
  });

  it('acknowledges a finding with a reason and a day, and withdraws it', () => {
    const s = reducer(checked(), { type: 'acknowledged', key: 'row-budget-sum|แผนปฏิบัติการ|O27', reason: 'แจ้งแล้ว', at: '2026-11-21' });
    expect(s.acks.items).toEqual({ ...acks.items, 'row-budget-sum|แผนปฏิบัติการ|O27': { reason: 'แจ้งแล้ว', at: '2026-11-21' } });
    expect(reducer(s, { type: 'withdrawn', key: 'row-budget-sum|แผนปฏิบัติการ|O27' }).acks).toEqual(acks);
  });

  it('fails with the error and no progress', () => {
    const s = run([{ type: 'check-started' }, { type: 'failed', error: { th: 'Excel ไม่ว่าง', en: 'Excel is busy' } }]);
    expect(s).toMatchObject({ phase: 'failed', error: { th: 'Excel ไม่ว่าง', en: 'Excel is busy' }, progress: null });
  });

  it('previews a fix, toggles overwriting, closes it; writing one closes the preview and the notice says what was done', () => {
    let s = reducer(checked(), { type: 'fix-previewed', fix: 'totals' });
    expect(s.fix).toEqual({ kind: 'totals', overwrite: false });
    s = reducer(s, { type: 'overwrite-toggled', overwrite: true });
    expect(s.fix).toEqual({ kind: 'totals', overwrite: true });
    expect(reducer(s, { type: 'fix-closed' }).fix).toBeNull();
    expect(reducer(initialState(), { type: 'overwrite-toggled', overwrite: true }).fix).toBeNull();
    s = reducer(s, { type: 'fix-started' });
    expect(s).toMatchObject({ phase: 'applying', fix: null, notice: null, error: null });
    expect(reducer(s, { type: 'fix-applied', notice: 'เติมผลรวม เรียบร้อย' }).notice).toBe('เติมผลรวม เรียบร้อย');
  });

  it('filters by severity, rule, sheet and acknowledgement', () => {
    let s = reducer(checked(), { type: 'severity-toggled', severity: 'error', on: false });
    expect([...s.filters.severities]).toEqual(['warning', 'info']);
    s = reducer(s, { type: 'severity-toggled', severity: 'error', on: true });
    expect(s.filters.severities.has('error')).toBe(true);
    s = reducer(s, { type: 'rule-toggled', code: 'duplicate-row', on: false });
    expect([...s.filters.hiddenCodes]).toEqual(['duplicate-row']);
    expect(reducer(s, { type: 'rule-toggled', code: 'duplicate-row', on: true }).filters.hiddenCodes.size).toBe(0);
    s = reducer(s, { type: 'sheet-filtered', sheet: 'สรุปงบประมาณ' });
    expect(s.filters.sheet).toBe('สรุปงบประมาณ');
    expect(reducer(s, { type: 'sheet-filtered', sheet: null }).filters.sheet).toBeNull();
    expect(reducer(s, { type: 'acknowledged-shown', show: false }).filters.showAcknowledged).toBe(false);
  });

  it('remembers the finding last clicked', () => {
    const f = analysis.findings[0]!;
    expect(reducer(checked(), { type: 'finding-selected', finding: f }).selected).toBe(f);
  });
});

describe('live mode in the state', () => {
  const live = (): PaneState => reducer(checked(), { type: 'live-toggled', on: true });
  const rechecked = (s: PaneState, edits: SheetEdit[], base = s.snapshot!): PaneState =>
    reducer(s, { type: 'rechecked', base, edits, snapshot: { ...base }, analysis: { ...analysis, id: 1 }, at: '10:00:00' });
  const plan = (rows: number[] | null): SheetEdit => ({ sheet: 'แผนปฏิบัติการ', rows });

  it('queues edits once per sheet, in order, rows united, only while live mode is on', () => {
    expect(reducer(checked(), { type: 'live-edit', edits: [plan([27])] }).live.pending).toEqual([]);
    const s = run(
      [
        { type: 'live-edit', edits: [plan([27])] },
        { type: 'live-edit', edits: [{ sheet: 'สรุปงบประมาณ', rows: [5] }, plan([12, 27])] },
        { type: 'live-edit', edits: [{ sheet: 'สรุปงบประมาณ', rows: null }] },
      ],
      live(),
    );
    expect(s.live.pending).toEqual([plan([12, 27]), { sheet: 'สรุปงบประมาณ', rows: null }]);
    // A whole-sheet edit (rows inserted) covers the rows edited before and after it.
    expect(reducer(s, { type: 'live-edit', edits: [{ sheet: 'สรุปงบประมาณ', rows: [9] }] }).live.pending[1]).toEqual({ sheet: 'สรุปงบประมาณ', rows: null });
    expect(reducer(s, { type: 'live-toggled', on: false }).live).toMatchObject({ on: false, pending: [] });
  });

  it('an edit made while a re-check runs waits for the next one, with its own rows', () => {
    let s = run([{ type: 'live-edit', edits: [plan([27])] }, { type: 'recheck-started', edits: [plan([27])] }], live());
    expect(s.live).toMatchObject({ running: true, pending: [] });
    s = reducer(s, { type: 'live-edit', edits: [plan([31])] });
    expect(s.live).toMatchObject({ running: true, pending: [plan([31])] });
    s = rechecked(s, [plan([27])]);
    expect(s.live).toMatchObject({ running: true, pending: [plan([31])], at: '10:00:00' });
    s = reducer(s, { type: 'recheck-finished' });
    expect(s.live).toMatchObject({ running: false, pending: [plan([31])] });
  });

  it('takes a re-check\'s snapshot and analysis, unless another read replaced the snapshot meanwhile: then its sheets wait again', () => {
    const started = reducer(live(), { type: 'recheck-started', edits: [plan([27])] });
    const fresh = rechecked(started, [plan([27])]);
    expect(fresh.snapshot).not.toBe(started.snapshot);
    expect(fresh.analysis).not.toBe(analysis);
    const stale = rechecked(started, [plan([27])], { sheets: [] });
    expect(stale.snapshot).toBe(started.snapshot);
    expect(stale.analysis).toBe(analysis);
    expect(stale.live).toMatchObject({ pending: [plan([27])], at: null });
  });

  it('a failed re-check stops running and shows the error', () => {
    const s = run([{ type: 'recheck-started', edits: [plan(null)] }, { type: 'recheck-finished', error: { th: 'หาย', en: 'gone' } }], live());
    expect(s).toMatchObject({ phase: 'failed', error: { th: 'หาย', en: 'gone' }, live: { running: false } });
  });
});
