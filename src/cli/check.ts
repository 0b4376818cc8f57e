import { basename } from 'node:path';
import { analyze, toReport, type Report, type Catalog } from '../domain';
import { readXlsx } from '../workbook/xlsx/read';
import type { Args } from './args';
import { formatText } from './format-text';
import { T } from './i18n';
import { reason, type Io } from './io';
import { escapeField, escapeJson } from './safe-text';

/**
 * How reports reach stdout, one as soon as its file is checked: a batch of a hundred workbooks shows progress, and
 * a file that cannot be read is reported and skipped without holding back the rest. Several files in JSON are one
 * array, printed piece by piece with the same bytes `JSON.stringify(reports, null, 2)` would give.
 */
function printer(args: Args, io: Io): { report: (r: Report) => void; end: () => void } {
  let printed = 0;
  if (args.format === 'text') {
    return {
      report: (r) => io.stdout(`${printed++ > 0 ? '\n' : ''}${formatText(r, args.lang)}`),
      end: () => undefined,
    };
  }
  const json = (r: Report): string => escapeJson(JSON.stringify(r, null, 2));
  if (args.files.length === 1) return { report: (r) => io.stdout(`${json(r)}\n`), end: () => undefined };
  io.stdout('[');
  return {
    // JSON strings hold no raw line breaks, so indenting every line indents the report as an array element.
    report: (r) => io.stdout(`${printed++ > 0 ? ',' : ''}\n${json(r).replace(/^/gm, '  ')}`),
    end: () => io.stdout(`${printed > 0 ? '\n' : ''}]\n`),
  };
}

/** plancheck check: every file is checked; exit 2 if one could not be read, else 1 if any has errors. */
export async function check(args: Args, io: Io, version: string, catalogs?: readonly Catalog[]): Promise<number> {
  const out = printer(args, io);
  let unreadable = false;
  let errors = false;
  for (const file of args.files) {
    let report: Report;
    try {
      report = toReport(analyze(await readXlsx(file, basename(file)), catalogs ? { catalogs } : {}), basename(file), version);
    } catch (e) {
      unreadable = true;
      io.stderr(`${T[args.lang].unreadable(escapeField(file), reason(e, args.lang, io.debug))}\n`);
      continue;
    }
    errors ||= report.stats.errors > 0;
    out.report(report);
  }
  out.end();
  if (unreadable) return 2;
  return errors ? 1 : 0;
}
