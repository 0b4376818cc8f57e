import { parseArgs, langOf } from './args';
import { catalogsOf, rulesList } from './catalogs';
import { check } from './check';
import { summarizeCombined } from './combine/command';
import { fix, summarize } from './fix';
import { T } from './i18n';
import { reason, type Io } from './io';
import { escapeField, escapeTerminal } from './safe-text';

export type { Io } from './io';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = (require('../../package.json') as { version: string }).version;

const FLAGS: Record<string, string[]> = {
  check: ['--summary'],
  fix: ['--numbers', '--totals', '--overwrite-conflicts', '--keep-formulas', '--force'],
  summarize: ['--force', '--combine'],
};

const HELP = ['--help', '-h', 'help'];

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const t = T[langOf(argv)];
  if (!command || HELP.includes(command) || (FLAGS[command] && rest.some((a) => HELP.includes(a)))) {
    io.stdout(`${t.usage}\n`);
    return command ? 0 : 2;
  }
  if (command === 'rules') {
    io.stdout(rulesList(langOf(argv)));
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const flags = FLAGS[command];
  if (!flags) {
    io.stderr(`${t.badArgs(escapeField(t.argError({ kind: 'unknown-command', command })))}\n${t.usage}\n`);
    return 2;
  }
  const args = parseArgs(rest, flags);
  if ('error' in args) {
    // The message quotes what was typed, which may be anything.
    io.stderr(`${t.badArgs(escapeField(t.argError(args.error)))}\n${t.usage}\n`);
    return 2;
  }
  const catalogs = catalogsOf(args.catalogs, args.lang);
  if (typeof catalogs === 'string') {
    io.stderr(`${catalogs}\n`);
    return 2;
  }
  if (command === 'check') return check(args, io, VERSION, catalogs);
  if (command === 'summarize' && args.flags.has('--combine')) return summarizeCombined(args, io, catalogs);
  return command === 'fix' ? fix(args, io, catalogs) : summarize(args, io, catalogs);
}

/** Runs the command line; returns the exit code (0 clean, 1 errors found, 2 unreadable input or bad usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  // Whatever reaches a terminal has its control characters made visible, as a net under the per-field escaping.
  const safe: Io = {
    ...io,
    stdout: (s) => io.stdout(escapeTerminal(s)),
    stderr: (s) => io.stderr(escapeTerminal(s)),
    // Raw: only the progress bar writes here, with its fields escaped (see progress.ts).
    status: io.status ?? io.stderr,
    debug: io.debug ?? process.env.PLANCHECK_DEBUG === '1',
  };
  // PLANCHECK_WORKERS=0 combines in one thread (a machine short of memory); unset, one worker per core, at most 4.
  const workers = /^\d{1,2}$/.test(process.env.PLANCHECK_WORKERS ?? '') ? Number(process.env.PLANCHECK_WORKERS) : undefined;
  if (safe.workers === undefined && workers !== undefined) safe.workers = workers;
  try {
    return await dispatch(argv, safe);
  } catch (e) {
    // A bug, not the user's doing: one sentence in their language; the stack only when asked for.
    safe.stderr(`${reason(e, langOf(argv), safe.debug)}\n`);
    return 2;
  }
}
