import { initialState, reducer, type PaneEvent, type PaneState } from '../../../src/taskpane/state/reducer';
import { fixPreview } from '../../../src/taskpane/state/selectors';
import { fixture, planned } from './fixtures';

/** เติมผลรวม in the pane on a plan kept the Excel way: wrong formulas listed with their cells, chosen one by one. */
const run = (events: PaneEvent[], from: PaneState = initialState()): PaneState => events.reduce(reducer, from);

describe('the pane\'s เติมผลรวม on formulas', () => {
  it('lists a wrong formula with its missing cell, rewrites it when ticked and keeps it when unticked', async () => {
    const { snapshot, analysis } = await fixture('excel-native/range-short.xlsx');
    const acks = { v: 1 as const, items: {} };
    const s = planned(run([{ type: 'check-started' }, { type: 'analysed', snapshot, analysis, acks }, { type: 'marks-written' }]), { type: 'fix-previewed', fix: 'totals' });
    const p = fixPreview(s)!;
    expect(p.formulasTitle).toBe('สูตรที่อ่านช่องไม่ตรงกับที่ควรรวม 1 ช่อง (ติ๊กไว้ = แทนด้วยสูตรที่ถูกต้อง)');
    expect(p.conflictsTitle).toBeNull();
    expect(p.choices).toEqual([{ cell: 'แผนปฏิบัติการ!O15', line: 'แผนปฏิบัติการ!O15: =SUM(O11:O13) ขาด O14 · เกิน —', checked: true }]);
    expect(p.actions.map((a) => (a.kind === 'set-formula' ? a.formula : a.kind))).toEqual(['=SUM(O11:O14)']);
    const kept = fixPreview(planned(s, { type: 'conflict-toggled', cell: 'แผนปฏิบัติการ!O15', overwrite: false }))!;
    expect(kept.choices[0]?.checked).toBe(false);
    expect(kept.actions).toEqual([]);
  });

  it('has nothing to do on the correct plan', async () => {
    const { snapshot, analysis } = await fixture('excel-native/correct.xlsx');
    const s = planned(run([{ type: 'check-started' }, { type: 'analysed', snapshot, analysis, acks: { v: 1, items: {} } }]), { type: 'fix-previewed', fix: 'totals' });
    expect(fixPreview(s)).toMatchObject({ actions: [], choices: [], summary: 'ไม่มีอะไรต้องแก้' });
  });
});
