import { readFileSync } from 'node:fs';
import type { Action } from '../../domain';
import { patchXlsx } from './patch';

/**
 * A copy of the workbook with the actions applied, as .xlsx bytes: the package patcher edits only the parts
 * and cells the actions name and copies everything else byte for byte. The input is never written.
 */
export async function applyToXlsx(input: string | Uint8Array | ArrayBuffer, actions: Action[]): Promise<Buffer> {
  const bytes = typeof input === 'string' ? readFileSync(input) : input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  const out = patchXlsx(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), actions).bytes;
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
