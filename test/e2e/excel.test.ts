import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { IN_EXCEL, ORIGIN, ROOT, axeViolations, buildFakeOffice, launch, servePane } from './harness';

/**
 * The built task pane as Excel would load it, with Microsoft's office.js CDN request answered by a browser build
 * of FakeExcel holding a real plan: check → marks applied in the fake workbook → clear.
 */
jest.setTimeout(120_000);

const RESULTS = join(ROOT, 'test-results');
let browser: Browser;
let fakeOffice: string;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  [browser, fakeOffice] = await Promise.all([launch(), buildFakeOffice()]);
});
afterAll(async () => {
  await browser?.close();
});

type Marked = Record<string, string[]>;

it('checks the open workbook, marks the cells in Excel, clears them, and is accessible', async () => {
  const snapshot = await readXlsx(join(ROOT, 'test', 'fixtures', 'chiangmai-2566-clean.xlsx'));
  const page = await browser.newPage({ viewport: { width: 380, height: 1100 } });
  await page.addInitScript((s) => {
    (window as unknown as { __PLANCHECK_WORKBOOK__: unknown }).__PLANCHECK_WORKBOOK__ = s;
  }, snapshot);
  await servePane(page, fakeOffice);
  await page.goto(`${ORIGIN}/taskpane.html${IN_EXCEL}`);
  await page.getByRole('switch', { name: 'ตรวจทุกครั้งที่แก้ไข' }).waitFor();
  await page.getByRole('button', { name: 'ตรวจ', exact: true }).click();
  await page.getByTestId('count-error').filter({ hasText: 'ผิดพลาด 6' }).waitFor();
  await page.waitForFunction(() => Object.keys((window as unknown as { __fakeExcel: { markedCells(): Marked } }).__fakeExcel.markedCells()).length > 0);
  const marked = await page.evaluate(() => (window as unknown as { __fakeExcel: { markedCells(): Marked } }).__fakeExcel.markedCells());
  expect(marked['แผนปฏิบัติการ']).toEqual(expect.arrayContaining(['O27', 'N11', 'N50', 'B29']));
  expect(marked['สรุปงบประมาณ']).toEqual(expect.arrayContaining(['D19', 'D16']));
  await page.screenshot({ path: join(RESULTS, 'e2e-excel-checked.png') });

  await page.locator('[data-testid=finding][data-cell="O27"]').getByRole('button', { name: /ไปที่เซลล์ O27/ }).click();
  await page.waitForFunction(() => (window as unknown as { __fakeExcel: { state: { selection: { address: string } | null } } }).__fakeExcel.state.selection?.address === 'O27');
  await page.screenshot({ path: join(RESULTS, 'e2e-excel-selected.png') });
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'ล้างเครื่องหมาย' }).click();
  await page.waitForFunction(() => Object.keys((window as unknown as { __fakeExcel: { markedCells(): Marked } }).__fakeExcel.markedCells()).length === 0);
  await page.close();
});
