import { join } from 'node:path';
import { analyze } from '../src/domain/analyze';
import { recogniseHeader } from '../src/domain/parse/families';
import { Grid } from '../src/domain/base/grid';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../src/domain/snapshot';
import { readXlsx } from '../src/workbook/xlsx/read';

/**
 * The same plans as the published documents show them in other workbooks of the family: headers repeated at page
 * breaks (with a blank row between the two header rows), no merged-cell information, and spaces inserted inside
 * words where the PDF wrapped. The engine must find the same projects, money and errors.
 */
const FIXTURES = ['chiangmai-2566-clean', 'narathiwat-2566', 'phetchaburi-2566'];

/** Repeats the sheet's first header after every `every` rows, with a blank row between its two header rows. */
function paginate(s: SheetSnapshot, every: number): SheetSnapshot {
  const g = new Grid(s);
  let header: CellValue[][] | null = null;
  const headerRows = new Set<number>();
  for (let r = g.firstRow; r <= g.lastRow; r++) {
    const m = recogniseHeader(g, r);
    if (!m) continue;
    for (let h = Math.min(...m.headerRows); h <= Math.max(...m.headerRows); h++) headerRows.add(h);
    if (!header && m.family !== 'summary-agency' && m.family !== 'summary-indicator') {
      header = m.headerRows.map((hr) => [...(s.values[hr - s.origin.row] ?? [])]);
    }
  }
  if (!header) return s;
  const values: CellValue[][] = [];
  s.values.forEach((row, i) => {
    const r = s.origin.row + i;
    if (i > 8 && i % every === 0 && !headerRows.has(r) && !headerRows.has(r - 1)) values.push(header![0]!, [], ...header!.slice(1));
    values.push(row);
  });
  return { ...s, values, merges: [] };
}

/** Inserts a space every seven Thai letters inside long texts (never inside numbers). */
function wrap(s: SheetSnapshot): SheetSnapshot {
  const values = s.values.map((row) =>
    row.map((v) => (typeof v === 'string' && v.length > 24 && !/^[\d๐-๙,.\s]+/.test(v) ? v.replace(/([ก-ฮะ-ฺเ-์]{7})(?=[ก-ฮเ-ไ])/g, '$1 ') : v)),
  );
  return { ...s, values };
}

const errorsOf = (w: WorkbookSnapshot): string[] => analyze(w).findings.filter((f) => f.severity === 'error').map((f) => f.code).sort();

describe.each(FIXTURES)('%s in other shapes of its family', (name) => {
  let original: WorkbookSnapshot;
  beforeAll(async () => {
    original = await readXlsx(join(__dirname, 'fixtures', `${name}.xlsx`));
  });

  it('headers repeated at page breaks, no merge information: same projects, budget and errors', () => {
    const variant = { sheets: original.sheets.map((s) => paginate(s, 9)) };
    const a = analyze(original);
    const b = analyze(variant);
    expect(b.stats.projects).toBe(a.stats.projects);
    expect(b.stats.budget).toBe(a.stats.budget);
    expect(errorsOf(variant)).toEqual(errorsOf(original));
  });

  it('spaces inserted inside words by wrapping: same projects, budget and errors', () => {
    const variant = { sheets: original.sheets.map(wrap) };
    expect(analyze(variant).stats).toMatchObject({ projects: analyze(original).stats.projects, budget: analyze(original).stats.budget });
    expect(errorsOf(variant)).toEqual(errorsOf(original));
  });
});
