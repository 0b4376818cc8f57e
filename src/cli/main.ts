import { parseArgs, langOf } from './args';
import { check } from './check';
import { fix, summarize } from './fix';
import { T } from './i18n';
import type { Io } from './io';

export type { Io } from './io';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const VERSION: string = (require('../../package.json') as { version: string }).version;

const FLAGS: Record<string, string[]> = {
  check: [],
  fix: ['--numbers', '--totals', '--overwrite-conflicts'],
  summarize: [],
};

/** Runs the command line; returns the exit code (0 clean, 1 errors found, 2 unreadable input or bad usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const lang = langOf(argv);
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(`${T[lang].usage}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const flags = FLAGS[command];
  if (!flags) {
    io.stderr(`${T[lang].badArgs(`unknown command ${command}`)}\n${T[lang].usage}\n`);
    return 2;
  }
  const args = parseArgs(rest, flags);
  if (typeof args === 'string') {
    io.stderr(`${T[lang].badArgs(args)}\n${T[lang].usage}\n`);
    return 2;
  }
  if (command === 'check') return check(args, io, VERSION);
  return command === 'fix' ? fix(args, io) : summarize(args, io);
}
