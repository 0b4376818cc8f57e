import { basename } from 'node:path';
import { analyze, toReport, type Report } from '../domain';
import { readXlsx } from '../workbook/xlsx/read';
import type { Args } from './args';
import { formatText } from './format-text';
import { T } from './i18n';
import { reason, type Io } from './io';

/** plancheck check: every file is checked; exit 2 if one could not be read, else 1 if any has errors. */
export async function check(args: Args, io: Io, version: string): Promise<number> {
  const reports: Report[] = [];
  let unreadable = false;
  for (const file of args.files) {
    try {
      reports.push(toReport(analyze(await readXlsx(file, basename(file))), basename(file), version));
    } catch (e) {
      unreadable = true;
      io.stderr(`${T[args.lang].unreadable(file, reason(e, args.lang))}\n`);
    }
  }
  if (args.format === 'json') {
    const body = args.files.length === 1 ? reports[0] : reports;
    if (body !== undefined) io.stdout(`${JSON.stringify(body, null, 2)}\n`);
  } else {
    io.stdout(reports.map((r) => formatText(r, args.lang)).join('\n'));
  }
  if (unreadable) return 2;
  return reports.some((r) => r.stats.errors > 0) ? 1 : 0;
}
