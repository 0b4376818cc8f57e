import { basename } from 'node:path';
import { analyze } from '../domain/analyze';
import { toReport, type Report } from '../domain/report';
import { readXlsx } from '../workbook/xlsx/read';
import { formatText } from './format-text';
import { T, type Lang } from './i18n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = (require('../../package.json') as { version: string }).version;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

interface CheckArgs {
  files: string[];
  format: 'text' | 'json';
  lang: Lang;
}

function parseArgs(args: string[]): CheckArgs | string {
  const out: CheckArgs = { files: [], format: 'text', lang: 'th' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (flag === '--format' || flag === '--lang') {
      const v = inline ?? args[++i];
      if (flag === '--format') {
        if (v !== 'text' && v !== 'json') return `--format text|json (got ${v ?? 'nothing'})`;
        out.format = v;
      } else {
        if (v !== 'th' && v !== 'en') return `--lang th|en (got ${v ?? 'nothing'})`;
        out.lang = v;
      }
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else out.files.push(a);
  }
  return out.files.length > 0 ? out : 'no file given';
}

async function checkFile(file: string): Promise<Report> {
  const snapshot = await readXlsx(file, basename(file));
  return toReport(analyze(snapshot), basename(file), VERSION);
}

function reason(e: unknown, lang: Lang): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT' || (e instanceof Error && /^File not found/.test(e.message))) return T[lang].missing;
  if (code === 'EISDIR') return T[lang].notXlsx;
  const msg = e instanceof Error ? e.message : String(e);
  return /zip|central directory|signature|end of data/i.test(msg) ? T[lang].notXlsx : msg;
}

/** Runs the command line; returns the exit code (0 clean, 1 errors found, 2 unreadable input or bad usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const langAt = argv.indexOf('--lang');
  const langGuess: Lang = argv.includes('--lang=en') || (langAt >= 0 && argv[langAt + 1] === 'en') ? 'en' : 'th';
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${T[langGuess].usage}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (command !== 'check') {
    io.stderr(`${T[langGuess].badArgs(`unknown command ${command}`)}\n${T[langGuess].usage}\n`);
    return 2;
  }
  const args = parseArgs(rest);
  if (typeof args === 'string') {
    io.stderr(`${T[langGuess].badArgs(args)}\n${T[langGuess].usage}\n`);
    return 2;
  }
  const reports: Report[] = [];
  let unreadable = false;
  for (const file of args.files) {
    try {
      reports.push(await checkFile(file));
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
