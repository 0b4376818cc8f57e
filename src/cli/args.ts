import type { Lang } from './i18n';

export interface Args {
  files: string[];
  format: 'text' | 'json';
  lang: Lang;
  output: string | null;
  flags: Set<string>;
}

/** Parses `<file>... [--format text|json] [--lang th|en] [-o out] [--flag]...`; a string is an error. */
export function parseArgs(args: string[], allowedFlags: string[] = []): Args | string {
  const out: Args = { files: [], format: 'text', lang: 'th', output: null, flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json') return `--format text|json (got ${v ?? 'nothing'})`;
      out.format = v;
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'th' && v !== 'en') return `--lang th|en (got ${v ?? 'nothing'})`;
      out.lang = v;
    } else if (flag === '-o' || flag === '--output') {
      const v = value();
      if (!v) return '-o needs a file name';
      out.output = v;
    } else if (allowedFlags.includes(flag)) out.flags.add(flag);
    else if (a.startsWith('-')) return `unknown option ${a}`;
    else out.files.push(a);
  }
  return out.files.length > 0 ? out : 'no file given';
}

/** The language asked for, for messages about the arguments themselves. */
export function langOf(argv: string[]): Lang {
  const at = argv.indexOf('--lang');
  return argv.includes('--lang=en') || (at >= 0 && argv[at + 1] === 'en') ? 'en' : 'th';
}
