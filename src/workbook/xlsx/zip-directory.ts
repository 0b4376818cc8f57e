/**
 * A zip's central directory, read once the same way for the package reader (which inflates only the parts a
 * snapshot needs) and for the patcher (which copies every untouched entry's compressed bytes as they were), so
 * the two never disagree about what a file holds. Browser-safe: Uint8Array and DataView only.
 */

/** One entry of the central directory, with everything a byte-for-byte copy needs. */
export interface ZipEntry {
  /** The name as stored, with "\" read as "/" and no leading "/" ("xl/workbook.xml"). */
  name: string;
  /** The raw name bytes (a copy keeps them as they were, whatever their encoding). */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  /** The inflated size the directory declares (a hostile file may lie: readers check while inflating). */
  size: number;
  versionNeeded: number;
  versionMadeBy: number;
  externalAttrs: number;
  localOffset: number;
  /** Its sizes or offset needed the zip64 extra field (the patcher cannot write those back). */
  zip64: boolean;
}

/** Why the directory cannot be read: no end record, offsets past the end of the bytes, or records that are not. */
export type ZipFault = 'truncated' | 'corrupt';

export class ZipDirectoryError extends Error {
  constructor(
    readonly fault: ZipFault,
    readonly detail: string,
  ) {
    super(`${fault}: ${detail}`);
    this.name = 'ZipDirectoryError';
  }
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

const utf8 = new TextDecoder('utf-8');

/** Whether the bytes start like a zip (a local file header, or the end record of an empty zip). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6) || (b[2] === 7 && b[3] === 8));
}

/** The central directory's entries, in their stored order. Throws ZipDirectoryError. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw new ZipDirectoryError('truncated', 'no end of central directory record');
  let count = view.getUint16(end + 10, true);
  let dirSize = view.getUint32(end + 12, true);
  let dirOffset = view.getUint32(end + 16, true);
  if (count === 0xffff || dirSize === MAX32 || dirOffset === MAX32) {
    const locator = end - 20;
    if (locator >= 0 && view.getUint32(locator, true) === EOCD64_LOCATOR) {
      const at = safeNumber(view.getBigUint64(locator + 8, true));
      if (at + 56 > bytes.length || view.getUint32(at, true) !== EOCD64) throw new ZipDirectoryError('corrupt', 'zip64 end record');
      count = safeNumber(view.getBigUint64(at + 32, true));
      dirSize = safeNumber(view.getBigUint64(at + 40, true));
      dirOffset = safeNumber(view.getBigUint64(at + 48, true));
    }
  }
  if (dirOffset + dirSize > bytes.length) throw new ZipDirectoryError('truncated', 'central directory past the end of the file');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new ZipDirectoryError('corrupt', 'zip central directory');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const nameBytes = bytes.slice(p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: utf8.decode(nameBytes).replace(/\\/g, '/').replace(/^\/+/, ''),
      nameBytes,
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      time: view.getUint16(p + 12, true),
      date: view.getUint16(p + 14, true),
      crc: view.getUint32(p + 16, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      versionNeeded: view.getUint16(p + 6, true),
      versionMadeBy: view.getUint16(p + 4, true),
      externalAttrs: view.getUint32(p + 38, true),
      localOffset: view.getUint32(p + 42, true),
      zip64: false,
    };
    readZip64Extra(view, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's compressed bytes, after its local header (checked to be one and to fit in the file). */
export function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = e.localOffset;
  if (at + 30 > bytes.length) throw new ZipDirectoryError('truncated', `zip entry ${e.name}`);
  if (view.getUint32(at, true) !== LOCAL) throw new ZipDirectoryError('corrupt', `zip entry ${e.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + e.compressedSize > bytes.length) throw new ZipDirectoryError('truncated', `zip entry ${e.name}`);
  return bytes.subarray(start, start + e.compressedSize);
}

/** The end-of-central-directory record: the last 22 bytes, or earlier when the zip has a comment. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let p = last; p >= 0 && p >= last - 0xffff; p--) {
    if (view.getUint32(p, true) === EOCD && p + 22 + view.getUint16(p + 20, true) <= view.byteLength) return p;
  }
  return -1;
}

/** Zip64 stores sizes and offsets that overflow 32 bits in an extra field, in this order, only when needed. */
function readZip64Extra(view: DataView, start: number, length: number, e: ZipEntry): void {
  for (let p = start; p + 4 <= start + length; ) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        const v = q + 8 <= p + 4 + size ? safeNumber(view.getBigUint64(q, true)) : 0;
        q += 8;
        return v;
      };
      if (e.size === MAX32) e.size = next();
      if (e.compressedSize === MAX32) e.compressedSize = next();
      if (e.localOffset === MAX32) e.localOffset = next();
      e.zip64 = true;
      return;
    }
    p += 4 + size;
  }
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipDirectoryError('corrupt', 'zip64 size out of range');
  return Number(n);
}
