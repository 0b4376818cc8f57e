import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isSameFile, lstat, stat } from './identity';

/**
 * Writing an output safely. Two promises: the input is never the output, however it is spelled (another path,
 * a hard or symbolic link, other letter case where the file system ignores case); and the previous file at the
 * output path is either left as it was or replaced whole, never truncated or half-written, even if the process
 * is killed (the new bytes go to a temporary file in the same folder, are flushed to the disk, and only then take
 * the output's name in one rename, which the file system performs atomically). A symbolic link at the output is
 * itself replaced; the file it pointed to is left as it was.
 */

/** The file system calls `writeAtomic` makes, so a test can make one fail. */
export interface WriteOps {
  openSync: (path: string, flags: string, mode?: number) => number;
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fsyncSync: (fd: number) => void;
  fchmodSync: (fd: number, mode: number) => void;
  closeSync: (fd: number) => void;
  renameSync: (from: string, to: string) => void;
  linkSync: (existing: string, created: string) => void;
  unlinkSync: (path: string) => void;
  lstatSync: (path: string) => { mode: number };
}

const NODE_OPS: WriteOps = {
  openSync: (p, f, m) => fs.openSync(p, f, m),
  writeSync: (fd, d, o, l) => fs.writeSync(fd, d, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  fchmodSync: (fd, m) => fs.fchmodSync(fd, m),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  linkSync: (a, b) => fs.linkSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
  lstatSync: (p) => fs.lstatSync(p),
};

/** The write is chunked so that a large workbook does not need one huge system call. */
const CHUNK = 64 * 1024;

export type OutputProblem = 'same-file' | 'exists' | 'is-dir' | 'missing-dir' | 'not-dir';

/** What stops `output` from being written, found before any work is done; null when nothing does. */
export function outputProblem(input: string, output: string, force: boolean): OutputProblem | null {
  if (isSameFile(input, output)) return 'same-file';
  const folder = stat(dirname(resolve(output)));
  if (!folder) return 'missing-dir';
  if (!folder.isDirectory()) return 'not-dir';
  const existing = stat(output);
  if (existing?.isDirectory()) return 'is-dir';
  // lstat: a dangling symbolic link is still something the user has at that name.
  if (!force && (existing || lstat(output))) return 'exists';
  return null;
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EINVAL']);

const existsError = (path: string): Error =>
  Object.assign(new Error(`EEXIST: file already exists, '${path}'`), { code: 'EEXIST', path });

/**
 * Gives the finished temporary file the output's name. Replacing: one rename. Not replacing: a hard link, which
 * fails rather than replace a file that appeared since we looked; where the file system has no hard links, a
 * last look and a rename.
 */
function publish(temp: string, path: string, replace: boolean, ops: WriteOps): void {
  if (replace) return ops.renameSync(temp, path);
  try {
    ops.linkSync(temp, path);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code === 'EEXIST') throw existsError(path);
    if (!NO_HARD_LINKS.has(code)) throw e;
    if (lstat(path)) throw existsError(path);
    return ops.renameSync(temp, path);
  }
  try {
    ops.unlinkSync(temp);
  } catch {
    // The output is complete; a leftover second name for it is harmless.
  }
}

/** Makes a rename durable: on Linux the folder's entry is flushed separately. Not possible everywhere (Windows). */
function syncFolder(dir: string, ops: WriteOps): void {
  let fd: number | undefined;
  try {
    fd = ops.openSync(dir, 'r');
    ops.fsyncSync(fd);
  } catch {
    // The file itself is flushed; only the rename's durability across a power cut is at stake.
  } finally {
    if (fd !== undefined) ops.closeSync(fd);
  }
}

/**
 * The temporary file's name: hidden, next to the output, unique to this process and this call, and short enough
 * for any output name that fits (Thai letters are 3 bytes each against a file system's 255).
 */
export function tempName(path: string): string {
  const stem = [...basename(path)].slice(0, 40).join('');
  return join(dirname(resolve(path)), `.${stem}.${process.pid}-${randomBytes(4).toString('hex')}.plancheck-tmp`);
}

/**
 * Writes `data` to `path` through a flushed temporary file in the same folder. On any error the temporary file is
 * removed and whatever was at `path` is untouched. `replace: false` refuses (EEXIST) to replace an existing file.
 */
export function writeAtomic(path: string, data: Uint8Array, options: { replace: boolean; ops?: Partial<WriteOps> }): void {
  const ops: WriteOps = { ...NODE_OPS, ...options.ops };
  const temp = tempName(path);
  // 'wx': never open an existing file, so a guessed temporary name cannot be a trap.
  let fd: number | undefined = ops.openSync(temp, 'wx', 0o666);
  try {
    if (options.replace) keepMode(path, fd, ops);
    for (let at = 0; at < data.length; ) at += ops.writeSync(fd, data, at, Math.min(CHUNK, data.length - at));
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = undefined;
    publish(temp, path, options.replace, ops);
  } catch (e) {
    if (fd !== undefined) {
      try {
        ops.closeSync(fd);
      } catch {
        // Already failing; the original error is the one to report.
      }
    }
    try {
      ops.unlinkSync(temp);
    } catch {
      // Nothing was created, or it is already gone.
    }
    throw e;
  }
  syncFolder(dirname(resolve(path)), ops);
}

/** A replaced output keeps its permission bits (a file shared read-only with a group stays so). */
function keepMode(path: string, fd: number, ops: WriteOps): void {
  let mode: number;
  try {
    mode = ops.lstatSync(path).mode;
  } catch {
    return; // nothing there yet
  }
  if ((mode & fs.constants.S_IFMT) === fs.constants.S_IFREG) ops.fchmodSync(fd, mode & 0o7777);
}
