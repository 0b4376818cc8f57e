/**
 * Just enough of the Compound File Binary format (MS-CFB, the OLE2 container of .xls and of password-protected
 * .xlsx) to list the names in its directory: that tells an encrypted workbook ("EncryptedPackage") from an old
 * .xls ("Workbook" or "Book") from any other OLE2 document.
 */
export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function looksLikeCfb(b: Uint8Array): boolean {
  return b.length >= 8 && CFB_MAGIC.every((x, i) => b[i] === x);
}

const ENDOFCHAIN = 0xfffffffe;
const MAX_REGULAR = 0xfffffffa;
const HEADER_DIFAT = 109;

/** The names of the storages and streams in a CFB directory, or null when the container is unreadable. */
export function cfbEntryNames(b: Uint8Array): string[] | null {
  try {
    return entryNames(b);
  } catch {
    return null;
  }
}

function entryNames(b: Uint8Array): string[] | null {
  if (!looksLikeCfb(b) || b.length < 512) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const shift = view.getUint16(0x1e, true);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectors = Math.floor((b.length - 512 + sectorSize - 1) / sectorSize);
  const offset = (s: number): number => 512 + s * sectorSize;
  const u32 = (at: number): number => (at + 4 <= b.length ? view.getUint32(at, true) : ENDOFCHAIN);

  // The FAT's own sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  const fatCount = Math.min(view.getUint32(0x2c, true), sectors);
  for (let i = 0; i < HEADER_DIFAT && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + 4 * i));
  let difat = view.getUint32(0x44, true);
  for (let guard = 0; difat <= MAX_REGULAR && fatSectors.length < fatCount && guard < sectors; guard++) {
    const perSector = sectorSize / 4 - 1;
    for (let i = 0; i < perSector && fatSectors.length < fatCount; i++) fatSectors.push(u32(offset(difat) + 4 * i));
    difat = u32(offset(difat) + 4 * perSector);
  }
  const next = (s: number): number => {
    const perSector = sectorSize / 4;
    const fat = fatSectors[Math.floor(s / perSector)];
    return fat === undefined || fat > MAX_REGULAR ? ENDOFCHAIN : u32(offset(fat) + 4 * (s % perSector));
  };

  // The directory: a chain of sectors of 128-byte entries, each with a UTF-16 name.
  const names: string[] = [];
  let s = view.getUint32(0x30, true);
  for (let guard = 0; s <= MAX_REGULAR && guard < sectors; guard++) {
    for (let at = offset(s); at + 128 <= offset(s) + sectorSize && at + 128 <= b.length; at += 128) {
      const length = view.getUint16(at + 0x40, true);
      const type = b[at + 0x42];
      if (type === 0 || length < 2 || length > 64) continue;
      let name = '';
      for (let i = 0; i < length / 2 - 1; i++) name += String.fromCharCode(view.getUint16(at + 2 * i, true));
      names.push(name);
    }
    s = next(s);
  }
  return names.length > 0 ? names : null;
}
