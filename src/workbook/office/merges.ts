/**
 * Merged areas. Excel documents that `getMergedAreasOrNullObject` fails when a range holds more than 512 merged
 * areas, and a failing call fails its whole request: a plan of ~400 rows in the Phetchaburi layout has more. So the
 * used range is read in bands of rows that cannot hold 512 areas, each band in the round trip that reads its rows'
 * values (read.ts). Rows whose bands failed there are read here, in a request of their own; a band that still fails
 * is split, and a sheet whose bands keep failing is read without merges (the engine then carries group labels from
 * the left, as on ExcelApi below 1.13).
 */

/** Areas a band may hold at most, well under Excel's 512. */
export const MERGE_BAND_AREAS = 250;

export interface MergeTarget {
  name: string;
  /** Rows of the used range (or all of it), 0-based like office.js indexes. */
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

export interface Band {
  sheet: string;
  row: number;
  rows: number;
  areas: Excel.RangeAreas;
}

/** Queues the loads of a target's merged areas, `rows` rows a band (by default as many as cannot hold 512). */
export function queueBands(context: Excel.RequestContext, t: MergeTarget, rows = bandRows(t.columnCount)): Band[] {
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

export const collectBands = (bands: Band[]): string[] =>
  bands.flatMap((b) => (b.areas.isNullObject ? [] : mergeAddresses(b.areas.address)));

/**
 * Every target's merged areas, by sheet name: one request for all bands of all targets; if it fails, each target
 * on its own with bands a quarter the size; a sheet with a target that still fails is `failed` (read without
 * merges). An area crossing a band boundary is returned by both bands (the caller keeps it once).
 */
export async function readMerges(context: Excel.RequestContext, targets: MergeTarget[]): Promise<{ merges: Map<string, string[]>; failed: Set<string>; syncs: number }> {
  const merges = new Map<string, string[]>();
  const failed = new Set<string>();
  let syncs = 0;
  const present = targets.filter((t) => t.rowCount > 0 && t.columnCount > 0);
  if (present.length === 0) return { merges, failed, syncs };
  const keep = (name: string, found: string[]) => {
    const list = merges.get(name) ?? merges.set(name, []).get(name) ?? [];
    for (const a of found) list.push(a);
  };
  const all = present.map((t) => ({ t, bands: queueBands(context, t) }));
  try {
    await context.sync();
    syncs++;
    for (const { t, bands } of all) keep(t.name, collectBands(bands));
    return { merges, failed, syncs };
  } catch {
    syncs++;
  }
  for (const t of present) {
    if (failed.has(t.name)) continue;
    const bands = queueBands(context, t, Math.max(1, Math.floor(bandRows(t.columnCount) / 4)));
    try {
      await context.sync();
      syncs++;
      keep(t.name, collectBands(bands));
    } catch {
      syncs++;
      failed.add(t.name);
    }
  }
  return { merges, failed, syncs };
}
