import { combineDigests, type Catalog, type SummaryDigest } from '../../domain';
import { newWorkbook } from '../../workbook/xlsx/new-workbook';
import { readXlsx } from '../../workbook/xlsx/read';
import type { Args } from '../args';
import { refusal } from '../fix';
import { T } from '../i18n';
import { isSameFile } from '../identity';
import { readInput } from '../input';
import { expandInputs } from '../inputs';
import { reason, writeReason, type Io } from '../io';
import { writeAtomic } from '../output';
import { progressBar } from '../progress';
import { escapeField } from '../safe-text';
import { COMBINE_LABELS } from './labels';
import { digestAll } from './pool';
import { combinedSheets } from './sheets';

/** Whether a file is a workbook of PlanCheck's sheets only (a combined summary written earlier). */
async function isCombinedOutput(path: string, io: Io): Promise<boolean> {
  try {
    const { sheets } = await readXlsx(await readInput(path, io));
    return sheets.length > 0 && sheets.every((s) => s.generated === true);
  } catch {
    return false;
  }
}

/**
 * plancheck summarize --combine FILE|DIR|PATTERN... -o province.xlsx: one new workbook summarising every agency's
 * workbook (the files, per agency, per goal and indicator, per quarter, and the findings naming their file). The
 * inputs are only read; the output is refused if it is one of them, or exists without --force. A file that cannot
 * be read is said on stderr and listed in the findings sheet, and the others are still combined (exit 2 then).
 */
export async function summarizeCombined(args: Args, io: Io, catalogs?: readonly Catalog[]): Promise<number> {
  const t = T[args.lang];
  if (!args.output) {
    io.stderr(`${t.badArgs(t.noOutput)}\n`);
    return 2;
  }
  const output = args.output;
  const inputs = expandInputs(args.files);
  const files: string[] = [];
  const unreadable: { file: string; why: string }[] = [];
  for (const e of inputs.entries) {
    // Run again over the same folder, the previous combined workbook is found there: it is this run's output, not
    // an agency's plan. Only when it is one (every sheet ours by its record); an agency's workbook at the output's
    // name, or one named on its own, is refused below like any input that is the output, even with --force.
    if (e.kind === 'file' && !e.named && isSameFile(e.path, output) && (await isCombinedOutput(e.path, io))) continue;
    if (e.kind === 'file') files.push(e.path);
    else if (e.kind === 'nothing') unreadable.push({ file: e.arg, why: e.folder ? t.emptyFolder(escapeField(e.arg)) : t.noMatch(escapeField(e.arg)) });
    else unreadable.push({ file: e.arg, why: t.cannotList(escapeField(e.arg), reason(e.error, args.lang, io.debug)) });
  }
  // Before any work: the output must be none of the inputs, and new unless --force.
  for (const input of files.length > 0 ? files : [output]) {
    const refused = refusal(input, output, args, io);
    if (refused) {
      io.stderr(`${refused}\n`);
      return 2;
    }
  }
  const bar = progressBar(io, files.length, t);
  if (files.length > 0) bar.show(0, files[0] as string);
  const { outcomes } = await digestAll(files, {
    catalogs,
    catalogFiles: args.catalogs,
    lang: args.lang,
    io,
    onDone: (done, file) => (done < files.length ? bar.show(done, file) : bar.clear()),
  });
  bar.clear();
  const read: { file: string; digest: SummaryDigest }[] = [];
  for (const o of outcomes) {
    if ('digest' in o) read.push(o);
    else unreadable.push({ file: o.file, why: o.unreadable });
  }
  for (const u of unreadable) io.stderr(`${t.unreadable(escapeField(u.file), u.why)}\n`);
  if (read.length === 0) return 2;
  const sheets = combinedSheets(combineDigests(read), unreadable, args.lang);
  try {
    writeAtomic(output, newWorkbook(sheets), { replace: args.flags.has('--force'), ops: io.files });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = escapeField(output);
    io.stderr(`${code === 'EEXIST' ? t.exists(name) : t.unwritable(name, writeReason(e, args.lang, io.debug))}\n`);
    return 2;
  }
  const labels = COMBINE_LABELS[args.lang];
  io.stdout(`${[labels.combined(read.length, unreadable.length), t.sheets(sheets.map((s) => escapeField(s.name))), t.wrote(escapeField(output))].join('\n')}\n`);
  return unreadable.length > 0 ? 2 : 0;
}
