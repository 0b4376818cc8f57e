import { parse } from 'acorn';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What es-check does, on the built pane (npm run build → dist/): every script parses at the syntax level the
 * WebViews of ExcelApi 1.9 hosts understand (ES2017: EdgeHTML 18, Safari 11+; webpack.config.js ES_TARGET), and
 * the inline boot script in taskpane.html parses as ES5, so that even Internet Explorer 11 shows its message.
 */
const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const scripts = readdirSync(DIST).filter((f) => f.endsWith('.js'));
const bundle = (f: string): string => readFileSync(join(DIST, f), 'utf8');
const syntaxError = (source: string, ecmaVersion: 5 | 2017): string | null => {
  try {
    parse(source, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${(e as Error).message} near ${JSON.stringify(source.slice(Math.max(0, pos - 40), pos + 40))}`;
  }
};

describe('the built pane\'s syntax level', () => {
  it('the checker rejects what the target does not have (so that the checks below can fail)', () => {
    for (const newer of ['a ?? b', 'a?.b', 'x = {...y}', 'class A { f = 1 }', 'async function* g() {}', '/(?<=a)b/', 'try {} catch {}']) {
      expect(syntaxError(newer, 2017)).not.toBeNull();
    }
    expect(syntaxError('async function f() { await g(); } const o = Object.entries({});', 2017)).toBeNull();
  });

  it.each(scripts)('dist/%s parses as ES2017', (file) => {
    expect(syntaxError(bundle(file), 2017)).toBeNull();
  });

  it('taskpane.html\'s inline boot script parses as ES5, and office.js is not loaded by a static tag', () => {
    const html = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(1);
    expect(inline[0]).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(syntaxError(inline[0]!, 5)).toBeNull();
    expect(html).not.toMatch(/<script[^>]+src="?https:\/\/appsforoffice/);
    // The boot script runs before the bundle.
    expect(html.indexOf('<script>')).toBeLessThan(html.search(/<script[^>]+src="?taskpane\.js/));
  });
});

/**
 * Built-ins newer than ES2017 cannot be lowered by a syntax transform. Each one the bundle uses must be in the
 * boot script's REQUIRED list, so that an engine without it gets "please update Office" rather than a pane that
 * breaks half-way (src/taskpane/boot.js).
 */
const NEWER_BUILTINS: [string, RegExp][] = [
  ['Promise.prototype.finally', /\.finally\(/],
  ['Promise.allSettled', /\bPromise\.allSettled\b/],
  ['Promise.any', /\bPromise\.any\b/],
  ['Symbol.asyncIterator', /\bSymbol\.asyncIterator\b/],
  ['Object.fromEntries', /\bObject\.fromEntries\b/],
  ['Object.hasOwn', /\bObject\.hasOwn\b/],
  ['Array.prototype.flat', /\.flat\(/],
  ['Array.prototype.flatMap', /\.flatMap\(/],
  ['Array.prototype.at', /\.at\(/],
  ['Array.prototype.findLast', /\.findLast\(/],
  ['Array.prototype.findLastIndex', /\.findLastIndex\(/],
  ['Array.prototype.toSorted', /\.toSorted\(/],
  ['Array.prototype.toReversed', /\.toReversed\(/],
  ['String.prototype.trimStart', /\.trimStart\(/],
  ['String.prototype.trimEnd', /\.trimEnd\(/],
  ['String.prototype.matchAll', /\.matchAll\(/],
  ['String.prototype.replaceAll', /\.replaceAll\(/],
  ['BigInt', /\bBigInt\(/],
  ['WeakRef', /\bWeakRef\b/],
  ['FinalizationRegistry', /\bFinalizationRegistry\b/],
  ['globalThis', /\bglobalThis\b/],
  ['structuredClone', /\bstructuredClone\(/],
  ['AggregateError', /\bAggregateError\b/],
];

describe('built-ins the bundle needs', () => {
  const boot = readFileSync(join(ROOT, 'src', 'taskpane', 'boot.js'), 'utf8');
  const required = JSON.parse((/var REQUIRED = (\[[^\]]*\])/.exec(boot)?.[1] ?? '[]').replace(/'/g, '"')) as string[];

  /** A use that is not feature-tested on the spot (`typeof X`, `X || fallback`, as core-js inside exceljs does). */
  const unguarded = (source: string, re: RegExp): boolean =>
    [...source.matchAll(new RegExp(re.source, 'g'))].some((m) => {
      const before = source.slice(Math.max(0, m.index - 7), m.index);
      const after = source.slice(m.index + m[0].length, m.index + m[0].length + 2);
      return before !== 'typeof ' && after !== '||';
    });

  it('are all checked by the boot script before the pane starts', () => {
    expect(required.length).toBeGreaterThan(10);
    expect(unguarded('x=Object.hasOwn||function(){}', /\bObject\.hasOwn\b/)).toBe(false);
    expect(unguarded('x=Object.hasOwn(a,b)', /\bObject\.hasOwn\b/)).toBe(true);
    const used = NEWER_BUILTINS.filter(([, re]) => scripts.some((f) => unguarded(bundle(f), re))).map(([name]) => name);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !required.includes(name))).toEqual([]);
  });
});
