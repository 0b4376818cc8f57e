import { readFile, stat } from 'node:fs/promises';
import type { WorkbookSnapshot } from '../snapshot';
import { READ_LIMITS, readWorkbookPackage, WorkbookReadError, type ReadOptions } from './package';

/**
 * Reads a workbook (.xlsx, .xlsm, .xltx, .xltm: a path, or its bytes) into a snapshot with the package reader.
 * Throws WorkbookReadError when the file is not a workbook it can read (with a th/en message), and the file
 * system's own errors (ENOENT, EISDIR) for a path that cannot be opened.
 */
export async function readXlsx(input: string | Uint8Array | ArrayBuffer, file?: string, options: Omit<ReadOptions, 'file'> = {}): Promise<WorkbookSnapshot> {
  let bytes: Uint8Array | ArrayBuffer;
  if (typeof input === 'string') {
    // A file larger than everything the reader would inflate cannot be a workbook it reads: do not load it.
    const allowed = options.limits?.inflatedBytes ?? READ_LIMITS.inflatedBytes;
    const { size } = await stat(input);
    if (size > allowed) throw WorkbookReadError.tooLarge({ limit: 'inflatedBytes', actual: size, allowed });
    bytes = await readFile(input);
  } else bytes = input;
  return readWorkbookPackage(bytes, { ...options, ...(file !== undefined ? { file } : {}) }).snapshot;
}
