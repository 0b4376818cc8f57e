import { deflateSync, inflateSync } from 'fflate';
import { PatchError } from './errors';

/**
 * The zip container, read from its central directory and written back with every untouched entry's compressed
 * bytes copied as they were (no recompression): only the parts the patch edits are inflated and deflated.
 * Browser-safe (Uint8Array and DataView only).
 */
export interface ZipEntry {
  name: string;
  /** The raw name bytes (kept as they were, whatever their encoding). */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  versionNeeded: number;
  versionMadeBy: number;
  externalAttrs: number;
  /** Where the compressed data starts in the archive. */
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** No single part we inflate may be larger than this (the reader enforces the workbook's own limits). */
export const MAX_PART_BYTES = 512 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8');
const latin1 = (b: Uint8Array): string => Array.from(b, (c) => String.fromCharCode(c)).join('');

export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new PatchError('notZip');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new PatchError('zip64');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new PatchError('notZip');
    const flags = view.getUint16(p + 8, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw new PatchError('zip64');
    if (flags & 1) throw new PatchError('encrypted');
    const nameBytes = bytes.slice(p + 46, p + 46 + nameLength);
    if (localOffset + 30 > bytes.length || view.getUint32(localOffset, true) !== LOCAL) throw new PatchError('notZip');
    const dataOffset = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (dataOffset + compressedSize > bytes.length) throw new PatchError('notZip');
    entries.push({
      name: flags & 0x800 ? utf8.decode(nameBytes) : latin1(nameBytes),
      nameBytes,
      flags,
      method: view.getUint16(p + 10, true),
      time: view.getUint16(p + 12, true),
      date: view.getUint16(p + 14, true),
      crc: view.getUint32(p + 16, true),
      compressedSize,
      size,
      versionNeeded: view.getUint16(p + 6, true),
      versionMadeBy: view.getUint16(p + 4, true),
      externalAttrs: view.getUint32(p + 38, true),
      dataOffset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
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
  const raw = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
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
    let e: Omit<ZipEntry, 'dataOffset'>;
    let data: Uint8Array;
    if (o.kind === 'copy') {
      e = o.entry;
      data = source.subarray(o.entry.dataOffset, o.entry.dataOffset + o.entry.compressedSize);
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
