import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../src/domain/analyze';
import { reportSchema } from '../../src/domain/report';
import { run } from '../../src/cli/main';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { cfbFile } from '../helpers/hostile';
import { ORIGIN, ROOT, axeViolations, launch, servePane } from './harness';

/**
 * The pane in a plain Chromium without Excel (office.js cannot load): open each real plan, check it, go to a
 * finding, download the copy and check that copy again with the CLI.
 */
jest.setTimeout(120_000);

const RESULTS = join(ROOT, 'test-results');
const FIXTURES = ['chiangmai-2566-clean', 'narathiwat-2566', 'phetchaburi-2566'];
let browser: Browser;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openPane(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 1000 }, acceptsDownloads: true } as never);
  await servePane(page, null);
  await page.goto(`${ORIGIN}/taskpane.html`);
  return page;
}

describe.each(FIXTURES)('preview mode on %s', (name) => {
  const file = join(ROOT, 'test', 'fixtures', `${name}.xlsx`);
  const truth = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', `${name}.truth.json`), 'utf8')) as { expect: { sheet: string; row: number; cell: string; required: boolean }[] };

  it('uploads, checks, shows the counts and a known finding, goes to its cell, downloads, and the CLI re-checks the copy', async () => {
    const expected = analyze(await readXlsx(file));
    const page = await openPane();
    await page.getByRole('button', { name: 'เปิดไฟล์ .xlsx' }).waitFor();
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'ตรวจ', exact: true }).click();
    await page.getByTestId('count-error').filter({ hasText: `ผิดพลาด ${expected.stats.errors}` }).waitFor();
    await page.getByTestId('count-warning').filter({ hasText: `คำเตือน ${expected.stats.warnings}` }).waitFor();

    const known = truth.expect.find((e) => e.required)!;
    const finding = expected.findings.find((f) => f.sheet === known.sheet && f.row === known.row)!;
    const item = page.locator(`[data-testid=finding][data-cell="${finding.cell}"]`).first();
    // The list is virtual: scroll its own box, as a reviewer would, until the finding is drawn.
    const list = page.getByTestId('findings-scroll');
    for (let i = 0; i < 60 && (await item.count()) === 0; i++) {
      await list.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.7));
      await page.waitForTimeout(50);
    }
    await item.getByRole('button', { name: new RegExp(`ไปที่เซลล์ ${finding.cell}`) }).click();
    const current = page.getByTestId('sheet-preview').locator('[aria-current=true]');
    await current.waitFor();
    expect(await current.getAttribute('data-cell')).toBe(finding.cell);
    await page.screenshot({ path: join(RESULTS, `e2e-preview-${name}.png`), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ดาวน์โหลด' }).click()]);
    expect(download.suggestedFilename()).toBe(`${name}.ตรวจแล้ว.xlsx`);
    const saved = join(RESULTS, `e2e-${name}.downloaded.xlsx`);
    await download.saveAs(saved);
    let out = '';
    const code = await run(['check', saved, '--format', 'json'], { stdout: (s) => (out += s), stderr: () => undefined });
    expect(code).toBe(expected.stats.errors > 0 ? 1 : 0);
    const report = reportSchema.parse(JSON.parse(out));
    expect(report.findings).toEqual(expected.findings);
    // The copy carries our marks only when asked: conditional formats tagged as ours on the finding's sheet.
    const marked = async (file: string): Promise<boolean> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const cfs = (wb.getWorksheet(finding.sheet) as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
      return cfs.some((cf) => cf.rules.some((r) => (r.formulae?.[0] ?? '').includes('plancheck')) && cf.ref.split(' ').includes(finding.cell));
    };
    expect(await marked(saved)).toBe(false);
    await page.getByRole('checkbox', { name: 'รวมเครื่องหมายและคำอธิบาย' }).check();
    const [withMarks] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ดาวน์โหลด' }).click()]);
    const savedMarked = join(RESULTS, `e2e-${name}.downloaded-marked.xlsx`);
    await withMarks.saveAs(savedMarked);
    expect(await marked(savedMarked)).toBe(true);
    await page.close();
  });
});

describe('preview mode: fixing, summarising, accessibility', () => {
  it('fixes and summarises in the browser, and the downloaded copy has the summary sheets', async () => {
    const page = await openPane();
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test', 'fixtures', 'narathiwat-2566.xlsx'));
    await page.getByRole('button', { name: 'ตรวจ', exact: true }).click();
    await page.getByTestId('count-error').waitFor();
    await page.getByRole('button', { name: 'แปลงตัวเลข' }).click();
    await page.getByRole('region', { name: 'แปลงตัวเลข' }).getByRole('button', { name: 'ยืนยัน' }).click();
    await page.getByText('แปลงตัวเลข เรียบร้อย').waitFor();
    await page.getByRole('button', { name: 'สร้างสรุป' }).click();
    await page.getByText(/เพิ่มชีต สรุปตามหน่วยงาน/).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'ดาวน์โหลด' }).click()]);
    const saved = join(RESULTS, 'e2e-narathiwat.fixed.xlsx');
    await download.saveAs(saved);
    const copy = await readXlsx(saved);
    expect(copy.sheets.map((s) => s.name)).toEqual(['แผนปฏิบัติการ', 'สรุปตามหน่วยงาน', 'สรุปตามตัวชี้วัด', 'สรุปรายไตรมาส', 'ผลการตรวจ']);
    expect(analyze(copy).findings.filter((f) => f.code === 'number-as-text' && f.sheet === 'แผนปฏิบัติการ')).toEqual([]);
    await page.close();
  });

  it('says clearly when a file is not an xlsx, in Thai and English', async () => {
    const page = await openPane();
    await page.locator('input[type=file]').setInputFiles({ name: 'notes.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('hello') });
    await page.getByText(/เปิดไฟล์ notes\.xlsx ไม่ได้: ไม่ใช่ไฟล์ \.xlsx ที่ถูกต้อง: เป็นไฟล์ข้อความธรรมดา.* \/ Cannot open notes\.xlsx: not a valid \.xlsx file: it is a plain text file/).waitFor();
    // The reader says what a file is: here an old .xls (an OLE2 container with a Workbook stream).
    await page.locator('input[type=file]').setInputFiles({ name: 'old.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(cfbFile(['Workbook'])) });
    await page.getByText(/เปิดไฟล์ old\.xls ไม่ได้: .*Excel รุ่นเก่า \(\.xls\).* \/ Cannot open old\.xls: .*old Excel file \(\.xls\)/).waitFor();
    await page.close();
  });

  it('can be used from the keyboard with a visible focus, and axe finds no serious or critical violation', async () => {
    const page = await openPane();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('input[type=file]').setInputFiles(join(ROOT, 'test', 'fixtures', 'chiangmai-2566-clean.xlsx'));
    const checkButton = page.getByRole('button', { name: 'ตรวจ', exact: true });
    await checkButton.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('count-error').filter({ hasText: 'ผิดพลาด 6' }).waitFor();
    // Tab forward until a finding has the focus, then open it with Enter.
    let onFinding = false;
    for (let i = 0; i < 60 && !onFinding; i++) {
      await page.keyboard.press('Tab');
      onFinding = await page.evaluate(() => document.activeElement?.closest('[data-testid=finding]') !== null && document.activeElement?.tagName === 'BUTTON');
    }
    expect(onFinding).toBe(true);
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { visible: el.matches(':focus-visible'), outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px', cell: el.closest<HTMLElement>('[data-testid=finding]')?.dataset.cell };
    });
    expect(focus).toMatchObject({ visible: true, outline: true });
    // The list is one Tab stop: Tab goes to this finding's own action, then past the list, not to the next finding.
    const where = () => page.evaluate(() => ({ finding: document.activeElement?.closest<HTMLElement>('[data-testid=finding]')?.dataset.cell ?? null, text: document.activeElement?.textContent ?? '' }));
    await page.keyboard.press('Tab');
    expect(await where()).toEqual({ finding: focus.cell, text: 'รับทราบ' });
    await page.keyboard.press('Tab');
    expect((await where()).finding).toBeNull();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await where()).finding).toBe(focus.cell);
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('sheet-preview').locator('[aria-current=true]').getAttribute('data-cell')).toBe(focus.cell);
    await page.screenshot({ path: join(RESULTS, 'e2e-preview-keyboard.png') });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
