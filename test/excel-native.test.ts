import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, planTotals, type Analysis } from '../src/domain';
import { readXlsx } from '../src/workbook/xlsx/read';

/**
 * The plans kept the Excel way (test/fixtures/excel-native, built by scripts/make-excel-native.ts): every planted
 * formula-level error is found at its cell with its code and severity, and no error lands anywhere else than a cell
 * the truth file allows (a total whose value inherits a wrong subtotal's).
 */
interface Truth {
  fixture: string;
  expect: { id: string; code: string; sheet: string; cell: string; severity: string }[];
  allow: { sheet: string; cell: string }[];
}

const dir = join(__dirname, 'fixtures', 'excel-native');
const truths = readdirSync(dir)
  .filter((f) => f.endsWith('.truth.json'))
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Truth);
const analyses = new Map<string, Analysis>();
const analysisOf = async (file: string): Promise<Analysis> => {
  let a = analyses.get(file);
  if (!a) analyses.set(file, (a = analyze(await readXlsx(join(dir, file), file))));
  return a;
};

describe.each(truths.map((t) => [t.fixture, t] as const))('excel-native %s', (_name, truth) => {
  it.each(truth.expect.map((e) => [e.id, e] as const))('finds %s at its cell', async (_id, e) => {
    const a = await analysisOf(truth.fixture);
    expect(a.findings.filter((f) => f.code === e.code && f.sheet === e.sheet && f.cell === e.cell).map((f) => f.severity)).toEqual([e.severity]);
  });

  it('puts no error on a cell the truth does not name', async () => {
    const a = await analysisOf(truth.fixture);
    const known = [...truth.expect, ...truth.allow];
    expect(a.findings.filter((f) => f.severity === 'error' && !known.some((k) => k.sheet === f.sheet && k.cell === f.cell))).toEqual([]);
  });

  it('counts the whole budget (formulas without cached values are evaluated)', async () => {
    const a = await analysisOf(truth.fixture);
    expect(a.stats.projects).toBe(10);
    expect(a.stats.budget).toBe(2362000);
  });
});

describe('the correct plan kept the Excel way', () => {
  it('has no finding at all, and its copy without cached values only says so once per sheet', async () => {
    expect((await analysisOf('correct.xlsx')).findings).toEqual([]);
    const noCache = await analysisOf('no-cache.xlsx');
    expect(noCache.findings.map((f) => `${f.code} ${f.sheet}!${f.cell}`)).toEqual(['no-cached-value สรุปงบประมาณ!C4', 'no-cached-value แผนปฏิบัติการ!O6']);
  });

  it('fix --totals changes nothing: every formula already totals exactly its cells', async () => {
    for (const file of ['correct.xlsx', 'no-cache.xlsx']) {
      const plan = planTotals(await analysisOf(file));
      expect(plan.actions).toEqual([]);
      expect(plan.conflicts).toEqual([]);
    }
  });

  it('names the missing and extra cells of a wrong formula', async () => {
    const [f] = (await analysisOf('range-column.xlsx')).findings;
    expect(f?.message.en).toContain('missing G12, I12, K12; extra F12, H12, J12');
    expect(f?.message.th).toContain('ขาด G12, I12, K12 · เกิน F12, H12, J12');
    const c = (await analysisOf('criteria.xlsx')).findings.find((x) => x.code === 'criteria-no-match');
    expect(c?.expected).toBe('สำนักงานสาธารณสุขจังหวัดเชียงใหม่');
  });
});
