import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormulaBook, type SheetSnapshot, type SheetSource } from '../src/domain';
import { readXlsx } from '../src/workbook/xlsx/read';
import { convert } from '../scripts/libreoffice';

/**
 * The evaluator agrees with LibreOffice: every test workbook with formulas (test/fixtures/excel-native) is
 * recalculated by headless LibreOffice, and every formula cell's recalculated value must equal what the evaluator
 * computes from the formulas alone (cached values ignored). Nothing may be left "not evaluated".
 */
jest.setTimeout(300_000);

const dir = join(__dirname, 'fixtures', 'excel-native');
const files = readdirSync(dir).filter((f) => f.endsWith('.xlsx'));
const out = mkdtempSync(join(tmpdir(), 'plancheck-formula-lo-'));

function source(s: SheetSnapshot): SheetSource {
  return {
    name: s.name,
    lastRow: s.origin.row + s.values.length - 1,
    value: (r, c) => s.values[r - s.origin.row]?.[c - s.origin.column] ?? null,
    formula: (r, c) => s.formulas?.[r - s.origin.row]?.[c - s.origin.column] ?? null,
  };
}

beforeAll(() => convert(files.map((f) => join(dir, f)), join(out, 'recalculated'), 'xlsx', join(out, 'profile')));

describe.each(files)('%s recalculated by LibreOffice', (file) => {
  it('gives every formula the value the evaluator computes', async () => {
    const original = await readXlsx(join(dir, file));
    const recalculated = await readXlsx(join(out, 'recalculated', file));
    const book = new FormulaBook(original.sheets.map(source), new Map(), true);
    const disagreements: string[] = [];
    let compared = 0;
    for (const s of original.sheets) {
      const lo = recalculated.sheets.find((x) => x.name === s.name) as SheetSnapshot;
      s.formulas?.forEach((row, r) =>
        row.forEach((f, c) => {
          if (!f) return;
          const at = { row: r + s.origin.row, col: c + s.origin.column };
          const ours = book.evaluateCell(s.name, at.row, at.col);
          const theirs = lo.values[at.row - lo.origin.row]?.[at.col - lo.origin.column] ?? null;
          compared++;
          const where = `${s.name}!${String.fromCharCode(64 + at.col)}${at.row} ${f}`;
          if (!ours || ours.kind === 'not-evaluated') disagreements.push(`${where}: not evaluated`);
          else if (ours.kind === 'error') {
            // LibreOffice writes a circular reference as an error of its own (Err:522 → #VALUE! in xlsx).
            const ok = ours.error === 'circular' ? typeof theirs === 'string' && theirs.startsWith('#') : theirs === ours.error;
            if (!ok) disagreements.push(`${where}: ours ${ours.error}, LibreOffice ${String(theirs)}`);
          } else if (typeof ours.value === 'number' ? typeof theirs !== 'number' || Math.abs(ours.value - theirs) > 1e-9 * Math.max(1, Math.abs(theirs)) : ours.value !== theirs) {
            disagreements.push(`${where}: ours ${String(ours.value)}, LibreOffice ${String(theirs)}`);
          }
        }),
      );
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(20);
  });
});
