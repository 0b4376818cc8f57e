import { basename } from 'node:path';
import { digitStyle, planNumbers, planSummaries, planTotals, type Action, analyze, workbookTitle, money, type Catalog } from '../domain';
import { readXlsx } from '../workbook/xlsx/read';
import { applyToXlsx } from '../workbook/xlsx/write';
import type { Args } from './args';
import { T } from './i18n';
import { readInput } from './input';
import { reason, writeReason, type Io } from './io';
import { outputProblem, writeAtomic } from './output';
import { escapeField } from './safe-text';

const PREVIEW = 20;

/** Checks the one-input, one-output shape of fix and summarize; a string is the problem. */
function target(args: Args): { input: string; output: string } | string {
  const t = T[args.lang];
  if (args.files.length !== 1) return t.oneFile;
  if (!args.output) return t.noOutput;
  return { input: args.files[0] as string, output: args.output };
}

/** Why the output cannot be written, before any work is done; null when it can. */
export function refusal(input: string, output: string, args: Args, io: Io): string | null {
  const t = T[args.lang];
  const name = escapeField(output);
  try {
    const problem = outputProblem(input, output, args.flags.has('--force'));
    if (problem === 'same-file') return t.badArgs(t.sameFile);
    if (problem === 'exists') return t.exists(name);
    if (problem === null) return null;
    return t.unwritable(name, t.why[problem], false);
  } catch (e) {
    return t.unwritable(name, writeReason(e, args.lang, io.debug), false);
  }
}

/** What fix or summarize decides for one workbook: its actions and the lines that tell the user about them. */
type Planner = (bytes: Uint8Array, name: string) => Promise<{ actions: Action[]; lines: string[] }>;

async function run(args: Args, io: Io, plan: Planner): Promise<number> {
  const t = T[args.lang];
  const where = target(args);
  if (typeof where === 'string') {
    io.stderr(`${t.badArgs(where)}\n`);
    return 2;
  }
  const refused = refusal(where.input, where.output, args, io);
  if (refused) {
    io.stderr(`${refused}\n`);
    return 2;
  }
  let actions: Action[];
  let lines: string[];
  // The file is read once: the snapshot is built from these bytes and the same bytes are patched.
  let input: Uint8Array;
  try {
    input = await readInput(where.input, io);
    ({ actions, lines } = await plan(input, basename(where.input)));
  } catch (e) {
    io.stderr(`${t.unreadable(escapeField(where.input), reason(e, args.lang, io.debug))}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = await applyToXlsx(input, actions);
  } catch (e) {
    io.stderr(`${t.cannotBuild(reason(e, args.lang, io.debug))}\n`);
    return 2;
  }
  try {
    writeAtomic(where.output, bytes, { replace: args.flags.has('--force'), ops: io.files });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = escapeField(where.output);
    io.stderr(`${code === 'EEXIST' ? t.exists(name) : t.unwritable(name, writeReason(e, args.lang, io.debug))}\n`);
    return 2;
  }
  io.stdout(`${[...lines, t.wrote(escapeField(where.output))].join('\n')}\n`);
  return 0;
}

const shown = (v: unknown): string => (typeof v === 'number' ? money(v) : escapeField(String(v ?? '')));
/** A cell's address for a terminal: the sheet name is the workbook author's text. */
const at = (sheet: string, cell: string): string => `${escapeField(sheet)}!${cell}`;

/** plancheck fix: "แปลงตัวเลข" (--numbers) and "เติมผลรวม" (--totals); both when neither is given. */
export function fix(args: Args, io: Io, catalogs?: readonly Catalog[]): Promise<number> {
  const t = T[args.lang];
  const both = !args.flags.has('--numbers') && !args.flags.has('--totals');
  const overwrite = args.flags.has('--overwrite-conflicts');
  return run(args, io, async (bytes, name) => {
    const analysis = analyze(await readXlsx(bytes, name), catalogs ? { catalogs } : {});
    const lines: string[] = [];
    let actions: Action[] = [];
    if (both || args.flags.has('--totals')) {
      const keepFormulas = args.flags.has('--keep-formulas');
      const first = planTotals(analysis, { overwriteConflicts: overwrite });
      // --keep-formulas keeps every wrong formula: the same plan with each of them chosen "keep".
      const choices = keepFormulas ? Object.fromEntries(first.conflicts.filter((c) => c.reason === 'formula').map((c) => [`${c.sheet}!${c.cell}`, false])) : {};
      const totals = keepFormulas ? planTotals(analysis, { overwriteConflicts: overwrite, choices }) : first;
      const values = totals.conflicts.filter((c) => c.reason === 'value');
      const wrong = totals.conflicts.filter((c) => c.reason === 'formula');
      if (values.length > 0) {
        lines.push(t.conflicts(values.length, !overwrite));
        for (const c of values) lines.push(t.conflict(at(c.sheet, c.cell), shown(c.stated), money(c.computed)));
      }
      if (wrong.length > 0) {
        lines.push(t.wrongFormulas(wrong.length, keepFormulas));
        const names = (list: string[] | undefined): string => (list && list.length > 0 ? list.map(escapeField).join(', ') : '—');
        for (const c of wrong) lines.push(t.wrongFormula(at(c.sheet, c.cell), escapeField(c.current ?? ''), names(c.missing), names(c.extra)));
      }
      for (const a of totals.actions) actions.push(a);
    }
    if (both || args.flags.has('--numbers')) {
      const done = new Set(actions.map((a) => (a.kind === 'set-number' || a.kind === 'set-formula' ? `${a.sheet}!${a.cell}` : '')));
      // Numbers first; a loop, not a spread (200k actions would overflow the call stack).
      actions = (planNumbers(analysis).filter((n) => !done.has(`${n.sheet}!${n.cell}`)) as Action[]).concat(actions);
    }
    const numbers = actions.filter((a): a is Extract<Action, { kind: 'set-number' }> => a.kind === 'set-number');
    const formulas = actions.filter((a): a is Extract<Action, { kind: 'set-formula' }> => a.kind === 'set-formula');
    if (numbers.length > 0) {
      lines.push(t.numbers(numbers.length));
      for (const n of numbers.slice(0, PREVIEW)) lines.push(t.change(at(n.sheet, n.cell), `"${escapeField(n.before)}"`, money(n.value)));
      if (numbers.length > PREVIEW) lines.push(`  … +${numbers.length - PREVIEW}`);
    }
    if (formulas.length > 0) {
      lines.push(t.formulas(formulas.length));
      for (const f of formulas.slice(0, PREVIEW)) lines.push(t.change(at(f.sheet, f.cell), shown(f.before), `${f.formula} = ${money(f.expected)}`));
      if (formulas.length > PREVIEW) lines.push(`  … +${formulas.length - PREVIEW}`);
    }
    if (actions.length === 0) lines.push(t.nothing);
    return { actions, lines };
  });
}

/** plancheck summarize: the four summary sheets, regenerated whole. */
export function summarize(args: Args, io: Io, catalogs?: readonly Catalog[]): Promise<number> {
  return run(args, io, async (bytes, name) => {
    const snapshot = await readXlsx(bytes, name);
    const actions = planSummaries(analyze(snapshot, catalogs ? { catalogs } : {}), {
      title: workbookTitle(snapshot) || name.replace(/\.xlsx$/i, ''),
      digits: digitStyle(snapshot),
    });
    return { actions, lines: [T[args.lang].sheets(actions.map((a) => escapeField(a.sheet.name)))] };
  });
}
