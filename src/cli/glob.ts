import * as fs from 'node:fs';
import * as nodePath from 'node:path';

/**
 * The CLI's own file patterns: `*` (any run of characters in one name), `?` (one character) and `**` (any number
 * of folders, none included). Shells on Windows pass `*.xlsx` through unexpanded and Node 20 has no stable
 * fs.glob, so `plancheck check "plans/**\/*.xlsx"` is expanded here, the same on every system. The installed
 * matchers (picomatch, minimatch) are only there for the development tools, not for the installed program.
 */

export const isPattern = (arg: string): boolean => /[*?]/.test(arg);

/** The files a directory listing needs: names and whether each is a folder (a test can stand in a file system). */
export interface Listing {
  readdir: (dir: string) => { name: string; isDirectory: boolean; isFile: boolean }[];
}

const NODE_LISTING: Listing = {
  readdir: (dir) =>
    fs.readdirSync(dir, { withFileTypes: true }).map((d) => {
      // A symbolic link counts as what it points to; `**` does not follow links into folders (no loops).
      let isFile = d.isFile();
      if (d.isSymbolicLink()) {
        const s = fs.statSync(nodePath.join(dir, d.name), { throwIfNoEntry: false });
        isFile = s?.isFile() ?? false;
      }
      return { name: d.name, isDirectory: d.isDirectory(), isFile };
    }),
};

/** One name's pattern as a regular expression; a name starting with "." matches only a pattern that does. */
export function segmentRegExp(segment: string, ignoreCase: boolean): RegExp {
  const body = [...segment].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${segment.startsWith('.') ? '' : '(?!\\.)'}${body}$`, `su${ignoreCase ? 'i' : ''}`);
}

/**
 * Every file the pattern names, sorted, as paths spelt from the pattern's own fixed part (a relative pattern
 * gives relative paths). Folders that cannot be listed are passed over; a pattern that names nothing gives [].
 */
export function expandPattern(pattern: string, options: { listing?: Listing; path?: nodePath.PlatformPath } = {}): string[] {
  const path = options.path ?? nodePath;
  const listing = options.listing ?? NODE_LISTING;
  const windows = path.sep === '\\';
  const root = path.parse(pattern).root;
  const segments = pattern.slice(root.length).split(windows ? /[\\/]+/ : /\/+/).filter((s) => s !== '' && s !== '.');
  const out: string[] = [];
  const list = (dir: string): ReturnType<Listing['readdir']> => {
    try {
      return listing.readdir(dir === '' ? '.' : dir);
    } catch {
      return [];
    }
  };
  const walk = (dir: string, at: number): void => {
    const seg = segments[at];
    if (seg === undefined) return;
    const last = at === segments.length - 1;
    if (seg === '**') {
      if (last) return walkAll(dir);
      walk(dir, at + 1);
      for (const e of list(dir)) if (e.isDirectory && !e.name.startsWith('.')) walk(path.join(dir, e.name), at);
      return;
    }
    if (!isPattern(seg)) {
      const next = dir === '' ? seg : path.join(dir, seg);
      if (last) {
        if (list(dir).some((e) => e.isFile && e.name === seg)) out.push(next);
      } else walk(next, at + 1);
      return;
    }
    const re = segmentRegExp(seg, windows);
    for (const e of list(dir)) {
      if (!re.test(e.name)) continue;
      const next = dir === '' ? e.name : path.join(dir, e.name);
      if (last) {
        if (e.isFile) out.push(next);
      } else if (e.isDirectory) walk(next, at + 1);
    }
  };
  // A trailing `**` means every file below, at any depth.
  const walkAll = (dir: string): void => {
    for (const e of list(dir)) {
      const next = dir === '' ? e.name : path.join(dir, e.name);
      if (e.name.startsWith('.')) continue;
      if (e.isFile) out.push(next);
      else if (e.isDirectory) walkAll(next);
    }
  };
  walk(root, 0);
  // `**` can reach one file along two ways (`a/**/**/b`): each file once, in code-point order.
  return [...new Set(out)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
