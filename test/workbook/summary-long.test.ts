import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { SUMMARY_SHEETS, planSummaries } from '../../src/domain/actions/summaries';
import { MAX_FORMULA } from '../../src/domain/actions/long-formulas';
import type { GeneratedSheet } from '../../src/domain/actions/types';
import { analyze } from '../../src/domain/analyze';
import type { WorkbookSnapshot } from '../../src/domain/snapshot';
import { patchXlsx } from '../../src/workbook/xlsx/patch';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { convert } from '../../scripts/libreoffice';
import { syntheticPlan } from '../helpers/synthetic';

/**
 * Summary formulas over a plan of 11,500 rows: one SUM over every row would pass Excel's 8,192 characters, so its
 * references are split into partial sums in hidden helper columns; LibreOffice recalculates them to the engine's
 * figures.
 */
jest.setTimeout(300_000);

const ROWS = 11_500;
let plan: WorkbookSnapshot;
let sheets: GeneratedSheet[];
beforeAll(() => {
  plan = syntheticPlan(ROWS);
  sheets = planSummaries(analyze(plan)).map((a) => a.sheet);
});

const formulas = (g: GeneratedSheet): string[] => g.rows.flatMap((r) => r.flatMap((c) => (c.formula ? [c.formula] : [])));

describe('summary formulas of an 11,500-row plan', () => {
  it('all stay under Excel\'s 8,192 characters', () => {
    const all = sheets.flatMap(formulas);
    expect(all.length).toBeGreaterThan(50);
    expect(Math.max(...all.map((f) => f.length))).toBeLessThanOrEqual(MAX_FORMULA);
  });

  it('long ones add up partial sums kept in hidden helper columns of the same row', () => {
    const agency = sheets.find((s) => s.name === SUMMARY_SHEETS.agency)!;
    const helpers = agency.columns.filter((c) => c.hidden);
    expect(helpers.length).toBeGreaterThan(0);
    expect(agency.columns.slice(0, agency.columns.length - helpers.length).every((c) => !c.hidden)).toBe(true);
    const first = agency.subtitle.length + 4;
    const linked = agency.rows.flatMap((r, i) => r.flatMap((c) => (c.formula && /^=SUM\([A-Z]+\d+:[A-Z]+\d+\)$/.test(c.formula) && c.formula.includes(`${first + i}:`) ? [c.formula] : [])));
    expect(linked.length).toBeGreaterThan(0);
  });

  it('LibreOffice recalculates every figure to what the engine computed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plancheck-long-'));
    const wb = new ExcelJS.Workbook();
    const s = plan.sheets[0]!;
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, i) => row.forEach((v, j) => v !== null && (ws.getCell(i + 1, j + 1).value = v)));
    const source = join(dir, 'plan.xlsx');
    await wb.xlsx.writeFile(source);
    const patched = join(dir, 'summarised.xlsx');
    writeFileSync(patched, patchXlsx(new Uint8Array(readFileSync(source)), planSummaries(analyze(await readXlsx(source)))).bytes);
    convert([patched], join(dir, 'out'), 'xlsx', join(dir, 'profile'));
    const back = await readXlsx(join(dir, 'out', 'summarised.xlsx'));
    for (const g of sheets.filter((x) => x.name !== SUMMARY_SHEETS.findings)) {
      const got = back.sheets.find((x) => x.name === g.name)!;
      const first = g.subtitle.length + 4;
      g.rows.forEach((r, i) =>
        r.forEach((c, j) => {
          if (!c.formula || g.columns[j]?.hidden) return;
          const v = got.values[first + i - got.origin.row]?.[j - got.origin.column + 1];
          // (The reader on this branch reads a cached 0 as empty.)
          expect([g.name, first + i, j, v === null && c.value === 0 ? 0 : v]).toEqual([g.name, first + i, j, c.value]);
        }),
      );
    }
  });
});
