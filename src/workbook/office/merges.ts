/**
 * Merged areas, read apart from the cells. Excel documents that `getMergedAreasOrNullObject` fails when a range
 * holds more than 512 merged areas, and a failing call fails its whole request: a plan of ~400 rows in the
 * Phetchaburi layout has more. So the used range is read in bands of rows that cannot hold 512 areas, in a request
 * of their own; a band that still fails is split, and a sheet whose bands keep failing is read without merges
 * (the engine then carries group labels from the left, as on ExcelApi below 1.13).
 */

/** Areas a band may hold at most, well under Excel's 512. */
export const MERGE_BAND_AREAS = 250;

export interface MergeTarget {
  name: string;
  /** The used range, 0-based like office.js indexes. */
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** "Plan!A1:O1,Plan!F2:G2" or "'แผน ๑'!A1:B2" → ["A1:O1", "F2:G2"]. */
export function mergeAddresses(address: string): string[] {
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((a) => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '').trim())
    .filter((a) => a.length > 0);
}

/** Rows per band: a merged area covers at least two cells, so a row holds at most ⌈columns / 2⌉ of them. */
export function bandRows(columnCount: number, areas = MERGE_BAND_AREAS): number {
  return Math.max(1, Math.floor(areas / Math.max(1, Math.ceil(columnCount / 2))));
}

interface Band {
  sheet: string;
  row: number;
  rows: number;
  areas: Excel.RangeAreas;
}

function queueBands(context: Excel.RequestContext, t: MergeTarget, rows: number): Band[] {
  const ws = context.workbook.worksheets.getItem(t.name);
  const bands: Band[] = [];
  for (let row = 0; row < t.rowCount; row += rows) {
    const n = Math.min(rows, t.rowCount - row);
    const areas = ws.getRangeByIndexes(t.rowIndex + row, t.columnIndex, n, t.columnCount).getMergedAreasOrNullObject();
    areas.load('address');
    bands.push({ sheet: t.name, row, rows: n, areas });
  }
  return bands;
}

const collect = (bands: Band[]): string[] =>
  bands.flatMap((b) => (b.areas.isNullObject ? [] : mergeAddresses(b.areas.address)));

/**
 * Every target's merged areas, by sheet name: one request for all bands of all sheets; if it fails, each sheet on
 * its own with bands a quarter the size; a sheet that still fails gets none. An area crossing a band boundary is
 * returned by both bands and kept once.
 */
export async function readMerges(context: Excel.RequestContext, targets: MergeTarget[]): Promise<{ merges: Map<string, string[]>; syncs: number }> {
  const merges = new Map<string, string[]>();
  let syncs = 0;
  const present = targets.filter((t) => t.rowCount > 0 && t.columnCount > 0);
  if (present.length === 0) return { merges, syncs };
  const keep = (name: string, found: string[]) => merges.set(name, [...new Set([...(merges.get(name) ?? []), ...found])]);
  const all = present.map((t) => ({ t, bands: queueBands(context, t, bandRows(t.columnCount)) }));
  try {
    await context.sync();
    syncs++;
    for (const { t, bands } of all) keep(t.name, collect(bands));
    return { merges, syncs };
  } catch {
    syncs++;
  }
  for (const t of present) {
    const bands = queueBands(context, t, Math.max(1, Math.floor(bandRows(t.columnCount) / 4)));
    try {
      await context.sync();
      syncs++;
      keep(t.name, collect(bands));
    } catch {
      syncs++;
      merges.set(t.name, []);
    }
  }
  return { merges, syncs };
}
