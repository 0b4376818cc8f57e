import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { workbookSnapshotSchema } from '../../src/workbook/snapshot';

async function buffer(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('แผน'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsx (package reader)', () => {
  it('reads values, cached formula results, number formats and merged areas', async () => {
    const buf = await buffer((ws) => {
      ws.getCell('A1').value = 'หัวเรื่อง';
      ws.mergeCells('A1:C1');
      ws.getCell('A2').value = 1000;
      ws.getCell('A2').numFmt = '[$-D07041E]#,##0';
      ws.getCell('B2').value = { formula: 'A2*2', result: 2000 };
      ws.getCell('C2').value = { richText: [{ text: 'ไม่ใช้ ' }, { text: 'งบประมาณ' }] };
      ws.getCell('A3').value = true;
    });
    const snap = await readXlsx(buf, 'x.xlsx');
    workbookSnapshotSchema.parse(snap);
    const s = snap.sheets[0]!;
    expect(snap.file).toBe('x.xlsx');
    expect(s.name).toBe('แผน');
    expect(s.merges).toEqual(['A1:C1']);
    // Each row ends at its last cell: B1 and C1 are covered by the merge and hold nothing.
    expect(s.values[0]).toEqual(['หัวเรื่อง']);
    expect(s.values[1]).toEqual([1000, 2000, 'ไม่ใช้ งบประมาณ']);
    expect(s.values[2]?.[0]).toBe(true);
    expect(s.formulas?.[1]?.[1]).toBe('=A2*2');
    expect(s.numberFormats?.[1]?.[0]).toBe('[$-D07041E]#,##0');
  });

  it('throws on input that is not an xlsx', async () => {
    await expect(readXlsx(Buffer.from('plain text'))).rejects.toThrow();
  });
});

describe('applyToXlsx (the package patcher)', () => {
  it('replaces its own generated sheet but keeps a user\'s sheet of the same name', async () => {
    const { applyToXlsx } = await import('../../src/workbook/xlsx/write');
    const buf = await buffer((ws) => {
      ws.getCell('A1').value = 'แผน';
    });
    const sheet = { name: 'สรุปรายไตรมาส', marker: 'สรุปรายไตรมาส', title: 'สรุปรายไตรมาส ทดสอบ', subtitle: [], columns: [{ header: 'ไตรมาส', width: 10 }], rows: [[{ value: 'ไตรมาสที่ 1' }]] };
    const once = await applyToXlsx(buf, [{ kind: 'add-sheet', sheet }]);
    const twice = await applyToXlsx(once, [{ kind: 'add-sheet', sheet }]);
    expect((await readXlsx(twice)).sheets.map((s) => s.name)).toEqual(['แผน', 'สรุปรายไตรมาส']);
    const userOwned = await applyToXlsx(await buffer((ws) => void (ws.name = 'x')), []);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(userOwned as unknown as ArrayBuffer);
    wb.getWorksheet('x')!.name = 'สรุปรายไตรมาส';
    wb.getWorksheet('สรุปรายไตรมาส')!.getCell('A1').value = 'ตารางของผู้ใช้';
    const kept = await applyToXlsx(Buffer.from(await wb.xlsx.writeBuffer()), [{ kind: 'add-sheet', sheet }]);
    const names = (await readXlsx(kept)).sheets.map((s) => s.name);
    expect(names).toEqual(['สรุปรายไตรมาส', 'สรุปรายไตรมาส (2)']);
  });
});
