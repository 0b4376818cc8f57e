import { basename } from 'node:path';
import { analyze, toReport, type Report, type Catalog } from '../domain';
import { readXlsx } from '../workbook/xlsx/read';
import type { Args } from './args';
import { formatText } from './format-text';
import { T } from './i18n';
import { readInput } from './input';
import { expandInputs, type Input } from './inputs';
import { reason, type Io } from './io';
import { progressBar } from './progress';
import { escapeField, escapeJson } from './safe-text';

/** One file's outcome: its report, or why it could not be read (in the user's language). */
type Outcome = { file: string; report: Report } | { file: string; unreadable: string };

interface Printer {
  file: (o: Outcome) => void;
  end: () => void;
}

/**
 * How reports reach stdout, one as soon as its file is checked: a batch of a hundred workbooks shows progress, and
 * a file that cannot be read is reported and skipped without holding back the rest. Several files in JSON are one
 * array, printed piece by piece with the same bytes `JSON.stringify(reports, null, 2)` would give.
 */
function reports(args: Args, io: Io, many: boolean): Printer {
  let printed = 0;
  const json = (r: Report): string => escapeJson(JSON.stringify(r, null, 2));
  const show: (r: Report) => void =
    args.format === 'text'
      ? (r) => io.stdout(`${printed++ > 0 ? '\n' : ''}${formatText(r, args.lang)}`)
      : !many
        ? (r) => io.stdout(`${json(r)}\n`)
        : // JSON strings hold no raw line breaks, so indenting every line indents the report as an array element.
          (r) => io.stdout(`${printed++ > 0 ? ',' : ''}\n${json(r).replace(/^/gm, '  ')}`);
  const array = args.format === 'json' && many;
  if (array) io.stdout('[');
  return {
    file: (o) => {
      if ('report' in o) show(o.report);
      else io.stderr(`${T[args.lang].unreadable(escapeField(o.file), o.unreadable)}\n`);
    },
    end: () => {
      if (array) io.stdout(`${printed > 0 ? '\n' : ''}]\n`);
    },
  };
}

/**
 * `--summary`: one line per file as it is checked (its counts, or why it could not be read) and a total line; in
 * JSON one object at the end: `{ tool, files: [{ file, errors, warnings, infos } | { file, unreadable }], total }`.
 */
function summary(args: Args, io: Io, version: string): Printer {
  const t = T[args.lang];
  const outcomes: Outcome[] = [];
  const counts = (r: Report) => ({ errors: r.stats.errors, warnings: r.stats.warnings, infos: r.stats.infos });
  return {
    file: (o) => {
      outcomes.push(o);
      if (args.format !== 'text') return;
      const name = escapeField(o.file);
      io.stdout(`${'report' in o ? t.summaryLine(name, o.report.stats.errors, o.report.stats.warnings, o.report.stats.infos) : t.summaryUnreadable(name, o.unreadable)}\n`);
    },
    end: () => {
      const read = outcomes.flatMap((o) => ('report' in o ? [counts(o.report)] : []));
      const total = {
        files: outcomes.length,
        errors: read.reduce((s, c) => s + c.errors, 0),
        warnings: read.reduce((s, c) => s + c.warnings, 0),
        infos: read.reduce((s, c) => s + c.infos, 0),
        unreadable: outcomes.length - read.length,
      };
      if (args.format === 'text') {
        io.stdout(`${t.summaryTotal(total.files, total.errors, total.warnings, total.infos, total.unreadable)}\n`);
        return;
      }
      const files = outcomes.map((o) => ('report' in o ? { file: o.file, ...counts(o.report) } : { file: o.file, unreadable: o.unreadable }));
      io.stdout(`${escapeJson(JSON.stringify({ tool: { name: 'plancheck', version }, files, total }, null, 2))}\n`);
    },
  };
}

/** What an argument that brought no file says, as an outcome of its own (it makes the exit code 2). */
function nothing(e: Exclude<Input, { kind: 'file' }>, args: Args, io: Io): Outcome {
  const t = T[args.lang];
  const arg = escapeField(e.arg);
  if (e.kind === 'unlisted') return { file: e.arg, unreadable: t.cannotList(arg, reason(e.error, args.lang, io.debug)) };
  return { file: e.arg, unreadable: e.folder ? t.emptyFolder(arg) : t.noMatch(arg) };
}

/**
 * plancheck check FILE|DIR|PATTERN...: every file is checked, one at a time (a hundred workbooks never sit in
 * memory together); exit 2 if one could not be read (or an argument named none), else 1 if any has errors.
 */
export async function check(args: Args, io: Io, version: string, catalogs?: readonly Catalog[]): Promise<number> {
  const inputs = expandInputs(args.files);
  const out = args.flags.has('--summary') ? summary(args, io, version) : reports(args, io, inputs.many);
  const files = inputs.entries.filter((e) => e.kind === 'file').length;
  const bar = progressBar(io, files, T[args.lang]);
  let unreadable = false;
  let errors = false;
  let done = 0;
  for (const entry of inputs.entries) {
    let outcome: Outcome;
    if (entry.kind !== 'file') outcome = nothing(entry, args, io);
    else {
      bar.show(done++, entry.path);
      const name = basename(entry.path);
      try {
        const snapshot = await readXlsx(await readInput(entry.path, io), name);
        outcome = { file: entry.path, report: toReport(analyze(snapshot, catalogs ? { catalogs } : {}), name, version) };
      } catch (e) {
        outcome = { file: entry.path, unreadable: reason(e, args.lang, io.debug) };
      }
    }
    bar.clear();
    if ('unreadable' in outcome) unreadable = true;
    else errors ||= outcome.report.stats.errors > 0;
    out.file(outcome);
  }
  out.end();
  if (unreadable) return 2;
  return errors ? 1 : 0;
}
