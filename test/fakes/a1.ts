import { address, parseAddress } from '../../src/domain/base/cells';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "A1", "$B$2:C3", "'แผน'!A1:B2" → an area (1-based, inclusive). */
export function parseArea(a: string): Area {
  const bare = a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to] = bare.split(':');
  const wholeColumns = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(bare);
  if (wholeColumns) {
    const l = parseAddress(`${wholeColumns[1]}1`)!.col;
    const r = parseAddress(`${wholeColumns[2]}1`)!.col;
    return { top: 1, left: Math.min(l, r), bottom: 1_048_576, right: Math.max(l, r) };
  }
  const tl = parseAddress(from ?? '');
  const br = parseAddress(to ?? from ?? '');
  if (!tl || !br) throw Object.assign(new Error(`Invalid address ${a}`), { code: 'InvalidArgument' });
  return { top: Math.min(tl.row, br.row), left: Math.min(tl.col, br.col), bottom: Math.max(tl.row, br.row), right: Math.max(tl.col, br.col) };
}

export function areaAddress(r: Area): string {
  const a = address(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${address(r.bottom, r.right)}`;
}

export const intersects = (a: Area, b: Area): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Splits a RangeAreas address on commas outside quoted sheet names. */
export function splitAreas(address: string): string[] {
  return address.split(/,(?=(?:[^']*'[^']*')*[^']*$)/).map((s) => s.trim()).filter(Boolean);
}

/** UTF-8 size of a JSON payload: Thai text is 3 bytes a character. */
export function payloadBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}
