import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readWorkbookPackage } from '../../src/workbook/xlsx/package';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { workbookSnapshotSchema } from '../../src/workbook/snapshot';
import { readWithExceljs } from '../helpers/exceljs-snapshot';
import { workbookCells } from '../helpers/cells';
import { oneSheet, xlsxPackage, type PackageSpec } from '../helpers/xlsx-package';

const fixture = (name: string): string => join(__dirname, '..', 'fixtures', `${name}.xlsx`);
const read = (spec: PackageSpec) => readWorkbookPackage(xlsxPackage(spec)).snapshot;
const firstSheet = (spec: PackageSpec) => {
  const s = read(spec).sheets[0];
  if (!s) throw new Error('no sheet');
  return s;
};

describe('the package reader against the exceljs reader it replaces', () => {
  it.each(['chiangmai-2566-clean', 'narathiwat-2566', 'phetchaburi-2566'])('%s: identical values, formulas, number formats and merges', async (name) => {
    const before = await readWithExceljs(fixture(name), name);
    const after = await readXlsx(fixture(name), name);
    workbookSnapshotSchema.parse(after);
    expect(workbookCells(after)).toEqual(workbookCells(before));
    expect(after.sheets.map((s) => [s.name, s.merges])).toEqual(before.sheets.map((s) => [s.name, s.merges]));
  });

  it('agrees on a workbook exceljs wrote with formulas, shared formulas, formats, rich text, errors and dates, except the cached 0 exceljs loses', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('แผน');
    ws.getCell('A1').value = { richText: [{ text: 'ไม่ใช้ ', font: { bold: true } }, { text: 'งบประมาณ' }] };
    ws.getCell('B2').value = 1651200;
    ws.getCell('B2').numFmt = '[$-D07041E]#,##0';
    ws.getCell('C2').value = 0.25;
    ws.getCell('C2').numFmt = '0.00%';
    ws.getCell('D2').value = true;
    ws.getCell('E2').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
    ws.getCell('F2').value = new Date(Date.UTC(2023, 0, 15));
    ws.getCell('F2').numFmt = 'd/m/yyyy';
    for (let r = 3; r <= 6; r++) {
      ws.getCell(`A${r}`).value = r;
      ws.getCell(`B${r}`).value = r * 10;
    }
    ws.getCell('C3').value = { formula: 'A3+B3', result: 33, shareType: 'shared', ref: 'C3:C6' } as ExcelJS.CellSharedFormulaValue & { shareType: string; ref: string };
    for (let r = 4; r <= 6; r++) ws.getCell(`C${r}`).value = { sharedFormula: 'C3', result: r * 11 };
    ws.getCell('D3').value = { formula: 'A3-A3', result: 0 };
    ws.getCell('D4').value = { formula: 'SUM($A$3:A4)', result: 7 };
    ws.getCell('E3').value = { formula: 'IF(A3>1,"สูง","ต่ำ")', result: 'สูง' };
    ws.mergeCells('G1:H2');
    wb.addWorksheet('ซ่อน', { state: 'hidden' }).getCell('A1').value = 'x';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const before = workbookCells(await readWithExceljs(Buffer.from(bytes)));
    const after = readWorkbookPackage(bytes).snapshot;
    const cells = workbookCells(after);
    expect(cells['แผน']?.D3).toEqual({ value: 0, formula: '=A3-A3' });
    expect(before['แผน']?.D3).toEqual({ formula: '=A3-A3' });
    delete cells['แผน']?.D3;
    delete before['แผน']?.D3;
    expect(cells).toEqual(before);
    expect(cells['แผน']?.C6).toEqual({ value: 66, formula: '=A6+B6' });
    expect(after.sheets.map((s) => s.visibility)).toEqual(['visible', 'hidden']);
  });
});

describe('cell values', () => {
  it('reads shared strings (rich runs joined, phonetic runs left out, _xHHHH_ decoded), inline strings, booleans, errors, numbers and ISO dates (as serial days)', () => {
    const s = firstSheet({
      ...oneSheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><r><t>ก</t></r><r><t xml:space="preserve"> ข</t></r></is></c></row>' +
          '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#DIV/0!</v></c><c r="D2"><v>-1.5E3</v></c><c r="E2" t="str"><v>a&amp;b</v></c><c r="F2" t="d"><v>2023-01-15T12:00:00</v></c></row>',
      ),
      sharedStrings: [
        '<si><t>ไม่ใช้งบประมาณ</t></si>',
        '<si><r><rPr><b/></rPr><t>งบ</t></r><r><t>ประมาณ</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si>',
        '<si><t>ESC_x001B_ and _x005F_x001B_ kept</t></si>',
      ],
    });
    expect(s.values).toEqual([
      ['ไม่ใช้งบประมาณ', 'งบประมาณ', 'ESC\u001b and _x001B_ kept', 'ก ข'],
      [true, false, '#DIV/0!', -1500, 'a&b', 44941.5],
    ]);
  });

  it('keeps a formula\'s cached 0, lists formula cells with no cached value, and prefixes formulas with "="', () => {
    const s = firstSheet(oneSheet('<row r="1"><c r="A1"><f>1-1</f><v>0</v></c><c r="B1"><f>A1+1</f></c><c r="C1" t="str"><f>""</f><v></v></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c></row>'));
    expect(s.values).toEqual([[0, null, null, true]]);
    expect(s.formulas).toEqual([['=1-1', '=A1+1', '=""', '=TRUE()']]);
    expect(s.uncachedFormulas).toEqual(['B1']);
  });

  it('expands shared formulas to every cell of their range, shifting relative references only', () => {
    const rows = [2, 3, 4]
      .map((r) => `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}">${r === 2 ? '<f t="shared" ref="B2:C4" si="0">SUM($A$2:A2)*A$2+\'แผน 2\'!C2</f>' : '<f t="shared" si="0"/>'}<v>1</v></c><c r="C${r}"><f t="shared" si="0"/><v>1</v></c></row>`)
      .join('');
    const s = firstSheet(oneSheet(rows));
    expect(s.formulas).toEqual([
      [null, "=SUM($A$2:A2)*A$2+'แผน 2'!C2", "=SUM($A$2:B2)*B$2+'แผน 2'!D2"],
      [null, "=SUM($A$2:A3)*A$2+'แผน 2'!C3", "=SUM($A$2:B3)*B$2+'แผน 2'!D3"],
      [null, "=SUM($A$2:A4)*A$2+'แผน 2'!C4", "=SUM($A$2:B4)*B$2+'แผน 2'!D4"],
    ]);
    expect(s.uncachedFormulas).toEqual([]);
  });

  it('reads an array formula at its top-left cell; data tables are values', () => {
    const s = firstSheet(oneSheet('<row r="1"><c r="A1"><f t="array" ref="A1:A2">ROW(1:2)</f><v>1</v></c><c r="B1"><f t="dataTable" ref="B1:B1" dt2D="0" dtr="0" r1="A1"/><v>5</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>'));
    expect(s.formulas).toEqual([['=ROW(1:2)'], []]);
    expect(s.values).toEqual([[1, 5], [2]]);
  });

  it('gives each cell its number format code: custom formats, built-in ids (Thai ones too), General as none', () => {
    const styles =
      '<numFmts count="1"><numFmt numFmtId="164" formatCode="[$-D07041E]#,##0&quot; บาท&quot;"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="3"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="3"/><xf numFmtId="61"/><xf numFmtId="14"/></cellXfs>' +
      '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0.0"/></dxf></dxfs>';
    const s = firstSheet({ ...oneSheet('<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"><v>1</v></c><c r="C1" s="2"><v>1</v></c><c r="D1" s="3"><v>1</v></c><c r="E1" s="4"><v>45000</v></c><c r="F1" s="1"/></row>'), styles });
    expect(s.numberFormats).toEqual([[null, '[$-D07041E]#,##0" บาท"', '#,##0', 't#,##0', 'mm-dd-yy']]);
    expect(s.values).toEqual([[1, 1, 1, 1, 45000]]);
  });

  it('reads cells without r attributes in order, and element names with a namespace prefix', () => {
    const xml = '<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c r="C2"><x:v>3</x:v></x:c></x:row></x:sheetData>';
    const s = firstSheet({ sheets: [{ name: 'p', body: xml }] });
    expect(s.values).toEqual([[1, 2], [null, null, 3]]);
  });

  it('shows only the top-left cell of a merged area, as Excel does', () => {
    const s = firstSheet(oneSheet('<row r="1"><c r="A1" t="str"><v>หัว</v></c><c r="B1" t="str"><v>hidden</v></c></row><row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="C2"><v>9</v></c></row>', '<mergeCells count="1"><mergeCell ref="$A$1:B2"/></mergeCells>'));
    expect(s.merges).toEqual(['A1:B2']);
    expect(s.values).toEqual([['หัว'], [null, null, 9]]);
    expect(s.formulas).toBeUndefined();
  });
});

describe('workbook structure', () => {
  const spec: PackageSpec = {
    sheets: [
      { name: 'แผน', body: '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' },
      { name: 'ซ่อน', body: '<sheetData/>', state: 'hidden' },
      { name: '_plancheck', body: '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>{}</t></is></c></row></sheetData>', state: 'veryHidden' },
    ],
    workbookTail:
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">\'แผน\'!$A$1:$O$50</definedName><definedName name="อัตรา">0.07</definedName><definedName name="งบ" localSheetId="1" hidden="1">ซ่อน!$B$2</definedName></definedNames>',
  };

  it('reads sheet visibility and defined names (sheet-scoped ones with their sheet); the record sheet is kept apart', () => {
    const { snapshot, record } = readWorkbookPackage(xlsxPackage(spec), { file: 'x.xlsx' });
    workbookSnapshotSchema.parse(snapshot);
    expect(snapshot.file).toBe('x.xlsx');
    expect(snapshot.sheets.map((s) => [s.name, s.visibility])).toEqual([['แผน', 'visible'], ['ซ่อน', 'hidden']]);
    expect(snapshot.sheets[1]?.values).toEqual([]);
    expect(snapshot.names).toEqual([
      { name: '_xlnm.Print_Area', ref: "'แผน'!$A$1:$O$50", sheet: 'แผน' },
      { name: 'อัตรา', ref: '0.07' },
      { name: 'งบ', ref: 'ซ่อน!$B$2', sheet: 'ซ่อน' },
    ]);
    expect(record?.values).toEqual([['{}']]);
  });

  it('reads only the sheets asked for', () => {
    expect(readWorkbookPackage(xlsxPackage(spec), { sheets: ['ซ่อน'] }).snapshot.sheets.map((s) => s.name)).toEqual(['ซ่อน']);
  });

  it.each([
    ['.xlsm', 'application/vnd.ms-excel.sheet.macroEnabled.main+xml'],
    ['.xltx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml'],
    ['.xltm', 'application/vnd.ms-excel.template.macroEnabled.main+xml'],
  ])('reads %s the same', (_, mainContentType) => {
    expect(read({ ...spec, mainContentType }).sheets[0]?.values).toEqual([[1]]);
  });

  it('finds the workbook where the package relationships say, not by its usual name', () => {
    const moved = xlsxPackage({
      ...spec,
      entries: {
        '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/book/main.xml"/></Relationships>',
        '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/book/main.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        'xl/workbook.xml': null,
        'book/main.xml': '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="ย้าย" sheetId="1" r:id="a"/></sheets></workbook>',
        'book/_rels/main.xml.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="a" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="../xl/worksheets/sheet1.xml"/></Relationships>',
      },
    });
    expect(readWorkbookPackage(moved).snapshot.sheets.map((s) => [s.name, s.values])).toEqual([['ย้าย', [[1]]]]);
  });
});

describe('sparse cells', () => {
  it('one value in XFD1048576 reads in well under a second into a one-cell grid', () => {
    const bytes = xlsxPackage(oneSheet('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>', '', 'ไกล'));
    expect(bytes.length).toBeLessThan(2000);
    const t0 = performance.now();
    const s = readWorkbookPackage(bytes).snapshot.sheets[0]!;
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(s.origin).toEqual({ row: 1048576, column: 16384 });
    expect(s.values).toEqual([[7]]);
  });

  it('a declared dimension never drives allocation; empty rows share one frozen row; each row ends at its last cell', () => {
    const bytes = xlsxPackage({
      sheets: [{ name: 'p', body: '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="C1048576"><v>2</v></c></row></sheetData>' }],
    });
    const heap = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const s = readWorkbookPackage(bytes).snapshot.sheets[0]!;
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(64 * 1024 * 1024);
    expect(s.values).toHaveLength(1048576);
    expect(s.values[0]).toEqual([1]);
    expect(s.values[1048575]).toEqual([null, null, 2]);
    const middle = s.values[500_000]!;
    expect(middle).toEqual([]);
    expect(Object.isFrozen(middle)).toBe(true);
    expect(s.values[1]).toBe(middle);
    expect(s.numberFormats?.[2]).toBe(middle);
  });
});

describe('readXlsx', () => {
  it('reads a path or bytes alike', async () => {
    const bytes = readFileSync(fixture('narathiwat-2566'));
    expect(await readXlsx(bytes)).toEqual(await readXlsx(fixture('narathiwat-2566')));
  });
});

describe('the package reader runs in the browser as in Node', () => {
  const dir = resolve(__dirname, '../../src/workbook/xlsx/package');
  // Its own modules, and the two it shares with the patcher (the zip directory, the ownership tag).
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.ts')), '../zip-directory.ts', '../ownership.ts'];
  it.each(files)('%s imports only fflate, saxes, the snapshot types and its own modules, and no Node API', (f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    const imports = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1] as string);
    for (const i of imports) expect(['fflate', 'saxes', '../../snapshot', '../../host', '../ownership', '../zip-directory'].includes(i) || i.startsWith('./')).toBe(true);
    expect(text).not.toMatch(/\b(Buffer|process|require)\b|node:/);
  });
});
