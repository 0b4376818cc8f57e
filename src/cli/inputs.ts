import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { expandPattern, isPattern } from './glob';

/**
 * What the file arguments name: a file as given, a folder's workbooks, or a pattern's matches. Nothing that
 * names no file is dropped silently: it becomes an entry the command reports (and exits 2 for).
 */
export type Input =
  /** `named`: given as such; else found in a folder or by a pattern. */
  | { kind: 'file'; path: string; named: boolean }
  /** A folder with no workbook in it, or a pattern that matches no file. */
  | { kind: 'nothing'; arg: string; folder: boolean }
  /** A folder that could not be listed (no permission…); `error` is the system's. */
  | { kind: 'unlisted'; arg: string; error: unknown };

export interface Inputs {
  entries: Input[];
  /** More than one file could come of the arguments (several, or a folder or pattern): JSON is then an array. */
  many: boolean;
}

/** The workbooks a folder holds: .xlsx and .xlsm, as `check DIR` reads them (not the folders inside it). */
const WORKBOOK = /\.(xlsx|xlsm)$/i;
/** The browser's download of `name.xlsx` is `name.ตรวจแล้ว.xlsx` (file-host.ts): a copy of ours beside its original. */
const CHECKED_COPY = /^(.*)\.ตรวจแล้ว(\.[^.]+)$/u;

/**
 * Files a folder or a pattern should not bring in: Excel's lock files (`~$plan.xlsx`, a few bytes naming who has
 * the workbook open), hidden files (macOS `._plan.xlsx` resource forks, our own temporary outputs), and a copy
 * the browser mode downloaded next to the workbook it was made from (checking both would count one plan twice).
 * A file named on its own is never skipped.
 */
export function skipped(path: string, siblings: ReadonlySet<string>): boolean {
  const name = basename(path);
  if (name.startsWith('~$') || name.startsWith('.')) return true;
  const copy = CHECKED_COPY.exec(name);
  return copy !== null && siblings.has(`${copy[1]}${copy[2]}`.normalize('NFC'));
}

const namesIn = (paths: string[], dir: string): Set<string> =>
  new Set(paths.filter((p) => dirname(p) === dir).map((p) => basename(p).normalize('NFC')));

function folderFiles(dir: string): string[] {
  const files = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => WORKBOOK.test(d.name) && (d.isFile() || (d.isSymbolicLink() && (fs.statSync(join(dir, d.name), { throwIfNoEntry: false })?.isFile() ?? false))))
    .map((d) => join(dir, d.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const names = new Set(files.map((f) => basename(f).normalize('NFC')));
  return files.filter((f) => !skipped(f, names));
}

function patternFiles(pattern: string): string[] {
  const files = expandPattern(pattern);
  return files.filter((f) => !skipped(f, namesIn(files, dirname(f))));
}

const isDirectory = (p: string): boolean => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
const exists = (p: string): boolean => fs.lstatSync(p, { throwIfNoEntry: false }) !== undefined;

/** The arguments' files in order, each once (a file named twice, or by a folder and a pattern, is read once). */
export function expandInputs(args: readonly string[]): Inputs {
  const entries: Input[] = [];
  const seen = new Map<string, Extract<Input, { kind: 'file' }>>();
  let many = args.length > 1;
  const add = (path: string, named: boolean): void => {
    const key = resolve(path);
    const known = seen.get(key);
    // Found by a folder and also named: it counts as named.
    if (known) known.named ||= named;
    else {
      const entry = { kind: 'file' as const, path, named };
      seen.set(key, entry);
      entries.push(entry);
    }
  };
  for (const arg of args) {
    let files: string[];
    let named = false;
    if (isDirectory(arg)) {
      many = true;
      try {
        files = folderFiles(arg);
      } catch (error) {
        entries.push({ kind: 'unlisted', arg, error });
        continue;
      }
      if (files.length === 0) entries.push({ kind: 'nothing', arg, folder: true });
    } else if (isPattern(arg) && !exists(arg)) {
      many = true;
      files = patternFiles(arg);
      if (files.length === 0) entries.push({ kind: 'nothing', arg, folder: false });
    } else {
      files = [arg];
      named = true;
    }
    for (const f of files) add(f, named);
  }
  return { entries, many };
}

/** Just the files (for commands that report the rest themselves). */
export const filesOf = (inputs: Inputs): string[] => inputs.entries.flatMap((e) => (e.kind === 'file' ? [e.path] : []));
