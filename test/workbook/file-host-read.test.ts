import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planMarks } from '../../src/domain/actions/marks';
import { planNumbers } from '../../src/domain/actions/numbers';
import { analyze } from '../../src/domain/analyze';
import { FileHost } from '../../src/workbook/xlsx/file-host';
import { WorkbookReadError } from '../../src/workbook/xlsx/package';
import { cfbFile } from '../helpers/hostile';

const CM = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');
const bytes = (): ArrayBuffer => {
  const b = readFileSync(CM);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('the file host reads with the package reader', () => {
  it('opens, checks, marks and fixes a workbook without ever loading exceljs', async () => {
    await jest.isolateModulesAsync(async () => {
      jest.doMock('exceljs', () => {
        throw new Error('exceljs was loaded');
      });
      const { FileHost: IsolatedHost } = await import('../../src/workbook/xlsx/file-host');
      const host = await IsolatedHost.open(bytes(), 'chiangmai.xlsx');
      const { snapshot } = await host.read();
      expect(analyze(snapshot).stats.projects).toBe(38);
      expect((await host.readSheets(['แผนปฏิบัติการ'])).sheets.map((s) => s.name)).toEqual(['แผนปฏิบัติการ']);
      await host.apply([...planMarks(analyze(snapshot)), ...planNumbers(analyze(snapshot))]);
      expect(new Uint8Array(await host.download()).length).toBeGreaterThan(0);
    });
    jest.dontMock('exceljs');
  });

  it('says what a file is when it is not a workbook', async () => {
    const xls = cfbFile(['Workbook']);
    const e = await FileHost.open(xls.buffer as ArrayBuffer, 'old.xls').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect((e as WorkbookReadError).kind).toBe('xls');
  });

  it('after a fix, reads the workbook as the fix left it; marks alone change nothing it reads', async () => {
    const host = await FileHost.open(bytes(), 'chiangmai.xlsx');
    const first = (await host.read()).snapshot;
    const analysis = analyze(first);
    expect(analysis.findings.some((f) => f.code === 'number-as-text')).toBe(true);
    await host.apply(planMarks(analysis));
    expect((await host.read()).snapshot).toBe(first);
    await host.apply(planNumbers(analysis));
    const after = (await host.read()).snapshot;
    expect(analyze(after).findings.filter((f) => f.code === 'number-as-text')).toEqual([]);
  });

  it('downloads the very bytes it was given when nothing was applied', async () => {
    const host = await FileHost.open(bytes(), 'chiangmai.xlsx');
    expect(Buffer.from(await host.download()).equals(readFileSync(CM))).toBe(true);
  });
});
