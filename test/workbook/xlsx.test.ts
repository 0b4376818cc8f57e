import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { workbookSnapshotSchema } from '../../src/workbook/snapshot';

async function buffer(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('แผน'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsx (exceljs adapter)', () => {
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
    expect(s.values[0]).toEqual(['หัวเรื่อง', null, null]);
    expect(s.values[1]).toEqual([1000, 2000, 'ไม่ใช้ งบประมาณ']);
    expect(s.values[2]?.[0]).toBe(true);
    expect(s.formulas?.[1]?.[1]).toBe('=A2*2');
    expect(s.numberFormats?.[1]?.[0]).toBe('[$-D07041E]#,##0');
  });

  it('throws on input that is not an xlsx', async () => {
    await expect(readXlsx(Buffer.from('plain text'))).rejects.toThrow();
  });
});
