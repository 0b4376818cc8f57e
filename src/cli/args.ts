import type { Lang } from './i18n';

export interface Args {
  files: string[];
  format: 'text' | 'json';
  lang: Lang;
  output: string | null;
  flags: Set<string>;
  /** Extra plan-period catalogs (JSON files) to choose from besides the ones PlanCheck ships. */
  catalogs: string[];
}

/** What is wrong with the command line; i18n.ts says it in the user's language. */
export type ArgError =
  | { kind: 'format'; got: string | undefined }
  | { kind: 'lang'; got: string | undefined }
  | { kind: 'needs-output' }
  | { kind: 'needs-catalog' }
  | { kind: 'unknown-option'; option: string }
  | { kind: 'unknown-command'; command: string }
  | { kind: 'no-file' };

/** Parses `<file>... [--format text|json] [--lang th|en] [-o out] [--catalog file.json]... [--flag]...`. */
export function parseArgs(args: string[], allowedFlags: string[] = []): Args | { error: ArgError } {
  const out: Args = { files: [], format: 'text', lang: 'th', output: null, flags: new Set(), catalogs: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return { error: { kind: 'format', got: v } };
      out.format = v;
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'th' && v !== 'en') return { error: { kind: 'lang', got: v } };
      out.lang = v;
    } else if (flag === '-o' || flag === '--output') {
      const v = value();
      // `-o --lang en` forgot the name; a file really called "-x" can be given as ./-x.
      if (!v || (inline === undefined && v.startsWith('-'))) return { error: { kind: 'needs-output' } };
      out.output = v;
    } else if (flag === '--catalog') {
      const v = value();
      if (!v || (inline === undefined && v.startsWith('-'))) return { error: { kind: 'needs-catalog' } };
      out.catalogs.push(v);
    } else if (allowedFlags.includes(flag)) out.flags.add(flag);
    else if (a.startsWith('-')) return { error: { kind: 'unknown-option', option: a } };
    else out.files.push(a);
  }
  return out.files.length > 0 ? out : { error: { kind: 'no-file' } };
}

/** The language asked for, for messages about the arguments themselves (read before they are parsed). */
export function langOf(argv: string[]): Lang {
  const at = argv.indexOf('--lang');
  return argv.includes('--lang=en') || (at >= 0 && argv[at + 1] === 'en') ? 'en' : 'th';
}
