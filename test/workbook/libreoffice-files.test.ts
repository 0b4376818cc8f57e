import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planTotals } from '../../src/domain/actions/totals';
import { analyze } from '../../src/domain/analyze';
import { readWorkbookPackage, WorkbookReadError } from '../../src/workbook/xlsx/package';
import { applyToXlsx } from '../../src/workbook/xlsx/write';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { convert } from '../../scripts/libreoffice';
import { workbookCells, type CellFacts } from '../helpers/cells';
import { readWithExceljs } from '../helpers/exceljs-snapshot';

/**
 * Files another writer made: LibreOffice saves the fixtures as .xlsx (its own styles, number formats and XML
 * habits), as a real .xls (BIFF8 in an OLE2 container) and as .ods; the reader must agree with exceljs on the
 * first and say what the other two are.
 */
jest.setTimeout(180_000);

const FIXTURES = ['chiangmai-2566-clean', 'narathiwat-2566', 'phetchaburi-2566'];
const dir = mkdtempSync(join(tmpdir(), 'plancheck-lo-read-'));
const inputs = FIXTURES.map((f) => join(__dirname, '..', 'fixtures', `${f}.xlsx`));
/** Chiang Mai with its totals filled as formulas (the fixtures themselves have none). */
const TOTALS = 'chiangmai-totals';

beforeAll(async () => {
  const analysis = analyze(await readXlsx(inputs[0] as string));
  const totals = join(dir, `${TOTALS}.xlsx`);
  writeFileSync(totals, await applyToXlsx(inputs[0] as string, planTotals(analysis, { overwriteConflicts: true }).actions));
  inputs.push(totals);
  for (const format of ['xlsx', 'xls', 'ods']) convert(inputs, join(dir, format), format, join(dir, 'profile'));
});

function kindOf(path: string): string {
  try {
    readWorkbookPackage(new Uint8Array(readFileSync(path)));
  } catch (e) {
    if (e instanceof WorkbookReadError) return e.kind;
    throw e;
  }
  return 'read';
}

/**
 * exceljs drops a formula's cached 0, and unescapes a format's `\-` to `-` (the same display: LibreOffice writes
 * the escaped form of a literal character); everything else must be the same.
 */
function withoutLostZeros(ours: Record<string, Record<string, CellFacts>>, theirs: Record<string, Record<string, CellFacts>>): void {
  for (const [sheet, cells] of Object.entries(ours)) {
    for (const [at, c] of Object.entries(cells)) {
      if (c.formula && c.value === 0 && theirs[sheet]?.[at]?.value === undefined) delete cells[at]?.value;
      if (c.format && c.format.replace(/\\([-])/g, '$1') === theirs[sheet]?.[at]?.format) c.format = theirs[sheet]?.[at]?.format;
    }
  }
}

describe.each([...FIXTURES, TOTALS])('%s as LibreOffice saves it', (name) => {
  it('as .xlsx: the same cells, formulas, number formats and merges as exceljs reads', async () => {
    const path = join(dir, 'xlsx', `${name}.xlsx`);
    const before = await readWithExceljs(path);
    const after = await readXlsx(path);
    const ours = workbookCells(after);
    const theirs = workbookCells(before);
    withoutLostZeros(ours, theirs);
    expect(ours).toEqual(theirs);
    expect(after.sheets.map((s) => [...s.merges].sort())).toEqual(before.sheets.map((s) => [...s.merges].sort()));
    // LibreOffice calculates every formula it saves.
    for (const s of after.sheets) expect(s.uncachedFormulas ?? []).toEqual([]);
    const sums = after.sheets.flatMap((s) => (s.formulas ?? []).flat()).filter((f) => f?.startsWith('=SUM('));
    if (name === TOTALS) expect(sums.length).toBeGreaterThan(10);
  });

  it('as .xls: an old Excel file, to save as .xlsx', () => {
    expect(kindOf(join(dir, 'xls', `${name}.xls`))).toBe('xls');
  });

  it('as .ods: an OpenDocument spreadsheet', () => {
    expect(kindOf(join(dir, 'ods', `${name}.ods`))).toBe('ods');
  });
});
