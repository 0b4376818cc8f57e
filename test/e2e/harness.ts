import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';

export const ROOT = join(__dirname, '..', '..');
/** The built pane (npm run build); PLANCHECK_DIST measures another build (the e2e bench's before/after). */
export const DIST = process.env.PLANCHECK_DIST ?? join(ROOT, 'dist');
export const ORIGIN = 'http://addin.test';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless; never a browser downloaded by a tool. */
export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium fonts-thai-tlwg`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Bundles test/e2e/fake-office.ts for the browser (FakeExcel + Office/Excel globals). */
export function buildFakeOffice(): Promise<string> {
  return new Promise((resolve, reject) => {
    const compiler = webpack({
      mode: 'development',
      devtool: false,
      entry: join(__dirname, 'fake-office.ts'),
      output: { path: join(ROOT, 'test-results', 'e2e-build'), filename: 'fake-office.js' },
      resolve: { extensions: ['.ts', '.js'] },
      module: { rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { noEmit: false } } } }] },
    });
    compiler.run((err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString('errors-only')));
      else resolve(readFileSync(join(ROOT, 'test-results', 'e2e-build', 'fake-office.js'), 'utf8'));
    });
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'application/javascript', '.png': 'image/png', '.xml': 'application/xml' };

/** The query string Office adds to the task pane's URL (office.js reads the host from it); here Excel on the web. */
export const IN_EXCEL = '?_host_Info=Excel$Web$16.01$th-TH$$$$0';

/**
 * Serves dist/ at http://addin.test and, in place of Microsoft's CDN, the fake office.js, a failure (null), or a
 * request that never answers ('hang', as when the network drops packets).
 */
export async function servePane(page: Page, fakeOffice: string | null | 'hang'): Promise<void> {
  await page.route('https://appsforoffice.microsoft.com/**', (route) => {
    if (fakeOffice === 'hang') return new Promise<void>(() => undefined);
    return fakeOffice === null ? route.abort() : route.fulfill({ contentType: 'application/javascript', body: fakeOffice });
  });
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/+/, '') || 'taskpane.html';
    const file = join(DIST, path);
    if (!file.startsWith(DIST) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ contentType: TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream', body: readFileSync(file) });
  });
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: number }[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: unknown[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

