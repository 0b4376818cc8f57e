import { deflateSync, inflateSync } from 'fflate';
import { ZipDirectoryError, entryData, readZipDirectory, type ZipEntry } from '../zip-directory';
import { PatchError } from './errors';

/**
 * The zip container, read from its central directory (zip-directory.ts, shared with the reader) and written back
 * with every untouched entry's compressed bytes copied as they were (no recompression): only the parts the patch
 * edits are inflated and deflated. Browser-safe (Uint8Array and DataView only).
 */
export type { ZipEntry } from '../zip-directory';

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD = 0x06054b50;
const MAX32 = 0xffffffff;
/** No single part we inflate may be larger than this (the reader enforces the workbook's own limits). */
export const MAX_PART_BYTES = 512 * 1024 * 1024;

/** The entries to patch; what this writer cannot write back (zip64, encryption) is refused before any work. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes);
  } catch (e) {
    if (e instanceof ZipDirectoryError) throw new PatchError('notZip');
    throw e;
  }
  if (entries.length > 0xfffe) throw new PatchError('zip64');
  for (const e of entries) {
    if (e.zip64 || e.compressedSize === MAX32 || e.size === MAX32 || e.localOffset === MAX32) throw new PatchError('zip64');
    if (e.flags & 1) throw new PatchError('encrypted');
    // Every entry is copied from its data: one that does not fit in the file is refused now, not while writing.
    dataOf(bytes, e);
  }
  return entries;
}

function dataOf(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  try {
    return entryData(bytes, e);
  } catch (err) {
    if (err instanceof ZipDirectoryError) throw new PatchError('notZip');
    throw err;
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The entry's uncompressed content, checked against its declared size and CRC. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  if (e.size > MAX_PART_BYTES) throw new PatchError('tooLarge', e.name);
  const raw = dataOf(bytes, e);
  let out: Uint8Array;
  if (e.method === 0) out = raw.slice();
  else if (e.method === 8) {
    try {
      out = inflateSync(raw, { out: new Uint8Array(e.size) });
    } catch {
      throw new PatchError('corrupt', e.name);
    }
  } else throw new PatchError('method', e.name);
  if (out.length !== e.size || crc32(out) !== e.crc) throw new PatchError('corrupt', e.name);
  return out;
}

/** What goes into the new archive: an original entry copied raw, or new content. */
export type OutEntry = { kind: 'copy'; entry: ZipEntry } | { kind: 'new'; name: string; data: Uint8Array; time: number; date: number };

/** Writes a zip: copied entries keep their compressed bytes, CRC, sizes, times and attributes. */
export function writeZip(source: Uint8Array, out: OutEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const o of out) {
    let e: Omit<ZipEntry, 'localOffset' | 'zip64'>;
    let data: Uint8Array;
    if (o.kind === 'copy') {
      e = o.entry;
      data = dataOf(source, o.entry);
    } else {
      const nameBytes = enc.encode(o.name);
      data = deflateSync(o.data, { level: 6 });
      e = {
        name: o.name, nameBytes, flags: 0x800, method: 8, time: o.time, date: o.date, crc: crc32(o.data),
        compressedSize: data.length, size: o.data.length, versionNeeded: 20, versionMadeBy: 20, externalAttrs: 0,
      };
    }
    // The sizes go into the local header, so no data descriptor follows (bit 3 cleared).
    const flags = e.flags & ~0x8;
    const local = new Uint8Array(30 + e.nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, LOCAL, true);
    lv.setUint16(4, e.versionNeeded, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, e.method, true);
    lv.setUint16(10, e.time, true);
    lv.setUint16(12, e.date, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.compressedSize, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, e.nameBytes.length, true);
    local.set(e.nameBytes, 30);
    const dir = new Uint8Array(46 + e.nameBytes.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, CENTRAL, true);
    dv.setUint16(4, e.versionMadeBy, true);
    dv.setUint16(6, e.versionNeeded, true);
    dv.setUint16(8, flags, true);
    dv.setUint16(10, e.method, true);
    dv.setUint16(12, e.time, true);
    dv.setUint16(14, e.date, true);
    dv.setUint32(16, e.crc, true);
    dv.setUint32(20, e.compressedSize, true);
    dv.setUint32(24, e.size, true);
    dv.setUint16(28, e.nameBytes.length, true);
    dv.setUint32(38, e.externalAttrs, true);
    dv.setUint32(42, offset, true);
    dir.set(e.nameBytes, 46);
    chunks.push(local, data);
    central.push(dir);
    offset += local.length + data.length;
    if (offset > 0xffffffff) throw new PatchError('zip64');
  }
  if (out.length > 0xfffe) throw new PatchError('zip64');
  const dirSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, EOCD, true);
  ev.setUint16(8, out.length, true);
  ev.setUint16(10, out.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const result = new Uint8Array(offset + dirSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, end]) {
    result.set(c, p);
    p += c.length;
  }
  return result;
}
