/*
 * Inlined into taskpane.html's <head> at build time (webpack.config.js). ES5 only, no dependencies: it must run in
 * every WebView Office may use, including Internet Explorer 11 (test/taskpane/boot.test.ts parses it as ES5).
 *
 * 1. office.js is fetched from Microsoft's CDN only when the page is inside Office. In a plain browser the pane does
 *    not wait for a CDN request that may hang for seconds: it opens the browser mode at once.
 * 2. Where the bundle cannot run (IE11, EdgeHTML, an old Safari), it says so and what to do, instead of a blank pane.
 *
 * window.__plancheckBoot is the hand-off to the bundle (src/taskpane/boot.ts).
 */
(function () {
  var OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  /*
   * What the bundle needs from the engine and cannot be lowered to ES2017 syntax: BigInt (zod, at load), WeakRef
   * (Fluent UI's focus handling) and FinalizationRegistry (comlink's proxies, the worker; it came with WeakRef in
   * every engine), Array.prototype.at / findLast (Safari 15.4+), and the ES2018–ES2020 library.
   * test/bundle-syntax.test.ts fails when dist/ uses a newer built-in that is not listed here.
   */
  var REQUIRED = ['Promise', 'Promise.allSettled', 'Promise.prototype.finally', 'Symbol', 'Symbol.asyncIterator', 'Map', 'Set',
    'WeakMap', 'WeakRef', 'FinalizationRegistry', 'Proxy', 'Reflect', 'BigInt', 'globalThis', 'Object.entries', 'Object.fromEntries',
    'Array.prototype.includes', 'Array.prototype.flat', 'Array.prototype.flatMap', 'Array.prototype.at', 'Array.prototype.findLast',
    'String.prototype.padStart', 'String.prototype.trimStart', 'String.prototype.trimEnd', 'String.prototype.matchAll'];

  var w = window;
  var boot = { office: 'none', required: REQUIRED, missing: missing(REQUIRED), supported: true, hasStarted: false, loadFailed: false };
  var waiting = [];
  boot.supported = boot.missing.length === 0;
  w.__plancheckBoot = boot;

  function missing(paths) {
    var out = [];
    for (var i = 0; i < paths.length; i++) {
      var parts = paths[i].split('.');
      var v = w;
      for (var j = 0; j < parts.length && v !== undefined && v !== null; j++) {
        try {
          v = v[parts[j]];
        } catch (e) {
          v = undefined;
        }
      }
      if (v === undefined || v === null) out.push(paths[i]);
    }
    return out;
  }

  /** The hints office.js itself reads to find its host (OSF._OfficeAppFactory.retrieveHostInfo), and the host bridges. */
  function insideOffice() {
    var l = w.location;
    if (/[?&#]_host_Info=/i.test(l.search + l.hash)) return true;
    try {
      if (w.name && JSON.parse(w.name).hostInfo) return true;
    } catch (e) {
      /* window.name is not office.js's JSON */
    }
    try {
      if (w.sessionStorage && w.sessionStorage.getItem('hostInfoValue')) return true;
    } catch (e) {
      /* storage disabled */
    }
    try {
      if (typeof w.agaveHost !== 'undefined') return true;
      if (w.external && typeof w.external.GetHostInfo !== 'undefined') return true; // Trident / EdgeHTML hosts
      if (w.webkit && w.webkit.messageHandlers && w.webkit.messageHandlers.Agave) return true; // Mac, iPad
      if (w.chrome && w.chrome.webview) return true; // WebView2
    } catch (e) {
      return true;
    }
    try {
      return w.top !== w; // Office on the web hosts the pane in an iframe
    } catch (e) {
      return true; // a cross-origin parent
    }
  }

  /** Calls back once office.js has loaded or failed, or at once when it is not needed: 'none' | 'loaded' | 'failed'. */
  boot.whenOffice = function (callback) {
    if (boot.office === 'loading') waiting.push(callback);
    else callback(boot.office);
  };
  function settle(state) {
    if (boot.office !== 'loading') return;
    boot.office = state;
    for (var i = 0; i < waiting.length; i++) waiting[i](state);
    waiting = [];
  }
  boot.inOffice = insideOffice();
  if (boot.inOffice && boot.supported) {
    boot.office = 'loading';
    var s = document.createElement('script');
    s.type = 'text/javascript';
    s.src = OFFICE_JS;
    s.onload = function () {
      settle('loaded');
    };
    s.onerror = function () {
      settle('failed');
    };
    document.getElementsByTagName('head')[0].appendChild(s);
  }

  /** Called by the bundle as soon as it runs. */
  boot.started = function () {
    boot.hasStarted = true;
  };

  function ours(url) {
    var here = w.location.protocol + '//' + w.location.host + '/';
    return typeof url === 'string' && url.indexOf(here) === 0;
  }
  // A script of ours that fails to download, or throws (a syntax error in an old engine) before the bundle started.
  w.addEventListener('error', function (e) {
    if (boot.hasStarted) return;
    var t = e.target;
    if (t && t !== w && t.tagName === 'SCRIPT') {
      if (ours(t.src)) boot.loadFailed = true;
    } else if (ours(e.filename)) {
      show('old');
    }
  }, true);
  w.addEventListener('load', function () {
    setTimeout(function () {
      if (!boot.hasStarted) show(boot.loadFailed ? 'load' : 'old');
    }, 0);
  });

  var TEXT = {
    office: ['กรุณาอัปเดต Office', 'Please update Office',
      'ตรวจแผนเปิดในหน้าต่างนี้ไม่ได้: Office รุ่นนี้แสดงหน้าต่างด้วยเบราว์เซอร์รุ่นเก่า (เช่น Internet Explorer หรือ Edge รุ่นเดิม)',
      'PlanCheck cannot run in this pane: this Office shows it with an old browser engine (such as Internet Explorer or Edge Legacy).',
      ['อัปเดต Office: ไฟล์ › บัญชี › ตัวเลือกการอัปเดต › อัปเดตทันที (บน Mac: วิธีใช้ › ตรวจหาการอัปเดต)',
        'บน Windows ติดตั้ง Microsoft Edge WebView2 Runtime (ฟรีจาก Microsoft) แล้วเปิด Excel ใหม่',
        'หรือใช้ตรวจแผนในเบราว์เซอร์: เปิดที่อยู่ด้านล่างใน Microsoft Edge, Chrome, Firefox หรือ Safari รุ่นล่าสุด แล้วเปิดไฟล์ .xlsx'],
      ['Update Office: File › Account › Update Options › Update Now (on a Mac: Help › Check for Updates).',
        'On Windows, install the Microsoft Edge WebView2 Runtime (free from Microsoft), then restart Excel.',
        'Or use PlanCheck in a browser: open the address below in an up-to-date Microsoft Edge, Chrome, Firefox or Safari, then open the .xlsx file.']],
    browser: ['กรุณาใช้เบราว์เซอร์รุ่นใหม่', 'Please use an up-to-date browser',
      'ตรวจแผนใช้กับเบราว์เซอร์นี้ไม่ได้ เพราะเป็นรุ่นเก่าเกินไป',
      'PlanCheck cannot run in this browser: it is too old.',
      ['เปิดที่อยู่ด้านล่างใน Microsoft Edge, Chrome, Firefox หรือ Safari รุ่นล่าสุด'],
      ['Open the address below in an up-to-date Microsoft Edge, Chrome, Firefox or Safari.']],
    load: ['โหลดตรวจแผนไม่สำเร็จ', 'PlanCheck did not load',
      'ส่วนหนึ่งของหน้านี้ดาวน์โหลดไม่สำเร็จ', 'Part of this page could not be downloaded.',
      ['ตรวจการเชื่อมต่อเครือข่าย แล้วปิดและเปิดหน้าต่างนี้ใหม่'],
      ['Check the network connection, then close and reopen this pane.']],
  };

  function el(tag, text, style) {
    var e = document.createElement(tag);
    if (text) e.appendChild(document.createTextNode(text));
    if (style) e.style.cssText = style;
    return e;
  }
  function list(items) {
    var ul = el('ul', '', 'margin:4px 0 12px;padding-left:20px');
    for (var i = 0; i < items.length; i++) ul.appendChild(el('li', items[i], 'margin:4px 0'));
    return ul;
  }

  /** Replaces the pane with the message: 'old' (an engine the bundle cannot run in) or 'load' (a download failed). */
  function show(kind) {
    if (boot.shown) return;
    var root = document.getElementById('root') || document.body;
    if (!root) return;
    boot.shown = kind === 'old' ? (boot.inOffice ? 'office' : 'browser') : 'load';
    var t = TEXT[boot.shown];
    var box = el('div', '', 'font-family:Tahoma,\'Leelawadee UI\',sans-serif;font-size:15px;line-height:1.5;padding:16px;max-width:36em;color:#242424');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-testid', 'update-office');
    box.appendChild(el('h1', t[0], 'font-size:20px;margin:0 0 8px'));
    box.appendChild(el('p', t[2], 'margin:0 0 4px'));
    box.appendChild(list(t[4]));
    box.appendChild(el('h2', t[1], 'font-size:18px;margin:12px 0 8px'));
    box.appendChild(el('p', t[3], 'margin:0 0 4px'));
    box.appendChild(list(t[5]));
    if (boot.shown !== 'load') {
      box.appendChild(el('p', w.location.protocol + '//' + w.location.host + w.location.pathname,
        'font-family:Consolas,monospace;background:#f3f3f3;padding:8px;word-break:break-all;user-select:all'));
    }
    if (boot.missing.length) box.appendChild(el('p', 'ไม่มี / missing: ' + boot.missing.join(', '), 'font-size:14px;color:#616161'));
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(box);
  }

  if (!boot.supported) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { show('old'); });
    else show('old');
  }
})();
