import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import type { WorkbookSnapshot } from '../../src/domain';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { ORIGIN, servePane } from './harness';

/**
 * The browser mode under load, as the e2e bench (`npm run bench`) and test/e2e/pane-perf.test.ts measure it:
 * every main-thread task from the upload on (a long-task observer), when the first finding is shown, and how many
 * DOM nodes the checked pane holds.
 */

/** Writes a snapshot's values to an .xlsx the way bench/analyze.bench.ts does (exceljs). */
export async function writeXlsx(snapshot: WorkbookSnapshot, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.values) ws.addRow(r);
  }
  await wb.xlsx.writeFile(file);
}

/**
 * A workbook with many findings: the Chiang Mai plan sheet (18 findings, ~45 rows) `copies` times, one sheet
 * each. Findings of one code are grouped per sheet beyond ten, so a list of thousands needs many sheets.
 */
export async function manySheets(fixture: string, copies: number): Promise<WorkbookSnapshot> {
  const base = await readXlsx(fixture);
  const plan = base.sheets.find((s) => s.name === 'แผนปฏิบัติการ');
  if (!plan) throw new Error('no plan sheet');
  return { file: `plans-${copies}.xlsx`, sheets: Array.from({ length: copies }, (_, i) => ({ ...plan, name: `แผน ${i + 1}` })) };
}

export interface PaneFigures {
  /** From choosing the file to the ตรวจ button (the file read in the worker). */
  openMs: number;
  /** From the click on ตรวจ to the first finding in the DOM. */
  firstFindingMs: number;
  /** Main-thread tasks of 50 ms or more (the long-task API's threshold) from the upload on: [start after the ตรวจ click, duration] in ms. */
  longTasks: [number, number][];
  longestMs: number;
  over100: number;
  /** Long tasks while the page loaded (parsing the bundle), before the upload. */
  loadLongestMs: number;
  domNodes: number;
  /** Findings rendered, and the errors count the pane shows. */
  renderedFindings: number;
  errorsShown: string;
  /** Per-sheet count buttons drawn. */
  sheetCounts: number;
}

/** Registered before the page's own scripts: long tasks, the first finding's time and the ตรวจ click's time. */
const OBSERVE = `
  window.__longtasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button') : null;
    if (b && b.textContent === 'ตรวจ') window.__checkAt = performance.now();
  }, true);
  new MutationObserver(() => {
    if (window.__firstFinding === undefined && window.__checkAt !== undefined && document.querySelector('[data-testid=finding]')) window.__firstFinding = performance.now();
  }).observe(document, { childList: true, subtree: true });
`;

/** Opens the pane in a plain Chromium, uploads `file`, checks it, and measures. */
export async function measureCheck(browser: Browser, file: string, options: { width?: number; timeoutMs?: number } = {}): Promise<PaneFigures> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1200, height: 900 } });
  const timeout = options.timeoutMs ?? 300_000;
  try {
    await page.addInitScript(OBSERVE);
    await servePane(page, null);
    await page.goto(`${ORIGIN}/taskpane.html`);
    await page.getByRole('button', { name: 'เปิดไฟล์ .xlsx' }).waitFor();
    await page.waitForTimeout(300);
    const uploadAt = await page.evaluate(() => performance.now());
    await page.locator('input[type=file]').setInputFiles(file);
    const check = page.getByRole('button', { name: 'ตรวจ', exact: true });
    await check.waitFor({ timeout });
    const openedAt = await page.evaluate(() => performance.now());
    await check.click();
    await page.getByTestId('finding').first().waitFor({ timeout });
    // Done when the marks are written too (the progress bar goes): the whole check, not only its first paint.
    await page.locator('[role=progressbar]').waitFor({ state: 'detached', timeout });
    await page.waitForTimeout(500);
    const got = await page.evaluate(() => {
      const w = window as unknown as { __longtasks: { start: number; duration: number }[]; __checkAt: number; __firstFinding: number };
      return {
        tasks: w.__longtasks,
        checkAt: w.__checkAt,
        first: w.__firstFinding,
        domNodes: document.getElementsByTagName('*').length,
        rendered: document.querySelectorAll('[data-testid=finding]').length,
        errors: document.querySelector('[data-testid=count-error]')?.textContent ?? '',
        sheetCounts: document.querySelectorAll('[data-testid=sheet-count]').length,
      };
    });
    const tasks = got.tasks.filter((t) => t.start >= uploadAt);
    const after = tasks.map((t) => Math.round(t.duration));
    const before = got.tasks.filter((t) => t.start < uploadAt).map((t) => Math.round(t.duration));
    return {
      openMs: Math.round(openedAt - uploadAt),
      firstFindingMs: Math.round(got.first - got.checkAt),
      longTasks: tasks.map((t) => [Math.round(t.start - got.checkAt), Math.round(t.duration)]),
      longestMs: Math.max(0, ...after),
      over100: after.filter((d) => d > 100).length,
      loadLongestMs: Math.max(0, ...before),
      domNodes: got.domNodes,
      renderedFindings: got.rendered,
      errorsShown: got.errors,
      sheetCounts: got.sheetCounts,
    };
  } finally {
    await page.close();
  }
}
