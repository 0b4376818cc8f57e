import type { Action } from '../../src/domain/actions/types';
import { PatchError, patchXlsx } from '../../src/workbook/xlsx/patch';
import { shiftFormula } from '../../src/workbook/xlsx/patch/refs';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { HANDMADE_PARTS, cellsOf, entries, handmade } from '../helpers/handmade';

const THAI = '[$-D00041E]#,##0';
const num = (cell: string, value: number, before: string, sheet = 'แผน'): Action => ({ kind: 'set-number', sheet, cell, value, format: THAI, before });
const SHEET = 'xl/worksheets/sheet1.xml';

describe('cells: numbers and formulas spliced into the sheet', () => {
  const input = handmade();
  const out = entries(
    patchXlsx(input, [
      num('B1', 1000, '๑,๐๐๐'),
      num('B2', 2000, '๒,๐๐๐'),
      num('B3', 3000, '๓,๐๐๐'),
      { kind: 'set-formula', sheet: 'แผน', cell: 'C1', formula: '=B1*3', expected: 3000, before: 0 },
      num('F1', 5, '๕'),
      num('E5', 6, '๖'),
      num('A4', 8, '๘'),
    ]).bytes,
  );
  const was = cellsOf(HANDMADE_PARTS[SHEET]!);
  const now = cellsOf(out.get(SHEET)!);

  it('gives a converted cell a clone of its own xf with only the number format changed, reused for the next', () => {
    expect(now.get('B1')).toBe('<c r="B1" s="2"><v>1000</v></c>');
    expect(now.get('B2')).toBe('<c r="B2" s="2"><v>2000</v></c>');
    const styles = out.get('xl/styles.xml')!;
    expect(styles).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-D00041E]#,##0"/></numFmts><fonts');
    expect(styles).toContain('<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
    // A new cell starts from the default style (its row's or column's, else xf 0) and gets the format the same way.
    expect(now.get('F1')).toBe('<c r="F1" s="3"><v>5</v></c>');
    // The cells that share xf 1 keep it, byte for byte.
    for (const ref of ['A1', 'A2', 'A3', 'C3']) expect(now.get(ref)).toBe(was.get(ref));
  });

  it('moves a shared formula to the next cell of its group when its master is overwritten', () => {
    expect(now.get('C1')).toBe('<c r="C1" s="1"><f>B1*3</f><v>3000</v></c>');
    expect(now.get('C2')).toBe('<c r="C2" s="1"><f t="shared" si="0" ref="C2:C3">B2*2</f><v>0</v></c>');
  });

  it('inserts new cells in column order and new rows in row order', () => {
    const xml = out.get(SHEET)!;
    expect(xml).toContain('<c r="D1"><f>SUM(C1:C3)</f><v>0</v></c><c r="F1" s="3"><v>5</v></c></row>');
    expect(xml.indexOf('<row r="4">')).toBeGreaterThan(xml.indexOf('<row r="3"'));
    expect(xml).toContain('<row r="4"><c r="A4"');
    expect(xml).toContain('</row><row r="5"><c r="E5"');
    expect(xml).toContain('<dimension ref="A1:F5"/>');
    expect(xml).toContain('<row r="1" spans="1:6">');
  });

  it('drops calcChain (part, rel, content type) once a formula cell changed, and asks for a full recalculation', () => {
    expect(out.has('xl/calcChain.xml')).toBe(false);
    expect(out.get('xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
    expect(out.get('[Content_Types].xml')).not.toContain('calcChain');
    expect(out.get('xl/workbook.xml')).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  it('keeps the chart, drawing, notes, custom properties, other sheets and shared strings byte for byte', () => {
    for (const part of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/vmlDrawing1.vml', 'xl/comments1.xml', 'docProps/custom.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'xl/worksheets/_rels/sheet1.xml.rels']) {
      expect([part, out.get(part)]).toEqual([part, HANDMADE_PARTS[part]]);
    }
    expect(out.get('xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">');
    expect(out.get(SHEET)).toContain('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  });

  it('reads back the numbers, the formulas and the formats', async () => {
    const snap = await readXlsx(Buffer.from(patchXlsx(input, [num('B1', 1000, '๑,๐๐๐')]).bytes));
    const s = snap.sheets.find((x) => x.name === 'แผน')!;
    expect(s.values[0]?.[1]).toBe(1000);
    expect(s.numberFormats?.[0]?.[1]).toBe(THAI);
    expect(s.numberFormats?.[0]?.[0]).toBeNull();
  });
});

describe('cells: what is refused', () => {
  it.each([NaN, Infinity, -Infinity])('never writes %p: a clear error instead, and nothing is written', (v) => {
    const input = handmade();
    const copy = input.slice();
    expect(() => patchXlsx(input, [num('B1', v, 'x')])).toThrow(PatchError);
    expect(() => patchXlsx(input, [{ kind: 'set-formula', sheet: 'แผน', cell: 'D1', formula: '=1/0', expected: v, before: null }])).toThrow(/NaN|Infinity/);
    expect(Buffer.from(input).equals(Buffer.from(copy))).toBe(true);
  });

  it('refuses a cell inside an array formula, and a sheet that does not exist', () => {
    const sheet = HANDMADE_PARTS[SHEET]!.replace('<c r="D1"><f>SUM(C1:C3)</f>', '<c r="D1"><f t="array" ref="D1:D2">C1:C2*2</f>');
    expect(() => patchXlsx(handmade({ [SHEET]: sheet }), [num('D2', 1, '1')])).toThrow(/array formula/);
    expect(() => patchXlsx(handmade(), [num('A1', 1, '1', 'ไม่มี')])).toThrow(/ไม่พบชีต/);
  });
});

describe('cells: other writers\' XML', () => {
  it('writes into a sheet whose elements carry a namespace prefix, and rows and cells that leave r implied', () => {
    const sheet2 =
      '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const out = entries(patchXlsx(handmade({ 'xl/worksheets/sheet2.xml': sheet2 }), [num('B1', 1000, '๑,๐๐๐', 'อื่น'), num('C1', 2, '๒', 'อื่น'), num('A4', 4, '๔', 'อื่น')]).bytes);
    expect(out.get('xl/worksheets/sheet2.xml')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c><x:c r="B1" s="2"><x:v>1000</x:v></x:c><x:c r="C1" s="2"><x:v>2</x:v></x:c></x:row><x:row r="2"><x:c><x:v>3</x:v></x:c></x:row><x:row r="4"><x:c r="A4" s="2"><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    );
  });

  it('moves relative references of a shared formula and leaves anchored ones, strings, names and sheets', () => {
    expect(shiftFormula('SUM(A1:B2)+$C$3+C$4+$D5', 2, 1)).toBe('SUM(B3:C4)+$C$3+D$4+$D7');
    expect(shiftFormula("'แผน 1'!A1&\"A1\"+LOG10(A2)+อัตรา*Table1[[#This Row],[A1]]", 1, 0)).toBe("'แผน 1'!A2&\"A1\"+LOG10(A3)+อัตรา*Table1[[#This Row],[A1]]");
    expect(shiftFormula('SUM(A:A)+SUM(1:1)+A1', 0, -1)).toBe('SUM(#REF!)+SUM(1:1)+#REF!');
  });
});
