import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { analyze } from '../../src/domain/analyze';
import { ROOT, launch } from './harness';
import { manySheets, measureCheck, writeXlsx } from './pane-perf';

/**
 * The browser mode does not freeze on a workbook with thousands of findings (~4,500 rows: the Chiang Mai plan on
 * 100 sheets, 900 findings): reading and analysing run in the worker, and the list is virtualised, so the DOM
 * stays small and no main-thread task is long. The bounds are loose for a shared 2-core machine, yet drawing
 * the whole list (the pane before the worker and the virtual list: ~20 DOM nodes per finding, and a 2–3 s task)
 * fails both. `npm run bench` measures 50k rows.
 */
jest.setTimeout(300_000);

const COPIES = 100;
let browser: Browser;
let dir: string;
let file: string;
let findings: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pane12-perf-'));
  file = join(dir, `plans-${COPIES}.xlsx`);
  const snapshot = await manySheets(join(ROOT, 'test', 'fixtures', 'chiangmai-2566-clean.xlsx'), COPIES);
  findings = analyze(snapshot).findings.length;
  await writeXlsx(snapshot, file);
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('checks 100 plan sheets with a bounded DOM and no long main-thread task', async () => {
  const m = await measureCheck(browser, file, { width: 1200 });
  console.log(`pane on ${COPIES} sheets (${findings} findings): ${JSON.stringify(m)}`);
  expect(findings).toBeGreaterThanOrEqual(900);
  expect(m.errorsShown).toMatch(new RegExp(`ผิดพลาด ${3 * COPIES}$`));
  // Only the rows in view (and a few around them) are in the DOM.
  expect(m.renderedFindings).toBeGreaterThan(0);
  expect(m.renderedFindings).toBeLessThan(60);
  expect(m.domNodes).toBeLessThan(5000);
  // 100 ms is the target (`npm run bench` reports the figure: 52–85 ms on a loaded 2-core machine); 150 leaves
  // room for that load. Drawing the checked pane in one piece (every sheet's count and reading line, the rows
  // measured by forced layouts inside the commit) took 190–330 ms here.
  expect(m.longestMs).toBeLessThanOrEqual(150);
  // The per-sheet counts show the first few sheets and "N more" (all 100 would be most of the pane's layout).
  expect(m.sheetCounts).toBeLessThan(20);
});
