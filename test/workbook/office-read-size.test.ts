import { analyze } from '../../src/domain';
import { OfficeHost } from '../../src/workbook/office/host';
import { jsonBytes, pack } from '../../src/workbook/office/read-plan';
import { FakeExcel } from '../fakes/fake-excel';
import { realisticPlan } from '../../bench/realistic';

describe('reading a large plan from Excel (FakeExcel, 5 MB responses)', () => {
  it('reads 10,000 realistic rows with no rejected response, about the values’ own size, fewer syncs when remembered', async () => {
    const plan = await realisticPlan(10_000);
    const values = plan.snapshot.sheets.reduce((n, s) => n + jsonBytes(s.values.map((r) => r.map((v) => v ?? ''))), 0);
    const fake = FakeExcel.fromSnapshot(plan.snapshot);
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    await host.listSheets();
    const rounds: { syncs: number; bytes: number }[] = [];
    for (let i = 0; i < 2; i++) {
      fake.syncs = 0;
      fake.payloads.length = 0;
      const { snapshot } = await host.read();
      expect(fake.payloads.every((p) => p.ok)).toBe(true);
      rounds.push({ syncs: fake.syncs, bytes: fake.payloads.reduce((n, p) => n + p.response, 0) });
      expect(analyze(snapshot).stats).toEqual(analyze(plan.snapshot).stats);
    }
    for (const r of rounds) expect(r.bytes).toBeLessThanOrEqual(1.5 * values);
    // 12 MB of values need three 5 MB responses: the first is cut from the weight the pane measured when it opened
    // (listSheets), and the merged areas come with the rows they are in (in bands of under 512).
    expect(rounds[0]?.syncs).toBe(3);
    expect(rounds[1]?.syncs).toBe(3);
  }, 60_000);

  it('sizes the first request of a check from the weight measured when the pane opened', async () => {
    const plan = await realisticPlan(10_000);
    const fake = FakeExcel.fromSnapshot(plan.snapshot);
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    await host.listSheets();
    // The names, then (they are known only then) each sheet's size and first rows.
    expect(fake.syncs).toBe(2);
    const opened = fake.payloads[1]?.response ?? 0;
    // The sample: each sheet's size and about 100 rows, not the sheet.
    expect(opened).toBeGreaterThan(50_000);
    expect(opened).toBeLessThan(400_000);
    fake.payloads.length = 0;
    await host.read();
    const first = fake.payloads[0];
    expect(first?.ok).toBe(true);
    // Most of a response's budget (4.5 MB), not a blind probe of a few hundred rows.
    expect(first?.response).toBeGreaterThan(3_000_000);
  }, 60_000);

  it('loads formulas only of the cells that hold one', async () => {
    const plan = await realisticPlan(200);
    const sheet = plan.snapshot.sheets[1];
    if (!sheet) throw new Error('no plan sheet');
    const formulas = sheet.values.map((r, i) => r.map((_, c) => (c === 14 && i > 3 ? `=SUM(G${i + 1},I${i + 1})` : null)));
    const fake = FakeExcel.fromSnapshot({ sheets: [plan.snapshot.sheets[0] as never, { ...sheet, formulas }] });
    const host = new OfficeHost(fake.run, fake.isSetSupported);
    const { snapshot } = await host.read();
    expect(snapshot.sheets[1]?.formulas?.[10]?.[14]).toBe('=SUM(G11,I11)');
    expect(snapshot.sheets[1]?.formulas?.[10]?.[13]).toBeNull();
  });

  it('packs rows into round trips that each stay under the budget', () => {
    const trips = pack([{ sheet: 'a', kind: 'values', row: 0, rows: 1000, col: 0, cols: 10 }], () => 100, 250_000);
    expect(trips.length).toBe(4);
    for (const t of trips) expect(t.reduce((n, x) => n + x.bytes, 0)).toBeLessThanOrEqual(250_000);
    expect(trips.flat().reduce((n, x) => n + x.rows, 0)).toBe(1000);
  });
});
