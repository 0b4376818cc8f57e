import ExcelJS from 'exceljs';
import { MARK_STYLES, type Action, type GeneratedSheet } from '../../src/domain/actions/types';
import { RECORD_SHEET } from '../../src/workbook/host';
import { FileHost } from '../../src/workbook/xlsx/file-host';
import { patchXlsx, readRecordOf } from '../../src/workbook/xlsx/patch';
import { readWorkbookPackage } from '../../src/workbook/xlsx/package';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { analyze } from '../../src/domain/analyze';
import { HANDMADE_PARTS, entries, handmade } from '../helpers/handmade';

const SHEET = 'xl/worksheets/sheet1.xml';
const note = (cell: string, text: string): Action => ({ kind: 'note', sheet: 'แผน', cell, text });
const mark = (cells: string[]): Action => ({ kind: 'mark', sheet: 'แผน', severity: 'error', cells, style: MARK_STYLES.error });

describe('notes: ours are added, the user\'s are never changed', () => {
  const first = patchXlsx(handmade(), [mark(['A1', 'B2']), note('A1', 'ตรวจแผน: ไม่ตรง'), note('B2', 'ตรวจแผน: B2 <ผิด> & "ไม่ครบ"')]);
  const out = entries(first.bytes);

  it('skips a cell that has the user\'s note, and says which', () => {
    expect(first.skippedNotes).toEqual([{ sheet: 'แผน', cell: 'A1' }]);
    expect(out.get('xl/comments1.xml')).toContain('<comment ref="A1" authorId="0"><text><r><t>โน้ตของผู้ใช้</t></r></text></comment>');
  });

  it('adds ours to the sheet\'s own comments part and VML drawing, escaped', () => {
    const comments = out.get('xl/comments1.xml')!;
    expect(comments).toContain('<authors><author>ผู้ใช้</author><author>ตรวจแผน · PlanCheck</author></authors>');
    expect(comments).toContain('<comment ref="B2" authorId="1"><text><r><t xml:space="preserve">ตรวจแผน: B2 &lt;ผิด&gt; &amp; "ไม่ครบ"</t></r></text></comment>');
    const vml = out.get('xl/drawings/vmlDrawing1.vml')!;
    expect(vml).toContain('<x:Row>1</x:Row><x:Column>1</x:Column>');
    expect(vml).toContain('_x0000_s1027');
    // Nothing new in the sheet, its rels or the content types: the parts were already there.
    expect(out.get('xl/worksheets/_rels/sheet1.xml.rels')).toBe(HANDMADE_PARTS['xl/worksheets/_rels/sheet1.xml.rels']);
  });

  it('lists what it wrote in the ownership tag, by sheetId', () => {
    const { owned } = readRecordOf(first.bytes);
    expect(owned.marks).toEqual([1]);
    expect(owned.notes.map((n) => [n.sheet, n.cell])).toEqual([[1, 'B2']]);
    expect(out.get('xl/workbook.xml')).toContain(`<sheet name="${RECORD_SHEET}" sheetId="3" state="veryHidden" r:id="rId6"/>`);
  });

  it('clears only what the tag lists: the sheet, comments and drawing come back as they were', () => {
    const cleared = entries(patchXlsx(first.bytes, [{ kind: 'clear-marks' }]).bytes);
    expect(cleared.get(SHEET)).toBe(HANDMADE_PARTS[SHEET]);
    expect(cleared.get('xl/drawings/vmlDrawing1.vml')).toBe(HANDMADE_PARTS['xl/drawings/vmlDrawing1.vml']);
    const comments = cleared.get('xl/comments1.xml')!;
    // The user's note that starts with "PlanCheck: " is theirs: it stays.
    expect(comments).toContain('<comment ref="A2" authorId="0"><text><r><t>PlanCheck: my own note</t></r></text></comment>');
    expect(comments).toContain('<comment ref="A1" authorId="0">');
    expect(comments).not.toContain('ref="B2"');
  });

  it('keeps a note of ours that the user has edited since (it is theirs now)', () => {
    const edited = entries(first.bytes);
    const comments = edited.get('xl/comments1.xml')!.replace('ตรวจแผน: B2 &lt;ผิด&gt;', 'แก้แล้ว');
    const input = handmade({ ...Object.fromEntries(edited), 'xl/comments1.xml': comments });
    const cleared = entries(patchXlsx(input, [{ kind: 'clear-marks' }]).bytes);
    expect(cleared.get('xl/comments1.xml')).toContain('แก้แล้ว');
    expect(cleared.get(SHEET)).toBe(HANDMADE_PARTS[SHEET]);
  });

  it('creates the comments part, drawing, rels and content types on a sheet without notes, and removes them on clear', () => {
    const once = patchXlsx(handmade(), [{ kind: 'note', sheet: 'อื่น', cell: 'A1', text: 'ตรวจแผน: x' }]).bytes;
    const out2 = entries(once);
    expect(out2.get('xl/worksheets/sheet2.xml')).toContain('<legacyDrawing r:id="rId2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></worksheet>');
    expect(out2.get('xl/worksheets/_rels/sheet2.xml.rels')).toContain('Target="../comments2.xml"');
    expect(out2.get('[Content_Types].xml')).toContain('<Override PartName="/xl/comments2.xml"');
    expect(out2.get('xl/drawings/vmlDrawing2.vml')).toContain('data="2"');
    const cleared = entries(patchXlsx(once, [{ kind: 'clear-marks' }]).bytes);
    expect(cleared.get('xl/worksheets/sheet2.xml')).toBe(HANDMADE_PARTS['xl/worksheets/sheet2.xml']);
    expect([...cleared.keys()].filter((k) => /comments2|vmlDrawing2|sheet2\.xml\.rels/.test(k))).toEqual([]);
    expect(cleared.get('[Content_Types].xml')).not.toContain('comments2');
  });

  it('keeps a user\'s conditional format on a marked sheet when clearing', () => {
    const own = '<conditionalFormatting sqref="A3"><cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting>';
    const sheet = HANDMADE_PARTS[SHEET]!.replace('<pageMargins', `${own}<pageMargins`);
    const marked = patchXlsx(handmade({ [SHEET]: sheet }), [mark(['B1'])]).bytes;
    const xml = entries(marked).get(SHEET)!;
    expect(xml).toContain(`${own}<conditionalFormatting sqref="B1"><cfRule type="expression" dxfId="0" priority="2">`);
    expect(entries(patchXlsx(marked, [{ kind: 'clear-marks' }]).bytes).get(SHEET)).toBe(sheet);
  });
});

const summary: GeneratedSheet = {
  name: 'สรุปรายไตรมาส',
  title: 'สรุปรายไตรมาส ทดสอบ',
  subtitle: ['บรรทัดที่หนึ่ง'],
  columns: [{ header: 'ไตรมาส', width: 20 }, { header: 'งบประมาณ', width: 16 }, { header: 'ลิงก์', width: 10 }],
  rows: [
    [{ value: '=ไม่ใช่สูตร' }, { value: 1200, format: '#,##0' }, { value: 'B2', link: "#'แผน'!B2" }],
    [{ value: 'รวม', bold: true }, { value: 1200, formula: '=SUM(B6:B6)', format: '#,##0' }, { value: 'ESC \u001b _x0041_' }],
  ],
};

describe('generated sheets: new parts, replaced only when the tag says they are ours', () => {
  it('writes a print-ready sheet: labels as text, links inside the workbook, print titles scoped to it', async () => {
    const out = entries(patchXlsx(handmade(), [{ kind: 'add-sheet', sheet: summary }]).bytes);
    const xml = out.get('xl/worksheets/sheet3.xml')!;
    expect(xml).toContain('t="inlineStr"><is><t xml:space="preserve">=ไม่ใช่สูตร</t></is>');
    expect(xml).toContain('<t xml:space="preserve">ESC _x001B_ _x005F_x0041_</t>');
    expect(xml).toContain('<f>SUM(B6:B6)</f><v>1200</v>');
    expect(xml).toContain('<hyperlink ref="C5" location="\'แผน\'!B2" display="B2"/>');
    expect(xml).toContain('<mergeCell ref="A1:C1"/><mergeCell ref="A2:C2"/>');
    expect(xml).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(xml).toContain('<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>');
    expect(out.get('xl/worksheets/_rels/sheet3.xml.rels')).toBeUndefined();
    expect(out.get('xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="2">\'สรุปรายไตรมาส\'!$4:$4</definedName></definedNames>');
    expect(out.get('xl/styles.xml')).toContain('<font><b/><sz val="20"/><name val="TH Sarabun New"/><family val="2"/></font>');
    const snap = await readXlsx(Buffer.from(patchXlsx(handmade(), [{ kind: 'add-sheet', sheet: summary }]).bytes));
    expect(snap.sheets.find((s) => s.name === 'สรุปรายไตรมาส')?.values[4]?.[0]).toBe('=ไม่ใช่สูตร');
  });

  it('rewrites its own sheet in place on the next run: same part, sheetId and scope, no duplicate name', () => {
    const once = patchXlsx(handmade(), [{ kind: 'add-sheet', sheet: summary }]).bytes;
    const twice = entries(patchXlsx(once, [{ kind: 'add-sheet', sheet: { ...summary, title: 'ใหม่' } }]).bytes);
    const wb = twice.get('xl/workbook.xml')!;
    expect(wb.match(/<sheet /g)).toHaveLength(4);
    expect(wb).toContain('<sheet name="สรุปรายไตรมาส" sheetId="3" r:id="rId6"/>');
    expect(wb.match(/Print_Titles/g)).toHaveLength(1);
    expect(twice.get('xl/worksheets/sheet3.xml')).toContain('>ใหม่</t>');
    expect(twice.has('xl/worksheets/sheet5.xml')).toBe(false);
  });

  it('never replaces a user\'s sheet of that name, even when its A1 starts with our title: ours becomes "(2)"', () => {
    const userSheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>สรุปรายไตรมาส ของฉันเอง</t></is></c></row></sheetData></worksheet>';
    const wbXml = HANDMADE_PARTS['xl/workbook.xml']!.replace('name="อื่น"', 'name="สรุปรายไตรมาส"');
    const input = handmade({ 'xl/workbook.xml': wbXml, 'xl/worksheets/sheet2.xml': userSheet });
    const result = patchXlsx(input, [{ kind: 'add-sheet', sheet: summary }]);
    expect(result.sheets).toEqual(['สรุปรายไตรมาส (2)']);
    const out = entries(result.bytes);
    expect(out.get('xl/worksheets/sheet2.xml')).toBe(userSheet);
    const again = patchXlsx(result.bytes, [{ kind: 'add-sheet', sheet: summary }]);
    expect(again.sheets).toEqual(['สรุปรายไตรมาส (2)']);
    expect(entries(again.bytes).get('xl/workbook.xml')!.match(/<sheet /g)).toHaveLength(4);
  });

  it('the reader flags the sheets the tag lists (a re-check leaves them out), never the user\'s look-alike', () => {
    const userSheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>สรุปรายไตรมาส ของฉันเอง</t></is></c></row></sheetData></worksheet>';
    const wbXml = HANDMADE_PARTS['xl/workbook.xml']!.replace('name="อื่น"', 'name="สรุปรายไตรมาส"');
    const out = patchXlsx(handmade({ 'xl/workbook.xml': wbXml, 'xl/worksheets/sheet2.xml': userSheet }), [{ kind: 'add-sheet', sheet: summary }]).bytes;
    const flags = readWorkbookPackage(out).snapshot.sheets.map((s) => [s.name, s.generated === true]);
    expect(flags).toEqual([['แผน', false], ['สรุปรายไตรมาส', false], ['สรุปรายไตรมาส (2)', true]]);
    expect(analyze(readWorkbookPackage(out).snapshot).sheets.map((s) => s.name)).toEqual(['แผน', 'สรุปรายไตรมาส']);
  });
});

describe('acknowledgements in the browser: the record sheet', () => {
  it('reads acknowledgements that the previous (exceljs) version saved in the very hidden sheet\'s A1', async () => {
    const acks = { v: 1 as const, items: { 'duplicate-row|แผน|B2': { reason: 'ตรวจแล้ว', at: '2026-11-21' } } };
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('แผน').getCell('A1').value = 'x';
    wb.addWorksheet(RECORD_SHEET, { state: 'veryHidden' }).getCell('A1').value = JSON.stringify(acks);
    const old = (await wb.xlsx.writeBuffer()) as ArrayBuffer;
    const host = await FileHost.open(old, 'old.xlsx');
    expect((await host.read()).acks).toEqual(acks);
    // Saving again keeps them readable, and the record sheet stays one very hidden sheet.
    const more = { v: 1 as const, items: { ...acks.items, 'x|แผน|A1': { reason: 'ok', at: '2026-11-22' } } };
    await host.saveAcks(more);
    await host.apply([{ kind: 'clear-marks' }, { kind: 'mark', sheet: 'แผน', severity: 'warning', cells: ['A1'], style: MARK_STYLES.warning }]);
    const again = await FileHost.open(await host.download({ marks: true }), 'copy.xlsx');
    const read = await again.read();
    expect(read.acks).toEqual(more);
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(['แผน']);
    expect(readRecordOf(new Uint8Array(await again.download({ marks: true }))).owned.marks).toEqual([1]);
  });

  it('reports the cells where an explanation was skipped', async () => {
    const b = handmade();
    const host = await FileHost.open(b.slice().buffer as ArrayBuffer, 'x.xlsx');
    await host.apply([note('A1', 'ตรวจแผน: x'), note('A3', 'ตรวจแผน: y')]);
    expect(host.skippedNotes).toEqual([{ sheet: 'แผน', cell: 'A1' }]);
  });
});
