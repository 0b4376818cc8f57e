import { Inflate } from 'fflate';
import { WorkbookReadError } from './errors';

/** One file in the zip, as its central directory describes it. */
export interface ZipEntry {
  /** The name as stored ("xl/workbook.xml"). */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** The inflated size the directory declares (a hostile file may lie; see `ZipArchive.read`). */
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes given to the inflater at a time: deflate expands at most ~1032×, so one push yields ≤ 17 MB. */
const STEP = 16 * 1024;
/** Slices of a stored (uncompressed) entry given to the sink at a time. */
const OUT_STEP = 256 * 1024;

/** Whether the bytes start like a zip (a local file header, or the end record of an empty zip). */
export function looksLikeZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6) || (b[2] === 7 && b[3] === 8));
}

const utf8 = new TextDecoder('utf-8');

/**
 * A zip read from its central directory, inflating only the entries asked for, each streamed in bounded
 * chunks and counted against one budget of inflated bytes.
 */
export class ZipArchive {
  /** Entries by lower-cased name: OPC part names are case-insensitive. */
  private readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    /** The budget of inflated bytes for everything read from this archive. */
    readonly budget: number,
    /** The longest run of characters between two tags the XML parts may have (see READ_LIMITS.textRun). */
    readonly textRun: number = Infinity,
  ) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const end = findEndRecord(view);
    if (end < 0) throw WorkbookReadError.of('truncated');
    let count = view.getUint16(end + 10, true);
    let dirSize = view.getUint32(end + 12, true);
    let dirOffset = view.getUint32(end + 16, true);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locator = end - 20;
      if (locator >= 0 && view.getUint32(locator, true) === EOCD64_LOCATOR) {
        const at = safeNumber(view.getBigUint64(locator + 8, true));
        if (at + 56 > bytes.length || view.getUint32(at, true) !== EOCD64) throw WorkbookReadError.corrupt('zip64 end record');
        count = safeNumber(view.getBigUint64(at + 32, true));
        dirSize = safeNumber(view.getBigUint64(at + 40, true));
        dirOffset = safeNumber(view.getBigUint64(at + 48, true));
      }
    }
    if (dirOffset + dirSize > bytes.length) throw WorkbookReadError.of('truncated');
    let p = dirOffset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw WorkbookReadError.corrupt('zip central directory');
      const nameLength = view.getUint16(p + 28, true);
      const extraLength = view.getUint16(p + 30, true);
      const commentLength = view.getUint16(p + 32, true);
      const entry: ZipEntry = {
        name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/\\/g, '/').replace(/^\/+/, ''),
        flags: view.getUint16(p + 8, true),
        method: view.getUint16(p + 10, true),
        compressedSize: view.getUint32(p + 20, true),
        size: view.getUint32(p + 24, true),
        localOffset: view.getUint32(p + 42, true),
      };
      readZip64Extra(view, p + 46 + nameLength, extraLength, entry);
      this.entries.set(entry.name.toLowerCase(), entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\/+/, '').toLowerCase());
  }

  get names(): string[] {
    return [...this.entries.values()].map((e) => e.name);
  }

  /** Bytes inflated so far. */
  get used(): number {
    return this.inflated;
  }

  /**
   * Streams an entry's inflated bytes to `sink` in chunks. Refuses, before inflating anything, an entry whose
   * declared size does not fit in what is left of the budget; while inflating, refuses one that grows past
   * its declared size (a lying directory), so no entry ever costs more than the budget.
   */
  read(name: string, sink: (chunk: Uint8Array) => void): void {
    const e = this.entry(name);
    if (!e) throw WorkbookReadError.corrupt(`missing part ${name}`);
    if (e.flags & 1) throw WorkbookReadError.unsupported('zip encryption');
    if (this.inflated + e.size > this.budget) {
      throw WorkbookReadError.tooLarge({ limit: 'inflatedBytes', actual: this.inflated + e.size, allowed: this.budget });
    }
    const data = this.dataOf(e);
    let produced = 0;
    const take = (chunk: Uint8Array): void => {
      produced += chunk.length;
      this.inflated += chunk.length;
      if (produced > e.size) throw WorkbookReadError.corrupt(`${e.name} inflates beyond the size its zip directory declares`);
      if (this.inflated > this.budget) throw WorkbookReadError.tooLarge({ limit: 'inflatedBytes', actual: this.inflated, allowed: this.budget });
      if (chunk.length > 0) sink(chunk);
    };
    // A stored part goes to the sink in slices too, so that no chunk is ever a whole large sheet.
    if (e.method === 0) for (let o = 0; o < data.length; o += OUT_STEP) take(data.subarray(o, o + OUT_STEP));
    else if (e.method === 8) {
      const inflater = new Inflate((chunk) => take(chunk));
      try {
        if (data.length === 0) inflater.push(new Uint8Array(0), true);
        for (let o = 0; o < data.length; o += STEP) inflater.push(data.subarray(o, Math.min(o + STEP, data.length)), o + STEP >= data.length);
      } catch (err) {
        if (err instanceof WorkbookReadError) throw err;
        throw WorkbookReadError.corrupt(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    } else throw WorkbookReadError.unsupported(`compression method ${e.method}`);
    if (produced !== e.size) throw WorkbookReadError.corrupt(`${e.name} is shorter than its zip directory declares`);
  }

  /** A whole entry's bytes (for the small parts: relationships, content types, mimetype). */
  readBytes(name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    this.read(name, (c) => chunks.push(c));
    if (chunks.length === 1) return chunks[0] as Uint8Array;
    const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  private dataOf(e: ZipEntry): Uint8Array {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = e.localOffset;
    if (at + 30 > this.bytes.length) throw WorkbookReadError.of('truncated');
    if (view.getUint32(at, true) !== LOCAL) throw WorkbookReadError.corrupt(`zip entry ${e.name}`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + e.compressedSize > this.bytes.length) throw WorkbookReadError.of('truncated');
    return this.bytes.subarray(start, start + e.compressedSize);
  }
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
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localOffset === 0xffffffff) e.localOffset = next();
      return;
    }
    p += 4 + size;
  }
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw WorkbookReadError.corrupt('zip64 size out of range');
  return Number(n);
}
