import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { localEngine } from '../../../src/taskpane/state/local-engine';
import { createEffects } from '../../../src/taskpane/state/effects';
import { initialState, reducer, type PaneEvent, type PaneState } from '../../../src/taskpane/state/reducer';
import { openCounts, visibleFindings } from '../../../src/taskpane/state/selectors';
import { OfficeHost } from '../../../src/workbook/office/host';
import { FakeExcel } from '../../fakes/fake-excel';
import { fixture } from './fixtures';

/**
 * The pane's effects against the real Excel adapter over FakeExcel (no DOM): what a reviewer's clicks end up
 * writing into the workbook.
 */

let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  ({ snapshot } = await fixture('chiangmai-2566-clean.xlsx'));
});

const PLAN = 'แผนปฏิบัติการ';

function setup(apiVersion = '1.18') {
  const fake = FakeExcel.fromSnapshot(snapshot, { apiVersion });
  const host = new OfficeHost(fake.run, fake.isSetSupported);
  let state: PaneState = initialState();
  const store = { getState: () => state, dispatch: (e: PaneEvent) => void (state = reducer(state, e)) };
  const effects = createEffects(localEngine(host), store, { now: () => new Date('2026-11-21T10:00:00Z'), debounceMs: 10 });
  return { fake, effects, dispatch: store.dispatch, state: () => state };
}

const finding = (s: PaneState, cell: string) => visibleFindings(s).find((f) => f.cell === cell && f.code === 'row-budget-sum')!;

describe('the pane on Excel', () => {
  it('marks the cells of a check, explains them when asked, clears them when asked', async () => {
    const { fake, effects } = setup();
    await effects.check();
    expect(fake.markedCells()[PLAN]).toContain('O27');
    expect(fake.state.sheet(PLAN)!.notes.size).toBe(0);
    await effects.setMarks(true, true);
    expect(fake.state.sheet(PLAN)!.notes.get('O27')).toMatch(/^ตรวจแผน: /);
    await effects.setMarks(false);
    expect(fake.markedCells()).toEqual({});
    expect(fake.state.sheet(PLAN)!.notes.size).toBe(0);
  });

  it('goes to a finding\'s cell', async () => {
    const { fake, effects, state } = setup();
    await effects.check();
    await effects.select(finding(state(), 'O27'));
    expect(fake.state.selection).toEqual({ sheet: PLAN, address: 'O27' });
  });

  it('stores an acknowledgement in the workbook and unmarks its cell', async () => {
    const { fake, effects, state } = setup();
    await effects.check();
    await effects.acknowledge(finding(state(), 'O27'), 'งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว');
    const stored = JSON.parse(String(fake.state.settings.get('plancheck.acks')));
    expect(stored.items['row-budget-sum|แผนปฏิบัติการ|O27']).toEqual({ reason: 'งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว', at: '2026-11-21' });
    expect(fake.markedCells()[PLAN]).not.toContain('O27');
  });

  it('the next reviewer sees the acknowledgements stored in the workbook', async () => {
    const { fake, effects, state } = setup();
    fake.state.settings.set('plancheck.acks', JSON.stringify({ v: 1, items: { 'row-budget-sum|แผนปฏิบัติการ|O27': { reason: 'ตรวจแล้ว', at: '2026-11-01' } } }));
    await effects.check();
    expect(openCounts(state()).error).toBe(5);
    expect(state().acks.items['row-budget-sum|แผนปฏิบัติการ|O27']).toEqual({ reason: 'ตรวจแล้ว', at: '2026-11-01' });
    expect(fake.markedCells()[PLAN]).not.toContain('O27');
  });

  it('live mode: an edit in Excel is re-checked, the list and marks follow; off stops listening', async () => {
    const { fake, effects, state } = setup();
    await effects.check();
    await effects.setLive(true);
    expect(fake.state.handlers).toHaveLength(1);
    await fake.edit(PLAN, 'M27', '-');
    // Re-checked once the time is set and the marks are written (the re-check no longer runs).
    for (let i = 0; i < 200 && (state().live.at === null || state().live.running); i++) await new Promise((r) => setTimeout(r, 10));
    expect(openCounts(state()).error).toBe(5);
    expect(visibleFindings(state()).some((f) => f.cell === 'O27' && f.code === 'row-budget-sum')).toBe(false);
    expect(fake.markedCells()[PLAN]).not.toContain('O27');
    await effects.setLive(false);
    expect(fake.state.handlers).toHaveLength(0);
  });

  it('แปลงตัวเลข converts the text numbers it previewed and re-checks', async () => {
    const { fake, effects, state } = setup();
    await effects.check();
    await effects.planFix({ type: 'fix-previewed', fix: 'numbers' });
    expect(fake.state.sheet(PLAN)!.cells.get('27,15')).toBe('๑,๖๕๑,๒๐๐ บาท');
    await effects.applyFix();
    expect(fake.state.sheet(PLAN)!.cells.get('27,15')).toBe(1651200);
    expect(state().notice).toBe('แปลงตัวเลข เรียบร้อย');
    expect(state().analysis?.findings.some((f) => f.code === 'number-as-text')).toBe(false);
  });

  it('เติมผลรวม writes formulas, and over disagreeing figures only when ticked', async () => {
    const { fake, effects, state } = setup();
    await effects.check();
    await effects.planFix({ type: 'fix-previewed', fix: 'totals' });
    await effects.applyFix();
    const plan = fake.state.sheet(PLAN)!;
    expect(state().notice).toBe('เติมผลรวม เรียบร้อย');
    expect(plan.formulas.get('10,15')).toBe('=SUM(G10,I10,K10,M10)');
    expect(plan.formulas.has('27,15')).toBe(false);
    await effects.planFix({ type: 'fix-previewed', fix: 'totals' });
    await effects.planFix({ type: 'overwrite-toggled', overwrite: true });
    await effects.applyFix();
    expect(plan.formulas.get('27,15')).toBe('=SUM(G27,I27,K27,M27)');
  });

  it('สร้างสรุป adds the Thai summary sheets, titled from the workbook', async () => {
    const { fake, effects, state } = setup();
    await effects.check();
    await effects.summarize();
    expect(state().notice).toBe('เพิ่มชีต สรุปตามหน่วยงาน, สรุปตามตัวชี้วัด, สรุปรายไตรมาส, ผลการตรวจ แล้ว');
    expect(fake.state.sheet('สรุปตามตัวชี้วัด')!.cells.get('1,1')).toBe('สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด จังหวัดเชียงใหม่ ปีงบประมาณ พ.ศ. ๒๕๖๖');
  });

  it('a failing Excel is reported with its message', async () => {
    const fake = new FakeExcel();
    const host = new OfficeHost(async () => {
      throw new Error('Excel is busy (GeneralException)');
    }, fake.isSetSupported);
    let state = initialState();
    const effects = createEffects(localEngine(host), { getState: () => state, dispatch: (e) => void (state = reducer(state, e)) });
    await effects.check();
    expect(state).toMatchObject({ phase: 'failed', error: { en: 'Excel is busy (GeneralException)' } });
  });
});
