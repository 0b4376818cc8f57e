import fc from 'fast-check';
import { analyze, analyzeWithState, reanalyze, type Analysis, type CellValue, type StatefulAnalysis, type WorkbookSnapshot } from '../../src/domain';
import { realisticPlan } from '../../bench/realistic';
import { generatePlan } from '../helpers/layouts/plan';
import { planChoices } from '../helpers/layouts/arbitrary';

/**
 * The incremental re-check is the full check: for random plans (the issue-11 layout generator) and random cell
 * edits, reanalyze over the previous state gives exactly what analyze gives on the edited workbook.
 */
const choices = planChoices;

/** What a user types into a cell: a number, Thai-digit text, nothing, a project's name, a heading. */
const typed: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 0, max: 5_000_000 }),
  fc.integer({ min: 0, max: 999_999 }).map((n) => n.toLocaleString('en').replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)))),
  fc.constant(null),
  fc.constant(''),
  fc.constantFrom('ไม่ใช้งบประมาณ', '-', '๕๐ คน', 'ร้อยละ ๘๐'),
  fc.constantFrom('โครงการส่งเสริมคุณธรรมจริยธรรม', '๓. โครงการอบรมเจ้าหน้าที่', 'สำนักงานจังหวัดเชียงใหม่'),
  fc.constantFrom('ตัวชี้วัดที่ ๑.๑ ความโปร่งใส', 'เป้าหมายที่ ๒', 'รวม', 'อยู่ระหว่างดำเนินการ'),
);

interface Edit {
  row: number;
  col: number;
  value: CellValue;
}

/** The workbook with the edits applied to one sheet: only the edited rows are new arrays. */
function edited(snapshot: WorkbookSnapshot, sheet: string, edits: Edit[]): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => {
      if (s.name !== sheet) return s;
      const values = s.values.slice();
      for (const e of edits) {
        const i = e.row - s.origin.row;
        const row = (values[i] ?? []).slice();
        row[e.col - s.origin.column] = e.value;
        values[i] = row;
      }
      return { ...s, values };
    }),
  };
}

/** Deep equality of what the pane and the reports use. */
function expectSame(a: Analysis, b: Analysis): void {
  expect(JSON.stringify(a.findings)).toBe(JSON.stringify(b.findings));
  expect(a.stats).toEqual(b.stats);
  expect(a.sheets).toEqual(b.sheets);
  expect(a.models).toEqual(b.models);
  expect(a.totals.figures.length).toBe(b.totals.figures.length);
  expect(a.totals.figures.map((f) => [f.kind, f.sheet, f.value, f.stated?.value])).toEqual(b.totals.figures.map((f) => [f.kind, f.sheet, f.value, f.stated?.value]));
}

const paths = { projects: 0, sheets: 0, full: 0 };

describe('reanalyze', () => {
  afterAll(() => console.log(`reanalyze paths: ${JSON.stringify(paths)}`));

  it('equals analyze after random edits of generated plans (two edits in a row, state carried)', () => {
    fc.assert(
      fc.property(choices, fc.array(fc.tuple(fc.nat(), fc.nat(), typed), { minLength: 2, maxLength: 2 }), fc.boolean(), (c, picks, projectCells) => {
        const plan = generatePlan(c);
        let state: StatefulAnalysis = analyzeWithState(plan.snapshot);
        for (const [r, k, value] of picks) {
          const sheet = state.state.snapshot.sheets.find((s) => s.name === plan.sheet);
          if (!sheet) throw new Error('no plan sheet');
          // Half the runs edit project rows (the fast path), the others any row at all.
          const projectRows = state.analysis.models.flatMap((m) => m.plan?.projects.map((p) => p.row) ?? []);
          const row = projectCells && projectRows.length > 0 ? (projectRows[r % projectRows.length] as number) : sheet.origin.row + (r % sheet.values.length);
          const width = Math.max(1, ...sheet.values.map((v) => v.length));
          const col = sheet.origin.column + (k % width);
          const next = edited(state.state.snapshot, plan.sheet, [{ row, col, value }]);
          state = reanalyze(state.state, next, [{ sheet: plan.sheet, rows: [row] }]);
          paths[state.path]++;
          expectSame(state.analysis, analyze(next));
        }
      }),
      { numRuns: Number(process.env.REANALYZE_RUNS ?? 300), seed: 20671 },
    );
  });

  it('re-reads only the edited project of a realistic plan, and equals analyze', async () => {
    const plan = await realisticPlan(1000);
    const sheet = plan.snapshot.sheets.find((s) => s.values.length > 1000);
    if (!sheet) throw new Error('no plan sheet');
    let state = analyzeWithState(plan.snapshot);
    const rows = (state.analysis.models.find((m) => m.name === sheet.name)?.plan?.projects ?? []).map((p) => p.row);
    for (const [k, value] of [[5, 123456], [400, '๑๒,๓๔๕'], [777, null]] as const) {
      const row = rows[k] as number;
      // Column G: the first quarter's budget in the Chiang Mai template.
      const next = edited(state.state.snapshot, sheet.name, [{ row, col: 7, value }]);
      state = reanalyze(state.state, next, [{ sheet: sheet.name, rows: [row] }]);
      expect(state.path).toBe('projects');
      expectSame(state.analysis, analyze(next));
    }
  });

  it('parses a sheet whole when rows were inserted, and still equals analyze', async () => {
    const plan = await realisticPlan(200);
    const sheet = plan.snapshot.sheets.find((s) => s.values.length > 200);
    if (!sheet) throw new Error('no plan sheet');
    const state = analyzeWithState(plan.snapshot);
    const values = sheet.values.slice();
    values.splice(50, 0, values[50]?.slice() ?? []);
    const next: WorkbookSnapshot = { ...plan.snapshot, sheets: plan.snapshot.sheets.map((s) => (s === sheet ? { ...s, values } : s)) };
    const r = reanalyze(state.state, next, [{ sheet: sheet.name, rows: [51] }]);
    expect(r.path).toBe('sheets');
    expectSame(r.analysis, analyze(next));
  });
});
