import { join } from 'node:path';
import fc from 'fast-check';
import { analyze, analyzeWithState, reanalyze, type Analysis, type CellValue, type StatefulAnalysis, type WorkbookSnapshot } from '../../src/domain';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { realisticPlan } from '../../bench/realistic';

/**
 * The back half of the re-check (figures, formulas, rules, settling) keeps what it computed of rows, figures and
 * snapshot rows an edit did not replace. For the three real workbooks (total rows, summary sheets, formulas) and
 * a realistic plan, random edits anywhere (project rows, total rows, summary rows, agency names, numbers, whole
 * rows copied over others), carried through several edits with the same state, give exactly what analyze gives:
 * findings, figures with their cells, items and the agencies missing from the summary.
 */
const dir = join(__dirname, '..', 'fixtures');

interface Edit {
  sheet: string;
  row: number;
  /** A cell's new value, or a whole row copied from another (a duplicate). */
  col: number | 'row';
  value: CellValue;
  from: number;
}

function apply(snapshot: WorkbookSnapshot, e: Edit): WorkbookSnapshot {
  return {
    ...snapshot,
    sheets: snapshot.sheets.map((s) => {
      if (s.name !== e.sheet) return s;
      const values = s.values.slice();
      const i = e.row - s.origin.row;
      if (e.col === 'row') values[i] = (values[e.from - s.origin.row] ?? []).slice();
      else {
        const row = (values[i] ?? []).slice();
        row[e.col - s.origin.column] = e.value;
        values[i] = row;
      }
      return { ...s, values };
    }),
  };
}

/** What the pane, the reports, the formula planner and the summary sheets read of an analysis. */
function shape(a: Analysis): unknown {
  const cells = (list: readonly { sheet: string; cell: { address: string }; value: number }[]) => list.map((c) => `${c.sheet}!${c.cell.address}=${c.value}`);
  return {
    findings: a.findings,
    stats: a.stats,
    sheets: a.sheets,
    figures: a.totals.figures.map((f) => ({
      kind: f.kind, sheet: f.sheet, value: f.value,
      stated: f.stated && { sheet: f.stated.sheet, cell: f.stated.figure.cell.address, value: f.stated.value },
      readings: f.readings.map((r) => ({ scope: r.scope, value: r.value, cells: cells(r.cells) })),
      ...(f.kind === 'agency-row' ? { agency: f.agency, match: f.match, planNames: f.planNames, column: f.column } : {}),
    })),
    items: a.totals.items.map((i) => [i.sheet, i.index, i.project.row, i.counted, i.budget, i.budgetClass, i.agencyKey]),
    missing: a.totals.missingAgencies.map((m) => [m.sheet, m.agency.cell.address, m.budget]),
  };
}

function expectSame(a: Analysis, b: Analysis): void {
  expect(shape(a)).toEqual(shape(b));
  expect(a.models).toEqual(b.models);
}

/** Rows worth editing: project rows (and their agency, number, budget cells), total rows, summary rows. */
function targets(a: Analysis): { sheet: string; row: number }[] {
  const out: { sheet: string; row: number }[] = [];
  for (const m of a.models) {
    for (const p of m.plan?.projects ?? []) out.push({ sheet: m.name, row: p.row });
    for (const t of m.plan?.totals ?? []) out.push({ sheet: m.name, row: t.row });
    for (const s of m.summaries) for (const r of s.rows) out.push({ sheet: m.name, row: r.row });
  }
  return out;
}

const typed: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 0, max: 5_000_000 }),
  fc.integer({ min: 0, max: 999 }).map((n) => String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)))),
  fc.constant(null),
  fc.constantFrom('ไม่ใช้งบประมาณ', 'ไม่ใช่ งบประมาณ', '-', '๕๐ คน', 'ร้อยละ ๘๐', '#REF!', 'งบบูรณาการ'),
  fc.constantFrom('สำนักงานจังหวัดเชียงใหม่', 'ที่ทำการปกครองจังหวัดลำพูน', 'เรือนจำอำเภอฝาง', 'รวม', 'รวมจำนวน ๓ โครงการ'),
  // A row made a heading: the sheet is parsed again around kept rows.
  fc.constantFrom('ตัวชี้วัดที่ ๑.๑ ความโปร่งใส', 'เป้าหมายที่ ๒'),
);

/** A value another cell of the same column holds (an agency's name, a number, a budget): edits that keep shapes. */
function borrowed(snapshot: WorkbookSnapshot, sheet: string, col: number, pick: number): CellValue {
  const s = snapshot.sheets.find((x) => x.name === sheet);
  if (!s) return null;
  const row = s.values[pick % Math.max(1, s.values.length)] ?? [];
  return row[col - s.origin.column] ?? null;
}

function run(snapshot: WorkbookSnapshot, picks: [number, number, number, number, CellValue][]): StatefulAnalysis {
  let state = analyzeWithState(snapshot);
  for (const [t, k, kind, pick, value] of picks) {
    const list = targets(state.analysis);
    const at = list[t % list.length];
    if (!at) break;
    const sheet = state.state.snapshot.sheets.find((s) => s.name === at.sheet);
    if (!sheet) break;
    const width = Math.max(1, ...sheet.values.map((v) => v.length));
    const col = sheet.origin.column + (k % width);
    const rows = list.filter((x) => x.sheet === at.sheet);
    const from = (rows[pick % rows.length] ?? at).row;
    // A third of the edits borrow a value of the column, one in ten copies a whole row over another.
    const edit: Edit = kind % 10 === 0
      ? { sheet: at.sheet, row: at.row, col: 'row', value: null, from }
      : { sheet: at.sheet, row: at.row, col, value: kind % 3 === 0 ? borrowed(state.state.snapshot, at.sheet, col, pick) : value, from };
    const next = apply(state.state.snapshot, edit);
    state = reanalyze(state.state, next, [{ sheet: at.sheet, rows: [at.row] }]);
    expectSame(state.analysis, analyze(next));
  }
  return state;
}

const picks = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat(), typed), { minLength: 3, maxLength: 3 });

describe('reanalyze: the back half kept across edits', () => {
  it.each(['chiangmai-2566-clean.xlsx', 'narathiwat-2566.xlsx', 'phetchaburi-2566.xlsx'])('equals analyze after random edits of %s', async (file) => {
    const snapshot = await readXlsx(join(dir, file), file);
    fc.assert(fc.property(picks, (p) => void run(snapshot, p)), { numRuns: Number(process.env.REANALYZE_RUNS ?? 40), seed: 4242 });
  });

  it('equals analyze after random edits of a realistic plan with its summary sheet', async () => {
    const plan = await realisticPlan(300);
    fc.assert(fc.property(picks, (p) => void run(plan.snapshot, p)), { numRuns: Math.ceil(Number(process.env.REANALYZE_RUNS ?? 40) / 2), seed: 777 });
  });

  // A sheet an edit did not touch keeps its items, figures and rows' findings wholesale: two plan sheets, edits in
  // either (and in the summary), each check equal to analyze.
  it('equals analyze after random edits of a workbook of two plan sheets', async () => {
    const plan = await realisticPlan(300);
    const sheet = plan.snapshot.sheets.reduce((a, b) => (b.values.length > a.values.length ? b : a));
    const copy = { ...sheet, name: `${sheet.name} (2)`, values: sheet.values.map((r) => r.slice()) };
    const snapshot: WorkbookSnapshot = { ...plan.snapshot, sheets: [...plan.snapshot.sheets, copy] };
    fc.assert(fc.property(picks, (p) => void run(snapshot, p)), { numRuns: Math.ceil(Number(process.env.REANALYZE_RUNS ?? 40) / 2), seed: 31337 });
  });

  // What the memo keeps is shared by every state made from it: checks that branch from one state (an edit, then
  // another edit of the first state instead) must each still equal analyze.
  it('equals analyze when edits branch from one state', async () => {
    const plan = await realisticPlan(300);
    const start = analyzeWithState(plan.snapshot);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), typed), { minLength: 3, maxLength: 3 }), fc.nat(), (edits, back) => {
        const states: StatefulAnalysis[] = [start];
        for (const [from, t, k, value] of edits) {
          const base = states[from % states.length] as StatefulAnalysis;
          const list = targets(base.analysis);
          const at = list[t % list.length];
          const sheet = at && base.state.snapshot.sheets.find((s) => s.name === at.sheet);
          if (!at || !sheet) continue;
          const width = Math.max(1, ...sheet.values.map((v) => v.length));
          const next = apply(base.state.snapshot, { sheet: at.sheet, row: at.row, col: sheet.origin.column + (k % width), value, from: 0 });
          const r = reanalyze(base.state, next, [{ sheet: at.sheet, rows: [at.row] }]);
          expectSame(r.analysis, analyze(next));
          states.push(r);
        }
        // An earlier state checked again with its own snapshot's rows listed: nothing changed, the same analysis.
        const old = states[back % states.length] as StatefulAnalysis;
        const again = reanalyze(old.state, old.state.snapshot, []);
        expectSame(again.analysis, old.analysis);
      }),
      { numRuns: Math.ceil(Number(process.env.REANALYZE_RUNS ?? 40) / 2), seed: 9090 },
    );
  });

  it('keeps the findings of a duplicate made and unmade, and of an agency renamed and back', async () => {
    const plan = await realisticPlan(300);
    let state = analyzeWithState(plan.snapshot);
    const sheet = state.analysis.models.find((m) => (m.plan?.projects.length ?? 0) > 100);
    const projects = sheet?.plan?.projects ?? [];
    const [a, b] = [projects[10]?.row ?? 0, projects[20]?.row ?? 0];
    const name = sheet?.name ?? '';
    const original = state.state.snapshot;
    const before = state.analysis.findings.filter((f) => f.code === 'duplicate-row').length;
    const copied = apply(original, { sheet: name, row: b, col: 'row', value: null, from: a });
    state = reanalyze(state.state, copied, [{ sheet: name, rows: [b] }]);
    expectSame(state.analysis, analyze(copied));
    expect(state.analysis.findings.filter((f) => f.code === 'duplicate-row').length).toBeGreaterThanOrEqual(Math.min(before + 1, 11));
    const renamed = apply(copied, { sheet: name, row: a, col: 5, value: 'ที่ทำการปกครองจังหวัดลำพูน', from: 0 });
    state = reanalyze(state.state, renamed, [{ sheet: name, rows: [a] }]);
    expectSame(state.analysis, analyze(renamed));
    const back = { ...renamed, sheets: renamed.sheets.map((s) => (s.name === name ? (original.sheets.find((o) => o.name === name) ?? s) : s)) };
    state = reanalyze(state.state, back, [{ sheet: name, rows: [a, b] }]);
    expectSame(state.analysis, analyze(back));
  });
});
