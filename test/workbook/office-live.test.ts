import type { SheetEdit } from '../../src/workbook/host';
import { join } from 'node:path';
import { planMarks } from '../../src/domain/actions/marks';
import { planNumbers } from '../../src/domain/actions/numbers';
import { analyze, type Analysis } from '../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { OfficeHost } from '../../src/workbook/office/host';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { FakeExcel } from '../fakes/fake-excel';

let snapshot: WorkbookSnapshot;
let analysis: Analysis;
beforeAll(async () => {
  snapshot = await readXlsx(join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx'));
  analysis = analyze(snapshot);
});

const PLAN = 'แผนปฏิบัติการ';

/** An Excel whose next batch starts only after `during` ran: the user typing while the pane writes. */
async function setup() {
  const fake = FakeExcel.fromSnapshot(snapshot);
  let during: (() => Promise<void>) | null = null;
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const d = during;
    during = null;
    if (d) await d();
    return fake.run(batch);
  };
  const host = new OfficeHost(run, fake.isSetSupported);
  await host.listSheets();
  const edits: SheetEdit[][] = [];
  await host.watch((e) => edits.push(e));
  return { fake, host, edits, typeDuringNextBatch: (d: () => Promise<void>) => (during = d) };
}

describe('live mode in Excel tells the user\'s edits from ours', () => {
  it('reports an edit the user makes while marks are being written', async () => {
    const { fake, host, edits, typeDuringNextBatch } = await setup();
    typeDuringNextBatch(() => fake.edit(PLAN, 'M27', '-'));
    await host.apply(planMarks(analysis));
    expect(edits).toEqual([[{ sheet: PLAN, rows: [27] }]]);
    expect(fake.markedCells()[PLAN]).toContain('O27');
  });

  it('reports an edit the user makes while acknowledgements are saved', async () => {
    const { fake, host, edits, typeDuringNextBatch } = await setup();
    typeDuringNextBatch(() => fake.edit(PLAN, 'M27', '-'));
    await host.saveAcks({ v: 1, items: {} });
    expect(edits).toEqual([[{ sheet: PLAN, rows: [27] }]]);
  });

  it('does not report the cells its own fixes write', async () => {
    const { fake, host, edits } = await setup();
    await host.apply(planNumbers(analysis));
    expect(fake.state.sheet(PLAN)!.cells.get('27,15')).toBe(1651200);
    expect(edits).toEqual([]);
  });
});
