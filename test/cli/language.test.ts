import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';
import { T } from '../../src/cli/i18n';
import { reason } from '../../src/cli/io';

const CM = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');
const THAI = /[\u0e00-\u0e7f]/;

/**
 * What may stay Latin in a Thai message: product and format names (Excel, LibreOffice, CSV…), what is typed (command names, options, their values, file names and
 * paths, which tests quote or give as absolute paths), the program's name, and system error codes.
 */
function latinLeftInThai(s: string): string[] {
  const rest = s
    .replace(/"[^"]*"/g, '')
    .replace(/\/[^\s"]+/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/(?<![\w-])--?[a-z][a-z-]*(=\S+)?/g, ' ')
    .replace(/\bE[A-Z0-9]{2,}\b/g, '')
    .replace(/\b(plancheck|PlanCheck|Excel|LibreOffice|Calc|OpenDocument|CSV|XML|check|fix|summarize|rules|text\|json|th\|en|th|en|json|PLANCHECK_DEBUG=1)\b/g, '')
    .replace(/\.(xlsx|xlsm|json)\b/g, '');
  return rest.match(/[A-Za-z]+/g) ?? [];
}

async function messages(argv: string[]): Promise<string> {
  let all = '';
  await run(argv, { stdout: (s) => (all += s), stderr: (s) => (all += s) });
  return all;
}

describe('one language at a time', () => {
  const dir = fs.mkdtempSync(join(tmpdir(), 'plancheck-lang-'));
  const input = join(dir, 'input.xlsx');
  const existing = join(dir, 'existing.xlsx');
  const broken = join(dir, 'broken.xlsx');
  fs.copyFileSync(CM, input);
  fs.writeFileSync(existing, 'x');
  fs.writeFileSync(broken, 'not a zip');
  // A folder is its workbooks now (`check DIR`): the answer without a report is a folder that has none.
  const empty = join(dir, 'empty');
  fs.mkdirSync(empty);
  // Every way the command line answers other than a report: help, usage errors, refusals, I/O errors.
  const cases: string[][] = [
    ['--help'],
    ['fix', '--help'],
    ['frobnicate'],
    ['check'],
    ['check', input, '--format', 'xml'],
    ['check', input, '--bogus'],
    ['check', join(dir, 'missing.xlsx')],
    ['check', broken],
    ['check', empty],
    ['check', join(empty, '*.xlsx')],
    ['check', input, broken, '--summary'],
    ['summarize', '--combine', input, broken, '-o', join(dir, 'province.xlsx')],
    ['summarize', '--combine', input, '-o', input],
    ['fix', input],
    ['fix', input, '-o'],
    ['fix', input, existing, '-o', join(dir, 'a.xlsx')],
    ['fix', input, '-o', input],
    ['fix', input, '-o', existing],
    ['fix', input, '-o', join(dir, 'nowhere', 'a.xlsx')],
    ['summarize', input, '-o', dir, '--force'],
    ['summarize', broken, '-o', join(dir, 'b.xlsx')],
  ];

  it.each(cases.map((c) => [c.join(' ').replaceAll(dir, '<tmp>'), c]))('plancheck %s', async (_, argv) => {
    const th = await messages(argv as string[]);
    expect(THAI.test(th)).toBe(true);
    expect(latinLeftInThai(th)).toEqual([]);
    const en = await messages([...(argv as string[]), '--lang', 'en']);
    expect(en).not.toMatch(THAI);
    expect(en).toMatch(/[a-z]{3,}/);
  });

  it('the tables themselves: every reason and the usage, in both languages', () => {
    for (const text of [...Object.values(T.th.why), T.th.usage, T.th.systemError('EFOO')]) expect(latinLeftInThai(text)).toEqual([]);
    for (const text of [...Object.values(T.en.why), T.en.usage, T.en.systemError('EFOO')]) expect(text).not.toMatch(THAI);
  });

  it('an unexpected error is one sentence in the user language; its own text and stack only when asked for', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'model')");
    expect(reason(bug, 'th')).toBe(T.th.why.internal);
    expect(reason(bug, 'en')).toBe(T.en.why.internal);
    expect(reason(bug, 'en', true)).toContain("TypeError: Cannot read properties of undefined (reading 'model')\n    at ");
    // An error that carries its own words in both languages is shown in the one asked for.
    const limit = Object.assign(new Error('too many cells'), { th: 'เซลล์มากเกินกำหนด', en: 'too many cells' });
    expect(reason(limit, 'th')).toBe('เซลล์มากเกินกำหนด');
  });

  it('the help lists --lang and --force for fix and summarize', async () => {
    for (const lang of ['th', 'en']) {
      const help = await messages(['--help', '--lang', lang]);
      expect(help).toMatch(/plancheck fix .*--force.*--lang th\|en/);
      expect(help).toMatch(/plancheck summarize .*--force.*--lang th\|en/);
      expect(help).toMatch(/^--force /m);
    }
  });
});
