import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Whether two paths name one file. Names deceive: `./a.xlsx`, a hard link, a symbolic link, a linked folder, and on
 * a file system that ignores case (Windows, macOS by default) `PLAN.XLSX` for `plan.xlsx` are all the same bytes.
 */

/** What identity needs to know about a file: where it lives (device, inode; inode 0 = the system does not say). */
export interface FileNode {
  dev: bigint;
  ino: bigint;
  isDirectory: () => boolean;
}

/** The lookups identity makes; a test can stand in a file system this machine does not have. */
export interface Lookup {
  /** Following symbolic links; null when nothing is there. */
  stat: (path: string) => FileNode | null;
  realpath: (path: string) => string;
}

/** A file's status, or null where there is none (a missing name, or a path through something not a folder). */
function status(p: string, follow: boolean): fs.BigIntStats | null {
  try {
    return (follow ? fs.statSync : fs.lstatSync)(p, { bigint: true, throwIfNoEntry: false }) ?? null;
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOTDIR') return null;
    throw e;
  }
}
export const stat = (p: string): fs.BigIntStats | null => status(p, true);
export const lstat = (p: string): fs.BigIntStats | null => status(p, false);

const NODE_LOOKUP: Lookup = { stat, realpath: (p) => fs.realpathSync.native(p) };

const sameNode = (a: FileNode, b: FileNode): boolean => a.ino !== 0n && a.dev === b.dev && a.ino === b.ino;

const fold = (name: string): string => name.normalize('NFC').toLowerCase();
const swapCase = (name: string): string =>
  [...name].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');

/**
 * Whether a folder ignores letter case: its file `name` with every letter's case swapped is found, and is that
 * file (or, where inodes say nothing, is found at all: a case-sensitive folder rarely holds both spellings).
 */
function ignoresCase(dir: string, name: string, file: FileNode, look: Lookup): boolean {
  const swapped = swapCase(name);
  if (swapped === name) return false;
  const other = look.stat(join(dir, swapped));
  return other !== null && (sameNode(other, file) || file.ino === 0n);
}

/** Whether writing `output` would write over `input`. */
export function isSameFile(input: string, output: string, look: Lookup = NODE_LOOKUP): boolean {
  const a = resolve(input);
  const b = resolve(output);
  if (a === b) return true;
  const inFile = look.stat(a);
  if (!inFile) return false; // no input: nothing to protect, and the reader will say it is missing
  const outFile = look.stat(b);
  if (outFile && sameNode(inFile, outFile)) return true; // hard links, symbolic links, case variants
  // Where inodes say nothing (some network and FAT file systems), compare real paths, case-folded in a folder
  // that ignores case. The folders are compared as files too: real paths need not agree on letter case.
  const outDir = look.stat(dirname(b));
  if (!outDir) return false;
  const realIn = look.realpath(a);
  const realOut = join(look.realpath(dirname(b)), basename(b));
  if (realIn === realOut) return true;
  const inDir = look.stat(dirname(realIn));
  const sameDir = dirname(realIn) === dirname(realOut) || (inDir !== null && sameNode(inDir, outDir));
  if (!sameDir || fold(basename(realIn)) !== fold(basename(realOut))) return false;
  return ignoresCase(dirname(realIn), basename(realIn), inFile, look);
}
