import type { SheetEdit } from '../../src/workbook/host';
import { join } from 'node:path';
import { planMarks } from '../../src/domain/actions/marks';
import { planNumbers } from '../../src/domain/actions/numbers';
import { SUMMARY_SHEETS, planSummaries } from '../../src/domain/actions/summaries';
import { analyze } from '../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { HostProblem } from '../../src/workbook/office/errors';
import { OfficeHost, type Run } from '../../src/workbook/office/host';
import { bandRows } from '../../src/workbook/office/merges';
import { mergeAcks } from '../../src/workbook/office/registry';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { syntheticPlan } from '../helpers/synthetic';
import { FakeError, FakeExcel, type FakeExcelOptions } from '../fakes/fake-excel';

const PLAN = 'แผนปฏิบัติการ';
const SUMMARY = 'สรุปงบประมาณ';
let cm: WorkbookSnapshot;
beforeAll(async () => {
  cm = await readXlsx(join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx'));
});

async function setup(options: FakeExcelOptions = {}, snapshot: WorkbookSnapshot = cm) {
  const fake = FakeExcel.fromSnapshot(snapshot, options);
  const host = new OfficeHost(fake.run, fake.isSetSupported);
  await host.listSheets();
  return { fake, host };
}

/** A plan of `rows` rows with two merged areas in every row (as the Phetchaburi layout merges its cells). */
function mergedPlan(rows: number): WorkbookSnapshot {
  const plan = syntheticPlan(rows);
  const s = plan.sheets[0]!;
  const merges = [...s.merges];
  for (let r = 3; r <= s.values.length; r++) merges.push(`B${r}:C${r}`, `N${r}:O${r}`);
  return { sheets: [{ ...s, merges }] };
}

describe('merged areas (Excel fails beyond 512 areas in one range)', () => {
  it('the fake fails as Excel documents: one request for the whole used range of a 400-row plan', async () => {
    const { fake } = await setup({}, mergedPlan(400));
    await expect(
      fake.run(async (ctx) => {
        const m = ctx.workbook.worksheets.getItem(PLAN).getUsedRangeOrNullObject(true).getMergedAreasOrNullObject();
        m.load('address');
        await ctx.sync();
      }),
    ).rejects.toThrow(/512/);
  });

  it('reads them in row bands well under 512 areas, with the cells of their rows, and gets every one', async () => {
    const plan = mergedPlan(400);
    const { host, fake } = await setup({}, plan);
    fake.syncs = 0;
    const { snapshot } = await host.read();
    expect(fake.syncs).toBe(1);
    expect(plan.sheets[0]!.merges.length).toBeGreaterThan(800);
    expect(new Set(snapshot.sheets[0]?.merges)).toEqual(new Set(plan.sheets[0]!.merges));
    expect(bandRows(15) * 8).toBeLessThan(512);
  });

  it('a sheet whose bands still fail is read without merges, and the check goes on', async () => {
    const plan = mergedPlan(60);
    const { host } = await setup({ mergedAreasLimit: 3 }, plan);
    const { snapshot } = await host.read();
    expect(snapshot.sheets[0]?.merges).toEqual([]);
    const { host: old } = await setup({ apiVersion: '1.9' }, plan);
    expect(analyze(snapshot).findings).toEqual(analyze((await old.read()).snapshot).findings);
    expect(analyze(snapshot).stats.projects).toBe(60);
  });
});

describe('reading: limits and oversized responses', () => {
  it('an oversized response reported as "internal error" is retried in chunks', async () => {
    const big = syntheticPlan(6000);
    const { host, fake } = await setup({ responseLimit: 400_000, oversizedAs: 'internal' }, big);
    const { snapshot } = await host.read();
    expect(fake.syncs).toBeGreaterThan(3);
    expect(analyze(snapshot).stats).toEqual(analyze(big).stats);
  });

  it('a used range over 5,000,000 cells is left out with a th/en message; the other sheets are checked', async () => {
    const { host, fake } = await setup();
    fake.state.sheet(SUMMARY)!.cells.set('1048576,15', 'x'); // a stray value in the last row
    const { snapshot, notices } = await host.read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual([PLAN]);
    expect(notices).toEqual([
      {
        th: expect.stringContaining('ไม่ได้ตรวจแผ่นงาน "สรุปงบประมาณ": ช่วงที่ใช้ (A1:O1048576) มี 15,728,640 เซลล์'),
        en: expect.stringContaining('Sheet "สรุปงบประมาณ" was not checked: its used range (A1:O1048576) has 15,728,640 cells'),
      },
    ]);
  });

  it('manual calculation is said, in Thai and English', async () => {
    const { host, fake } = await setup();
    fake.state.calculationMode = 'Manual';
    const { notices } = await host.read();
    expect(notices).toEqual([{ th: expect.stringMatching(/^Excel ตั้งการคำนวณเป็นแบบด้วยตนเอง/), en: expect.stringMatching(/^Excel is set to manual calculation/) }]);
  });
});

describe('our conditional formats, by id', () => {
  it('the fake refuses custom properties of a collection holding other kinds of rule (office-js #2180); customOrNullObject tells', async () => {
    const { fake } = await setup();
    const plan = fake.state.sheet(PLAN)!;
    plan.cfs.push({ id: 'mine', type: 'Custom', areas: [{ top: 8, left: 1, bottom: 8, right: 1 }], formula: '=N("plancheck:error")=0', fill: null, font: null });
    plan.cfs.push({ id: 'theirs', type: 'CellValue', areas: [{ top: 9, left: 1, bottom: 9, right: 1 }], formula: '=1', fill: null, font: null });
    await expect(fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(PLAN).getRange().conditionalFormats.load('items/id,items/custom/rule/formula');
      await ctx.sync();
    })).rejects.toThrow(/not permitted/);
    const found = await fake.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem(PLAN).getRange().conditionalFormats.load('items/id,items/customOrNullObject/rule/formula');
      await ctx.sync();
      return cfs.items.map((c) => (c.customOrNullObject.isNullObject ? `${c.id}: -` : `${c.id}: ${c.customOrNullObject.rule.formula}`));
    });
    expect(found).toEqual(['mine: =N("plancheck:error")=0', 'theirs: -']);
  });


  it('a sheet whose rules Excel cannot read (office-js #6827): marked, then cleared by the ids this pane wrote; the user\'s rule untouched', async () => {
    const { host, fake } = await setup();
    const plan = fake.state.sheet(PLAN)!;
    plan.cfs.push({ id: 'user-cf', type: 'CellValue', areas: [{ top: 8, left: 1, bottom: 50, right: 1 }], formula: '=1', fill: '#EEEEEE', font: null });
    plan.cfReadFails = true;
    fake.state.sheet(SUMMARY)!.cfReadFails = true;
    const analysis = analyze((await host.read()).snapshot);
    await host.apply(planMarks(analysis));
    expect(fake.markedCells()[PLAN]).toContain('O27');
    await host.apply([{ kind: 'clear-marks' }]);
    expect(fake.markedCells()).toEqual({});
    expect(plan.cfs.map((c) => c.id)).toEqual(['user-cf']);
  });

  it('one unreadable rule costs only its sheet: the others are cleared by formula; there, a pane that did not write the marks says so', async () => {
    const { host, fake } = await setup();
    await host.apply(planMarks(analyze((await host.read()).snapshot)));
    const plan = fake.state.sheet(PLAN)!;
    expect(plan.cfs.length).toBeGreaterThan(0);
    expect(fake.state.sheet(SUMMARY)!.cfs.length).toBeGreaterThan(0);
    plan.cfs.push({ id: 'user-cf', type: 'CellValue', areas: [{ top: 8, left: 1, bottom: 50, right: 1 }], formula: '=1', fill: '#EEEEEE', font: null, readFails: true });
    const other = new OfficeHost(fake.run, fake.isSetSupported);
    await other.listSheets();
    const report = await other.apply([{ kind: 'clear-marks' }]);
    expect(fake.state.sheet(SUMMARY)!.cfs).toEqual([]);
    expect(report.uncleared).toEqual([PLAN]);
    expect(plan.cfs.some((c) => c.id === 'user-cf')).toBe(true);
    // The pane that wrote them knows their ids.
    expect((await host.apply([{ kind: 'clear-marks' }])).uncleared).toEqual([]);
    expect(plan.cfs.map((c) => c.id)).toEqual(['user-cf']);
  });

  it('a mark Excel will not delete leaves the other sheets cleared, and is retried', async () => {
    const { host, fake } = await setup();
    const analysis = analyze((await host.read()).snapshot);
    await host.apply(planMarks(analysis));
    const summaryMarks = fake.state.sheet(SUMMARY)!.cfs;
    expect(summaryMarks.length).toBeGreaterThan(0);
    fake.state.sheet(PLAN)!.cfs.forEach((c) => (c.deleteFails = true));
    const report = await host.apply([{ kind: 'clear-marks' }]);
    expect(report.uncleared).toEqual([PLAN]);
    expect(fake.state.sheet(SUMMARY)!.cfs).toEqual([]);
    // Still listed as ours (the cells), and found again by its formula.
    const record = JSON.parse(String(fake.state.settings.get('plancheck.marks'))) as { sheets: Record<string, { cells: string[] }> };
    expect(record.sheets[PLAN]?.cells.length).toBeGreaterThan(0);
    fake.state.sheet(PLAN)!.cfs.forEach((c) => (c.deleteFails = false));
    expect((await host.apply([{ kind: 'clear-marks' }])).uncleared).toEqual([]);
    expect(fake.markedCells()).toEqual({});
  });

  it('a mark the user deleted by hand does not stop the others from being cleared', async () => {
    const { host, fake } = await setup();
    await host.apply(planMarks(analyze((await host.read()).snapshot)));
    const plan = fake.state.sheet(PLAN)!;
    expect(plan.cfs.length).toBeGreaterThan(1);
    plan.cfs.shift();
    await host.apply([{ kind: 'clear-marks' }]);
    expect(fake.markedCells()).toEqual({});
  });
});

describe('explanations beside the user\'s notes and comments', () => {
  it('never adds to a cell with the user\'s note or comment, and says where it skipped', async () => {
    const { host, fake } = await setup();
    const plan = fake.state.sheet(PLAN)!;
    plan.notes.set('O27', 'บันทึกของผู้ใช้');
    const analysis = analyze((await host.read()).snapshot);
    const other = analysis.findings.find((f) => f.severity !== 'info' && f.cell !== 'O27')!;
    fake.state.comments.push({ id: 'c-user', sheet: other.sheet, cell: other.cell, content: 'ความเห็นของผู้ตรวจ' });
    const report = await host.apply(planMarks(analysis, { notes: true }));
    expect(plan.notes.get('O27')).toBe('บันทึกของผู้ใช้');
    expect(report.skipped).toEqual(
      expect.arrayContaining([
        { sheet: PLAN, cell: 'O27', reason: 'user-note' },
        { sheet: other.sheet, cell: other.cell, reason: 'user-comment' },
      ]),
    );
    expect(fake.state.comments.map((c) => c.id)).toEqual(['c-user']);
    expect([...plan.notes.values()].filter((n) => n.startsWith('ตรวจแผน: ')).length).toBeGreaterThan(0);
  });

  it('tells ours from the user\'s by our record, not by text: a user\'s note or comment that starts like ours is kept', async () => {
    for (const apiVersion of ['1.18', '1.12']) {
      const { host, fake } = await setup({ apiVersion });
      const plan = fake.state.sheet(PLAN)!;
      const analysis = analyze((await host.read()).snapshot);
      await host.apply(planMarks(analysis, { notes: true }));
      // After our explanations were written, the user adds notes of their own that start with our prefix.
      plan.notes.set('A1', 'PlanCheck: my own reminder');
      fake.state.comments.push({ id: 'c-user', sheet: PLAN, cell: 'B1', content: 'ตรวจแผน: ความเห็นของผู้ตรวจ' });
      await host.apply([{ kind: 'clear-marks' }]);
      expect([apiVersion, plan.notes.get('A1')]).toEqual([apiVersion, 'PlanCheck: my own reminder']);
      expect(fake.state.comments.map((c) => c.id)).toEqual(['c-user']);
      // Ours are gone.
      expect([...plan.notes.keys()]).toEqual(['A1']);
    }
  });

  it('never deletes our comment once a reviewer replied to it (comments are the fallback below ExcelApi 1.18)', async () => {
    const { host, fake } = await setup({ apiVersion: '1.12' });
    const analysis = analyze((await host.read()).snapshot);
    await host.apply(planMarks(analysis, { notes: true }));
    const ours = fake.state.comments.find((c) => c.cell === 'O27')!;
    ours.replies = ['ตรวจแล้ว ยอดถูกต้องตามหนังสือ'];
    const report = await host.apply(planMarks(analysis, { notes: true }));
    expect(fake.state.comments.filter((c) => c.cell === 'O27')).toEqual([ours]);
    expect(ours.replies).toEqual(['ตรวจแล้ว ยอดถูกต้องตามหนังสือ']);
    expect(report.skipped).toContainEqual({ sheet: PLAN, cell: 'O27', reason: 'replies' });
    await host.apply([{ kind: 'clear-marks' }]);
    expect(fake.state.comments).toEqual([ours]);
  });

  it('a legacy note the API cannot see (below 1.18) costs that one explanation, not the batch', async () => {
    const { host, fake } = await setup({ apiVersion: '1.12' });
    fake.state.sheet(PLAN)!.notes.set('O27', 'บันทึกเก่า');
    const analysis = analyze((await host.read()).snapshot);
    const wanted = new Set(planMarks(analysis, { notes: true }).flatMap((a) => (a.kind === 'note' ? [`${a.sheet}!${a.cell}`] : [])));
    const report = await host.apply(planMarks(analysis, { notes: true }));
    expect(report.skipped).toEqual([{ sheet: PLAN, cell: 'O27', reason: 'user-note' }]);
    expect(new Set(fake.state.comments.map((c) => `${c.sheet}!${c.cell}`))).toEqual(new Set([...wanted].filter((k) => k !== `${PLAN}!O27`)));
  });
});

describe('protected sheets, read-only and co-authored workbooks: th/en messages', () => {
  it('marks skip a protected sheet and say so; a fix on it is refused with a clear message', async () => {
    const { host, fake } = await setup();
    fake.state.sheet(PLAN)!.protected = true;
    const analysis = analyze((await host.read()).snapshot);
    const report = await host.apply(planMarks(analysis));
    expect(report.protectedSheets).toEqual([PLAN]);
    expect(fake.markedCells()[PLAN]).toBeUndefined();
    const refused = await host.apply(planNumbers(analysis)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(HostProblem);
    expect((refused as HostProblem).text.th).toMatch(/^แผ่นงานที่ป้องกันไว้: แผนปฏิบัติการ/);
    expect((refused as HostProblem).text.en).toMatch(/^Protected sheets: แผนปฏิบัติการ/);
  });

  it('a read-only workbook is told before anything is written', async () => {
    const { host, fake } = await setup();
    const analysis = analyze((await host.read()).snapshot);
    fake.state.readOnly = true;
    const e = (await host.apply(planMarks(analysis)).catch((x: unknown) => x)) as HostProblem;
    expect(e.code).toBe('read-only');
    expect(e.text.th).toMatch(/อ่านอย่างเดียว/);
  });

  it('a co-author\'s conflicting edit is told as such', async () => {
    const fake = FakeExcel.fromSnapshot(cm);
    const run: Run = async (batch) =>
      fake.run(async (ctx) => {
        const sync = ctx.sync.bind(ctx);
        let n = 0;
        (ctx as { sync: () => Promise<void> }).sync = async () => {
          if (++n === 2) throw new FakeError('Conflict', 'the request conflicts with a co-author\'s change');
          return sync();
        };
        return batch(ctx);
      });
    const host = new OfficeHost(run, fake.isSetSupported);
    await host.listSheets();
    const analysis = analyze(cm);
    const e = (await host.apply(planMarks(analysis)).catch((x: unknown) => x)) as HostProblem;
    expect(e.code).toBe('co-authoring');
    expect(e.text.en).toMatch(/Someone else is editing this workbook/);
  });
});

describe('summary sheets are replaced only after the new ones are written', () => {
  it('a write that fails halfway leaves the old summaries as they were', async () => {
    const { host, fake } = await setup();
    const analysis = analyze((await host.read()).snapshot);
    await host.apply(planSummaries(analysis, { title: 'เดิม' }));
    const names = fake.state.sheets.map((s) => s.name);
    const before = fake.state.sheet(SUMMARY_SHEETS.indicator)!.cells.get('1,1');
    fake.failWritesTo = SUMMARY_SHEETS.quarter;
    await expect(host.apply(planSummaries(analysis, { title: 'ใหม่' }))).rejects.toThrow();
    fake.failWritesTo = null;
    expect(fake.state.sheets.map((s) => s.name)).toEqual(names);
    expect(fake.state.sheet(SUMMARY_SHEETS.indicator)!.cells.get('1,1')).toBe(before);
    await host.apply(planSummaries(analysis, { title: 'ใหม่' }));
    expect(fake.state.sheets.map((s) => s.name)).toEqual(names);
    expect(String(fake.state.sheet(SUMMARY_SHEETS.indicator)!.cells.get('1,1'))).toMatch(/ใหม่$/);
  });
});

describe('live mode and acknowledgements', () => {
  it('watches sheets added after the pane opened', async () => {
    const { host, fake } = await setup();
    const edits: SheetEdit[][] = [];
    await host.watch((e) => edits.push(e));
    fake.state.addSheet('แผนเพิ่มเติม');
    await fake.edit('แผนเพิ่มเติม', 'A1', 'โครงการใหม่');
    expect(edits).toEqual([[{ sheet: 'แผนเพิ่มเติม', rows: [1] }]]);
  });

  it('two reviewers acknowledging at once keep both (merged, not last-writer-wins)', async () => {
    const fake = FakeExcel.fromSnapshot(cm);
    const a = new OfficeHost(fake.run, fake.isSetSupported);
    const b = new OfficeHost(fake.run, fake.isSetSupported);
    await a.read();
    await b.read();
    const x = { reason: 'ตรวจแล้ว', at: '2026-11-21' };
    const y = { reason: 'หน่วยงานยืนยัน', at: '2026-11-22' };
    await a.saveAcks({ v: 1, items: { x } });
    const stored = await b.saveAcks({ v: 1, items: { y } });
    expect(stored.items).toEqual({ x, y });
    // B withdraws its own: A's stays.
    expect((await b.saveAcks({ v: 1, items: { x } })).items).toEqual({ x });
    expect(JSON.parse(String(fake.state.settings.get('plancheck.acks')))).toEqual({ v: 1, items: { x } });
  });

  it('a withdrawal loses to a co-author\'s newer reason for the same finding', () => {
    const old = { reason: 'เดิม', at: '2026-11-01' };
    const newer = { reason: 'ใหม่', at: '2026-11-20' };
    expect(mergeAcks({ v: 1, items: { k: old } }, { v: 1, items: {} }, { v: 1, items: { k: newer } }).items).toEqual({ k: newer });
  });
});
