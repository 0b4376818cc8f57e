import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planMarks } from '../../src/domain/actions/marks';
import { planNumbers } from '../../src/domain/actions/numbers';
import { analyze } from '../../src/domain/analyze';
import { FileHost } from '../../src/workbook/xlsx/file-host';
import { readXlsx } from '../../src/workbook/xlsx/read';

const CM = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');
const bytes = (): ArrayBuffer => {
  const b = readFileSync(CM);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('the file host (the pane in a browser, without Excel)', () => {
  it('reads the file as the CLI does, and downloads a marked copy that the CLI reads back', async () => {
    const host = await FileHost.open(bytes(), 'chiangmai.xlsx');
    const { snapshot } = await host.read();
    const analysis = analyze(snapshot);
    expect(analysis.findings).toEqual(analyze(await readXlsx(CM, 'chiangmai.xlsx')).findings);
    await host.apply(planMarks(analysis, { notes: true }));
    const copy = Buffer.from(await host.download());
    expect(host.copyName).toBe('chiangmai.ตรวจแล้ว.xlsx');
    const reread = await readXlsx(copy);
    expect(analyze(reread).findings).toEqual(analysis.findings);
  });

  it('keeps fixes and acknowledgements in the copy, and never shows its record sheet as a plan sheet', async () => {
    const host = await FileHost.open(bytes(), 'chiangmai.xlsx');
    const analysis = analyze((await host.read()).snapshot);
    await host.apply(planNumbers(analysis));
    const acks = { v: 1 as const, items: { 'duplicate-row|แผนปฏิบัติการ|B29': { reason: 'ตรวจแล้ว', at: '2026-11-21' } } };
    await host.saveAcks(acks);
    const again = await FileHost.open(await host.download(), 'copy.xlsx');
    const { snapshot, acks: read } = await again.read();
    expect(read).toEqual(acks);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['สรุปงบประมาณ', 'แผนปฏิบัติการ']);
    expect(analyze(snapshot).findings.filter((f) => f.code === 'number-as-text')).toEqual([]);
  });

  it('refuses a file that is not an xlsx', async () => {
    await expect(FileHost.open(new TextEncoder().encode('not a zip').buffer as ArrayBuffer, 'x.xlsx')).rejects.toThrow();
  });
});

describe('the copy’s name', () => {
  it('keeps a macro workbook’s or template’s extension', async () => {
    const { FileHost } = await import('../../src/workbook/xlsx/file-host');
    const { readFileSync } = await import('node:fs');
    const bytes = readFileSync(`${__dirname}/../fixtures/chiangmai-2566-clean.xlsx`);
    for (const [name, copy] of [['แผน.xlsm', 'แผน.ตรวจแล้ว.xlsm'], ['แผน.XLTX', 'แผน.ตรวจแล้ว.XLTX'], ['แผน', 'แผน.ตรวจแล้ว.xlsx']]) {
      expect((await FileHost.open(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, name!)).copyName).toBe(copy);
    }
  });
});
