import { parse } from 'acorn';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, type DOMWindow } from 'jsdom';

/** src/taskpane/boot.js, the ES5 script inlined into taskpane.html, run in a fresh jsdom window per case. */
const BOOT = readFileSync(join(__dirname, '..', '..', 'src', 'taskpane', 'boot.js'), 'utf8');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const PANE = 'https://addin.test/plancheck/taskpane.html';

interface Boot {
  office: string;
  inOffice: boolean;
  supported: boolean;
  missing: string[];
  shown?: string;
  started(): void;
  whenOffice(cb: (state: string) => void): void;
}

function boot(url = PANE, setUp: (w: DOMWindow) => void = () => undefined): { w: DOMWindow; boot: Boot; officeScript: () => HTMLScriptElement | undefined } {
  const dom = new JSDOM('<!doctype html><html><head></head><body><div id="root"></div></body></html>', { url, runScripts: 'outside-only' });
  const w = dom.window;
  setUp(w);
  w.eval(BOOT);
  const officeScript = () => Array.from(w.document.getElementsByTagName('script')).find((s) => s.src === CDN);
  return { w, boot: (w as unknown as { __plancheckBoot: Boot }).__plancheckBoot, officeScript };
}
const message = (w: DOMWindow): string => w.document.querySelector('[data-testid=update-office]')?.textContent ?? '';
const settle = (w: DOMWindow): Promise<void> => new Promise((r) => w.setTimeout(r, 5));

describe('boot.js: office.js only inside Office', () => {
  it('is ES5, so that Internet Explorer 11 can run it and say what to do', () => {
    expect(() => parse(BOOT, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse('const a = () => 1;', { ecmaVersion: 5 })).toThrow();
  });

  it('in a plain browser does not request office.js and lets the pane start at once', () => {
    const { boot: b, officeScript } = boot();
    expect(b.inOffice).toBe(false);
    expect(officeScript()).toBeUndefined();
    const states: string[] = [];
    b.whenOffice((s) => states.push(s));
    expect(states).toEqual(['none']);
  });

  it.each([
    ['the _host_Info query Office adds to the pane URL', `${PANE}?_host_Info=Excel$Win32$16.01$th-TH$$$$0`, () => undefined],
    ['the _host_Info in the hash', `${PANE}#_host_Info=Excel$Mac$16.01$th-TH$$$$0`, () => undefined],
    ['office.js\'s host info in window.name', PANE, (w: DOMWindow) => (w.name = JSON.stringify({ hostInfo: 'Excel|Web|16.00|th-TH' }))],
    ['the host info office.js kept in sessionStorage (a pane that navigated)', PANE, (w: DOMWindow) => w.sessionStorage.setItem('hostInfoValue', 'Excel$Win32$16.01$th-TH$$$$0')],
    ['the WebView2 bridge', PANE, (w: DOMWindow) => Object.assign(w, { chrome: { webview: {} } })],
    ['the Mac / iPad bridge', PANE, (w: DOMWindow) => Object.assign(w, { webkit: { messageHandlers: { Agave: {} } } })],
    ['the Trident / EdgeHTML host object', PANE, (w: DOMWindow) => Object.defineProperty(w, 'external', { value: { GetHostInfo: () => 'Excel$Win32' } })],
  ])('inside Office, recognised by %s, requests office.js from the CDN and waits for it', (_what, url, setUp) => {
    const { boot: b, officeScript } = boot(url, setUp);
    expect(b.inOffice).toBe(true);
    const script = officeScript();
    expect(script?.parentElement?.tagName).toBe('HEAD');
    const states: string[] = [];
    b.whenOffice((s) => states.push(s));
    expect(states).toEqual([]);
    script!.onload!(new Event('load'));
    expect(states).toEqual(['loaded']);
    b.whenOffice((s) => states.push(s));
    expect(states).toEqual(['loaded', 'loaded']);
  });

  it('reports a failed office.js (offline inside Office), so the pane can fall back to the file mode', () => {
    const { boot: b, officeScript } = boot(`${PANE}?_host_Info=Excel$Web$16.01$th-TH$$$$0`);
    const states: string[] = [];
    b.whenOffice((s) => states.push(s));
    officeScript()!.onerror!(new Event('error'));
    expect(states).toEqual(['failed']);
  });

  it('does not take an unrelated window.name for Office', () => {
    expect(boot(PANE, (w) => (w.name = 'preview-frame')).boot.inOffice).toBe(false);
  });
});

describe('boot.js: "please update Office" where the bundle cannot run', () => {
  it('inside Office on an engine without what the bundle needs: the Thai then English message, what to do, and no office.js', async () => {
    const { w, boot: b, officeScript } = boot(`${PANE}?_host_Info=Excel$Win32$16.01$th-TH$$$$0`, (win) => {
      delete (win.Array.prototype as { at?: unknown }).at;
      delete (win as { WeakRef?: unknown }).WeakRef;
    });
    expect(b.supported).toBe(false);
    expect(b.missing).toEqual(['WeakRef', 'Array.prototype.at']);
    expect(officeScript()).toBeUndefined();
    await settle(w);
    const text = message(w);
    expect(text.indexOf('กรุณาอัปเดต Office')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('กรุณาอัปเดต Office')).toBeLessThan(text.indexOf('Please update Office'));
    expect(text).toContain('อัปเดตทันที');
    expect(text).toContain('WebView2');
    expect(text).toContain('.xlsx');
    // The address of the browser mode, without Office's query string.
    expect(text).toContain(PANE);
    expect(text).not.toContain('_host_Info');
    expect(w.document.querySelector('[role=alert]')).not.toBeNull();
  });

  it('in an old plain browser asks for an up-to-date browser instead', async () => {
    const { w, boot: b } = boot(PANE, (win) => delete (win as { BigInt?: unknown }).BigInt);
    await settle(w);
    expect(b.shown).toBe('browser');
    expect(message(w)).toContain('กรุณาใช้เบราว์เซอร์รุ่นใหม่');
    expect(message(w)).toContain('Please use an up-to-date browser');
  });

  it('when the bundle threw before it started (a syntax error in an old engine)', () => {
    const { w, boot: b } = boot(`${PANE}?_host_Info=Excel$Win32$16.01$th-TH$$$$0`);
    expect(b.supported).toBe(true);
    w.dispatchEvent(new w.ErrorEvent('error', { message: 'Syntax error', filename: 'https://office.example/other.js' }));
    expect(message(w)).toBe('');
    w.dispatchEvent(new w.ErrorEvent('error', { message: 'Syntax error', filename: 'https://addin.test/plancheck/taskpane.js' }));
    expect(message(w)).toContain('กรุณาอัปเดต Office');
  });

  it('when the page loaded and the bundle never started; not once it has', async () => {
    const silent = boot();
    silent.w.dispatchEvent(new silent.w.Event('load'));
    await settle(silent.w);
    expect(message(silent.w)).toContain('Please use an up-to-date browser');

    const running = boot();
    running.boot.started();
    running.w.dispatchEvent(new running.w.Event('load'));
    running.w.dispatchEvent(new running.w.ErrorEvent('error', { message: 'boom', filename: 'https://addin.test/plancheck/taskpane.js' }));
    await settle(running.w);
    expect(message(running.w)).toBe('');
  });

  it('says the download failed, not "update", when our script could not be fetched', async () => {
    const { w } = boot();
    const script = w.document.createElement('script');
    script.src = 'https://addin.test/plancheck/taskpane.js';
    w.document.head.appendChild(script);
    script.dispatchEvent(new w.Event('error'));
    w.dispatchEvent(new w.Event('load'));
    await settle(w);
    expect(message(w)).toContain('โหลดตรวจแผนไม่สำเร็จ');
    expect(message(w)).toContain('PlanCheck did not load');
  });
});
