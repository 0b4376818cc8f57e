import { Inflate } from 'fflate';
import { ZipDirectoryError, entryData, readZipDirectory, type ZipEntry } from '../zip-directory';
import { WorkbookReadError } from './errors';

export type { ZipEntry } from '../zip-directory';
export { looksLikeZip } from '../zip-directory';

/** Compressed bytes given to the inflater at a time: deflate expands at most ~1032×, so one push yields ≤ 17 MB. */
const STEP = 16 * 1024;
/** Slices of a stored (uncompressed) entry given to the sink at a time. */
const OUT_STEP = 256 * 1024;

/** The directory's faults as the reader's errors. */
function asReadError(e: unknown): unknown {
  if (!(e instanceof ZipDirectoryError)) return e;
  return e.fault === 'truncated' ? WorkbookReadError.of('truncated') : WorkbookReadError.corrupt(e.detail);
}

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
    let entries: ZipEntry[];
    try {
      entries = readZipDirectory(bytes);
    } catch (e) {
      throw asReadError(e);
    }
    for (const entry of entries) this.entries.set(entry.name.toLowerCase(), entry);
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
    try {
      return entryData(this.bytes, e);
    } catch (err) {
      throw asReadError(err);
    }
  }
}
