import type { CellRef } from '../model';
import { parseAddress } from '../base/cells';

/** A reference to a cell from a formula on `fromSheet`: "O27" on the same sheet, "'แผนปฏิบัติการ'!O27" elsewhere. */
export function ref(sheet: string, cell: string, fromSheet: string): string {
  return sheet === fromSheet ? cell : `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

export interface SheetCell {
  sheet: string;
  cell: CellRef | string;
}

const addressOf = (c: CellRef | string): string => (typeof c === 'string' ? c : c.address);

/**
 * Cell references for a SUM/COUNTA: runs of consecutive rows in one column become ranges ("O10:O12"),
 * everything else stays a single reference. Order is kept by sheet, column and row.
 */
export function references(cells: SheetCell[], fromSheet: string): string[] {
  const parsed = cells
    .map((c) => ({ sheet: c.sheet, address: addressOf(c.cell), pos: parseAddress(addressOf(c.cell)) }))
    .filter((c): c is { sheet: string; address: string; pos: { row: number; col: number } } => c.pos !== null);
  const unique = [...new Map(parsed.map((c) => [`${c.sheet}!${c.address}`, c])).values()];
  unique.sort((a, b) => (a.sheet === b.sheet ? a.pos.col - b.pos.col || a.pos.row - b.pos.row : a.sheet < b.sheet ? -1 : 1));
  const out: string[] = [];
  for (let i = 0; i < unique.length; ) {
    const first = unique[i]!;
    let j = i;
    while (j + 1 < unique.length && unique[j + 1]!.sheet === first.sheet && unique[j + 1]!.pos.col === first.pos.col && unique[j + 1]!.pos.row === unique[j]!.pos.row + 1) j++;
    const last = unique[j]!;
    out.push(ref(first.sheet, j > i ? `${first.address}:${last.address}` : first.address, fromSheet));
    i = j + 1;
  }
  return out;
}

/** FN(refs…), nested in groups of 255 arguments (Excel's limit). No reference at all is 0. */
export function call(fn: 'SUM' | 'COUNTA', refs: string[]): string {
  if (refs.length === 0) return '=0';
  const build = (list: string[]): string => {
    if (list.length <= 255) return `${fn}(${list.join(',')})`;
    const groups: string[] = [];
    for (let i = 0; i < list.length; i += 255) groups.push(build(list.slice(i, i + 255)));
    return fn === 'COUNTA' ? `SUM(${groups.join(',')})` : `SUM(${groups.join(',')})`;
  };
  return `=${build(refs)}`;
}

/** `=SUM(…)` over these rows of one column of the sheet it stands in (consecutive rows as one range). */
export const sumOverRows = (column: string, rows: readonly number[]): string =>
  call('SUM', references(rows.map((r) => ({ sheet: '', cell: `${column}${r}` })), ''));
