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
  const planted = truth.expect.length > 0 ? it.each(truth.expect.map((e) => [e.id, e] as const)) : null;
  planted?.('finds %s at its cell', async (_id, e) => {
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

describe('fix --totals on the faulty variants rewrites only what is wrong, each with its reason', () => {
  const formulaCells = (p: ReturnType<typeof planTotals>): string[] =>
    p.actions.flatMap((a) => (a.kind === 'set-formula' ? [`${a.sheet}!${a.cell} ${a.formula}`] : []));

  it('rewrites a wrong formula and keeps the right ones built on it', async () => {
    const short = planTotals(await analysisOf('range-short.xlsx'));
    expect(formulaCells(short)).toEqual(['แผนปฏิบัติการ!O15 =SUM(O11:O14)']);
    expect(short.conflicts).toEqual([
      expect.objectContaining({ cell: 'O15', reason: 'formula', current: '=SUM(O11:O13)', missing: ['O14'], extra: [], overwrite: true }),
    ]);
    const column = planTotals(await analysisOf('range-column.xlsx'));
    expect(formulaCells(column)).toEqual(['แผนปฏิบัติการ!O12 =SUM(G12,I12,K12,M12)']);
    expect(column.conflicts[0]).toMatchObject({ reason: 'formula', missing: ['G12', 'I12', 'K12'], extra: ['F12', 'H12', 'J12'] });
  });

  it('lets the user keep a wrong formula, per conflict', async () => {
    const kept = planTotals(await analysisOf('range-short.xlsx'), { choices: { 'แผนปฏิบัติการ!O15': false } });
    expect(kept.actions).toEqual([]);
    expect(kept.conflicts[0]?.overwrite).toBe(false);
  });

  it('turns a typed total that agrees into its formula, without a conflict', async () => {
    const typed = planTotals(await analysisOf('hardcoded.xlsx'));
    expect(formulaCells(typed)).toEqual(['แผนปฏิบัติการ!O11 =SUM(G11,I11,K11,M11)']);
    expect(typed.conflicts).toEqual([]);
  });

  it('rewrites a SUMIFS whose criterion matches nothing', async () => {
    const c = planTotals(await analysisOf('criteria.xlsx'));
    expect(formulaCells(c)).toEqual(["สรุปงบประมาณ!C6 =SUM('แผนปฏิบัติการ'!O11,'แผนปฏิบัติการ'!O20)"]);
    expect(c.conflicts.map((x) => `${x.cell} ${x.reason}`)).toEqual(['C6 formula']);
  });
});
