import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ORIGIN, ROOT, launch, servePane } from './harness';

/**
 * The pane as a reviewer sees it, in a plain Chromium at 320, 350 and 1200 px: no state overflows sideways
 * (checked, acknowledging, fixing, summarised, upload error), errors lead the list above the fix tools, a click
 * on a finding scrolls the preview and not the page, and from 900 px the preview stands beside the list.
 * Screenshots of every state go to test-results/layout-*.png.
 */
jest.setTimeout(180_000);

const RESULTS = join(ROOT, 'test-results');
const PLAN = join(ROOT, 'test', 'fixtures', 'phetchaburi-2566.xlsx');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openPane(width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await servePane(page, null);
  await page.goto(`${ORIGIN}/taskpane.html`);
  await page.getByRole('button', { name: 'เปิดไฟล์ .xlsx' }).waitFor();
  return page;
}

/** How far the page is wider than the viewport (0 when it fits), after a screenshot of the state. */
async function overflow(page: Page, state: string, width: number): Promise<number> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(RESULTS, `layout-${state}-${width}.png`), fullPage: false });
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe.each([320, 350, 1200])('at %i px', (width) => {
  it('no state overflows sideways, and errors come first', async () => {
    const page = await openPane(width);
    const bad = join(RESULTS, 'not-a-workbook.xlsx');
    writeFileSync(bad, 'this is a text file renamed to .xlsx, as users do; '.repeat(20));
    await page.locator('input[type=file]').setInputFiles(bad);
    await page.getByText(/เปิดไฟล์ not-a-workbook\.xlsx ไม่ได้/).waitFor();
    expect(await overflow(page, 'upload-error', width)).toBeLessThanOrEqual(0);

    await page.locator('input[type=file]').setInputFiles(PLAN);
    await page.getByRole('button', { name: 'ตรวจ', exact: true }).click();
    await page.getByTestId('count-error').waitFor();
    await page.getByTestId('finding').first().waitFor();
    expect(await overflow(page, 'checked', width)).toBeLessThanOrEqual(0);

    // Errors first: no warning or note before the last error, and the list above the fix tools.
    const severities = await page.getByTestId('finding').evaluateAll((els) => els.map((e) => (e.textContent ?? '').match(/ผิดพลาด|คำเตือน|ข้อสังเกต/)?.[0] ?? ''));
    expect(severities[0]).toBe('ผิดพลาด');
    expect(severities.indexOf('คำเตือน')).toBeGreaterThan(severities.lastIndexOf('ผิดพลาด'));
    const listTop = (await page.getByTestId('finding').first().boundingBox())!.y;
    const fixTop = (await page.getByRole('button', { name: 'แปลงตัวเลข' }).boundingBox())!.y;
    expect(listTop).toBeLessThan(fixTop);

    // A click on a finding far down the list: the page stays where it is; the preview shows the cell.
    const items = page.getByTestId('finding');
    // By what it is, not by position: the list is virtual, so the nth rendered row changes as it scrolls.
    const nth = items.nth(Math.min(8, (await items.count()) - 1));
    const [cell, code, sheet] = await Promise.all(['data-cell', 'data-code', 'data-sheet'].map((a) => nth.getAttribute(a)));
    const far = page.locator(`[data-testid=finding][data-cell="${cell}"][data-code="${code}"][data-sheet="${sheet}"]`);
    await far.scrollIntoViewIfNeeded();
    await page.waitForTimeout(200);
    const before = (await far.boundingBox())!.y;
    await far.getByRole('button', { name: /ไปที่เซลล์/ }).click();
    const current = page.getByTestId('sheet-preview').locator('[aria-current=true]');
    await current.waitFor();
    await page.waitForTimeout(200);
    expect(await current.getAttribute('data-cell')).toBe(cell);
    // The clicked item stays where the reviewer saw it (the page does not jump to the preview)...
    expect(Math.abs((await far.boundingBox())!.y - before)).toBeLessThanOrEqual(2);
    const box = (await current.boundingBox())!;
    const preview = (await page.getByTestId('sheet-preview').boundingBox())!;
    // ...and the preview, with the cell scrolled into its own box, is on screen.
    expect(preview.y).toBeGreaterThanOrEqual(0);
    expect(preview.y + preview.height).toBeLessThanOrEqual(900);
    expect(box.y).toBeGreaterThanOrEqual(preview.y);
    expect(box.y + box.height).toBeLessThanOrEqual(preview.y + preview.height + 1);
    if (width >= 900) expect(preview.x).toBeGreaterThan((await far.boundingBox())!.x + 100);
    expect(await overflow(page, 'preview', width)).toBeLessThanOrEqual(0);

    await page.evaluate(() => window.scrollTo(0, 0));
    await items.first().getByRole('button', { name: 'รับทราบ' }).click();
    await page.getByRole('textbox').first().waitFor();
    expect(await overflow(page, 'acknowledging', width)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'ยกเลิก' }).first().click();

    await page.getByRole('button', { name: 'เติมผลรวม' }).click();
    await page.getByRole('button', { name: 'ยืนยัน' }).waitFor();
    expect(await overflow(page, 'fixing', width)).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'ยกเลิก' }).last().click().catch(() => undefined);

    await page.getByRole('button', { name: 'สร้างสรุป' }).click();
    await page.getByText(/เพิ่มชีต .* แล้ว/).waitFor({ timeout: 60_000 });
    expect(await overflow(page, 'summarised', width)).toBeLessThanOrEqual(0);
    await page.close();
  });
});
