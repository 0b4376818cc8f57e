/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The online validator (office-addin-manifest validate) cannot be reached here, so the manifest is checked
 * offline: well-formed, required elements present and in schema order, icons exist, URLs are https.
 */
const ROOT = join(__dirname, '..');
const parse = (file: string): Document => {
  const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${file} is not well-formed: ${error.textContent}`);
  return doc;
};
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
/** OfficeApp children in the order the schema requires (docs/develop/manifest-element-ordering.md). */
const ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl',
  'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides'];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'Hosts', 'DefaultSettings', 'Permissions'];

function urls(doc: Document): string[] {
  const out: string[] = [];
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of ['DefaultValue', 'Value']) {
      const v = el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) out.push(v);
    }
  }
  return out;
}

const appDomains = (doc: Document): string[] => Array.from(doc.getElementsByTagName('AppDomain')).map((e) => e.textContent?.trim() ?? '');

function checkManifest(file: string, base: string): void {
  const doc = parse(file);
  const app = doc.documentElement;
  expect(app.localName).toBe('OfficeApp');
  expect(app.getAttributeNS(XSI, 'type')).toBe('TaskPaneApp');
  const children = Array.from(app.children).map((c) => c.localName);
  for (const r of REQUIRED) expect(children).toContain(r);
  const positions = children.map((c) => ORDER.indexOf(c));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);

  const text = (name: string): string => app.getElementsByTagName(name)[0]?.textContent?.trim() ?? '';
  expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  expect(text('DefaultLocale')).toBe('th-TH');
  const displayName = app.getElementsByTagName('DisplayName')[0]!;
  expect(displayName.getAttribute('DefaultValue')).toBe('ตรวจแผน');
  expect(displayName.getElementsByTagName('Override')[0]?.getAttribute('Locale')).toBe('en-US');
  const set = Array.from(app.getElementsByTagName('Set')).find((s) => s.getAttribute('Name') === 'ExcelApi');
  expect(set?.getAttribute('MinVersion')).toBe('1.9');
  expect(app.getElementsByTagName('Host')[0]?.getAttribute('Name')).toBe('Workbook');
  expect(app.getElementsByTagName('SourceLocation')[0]?.getAttribute('DefaultValue')).toBe(`${base}/taskpane.html`);

  // The ribbon: a button "ตรวจแผน" on the Home tab that shows the task pane.
  const tab = app.getElementsByTagName('OfficeTab')[0];
  expect(tab?.getAttribute('id')).toBe('TabHome');
  const button = tab?.getElementsByTagName('Control')[0];
  expect(button?.getAttributeNS(XSI, 'type')).toBe('Button');
  expect(button?.getElementsByTagName('Action')[0]?.getAttributeNS(XSI, 'type')).toBe('ShowTaskpane');
  const resources = new Map(
    Array.from(app.getElementsByTagName('bt:String')).concat(Array.from(app.getElementsByTagName('bt:Image')), Array.from(app.getElementsByTagName('bt:Url')))
      .map((e) => [e.getAttribute('id'), e]),
  );
  const labelId = button?.getElementsByTagName('Label')[0]?.getAttribute('resid');
  expect(resources.get(labelId ?? '')?.getAttribute('DefaultValue')).toBe('ตรวจแผน');
  // Every resid resolves; short strings ≤ 125 and long strings ≤ 250 characters.
  for (const el of Array.from(app.getElementsByTagName('*'))) {
    const resid = el.getAttribute('resid');
    if (resid) expect(resources.has(resid)).toBe(true);
  }
  for (const s of Array.from(app.getElementsByTagName('bt:ShortStrings')[0]?.getElementsByTagName('bt:String') ?? [])) {
    expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(125);
  }
  for (const s of Array.from(app.getElementsByTagName('bt:LongStrings')[0]?.getElementsByTagName('bt:String') ?? [])) {
    expect((s.getAttribute('DefaultValue') ?? '').length).toBeLessThanOrEqual(250);
  }
  // All URLs https and on the add-in's origin; every icon exists in assets/ with its stated size.
  const all = urls(doc).filter((u) => !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org'));
  expect(all.length).toBeGreaterThan(5);
  for (const u of all) {
    expect(u.startsWith('https://')).toBe(true);
    expect(u.startsWith(`${base}/`)).toBe(true);
  }
  // An AppDomain is an origin only (scheme://host[:port]): the manifest rules forbid a path there.
  expect(appDomains(doc)).toEqual([new URL(base).origin]);
  for (const icon of all.filter((u) => u.endsWith('.png'))) {
    const png = readFileSync(join(ROOT, 'assets', icon.slice(icon.lastIndexOf('/') + 1)));
    const size = Number(/icon-(\d+)\.png$/.exec(icon)?.[1]);
    expect(png.readUInt32BE(16)).toBe(size);
  }
  for (const size of [16, 32, 64, 80]) expect(existsSync(join(ROOT, 'assets', `icon-${size}.png`))).toBe(true);
}

describe('manifest.xml (offline check)', () => {
  it('is a well-formed Excel task-pane manifest with the ribbon button, in schema order, https only, icons present', () => {
    checkManifest(join(ROOT, 'manifest.xml'), 'https://localhost:3000');
  });
});

/** The manifest as `npm run build` would write it with this ADDIN_URL (webpack.config.js's copy transform, run in a child). */
function builtManifest(addinUrl: string): { file: string; status: number | null; stderr: string } {
  const r = spawnSync(process.execPath, ['-e', `
    const config = require(${JSON.stringify(join(ROOT, 'webpack.config.js'))})({}, { mode: 'production' });
    const pattern = config.plugins.flatMap((p) => p.patterns ?? []).find((p) => p.to === 'manifest.xml');
    process.stdout.write(pattern.transform(require('node:fs').readFileSync(${JSON.stringify(join(ROOT, 'manifest.xml'))})));
  `], { env: { ...process.env, ADDIN_URL: addinUrl }, encoding: 'utf8' });
  const file = join(mkdtempSync(join(tmpdir(), 'manifest-')), 'manifest.xml');
  writeFileSync(file, r.stdout);
  return { file, status: r.status, stderr: r.stderr };
}

describe('ADDIN_URL (npm run build)', () => {
  it.each([
    ['https://example.org/plancheck', 'https://example.org/plancheck', 'https://example.org'],
    ['https://example.org:8443/tools/plancheck/', 'https://example.org:8443/tools/plancheck', 'https://example.org:8443'],
    ['https://addins.example.go.th', 'https://addins.example.go.th', 'https://addins.example.go.th'],
    // The path starts like the dev URL: only the origin may reach the AppDomain.
    ['https://localhost:3000/plancheck', 'https://localhost:3000/plancheck', 'https://localhost:3000'],
  ])('%s: every URL keeps the path, the AppDomain carries only the origin', (addinUrl, base, origin) => {
    const built = builtManifest(addinUrl);
    expect(built.status).toBe(0);
    checkManifest(built.file, base);
    const doc = parse(built.file);
    expect(appDomains(doc)).toEqual([origin]);
    expect(doc.getElementsByTagName('SourceLocation')[0]?.getAttribute('DefaultValue')).toBe(`${base}/taskpane.html`);
  });

  it('refuses an address that is not a URL or carries a query, in Thai and English', () => {
    for (const bad of ['example.org/plancheck', 'https://example.org/plancheck?x=1']) {
      const built = builtManifest(bad);
      expect(built.status).not.toBe(0);
      expect(built.stderr).toContain('ADDIN_URL ไม่ถูกต้อง');
      expect(built.stderr).toContain('ADDIN_URL is not valid');
    }
  });
});

describe('the built add-in (npm run build → dist/)', () => {
  const dist = join(ROOT, 'dist');
  it('has the task pane loading office.js from Microsoft\'s CDN and its bundle, the commands page, icons and manifest', () => {
    const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(html).toMatch(/<script[^>]+src="?taskpane\.js"?/);
    expect(existsSync(join(dist, 'taskpane.js'))).toBe(true);
    expect(readFileSync(join(dist, 'commands.html'), 'utf8')).toContain('office.js');
    for (const size of [16, 32, 64, 80]) expect(existsSync(join(dist, 'assets', `icon-${size}.png`))).toBe(true);
    const base = (/SourceLocation DefaultValue="([^"]+)\/taskpane\.html"/.exec(readFileSync(join(dist, 'manifest.xml'), 'utf8')) ?? [])[1] ?? '';
    checkManifest(join(dist, 'manifest.xml'), base);
  });

  it('does not bundle exceljs into the Excel pane', () => {
    expect(readFileSync(join(dist, 'taskpane.js'), 'utf8')).not.toMatch(/ExcelJS|exceljs/);
  });
});
