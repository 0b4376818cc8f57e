import { join } from 'node:path';
import { planNumbers } from '../../src/domain/actions/numbers';
import { SUMMARY_SHEETS, planSummaries } from '../../src/domain/actions/summaries';
import { planTotals } from '../../src/domain/actions/totals';
import { analyze } from '../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { OfficeHost } from '../../src/workbook/office/host';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { FakeExcel } from '../fakes/fake-excel';

let snapshot: WorkbookSnapshot;
beforeAll(async () => {
  snapshot = await readXlsx(join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx'));
});

async function setup() {
  const fake = FakeExcel.fromSnapshot(snapshot);
  const host = new OfficeHost(fake.run, fake.isSetSupported);
  await host.listSheets();
  const analysis = analyze((await host.read()).snapshot);
  fake.syncs = 0;
  return { fake, host, analysis };
}

describe('fixing numbers and totals in Excel', () => {
  it('แปลงตัวเลข: Thai-digit text becomes numbers shown in Thai digits; the rest is untouched; re-check sees no text numbers', async () => {
    const { fake, host, analysis } = await setup();
    const plan = fake.state.sheet('แผนปฏิบัติการ')!;
    const untouched = plan.cells.get('21,7'); // "ไม่ใช้ งบประมาณ" in a quarter budget cell
    await host.apply(planNumbers(analysis));
    expect(fake.syncs).toBeLessThanOrEqual(2);
    expect(plan.cells.get('27,15')).toBe(1651200);
    expect(plan.numberFormats.get('27,15')).toBe('[$-D00041E]#,##0" บาท"');
    expect(plan.cells.get('36,15')).toBe(2000);
    expect(plan.numberFormats.get('36,15')).toBe('[$-D00041E]0');
    expect(plan.cells.get('21,7')).toBe(untouched);
    expect(plan.cells.get('11,8')).toBe('๔๑๕ คน');
    const after = analyze((await host.read()).snapshot);
    expect(after.findings.filter((f) => f.code === 'number-as-text')).toEqual([]);
    expect(after.findings.filter((f) => f.severity === 'error').map((f) => f.cell)).toEqual(analysis.findings.filter((f) => f.severity === 'error').map((f) => f.cell));
  });

  it('เติมผลรวม: writes SUM formulas, leaves disagreeing figures alone unless asked', async () => {
    const { fake, host, analysis } = await setup();
    const kept = planTotals(analysis);
    await host.apply(kept.actions);
    const plan = fake.state.sheet('แผนปฏิบัติการ')!;
    expect(plan.formulas.get('10,15')).toBe('=SUM(G10,I10,K10,M10)');
    expect(plan.formulas.has('27,15')).toBe(false);
    expect(kept.conflicts.map((c) => c.cell)).toEqual(['O27', 'C12', 'D16', 'D19']);
    await host.apply(planTotals(analysis, { overwriteConflicts: true }).actions);
    expect(plan.formulas.get('27,15')).toBe('=SUM(G27,I27,K27,M27)');
    expect(fake.state.sheet('สรุปงบประมาณ')!.formulas.get('19,4')).toBe('=SUM(D4:D18)');
  });
});

describe('สร้างสรุป in Excel', () => {
  it('adds four print-ready Thai summary sheets, and regenerating replaces them', async () => {
    const { fake, host, analysis } = await setup();
    const actions = planSummaries(analysis, { title: 'เชียงใหม่ ๒๕๖๖' });
    await host.apply(actions);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    const names = fake.state.sheets.map((s) => s.name);
    expect(names).toEqual(['สรุปงบประมาณ', 'แผนปฏิบัติการ', ...Object.values(SUMMARY_SHEETS)]);
    const byIndicator = fake.state.sheet(SUMMARY_SHEETS.indicator)!;
    expect(byIndicator.cells.get('1,1')).toBe('สรุปโครงการและงบประมาณตามเป้าหมายและตัวชี้วัด เชียงใหม่ ๒๕๖๖');
    expect(byIndicator.layout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '$5:$5', frozenRows: 5 });
    expect([...byIndicator.formulas.values()].some((f) => f.includes("'แผนปฏิบัติการ'!"))).toBe(true);
    const findings = fake.state.sheet(SUMMARY_SHEETS.findings)!;
    expect(findings.layout.links.get('C5')).toBe("'สรุปงบประมาณ'!C4");
    await host.apply(actions);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(names);
  });
});

describe('a sheet of the user\'s with a summary\'s name', () => {
  it('is kept, and the summary gets another name (Excel)', async () => {
    const { fake, host, analysis } = await setup();
    const mine = fake.state.addSheet(SUMMARY_SHEETS.agency);
    mine.cells.set('1,1', 'สรุปของฉันเอง');
    await host.listSheets();
    await host.apply(planSummaries(analysis));
    expect(fake.state.sheet(SUMMARY_SHEETS.agency)?.cells.get('1,1')).toBe('สรุปของฉันเอง');
    expect(String(fake.state.sheet(`${SUMMARY_SHEETS.agency} (2)`)?.cells.get('1,1'))).toMatch(/^สรุปงบประมาณตามหน่วยงาน/);
  });
});

describe('our generated sheets are the ones our record lists by id (Excel)', () => {
  const record = (fake: FakeExcel) => JSON.parse(String(fake.state.settings.get('plancheck.marks'))) as { generated: { id: string; name: string }[] };

  it('a user\'s sheet with a summary\'s name and our very title in A1 is still the user\'s: kept, and checked', async () => {
    const { fake, host, analysis } = await setup();
    const lookalike = fake.state.addSheet(SUMMARY_SHEETS.agency);
    lookalike.cells.set('1,1', 'สรุปงบประมาณตามหน่วยงาน (สำเนาที่ทำเอง)');
    await host.listSheets();
    await host.apply(planSummaries(analysis));
    expect(fake.state.sheet(SUMMARY_SHEETS.agency)?.cells.get('1,1')).toBe('สรุปงบประมาณตามหน่วยงาน (สำเนาที่ทำเอง)');
    expect(fake.state.sheet(`${SUMMARY_SHEETS.agency} (2)`)).toBeDefined();
    const read = (await host.read()).snapshot;
    expect(read.sheets.find((s) => s.name === SUMMARY_SHEETS.agency)?.generated).toBeUndefined();
    expect(read.sheets.find((s) => s.name === `${SUMMARY_SHEETS.agency} (2)`)?.generated).toBe(true);
  });

  it('records the new sheets\' ids, replaces exactly those next time, and a re-check leaves them out', async () => {
    const { fake, host, analysis } = await setup();
    await host.apply(planSummaries(analysis));
    const first = record(fake).generated;
    const ids = (names: string[]) => names.map((n) => fake.state.sheet(n)!.id);
    expect(first.map((g) => g.id)).toEqual(ids(Object.values(SUMMARY_SHEETS)));
    const again = analyze((await host.read()).snapshot);
    expect(again.sheets.map((s) => s.name)).toEqual(['สรุปงบประมาณ', 'แผนปฏิบัติการ']);
    expect(again.findings.filter((f) => (Object.values(SUMMARY_SHEETS) as string[]).includes(f.sheet))).toEqual([]);

    await host.apply(planSummaries(again));
    const second = record(fake).generated;
    expect(second).toHaveLength(4);
    expect(second.map((g) => g.id)).toEqual(ids(Object.values(SUMMARY_SHEETS)));
    expect(second.some((g) => first.some((f) => f.id === g.id))).toBe(false);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['สรุปงบประมาณ', 'แผนปฏิบัติการ', ...Object.values(SUMMARY_SHEETS)]);
  });

  it('a summary the user renamed is kept as theirs to keep, and the next summary is written beside it', async () => {
    const { fake, host, analysis } = await setup();
    await host.apply(planSummaries(analysis));
    fake.state.sheet(SUMMARY_SHEETS.quarter)!.name = 'ไตรมาส ส่งจังหวัด';
    await host.listSheets();
    await host.apply(planSummaries(analysis));
    expect(fake.state.sheet('ไตรมาส ส่งจังหวัด')).toBeDefined();
    expect(fake.state.sheet(SUMMARY_SHEETS.quarter)).toBeDefined();
  });

  it('clearing marks keeps the record of our sheets', async () => {
    const { fake, host, analysis } = await setup();
    await host.apply(planSummaries(analysis));
    const before = record(fake).generated;
    await host.apply([{ kind: 'clear-marks' }]);
    expect(record(fake).generated).toEqual(before);
  });
});
