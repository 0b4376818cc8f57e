import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { IN_EXCEL, ORIGIN, ROOT, launch, servePane } from './harness';

/**
 * The pane's first second: in a plain browser it must not wait for Microsoft's CDN (a request that may hang), and
 * where the bundle cannot run it must say "please update Office" instead of staying blank (src/taskpane/boot.js).
 */
jest.setTimeout(60_000);

const RESULTS = join(ROOT, 'test-results');
let browser: Browser;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A page whose CDN request never answers; records whether office.js was requested at all. */
async function pane(width = 350): Promise<{ page: Page; cdnRequested: () => boolean }> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  let requested = false;
  page.on('request', (r) => {
    if (r.url().startsWith('https://appsforoffice.microsoft.com/')) requested = true;
  });
  await servePane(page, 'hang');
  return { page, cdnRequested: () => requested };
}

it('in a plain browser the open-file button is there within 2 s while the CDN request would hang', async () => {
  const { page, cdnRequested } = await pane();
  const t0 = Date.now();
  await page.goto(`${ORIGIN}/taskpane.html`, { waitUntil: 'commit' });
  await page.getByRole('button', { name: 'เปิดไฟล์ .xlsx' }).waitFor({ state: 'visible', timeout: 2000 });
  const elapsed = Date.now() - t0;
  console.log(`plain browser: open-file button after ${elapsed} ms`);
  expect(elapsed).toBeLessThanOrEqual(2000);
  expect(cdnRequested()).toBe(false);
  await page.close();
});

it('inside Office it still requests office.js from the CDN', async () => {
  const { page, cdnRequested } = await pane();
  await page.goto(`${ORIGIN}/taskpane.html${IN_EXCEL}`, { waitUntil: 'commit' });
  await page.waitForRequest((r) => r.url() === 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js', { timeout: 5000 });
  expect(cdnRequested()).toBe(true);
  await page.close();
});

it('in Office on an engine without what the bundle needs, says "please update Office" in Thai and English and what to do', async () => {
  const { page, cdnRequested } = await pane();
  await page.addInitScript(() => {
    delete (Array.prototype as { at?: unknown }).at;
    delete (window as { WeakRef?: unknown }).WeakRef;
  });
  await page.goto(`${ORIGIN}/taskpane.html${IN_EXCEL}`);
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { name: 'กรุณาอัปเดต Office' }).waitFor();
  await alert.getByRole('heading', { name: 'Please update Office' }).waitFor();
  await alert.getByText(`${ORIGIN}/taskpane.html`, { exact: true }).waitFor();
  expect(await page.getByRole('button', { name: 'เปิดไฟล์ .xlsx' }).count()).toBe(0);
  expect(cdnRequested()).toBe(false);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(350);
  await page.screenshot({ path: join(RESULTS, 'e2e-update-office.png') });
  await page.close();
});

it('says "please update Office" when the bundle does not even parse (an engine older than its syntax)', async () => {
  const { page } = await pane();
  await page.route(`${ORIGIN}/taskpane.js`, (route) => route.fulfill({ contentType: 'application/javascript', body: 'let x = ;' }));
  // office.js never answers here, so the page never reaches "load": the syntax error alone must bring the message.
  await page.goto(`${ORIGIN}/taskpane.html${IN_EXCEL}`, { waitUntil: 'commit' });
  await page.getByRole('alert').getByRole('heading', { name: 'กรุณาอัปเดต Office' }).waitFor();
  await page.close();
});
