import { readFile, stat } from 'node:fs/promises';
import type { WorkbookSnapshot } from '../snapshot';
import { READ_LIMITS, readWorkbookPackage, WorkbookReadError, type ReadOptions } from './package';

/**
 * Reads a workbook (.xlsx, .xlsm, .xltx, .xltm: a path, or its bytes) into a snapshot with the package reader.
 * Throws WorkbookReadError when the file is not a workbook it can read (with a th/en message), and the file
 * system's own errors (ENOENT, EISDIR) for a path that cannot be opened.
 */
export async function readXlsx(input: string | Uint8Array | ArrayBuffer, file?: string, options: Omit<ReadOptions, 'file'> = {}): Promise<WorkbookSnapshot> {
  const bytes = typeof input === 'string' ? await readWorkbookBytes(input, options) : input;
  return readWorkbookPackage(bytes, { ...options, ...(file !== undefined ? { file } : {}) }).snapshot;
}

/**
 * A workbook file's bytes, read once: the CLI builds the snapshot from them and patches the same bytes, so the
 * copy it writes is of exactly what it checked (and the file is not read twice).
 */
export async function readWorkbookBytes(path: string, options: Pick<ReadOptions, 'limits'> = {}): Promise<Uint8Array> {
  // A file larger than everything the reader would inflate cannot be a workbook it reads: do not load it.
  const allowed = options.limits?.inflatedBytes ?? READ_LIMITS.inflatedBytes;
  const { size } = await stat(path);
  if (size > allowed) throw WorkbookReadError.tooLarge({ limit: 'inflatedBytes', actual: size, allowed });
  return readFile(path);
}
