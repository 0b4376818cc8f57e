import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../src/domain/analyze';
import { readXlsx } from '../src/workbook/xlsx/read';

interface Truth {
  fixture: string;
  expect: { id: string; sheet: string; row: number; cell?: string; required: boolean; what: string }[];
  allow: { sheet: string; row: number }[];
  must_not_flag: { sheet: string; row: number; cell: string; why: string }[];
}

const FIXTURES = ['chiangmai-2566-clean', 'narathiwat-2566', 'phetchaburi-2566'];
const dir = join(__dirname, 'fixtures');

describe.each(FIXTURES)('real plan %s', (name) => {
  const truth = JSON.parse(readFileSync(join(dir, `${name}.truth.json`), 'utf8')) as Truth;
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = analyze(await readXlsx(join(dir, truth.fixture), truth.fixture));
  });

  const required = truth.expect.filter((e) => e.required);
  it.each(required.map((e) => [e.id, e] as const))('reports %s at its sheet and row as an error or warning', (_id, e) => {
    const hits = analysis.findings.filter((f) => f.sheet === e.sheet && f.row === e.row && f.severity !== 'info');
    expect(hits.length).toBeGreaterThan(0);
  });

  it('puts no error on a cell that must not be flagged', () => {
    const wrong = analysis.findings.filter(
      (f) => f.severity === 'error' && truth.must_not_flag.some((m) => m.sheet === f.sheet && m.cell === f.cell),
    );
    expect(wrong).toEqual([]);
  });

  it('puts no error on a row outside expect and allow', () => {
    const known = [...truth.expect, ...truth.allow];
    const stray = analysis.findings.filter(
      (f) => f.severity === 'error' && !known.some((k) => k.sheet === f.sheet && k.row === f.row),
    );
    expect(stray).toEqual([]);
  });

  it('reports every optional expect entry as well', () => {
    const optional = truth.expect.filter((e) => !e.required);
    const missed = optional.filter((e) => !analysis.findings.some((f) => f.sheet === e.sheet && f.row === e.row && f.severity !== 'info'));
    expect(missed.map((e) => e.id)).toEqual([]);
  });
});

describe('plan totals recomputed from the real fixtures', () => {
  it.each([
    ['chiangmai-2566-clean.xlsx', 38, 3119920],
    ['narathiwat-2566.xlsx', 31, 1145840],
    ['phetchaburi-2566.xlsx', 20, 338010],
  ])('%s has %d projects and %d baht, each budget counted once', async (file, projects, budget) => {
    const a = analyze(await readXlsx(join(dir, file)));
    expect(a.stats.projects).toBe(projects);
    expect(a.stats.budget).toBe(budget);
  });
});
