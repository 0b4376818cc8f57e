import JSZip from 'jszip';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { planNumbers } from '../src/domain/actions/numbers';
import { planSummaries } from '../src/domain/actions/summaries';
import { planTotals } from '../src/domain/actions/totals';
import type { Action } from '../src/domain/actions/types';
import { analyze } from '../src/domain/analyze';
import { run } from '../src/cli/main';
import { readXlsx } from '../src/workbook/xlsx/read';
import { convert } from '../scripts/libreoffice';

/**
 * The proof that the formulas we write compute what the engine says: the CLI's output workbooks are opened and
 * recalculated by headless LibreOffice, and every formula's recalculated value must equal the engine's figure.
 */
jest.setTimeout(300_000);

const FIXTURES = ['chiangmai-2566-clean', 'narathiwat-2566', 'phetchaburi-2566'];
const dir = mkdtempSync(join(tmpdir(), 'plancheck-lo-'));
const recalculated = join(dir, 'recalculated');
const quiet = { stdout: () => undefined, stderr: () => undefined };

/** What each output file's formula cells must come to: "Sheet!A1" → value. */
const expected = new Map<string, Map<string, number>>();

function expectFormulas(file: string, actions: Action[]): void {
  const m = new Map<string, number>();
  for (const a of actions) {
    if (a.kind === 'set-formula') m.set(`${a.sheet}!${a.cell}`, a.expected);
    if (a.kind === 'add-sheet') {
      const first = a.sheet.subtitle.length + 4;
      a.sheet.rows.forEach((row, r) =>
        row.forEach((c, i) => {
          if (c.formula) m.set(`${a.sheet.name}!${String.fromCharCode(65 + i)}${first + r}`, Number(c.value));
        }),
      );
    }
  }
  expected.set(basename(file), m);
}

/**
 * Every formula cell's cached result, read straight from the sheet XML LibreOffice wrote (independent of the
 * library we write with): "Sheet!A1" → number, string, or undefined when there is no result.
 */
async function results(file: string): Promise<Map<string, unknown>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const text = async (path: string): Promise<string> => (await zip.file(path)?.async('string')) ?? '';
  const decode = (s: string): string => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const rels = new Map([...(await text('xl/_rels/workbook.xml.rels')).matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, unknown>();
  for (const m of (await text('xl/workbook.xml')).matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = (rels.get(m[2] as string) ?? '').replace(/^\/?(xl\/)?/, '');
    const xml = await text(`xl/${target}`);
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>/]*)>(.*?)<\/c>/g)) {
      if (!/<f[ >]/.test(c[3] as string)) continue;
      const v = /<v>([^<]*)<\/v>/.exec(c[3] as string)?.[1];
      const isString = /t="(str|s|e)"/.test(c[2] as string);
      out.set(`${decode(m[1] as string)}!${c[1]}`, v === undefined ? undefined : isString ? v : Number(v));
    }
  }
  return out;
}

beforeAll(async () => {
  const outputs: string[] = [];
  for (const name of FIXTURES) {
    const input = join(__dirname, 'fixtures', `${name}.xlsx`);
    const analysis = analyze(await readXlsx(input));
    const fixed = join(dir, `${name}.fixed.xlsx`);
    const overwritten = join(dir, `${name}.overwritten.xlsx`);
    const summary = join(dir, `${name}.summary.xlsx`);
    expect(await run(['fix', input, '-o', fixed], quiet)).toBe(0);
    expect(await run(['fix', input, '-o', overwritten, '--overwrite-conflicts'], quiet)).toBe(0);
    expect(await run(['summarize', fixed, '-o', summary], quiet)).toBe(0);
    expectFormulas(fixed, [...planNumbers(analysis), ...planTotals(analysis).actions]);
    expectFormulas(overwritten, planTotals(analysis, { overwriteConflicts: true }).actions);
    const fixedSnapshot = await readXlsx(fixed);
    expectFormulas(summary, [...planTotals(analysis).actions, ...planSummaries(analyze(fixedSnapshot))]);
    outputs.push(fixed, overwritten, summary);
  }
  convert(outputs, recalculated, 'xlsx', join(dir, 'profile'));
});

describe.each(FIXTURES)('%s after LibreOffice recalculates the CLI output', (name) => {
  it.each(['fixed', 'overwritten', 'summary'])('every formula in the %s workbook computes the engine\'s figure', async (kind) => {
    const file = `${name}.${kind}.xlsx`;
    const want = expected.get(file)!;
    const got = await results(join(recalculated, file));
    expect(want.size).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const [cell, value] of want) {
      const v = got.get(cell);
      if (typeof v !== 'number' || Math.abs(v - value) > 0.005) wrong.push(`${cell}: LibreOffice ${JSON.stringify(v)}, engine ${value}`);
    }
    expect(wrong).toEqual([]);
  });

  it('re-checking the workbook whose totals were filled finds no arithmetic error left in them', async () => {
    const filled = [...expected.get(`${name}.overwritten.xlsx`)!.keys()];
    const analysis = analyze(await readXlsx(join(recalculated, `${name}.overwritten.xlsx`)));
    const left = analysis.findings.filter((f) => f.severity === 'error' && filled.includes(`${f.sheet}!${f.cell}`));
    expect(left).toEqual([]);
  });
});
