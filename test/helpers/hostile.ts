import { strToU8 } from 'fflate';

/**
 * Builders of hostile files for the reader's tests: zips whose directory says what we choose (sizes that lie),
 * a deflate stream that inflates a few MB into GBs, and an OLE2/CFB container with the streams we name.
 */
export interface RawEntry {
  name: string;
  /** The bytes as stored in the zip (already deflated when method is 8). */
  data: Uint8Array;
  method: 0 | 8;
  /** The inflated size the local header and central directory declare. */
  size: number;
}

/** A zip of entries exactly as given (CRCs are zero: the reader does not check them). */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = strToU8(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const dirSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const stored = (name: string, text: string): RawEntry => {
  const data = strToU8(text);
  return { name, data, method: 0, size: data.length };
};

/** Writes bits least-significant first, as deflate does. */
class Bits {
  private readonly bytes: number[] = [];
  private acc = 0;
  private n = 0;
  put(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.acc |= ((value >> i) & 1) << this.n;
      if (++this.n === 8) this.flush();
    }
  }
  /** Huffman codes go most-significant bit first. */
  code(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.put((value >> i) & 1, 1);
  }
  align(): void {
    if (this.n > 0) this.flush();
  }
  raw(b: Uint8Array): void {
    this.align();
    for (const x of b) this.bytes.push(x);
  }
  private flush(): void {
    this.bytes.push(this.acc);
    this.acc = 0;
    this.n = 0;
  }
  get length(): number {
    return this.bytes.length;
  }
  done(): Uint8Array {
    this.align();
    return Uint8Array.from(this.bytes);
  }
}

function storedBlock(bits: Bits, data: Uint8Array, final: boolean): void {
  bits.put(final ? 1 : 0, 1);
  bits.put(0, 2);
  bits.align();
  bits.raw(Uint8Array.of(data.length & 0xff, data.length >> 8, ~data.length & 0xff, (~data.length >> 8) & 0xff));
  bits.raw(data);
}

/**
 * A raw deflate stream: `prefix`, then its last character repeated `repeats` × 258 times, then `suffix`.
 * The repeat is one dynamic-Huffman block whose only symbols are "length 258" and "distance 1", each one bit
 * long: 2 bits make 258 bytes, so 4 MB of stream inflate to about 4 GB (deflate's ~1032:1 maximum).
 */
export function deflateBomb(prefix: string, repeats: number, suffix: string): Uint8Array {
  const bits = new Bits();
  storedBlock(bits, strToU8(prefix), false);
  bits.put(0, 1); // not final
  bits.put(2, 2); // dynamic Huffman
  bits.put(29, 5); // HLIT: 286 literal/length codes
  bits.put(0, 5); // HDIST: 1 distance code
  bits.put(14, 4); // HCLEN: 18 code length codes
  // Code length code lengths in their odd order (16,17,18,0,8,7,9,6,10,5,11,4,12,3,13,2,14,1): symbols 0 and 1, one bit each.
  const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1];
  for (const sym of order) bits.put(sym === 0 || sym === 1 ? 1 : 0, 3);
  // Code lengths: 0 is code "0", 1 is code "1". Literal/length 256 (end) and 285 (length 258) get 1 bit; distance 0 gets 1 bit.
  for (let sym = 0; sym < 286; sym++) bits.code(sym === 256 || sym === 285 ? 1 : 0, 1);
  bits.code(1, 1);
  // Canonical codes: 256 → "0", 285 → "1"; distance 0 → "0". Each repeat is "1" then "0".
  for (let i = 0; i < repeats; i++) {
    bits.code(1, 1);
    bits.code(0, 1);
  }
  bits.code(0, 1); // end of block
  storedBlock(bits, strToU8(suffix), true);
  return bits.done();
}

const SECTOR = 512;

/**
 * A version-3 CFB (OLE2) container whose directory lists these empty streams under the root, as an encrypted
 * .xlsx ("EncryptionInfo", "EncryptedPackage") or an .xls ("Workbook") has.
 */
export function cfbFile(streams: string[]): Uint8Array {
  const entries = ['Root Entry', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const out = new Uint8Array(SECTOR * (2 + dirSectors));
  const v = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  v.setUint16(0x18, 0x3e, true);
  v.setUint16(0x1a, 3, true);
  v.setUint16(0x1c, 0xfffe, true);
  v.setUint16(0x1e, 9, true);
  v.setUint16(0x20, 6, true);
  v.setUint32(0x2c, 1, true); // one FAT sector
  v.setUint32(0x30, 1, true); // the directory starts in sector 1
  v.setUint32(0x38, 4096, true);
  v.setUint32(0x3c, 0xfffffffe, true);
  v.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(0x4c + 4 * i, i === 0 ? 0 : 0xffffffff, true);
  // Sector 0: the FAT. Sector 0 is a FAT sector, the directory chain runs 1 → 2 → … → end.
  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) v.setUint32(fat + 4 * i, 0xffffffff, true);
  v.setUint32(fat, 0xfffffffd, true);
  for (let s = 1; s <= dirSectors; s++) v.setUint32(fat + 4 * s, s === dirSectors ? 0xfffffffe : s + 1, true);
  entries.forEach((name, i) => {
    const at = 2 * SECTOR + 128 * i;
    for (let k = 0; k < name.length; k++) v.setUint16(at + 2 * k, name.charCodeAt(k), true);
    v.setUint16(at + 0x40, 2 * (name.length + 1), true);
    out[at + 0x42] = i === 0 ? 5 : 2;
    v.setUint32(at + 0x44, 0xffffffff, true);
    v.setUint32(at + 0x48, 0xffffffff, true);
    v.setUint32(at + 0x4c, i === 0 && entries.length > 1 ? 1 : 0xffffffff, true);
    // Siblings: a simple chain to the right keeps the red-black tree valid enough for listing.
    if (i > 0 && i + 1 < entries.length) v.setUint32(at + 0x48, i + 1, true);
    v.setUint32(at + 0x74, 0xfffffffe, true);
  });
  return out;
}
