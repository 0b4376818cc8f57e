import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { planMarks } from '../../src/domain/actions/marks';
import { planNumbers } from '../../src/domain/actions/numbers';
import { planSummaries } from '../../src/domain/actions/summaries';
import { planTotals } from '../../src/domain/actions/totals';
import type { Action } from '../../src/domain/actions/types';
import { analyze, type Analysis } from '../../src/domain/analyze';
import { workbookTitle } from '../../src/domain/title';
import { run } from '../../src/cli/main';
import { FileHost } from '../../src/workbook/xlsx/file-host';
import { readXlsx } from '../../src/workbook/xlsx/read';

/**
 * The three ways PlanCheck writes a user's workbook, each with the action list it applies: `fix` (numbers and
 * totals, as src/cli/fix.ts plans them), `summarize`, and the browser's download after marking (with notes)
 * and converting numbers. A writer that throws or exits non-zero yields a failure instead of bytes.
 */
/** The fidelity workbooks (test/fixtures/fidelity/README.md says what each carries). */
export const FIDELITY_DIR = join(__dirname, '..', 'fixtures', 'fidelity');
export const FIDELITY_FILES = ['lo-print.xlsx', 'lo-objects.xlsx', 'excel-parts.xlsx', 'macro.xlsm'];

export type WriterName = 'fix' | 'summarize' | 'browser download';
export const WRITERS: WriterName[] = ['fix', 'summarize', 'browser download'];

export interface Written {
  bytes?: Uint8Array;
  actions: Action[];
  failure?: string;
}

/** What `plancheck fix` applies when neither --numbers nor --totals is given (src/cli/fix.ts). */
export function fixActions(analysis: Analysis): Action[] {
  const actions: Action[] = [...planTotals(analysis).actions];
  const done = new Set(actions.map((a) => (a.kind === 'set-number' || a.kind === 'set-formula' ? `${a.sheet}!${a.cell}` : '')));
  actions.unshift(...planNumbers(analysis).filter((n) => !done.has(`${n.sheet}!${n.cell}`)));
  return actions;
}

async function cli(command: 'fix' | 'summarize', input: string, actions: Action[]): Promise<Written> {
  const out = join(mkdtempSync(join(tmpdir(), 'plancheck-fidelity-')), `copy${extname(input)}`);
  let stderr = '';
  try {
    const code = await run([command, input, '-o', out], { stdout: () => undefined, stderr: (s) => void (stderr += s) });
    if (code !== 0) return { actions, failure: `plancheck ${command} exited ${code}: ${stderr.trim().slice(0, 300)}` };
  } catch (e) {
    return { actions, failure: `plancheck ${command} threw ${(e as Error).stack?.split('\n').slice(0, 3).join(' ') ?? String(e)}` };
  }
  return { actions, bytes: new Uint8Array(readFileSync(out)) };
}

async function browser(input: string): Promise<Written> {
  const actions: Action[] = [];
  try {
    const bytes = readFileSync(input);
    const host = await FileHost.open(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, basename(input));
    const marks = planMarks(analyze((await host.read()).snapshot), { notes: true, lang: 'th' });
    actions.push(...marks);
    await host.apply(marks);
    const numbers = planNumbers(analyze((await host.read()).snapshot));
    actions.push(...numbers);
    await host.apply(numbers);
    // Marks asked for: this writer's copy is judged on them too (the default download leaves them out).
    return { actions, bytes: new Uint8Array(await host.download({ marks: true })) };
  } catch (e) {
    return { actions, failure: `the browser's download threw ${(e as Error).stack?.split('\n').slice(0, 3).join(' ') ?? String(e)}` };
  }
}

export async function write(writer: WriterName, input: string): Promise<Written> {
  if (writer === 'browser download') return browser(input);
  const snapshot = await readXlsx(input, basename(input));
  const analysis = analyze(snapshot);
  if (writer === 'fix') return cli('fix', input, fixActions(analysis));
  const title = workbookTitle(snapshot) || basename(input).replace(/\.xls[xm]$/i, '');
  return cli('summarize', input, planSummaries(analysis, { title }));
}
