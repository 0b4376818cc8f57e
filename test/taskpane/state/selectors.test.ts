import { fingerprint } from '../../../src/domain/actions/marks';
import { analyze } from '../../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../../src/domain/snapshot';
import { initialState, reducer, type PaneEvent, type PaneState } from '../../../src/taskpane/state/reducer';
import {
  ackOf, acknowledgedCount, findingsView, fixPreview, isBusy, listView, markActions, nextRecheck, notesSwitch, openCounts, openFailedText,
  noPlan, progressValue, ruleOptions, severityOptions, sheetOptions, sheetSummary, shownPart, statusText, strings, summaryDone, canSummarize, summaryView, visibleFindings,
} from '../../../src/taskpane/state/selectors';
import { Analyses } from '../../../src/taskpane/state/engine';
import { asPane, fixture, planned, type TestAnalysis } from './fixtures';

let snapshot: WorkbookSnapshot;
let analysis: TestAnalysis;
beforeAll(async () => {
  ({ snapshot, analysis } = await fixture('chiangmai-2566-clean.xlsx'));
});

const PLAN = 'แผนปฏิบัติการ';
const SUMMARY = 'สรุปงบประมาณ';
const O27 = 'row-budget-sum|แผนปฏิบัติการ|O27';
const noAcks = { v: 1 as const, items: {} };
const run = (events: PaneEvent[], from: PaneState = initialState()): PaneState => events.reduce(reducer, from);
const checked = (acks = noAcks, lang: 'th' | 'en' = 'th', a = analysis): PaneState =>
  run([{ type: 'check-started' }, { type: 'analysed', snapshot, analysis: a, acks }, { type: 'marks-written' }], initialState(lang));
const acked = (): PaneState => reducer(checked(), { type: 'acknowledged', key: O27, reason: 'งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว', at: '2026-11-21' });
const cells = (s: PaneState): string[] => visibleFindings(s).map((f) => f.cell);
const item = (s: PaneState, cell: string) => findingsView(s).flatMap((sec) => sec.groups.flatMap((g) => g.items.map((i) => ({ ...i, sheetTitle: g.title, section: sec.title })))).find((i) => i.finding.cell === cell);

describe('counts', () => {
  it('counts open findings by severity on the Chiang Mai plan', () => {
    expect(openCounts(checked())).toEqual({ error: 6, warning: 10, info: expect.any(Number) });
    expect(acknowledgedCount(checked())).toBe(0);
  });

  it('an acknowledged finding no longer counts as open', () => {
    expect(openCounts(acked()).error).toBe(5);
    expect(acknowledgedCount(acked())).toBe(1);
    expect(ackOf(acked(), analysis.findings.find((f) => fingerprint(f) === O27)!)).toEqual({ reason: 'งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว', at: '2026-11-21' });
  });

  it('acknowledgements stored in the workbook count as soon as it is read', () => {
    const s = checked({ v: 1, items: { [O27]: { reason: 'ตรวจแล้ว', at: '2026-11-01' } } });
    expect(openCounts(s).error).toBe(5);
    expect(item(s, 'O27')?.ackText).toBe('รับทราบ 1 พ.ย. 2569: ตรวจแล้ว');
  });

  it('the counts line says each severity, the projects and the budget, in Thai or English', () => {
    expect(summaryView(initialState())).toBeNull();
    const th = summaryView(checked())!;
    expect(th.counts.slice(0, 2)).toEqual([
      { severity: 'error', count: 6, text: 'ผิดพลาด 6' },
      { severity: 'warning', count: 10, text: 'คำเตือน 10' },
    ]);
    expect(th.projects).toBe('38 โครงการ · งบประมาณรวม 3,119,920 บาท');
    const en = summaryView(checked(noAcks, 'en'))!;
    expect(en.counts[0]?.text).toBe('Errors 6');
    expect(en.projects).toBe('38 projects · total budget 3,119,920 baht');
  });
});

describe('visible findings', () => {
  it('shows every finding at first', () => {
    expect(visibleFindings(checked())).toEqual(analysis.findings);
    expect(visibleFindings(initialState())).toEqual([]);
  });

  it('hides a severity that is unticked', () => {
    const s = reducer(checked(), { type: 'severity-toggled', severity: 'error', on: false });
    expect(cells(s)).not.toContain('O27');
    expect(cells(s)).toContain('B29');
    expect(visibleFindings(s).every((f) => f.severity !== 'error')).toBe(true);
  });

  it('hides a rule that is unticked, and offers the rules present with their counts', () => {
    const s = checked();
    const options = ruleOptions(s);
    expect(options.map((o) => o.key)).toEqual([...new Set(analysis.findings.map((f) => f.code))].sort());
    expect(options.find((o) => o.key === 'duplicate-row')).toEqual({ key: 'duplicate-row', label: 'แถวซ้ำ (1)', checked: true });
    const hidden = reducer(s, { type: 'rule-toggled', code: 'duplicate-row', on: false });
    expect(cells(hidden)).not.toContain('B29');
    expect(cells(hidden)).toContain('O27');
    expect(ruleOptions(hidden).find((o) => o.key === 'duplicate-row')?.checked).toBe(false);
    expect(ruleOptions(checked(noAcks, 'en')).find((o) => o.key === 'duplicate-row')?.label).toBe('Duplicate rows (1)');
  });

  it('shows one sheet when asked, and offers the sheets that have findings in workbook order', () => {
    const s = checked();
    const n = (sheet: string) => analysis.findings.filter((f) => f.sheet === sheet).length;
    expect(sheetOptions(s)).toEqual([
      { sheet: SUMMARY, count: n(SUMMARY) },
      { sheet: PLAN, count: n(PLAN) },
    ]);
    const summary = reducer(s, { type: 'sheet-filtered', sheet: SUMMARY });
    expect(visibleFindings(summary).length).toBe(n(SUMMARY));
    expect(visibleFindings(summary).every((f) => f.sheet === SUMMARY)).toBe(true);
  });

  it('hides acknowledged findings only when asked', () => {
    expect(cells(acked())).toContain('O27');
    expect(cells(reducer(acked(), { type: 'acknowledged-shown', show: false }))).not.toContain('O27');
  });

  it('says what the list area shows: nothing yet, no findings, none matching, or the list', () => {
    expect(listView(initialState())).toBe('nothing-yet');
    expect(listView(checked())).toBe('list');
    expect(listView(checked(noAcks, 'th', asPane({ ...analysis, findings: [] }, snapshot)))).toBe('no-findings');
    const none = run((['error', 'warning', 'info'] as const).map((severity) => ({ type: 'severity-toggled', severity, on: false })), checked());
    expect(listView(none)).toBe('none-match');
  });

  it('every severity is offered with its label', () => {
    expect(severityOptions(initialState('en'))).toEqual([
      { key: 'error', label: 'Errors', checked: true },
      { key: 'warning', label: 'Warnings', checked: true },
      { key: 'info', label: 'Notes', checked: true },
    ]);
  });

  it('is the same list while nothing it depends on changes', () => {
    const s = checked();
    expect(visibleFindings(reducer(s, { type: 'lang-changed', lang: 'th' }))).toBe(visibleFindings(s));
  });
});

describe('the findings list', () => {
  it('leads with errors: sections by severity, sheets in workbook order in each, with Thai headings, messages and figures', () => {
    const view = findingsView(checked());
    expect(view.map((v) => v.sheet)).toEqual(['error', 'warning', 'info'].filter((sev) => analysis.findings.some((f) => f.severity === sev)));
    expect(view[0]?.title).toBe(`ผิดพลาด (${analysis.findings.filter((f) => f.severity === 'error').length})`);
    const listed = view.flatMap((sec) => sec.groups.flatMap((g) => g.items.map((i) => i.finding)));
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const sheetOrder = analysis.sheets.map((x) => x.name);
    const keys = listed.map((f) => [rank[f.severity], sheetOrder.indexOf(f.sheet)]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    const o27 = item(checked(), 'O27')!;
    expect(o27.sheetTitle).toBe(`ชีต ${PLAN} (${analysis.findings.filter((f) => f.sheet === PLAN && f.severity === 'error').length})`);
    expect(o27).toMatchObject({
      where: 'ตัวชี้วัดที่ 1.2',
      goTo: 'ไปที่เซลล์ O27',
      severity: 'ผิดพลาด',
      detail: 'ควรเป็น 3,302,400 · ระบุ 1,651,200',
      ack: undefined,
      ackText: null,
    });
    expect(o27.message).toContain('งบประมาณรายไตรมาสรวมกันได้ 3,302,400 บาท แต่งบประมาณรวมระบุ 1,651,200 บาท');
  });

  it('in English', () => {
    const o27 = item(checked(noAcks, 'en'), 'O27')!;
    expect(o27.message).toContain('Quarterly budgets add up to 3,302,400 baht but the total budget says 1,651,200 baht');
    expect(o27).toMatchObject({ where: 'Indicator 1.2', goTo: 'Go to cell O27', detail: 'expected 3,302,400 · found 1,651,200' });
  });

  it('an acknowledged finding says who acknowledged it, when and why', () => {
    expect(item(acked(), 'O27')?.ackText).toBe('รับทราบ 21 พ.ย. 2569: งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว');
    expect(item({ ...acked(), lang: 'en' }, 'O27')?.ackText).toBe('Acknowledged 21 Nov 2026: งบไตรมาส ๔ พิมพ์ซ้ำ แจ้งหน่วยงานแล้ว');
  });

  it('lists the findings of every fixture, each once', async () => {
    for (const name of ['narathiwat-2566.xlsx', 'phetchaburi-2566.xlsx']) {
      const { snapshot: snap, analysis: a } = await fixture(name);
      const s = run([{ type: 'analysed', snapshot: snap, analysis: a, acks: noAcks }]);
      const listed = findingsView(s).flatMap((sh) => sh.groups.flatMap((g) => g.items.map((i) => i.finding)));
      expect(listed).toHaveLength(a.findings.length);
      expect(new Set(listed)).toEqual(new Set(a.findings));
    }
  });
});

describe('status', () => {
  it('says what is happening, in Thai and English', () => {
    const reading = run([{ type: 'check-started' }]);
    expect(statusText(reading)).toBe('กำลังอ่านแผน…');
    expect(statusText(reducer(reading, { type: 'read-progress', done: 1, total: 3 }))).toBe('อ่านแล้ว 33%');
    expect(statusText(reducer(reading, { type: 'read-progress', done: 3, total: 3 }))).toBe('กำลังอ่านแผน…');
    expect(statusText(run([{ type: 'check-started' }, { type: 'read-progress', done: 1, total: 2 }], initialState('en')))).toBe('50% read');
    expect(statusText(run([{ type: 'analysed', snapshot, analysis, acks: noAcks }]))).toBe('กำลังทำเครื่องหมาย…');
    expect(statusText(checked())).toBe('');
    const live = run([{ type: 'live-toggled', on: true }, { type: 'recheck-started', edits: [{ sheet: PLAN, rows: [27] }] }], checked());
    expect(statusText(live)).toBe('กำลังตรวจ…');
    const done = run([{ type: 'rechecked', base: snapshot, edits: [{ sheet: PLAN, rows: [27] }], snapshot, analysis, at: '10:15:00' }, { type: 'recheck-finished' }], live);
    expect(statusText(done)).toBe('ตรวจใหม่หลังการแก้ไขเมื่อ 10:15:00');
    expect(statusText({ ...done, lang: 'en' })).toBe('Re-checked after an edit at 10:15:00');
  });

  it('is busy while reading or writing; the bar shows the share read, else it is indeterminate', () => {
    const reading = run([{ type: 'check-started' }, { type: 'read-progress', done: 1, total: 4 }]);
    expect(isBusy(reading)).toBe(true);
    expect(progressValue(reading)).toBe(0.25);
    expect(progressValue(run([{ type: 'check-started' }]))).toBeUndefined();
    expect(isBusy(run([{ type: 'fix-started' }]))).toBe(true);
    expect(isBusy(checked())).toBe(false);
    expect(isBusy(run([{ type: 'failed', error: { th: 'x', en: 'x' } }]))).toBe(false);
    expect(strings(initialState('en')).check).toBe('Check');
  });
});

describe('marks to write', () => {
  it('marks open errors and warnings, without notes unless asked and possible', () => {
    const actions = markActions(checked(), true);
    expect(actions[0]).toEqual({ kind: 'clear-marks' });
    expect(actions.some((a) => a.kind === 'mark' && a.sheet === PLAN && a.severity === 'error' && a.cells.includes('O27'))).toBe(true);
    expect(actions.some((a) => a.kind === 'note')).toBe(false);
    const notes = reducer(checked(), { type: 'marks-toggled', marks: true, notes: true });
    expect(markActions(notes, true).find((a) => a.kind === 'note' && a.cell === 'O27')).toMatchObject({ text: expect.stringMatching(/^ตรวจแผน: /) });
    expect(markActions(notes, false).some((a) => a.kind === 'note')).toBe(false);
    expect(markActions({ ...notes, lang: 'en' }, true).find((a) => a.kind === 'note' && a.cell === 'O27')).toMatchObject({ text: expect.stringMatching(/^PlanCheck: /) });
  });

  it('does not mark acknowledged findings', () => {
    expect(markActions(acked(), true).some((a) => a.kind === 'mark' && a.cells.includes('O27'))).toBe(false);
  });

  it('only clears when marks are off or nothing was checked', () => {
    expect(markActions(reducer(checked(), { type: 'marks-toggled', marks: false, notes: false }), true)).toEqual([{ kind: 'clear-marks' }]);
    expect(markActions(initialState(), true)).toEqual([{ kind: 'clear-marks' }]);
  });

  it('the explanations switch is off and says why where the host cannot explain', () => {
    const on = reducer(checked(), { type: 'marks-toggled', marks: true, notes: true });
    expect(notesSwitch(on, true)).toEqual({ label: 'ใส่คำอธิบายในเซลล์', checked: true, disabled: false });
    expect(notesSwitch(on, false)).toEqual({ label: 'ใส่คำอธิบายในเซลล์ (Excel รุ่นนี้ใส่คำอธิบายในเซลล์ไม่ได้)', checked: false, disabled: true });
    expect(notesSwitch(run([{ type: 'check-started' }]), true).disabled).toBe(true);
  });
});

describe('fix previews', () => {
  it('nothing is previewed until asked', () => {
    expect(fixPreview(checked())).toBeNull();
    expect(fixPreview(run([{ type: 'fix-previewed', fix: 'numbers' }]))).toBeNull();
  });

  it('แปลงตัวเลข lists each text number and what it becomes', () => {
    const p = fixPreview(planned(checked(), { type: 'fix-previewed', fix: 'numbers' }))!;
    expect(p.title).toBe('แปลงตัวเลข');
    expect(p.summary).toBe(`จะแปลงตัวเลขที่พิมพ์เป็นข้อความ ${p.actions.length} ช่องให้เป็นตัวเลข (ยังแสดงเป็นเลขไทยเหมือนเดิม)`);
    expect(p.actions.length).toBeGreaterThan(0);
    expect(p.lines).toContain('แผนปฏิบัติการ!O27: "๑,๖๕๑,๒๐๐ บาท" → 1,651,200');
    expect(p.conflicts).toEqual([]);
    expect(p.overwrite).toBeNull();
    expect(p.done).toBe('แปลงตัวเลข เรียบร้อย');
  });

  it('เติมผลรวม lists disagreeing totals first and overwrites them only when ticked', () => {
    const s = planned(checked(), { type: 'fix-previewed', fix: 'totals' });
    const p = fixPreview(s)!;
    expect(p.pending).toBe(false);
    expect(p.conflictsTitle).toBe('ยอดที่ระบุไม่ตรงกับผลรวม 4 ช่อง');
    expect(p.conflicts).toContain('แผนปฏิบัติการ!O27: ระบุ 1,651,200 แต่ผลรวมได้ 3,302,400');
    expect(p.overwrite).toEqual({ label: 'แทนที่ยอดที่ไม่ตรงทั้ง 4 ช่องด้วยสูตร', checked: false });
    const formula = (q: typeof p, cell: string) => q.actions.find((a) => a.kind === 'set-formula' && a.sheet === PLAN && a.cell === cell);
    expect(formula(p, 'O10')).toMatchObject({ formula: '=SUM(G10,I10,K10,M10)' });
    expect(formula(p, 'O27')).toBeUndefined();
    expect(p.summary).toBe(`จะเติมสูตรผลรวม ${p.actions.filter((a) => a.kind === 'set-formula').length} ช่อง`);
    expect(p.done).toBe('เติมผลรวม เรียบร้อย');
    // Until the engine has planned the new choice, the old plan stays on screen and cannot be confirmed.
    expect(fixPreview(reducer(s, { type: 'overwrite-toggled', overwrite: true }))).toMatchObject({ pending: true, actions: p.actions });
    const over = fixPreview(planned(s, { type: 'overwrite-toggled', overwrite: true }))!;
    expect(formula(over, 'O27')).toMatchObject({ formula: '=SUM(G27,I27,K27,M27)' });
    expect(over.overwrite?.checked).toBe(true);
  });

  it('shows the first 50 changes and says how many more', () => {
    const p = fixPreview(planned(checked(), { type: 'fix-previewed', fix: 'totals' }))!;
    const total = p.actions.filter((a) => a.kind === 'set-formula' || a.kind === 'set-number').length;
    expect(p.lines.length).toBe(Math.min(50, total));
    expect(p.more).toBe(total > 50 ? `และอีก ${total - 50} รายการ` : null);
  });

  it('says when there is nothing to fix', () => {
    const p = fixPreview(planned(run([{ type: 'analysed', snapshot, analysis: asPane({ ...analysis, findings: [], models: [] }, snapshot), acks: noAcks }]), { type: 'fix-previewed', fix: 'numbers' }))!;
    expect(p.actions).toEqual([]);
    expect(p.summary).toBe('ไม่มีอะไรต้องแก้');
  });
});

describe('summary sheets', () => {
  it('titles them from the workbook and says which were added', () => {
    expect(canSummarize(initialState())).toBe(false);
    const analyses = new Analyses();
    const pane = analyses.add(analysis, snapshot);
    const p = { actions: analyses.summaries(pane.id), done: '' };
    p.done = summaryDone(checked(), p.actions);
    expect(pane.title).toBe('จังหวัดเชียงใหม่ ปีงบประมาณ พ.ศ. ๒๕๖๖');
    expect(p.actions.map((a) => a.kind === 'add-sheet' && a.sheet.name)).toEqual(['สรุปตามหน่วยงาน', 'สรุปตามตัวชี้วัด', 'สรุปรายไตรมาส', 'ผลการตรวจ']);
    expect(p.done).toBe('เพิ่มชีต สรุปตามหน่วยงาน, สรุปตามตัวชี้วัด, สรุปรายไตรมาส, ผลการตรวจ แล้ว');
    const indicator = p.actions.find((a) => a.kind === 'add-sheet' && a.sheet.name === 'สรุปตามตัวชี้วัด');
    expect(indicator?.kind === 'add-sheet' && indicator.sheet.title).toBe('สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด จังหวัดเชียงใหม่ ปีงบประมาณ พ.ศ. ๒๕๖๖');
  });
});

describe('the next live re-check', () => {
  const live = (): PaneState => run([{ type: 'live-toggled', on: true }, { type: 'live-edit', edits: [{ sheet: PLAN, rows: [27] }] }], checked());

  it('runs for the pending sheets when nothing else is under way', () => {
    expect(nextRecheck(live())).toEqual([{ sheet: PLAN, rows: [27] }]);
    expect(nextRecheck(checked())).toBeNull();
  });

  it('waits while a re-check, a read or a write is under way, and without a workbook or live mode', () => {
    expect(nextRecheck(reducer(live(), { type: 'recheck-started', edits: [] }))).toBeNull();
    expect(nextRecheck(reducer(live(), { type: 'check-started' }))).toBeNull();
    expect(nextRecheck(reducer(live(), { type: 'fix-started' }))).toBeNull();
    expect(nextRecheck({ ...live(), snapshot: null })).toBeNull();
    expect(nextRecheck(reducer(live(), { type: 'live-toggled', on: false }))).toBeNull();
  });
});

describe('a file that does not open', () => {
  it('says why in Thai and English, in plain words when it is not an xlsx', () => {
    expect(openFailedText('plan.pdf', new Error('invalid zip data'))).toBe('เปิดไฟล์ plan.pdf ไม่ได้: ไม่ใช่ไฟล์ .xlsx ที่ถูกต้อง / Cannot open plan.pdf: not a valid .xlsx file');
    expect(openFailedText('plan.xlsx', 'disk full')).toBe('เปิดไฟล์ plan.xlsx ไม่ได้: disk full / Cannot open plan.xlsx: disk full');
  });
});

describe('the summary per sheet, no plan, English counts', () => {
  it('counts open findings per sheet in workbook order; a workbook with no plan is refused for summaries', () => {
    const per = sheetSummary(checked());
    expect(per.map((p) => p.sheet)).toEqual(analysis.sheets.map((x) => x.name).filter((n) => analysis.findings.some((f) => f.sheet === n)));
    expect(per[0]?.text).toMatch(/^[^:]+: ผิดพลาด \d+/);
    expect(sheetSummary({ ...checked(), lang: 'en' }).map((p) => p.text).join(' ')).toMatch(/\b(\d+ errors?|1 note|\d+ notes)\b/);
    expect(sheetSummary({ ...checked(), lang: 'en' }).map((p) => p.text).join(' ')).not.toMatch(/infos|1 notes|1 errors/);
    const empty = analyze({ sheets: [{ name: 'บันทึก', origin: { row: 1, column: 1 }, values: [['ไม่มีแผน']], merges: [] }] });
    const s = run([{ type: 'analysed', snapshot: { sheets: [] }, analysis: asPane(empty, { sheets: [] }), acks: noAcks }]);
    expect(noPlan(s)).toBe(true);
    expect(canSummarize(s)).toBe(false);
    expect(noPlan(checked())).toBe(false);
    expect(canSummarize(checked())).toBe(true);
  });
});

describe('long lists shown in part', () => {
  it('counts per sheet: acknowledged findings leave their sheet, a sheet with none open leaves the summary', () => {
    const per = sheetSummary(acked());
    const plan = per.find((p) => p.sheet === PLAN)!;
    const before = sheetSummary(checked()).find((p) => p.sheet === PLAN)!;
    expect(plan.counts.error).toBe(before.counts.error - 1);
    expect(plan.counts).toEqual({
      error: analysis.findings.filter((f) => f.sheet === PLAN && f.severity === 'error').length - 1,
      warning: analysis.findings.filter((f) => f.sheet === PLAN && f.severity === 'warning').length,
      info: analysis.findings.filter((f) => f.sheet === PLAN && f.severity === 'info').length,
    });
    const all = Object.fromEntries(analysis.findings.filter((f) => f.sheet === SUMMARY).map((f) => [fingerprint(f), { reason: 'ok', at: '2026-11-21' }]));
    expect(sheetSummary(checked({ v: 1, items: all })).map((p) => p.sheet)).not.toContain(SUMMARY);
  });

  it('shows the first few and the chosen one until opened, never "1 more"', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shownPart(items, 8, false)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7], hidden: 12 });
    expect(shownPart(items, 8, false, (x) => x === 15)).toEqual({ shown: [0, 1, 2, 3, 4, 5, 6, 7, 15], hidden: 11 });
    expect(shownPart(items, 8, true)).toEqual({ shown: items, hidden: 0 });
    expect(shownPart(items.slice(0, 9), 8, false)).toEqual({ shown: items.slice(0, 9), hidden: 0 });
    expect(shownPart(items.slice(0, 10), 8, false).hidden).toBe(2);
  });
});

describe('how each plan sheet was read, and groups of findings', () => {
  it('says in one line per plan sheet how its layout was read', () => {
    expect(summaryView(checked())?.sheets).toEqual(['ชีต แผนปฏิบัติการ: แบบรายไตรมาส · ลำดับที่นับต่อตัวชี้วัด']);
    expect(summaryView(checked(noAcks, 'en'))?.sheets).toEqual(['Sheet แผนปฏิบัติการ: quarterly · numbered per indicator']);
  });

  it('shows a group of findings with its count and cells, with the sheet-wide findings', () => {
    const base = analysis.findings.find((f) => f.cell === 'B29')!;
    const group = { ...base, count: 14, related: Array.from({ length: 13 }, (_, i) => `B${30 + i}`) };
    const a = asPane({ ...analysis, findings: analysis.findings.map((f) => (f === base ? group : f)) }, snapshot);
    const shown = findingsView(checked(noAcks, 'th', a)).flatMap((sec) => sec.groups.flatMap((g) => g.items));
    const listed = shown.find((i) => i.finding === group);
    expect(listed?.where).toBe('ตารางสรุปและอื่น ๆ');
    expect(listed?.group).toBe(`รวม 14 แห่ง: B29, ${Array.from({ length: 11 }, (_, i) => `B${30 + i}`).join(', ')}, …`);
  });
});
