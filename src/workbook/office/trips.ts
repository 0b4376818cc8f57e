import { parseAddress } from '../../domain';
import { mayBeOversized } from './errors';
import { collectBands, queueBands, type Band, type MergeTarget } from './merges';
import type { Task } from './read-plan';

/** A sheet's cells as they come in: the used range's place, its rows of values, its formulas, its merged areas. */
export interface Block {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: (string | null)[][];
  merges: string[];
}

export const formulaOf = (f: unknown): string | null => (typeof f === 'string' && f.startsWith('=') ? f : null);

/** What the trips of one read share: the blocks, whether merged areas are read, and rows whose bands failed. */
export interface TripState {
  blocks: Map<string, Block>;
  merges: boolean;
  /** Rows whose merged areas are still to be read, in a request of their own (merges.ts). */
  deferred: MergeTarget[];
  onCells(cells: number): void;
}

/** The merged areas of these rows of a block, as a band target. */
export const bandTarget = (sheet: string, b: Block, row: number, rows: number, cols: number): MergeTarget => ({
  name: sheet, rowIndex: b.rowIndex + row, columnIndex: b.columnIndex, rowCount: rows, columnCount: cols,
});

/** Merged areas that start within the used range's rows (a band below its last row may return empty merged cells). */
export function keepAreas(b: Block, found: string[]): void {
  const last = b.rowIndex + b.values.length;
  for (const a of found) if ((parseAddress(a.split(':')[0] ?? '')?.row ?? 0) <= last) b.merges.push(a);
}

/**
 * One round trip of ranges, with the merged areas of their rows. A trip the host still rejects is loaded again
 * without its merged areas (those rows' bands are deferred), then split in two (the estimate was wrong), never lost.
 */
export async function loadTrip(context: Excel.RequestContext, trip: Task[], state: TripState, withBands = state.merges): Promise<number> {
  const bands: Band[] = [];
  const loads = trip.flatMap((t) => {
    const b = state.blocks.get(t.sheet) as Block;
    if (withBands && t.kind !== 'formulas') for (const band of queueBands(context, bandTarget(t.sheet, b, t.row, t.rows, t.cols))) bands.push(band);
    if (t.kind === 'merges') return [];
    const range = context.workbook.worksheets.getItem(t.sheet).getRangeByIndexes(b.rowIndex + t.row, b.columnIndex + t.col, t.rows, t.cols);
    range.load(t.kind === 'values' ? 'values' : 'formulas');
    return [{ t, b, range }];
  });
  if (loads.length === 0 && bands.length === 0) return 0;
  try {
    await context.sync();
  } catch (e) {
    if (bands.length > 0) {
      // A band may be what failed: these rows' merged areas are read on their own, after every trip.
      for (const t of trip) if (t.kind !== 'formulas') state.deferred.push(bandTarget(t.sheet, state.blocks.get(t.sheet) as Block, t.row, t.rows, t.cols));
      return 1 + (await loadTrip(context, trip.filter((t) => t.kind !== 'merges'), state, false));
    }
    const single = trip.length === 1 && (trip[0] as Task).rows === 1;
    // Excel on the web reports some oversized responses as an internal error: split those too.
    if (!mayBeOversized(e) || single) throw e;
    const halves: Task[][] =
      trip.length > 1
        ? [trip.slice(0, trip.length >> 1), trip.slice(trip.length >> 1)]
        : (() => {
            const t = trip[0] as Task;
            const a = t.rows >> 1;
            return [[{ ...t, rows: a }], [{ ...t, row: t.row + a, rows: t.rows - a }]];
          })();
    let n = 1;
    for (const h of halves) n += await loadTrip(context, h, state, false);
    return n;
  }
  for (const band of bands) keepAreas(state.blocks.get(band.sheet) as Block, collectBands([band]));
  for (const { t, b, range } of loads) {
    if (t.kind === 'values') {
      const v = range.values;
      for (let r = 0; r < t.rows; r++) b.values[t.row + r] = v[r] as unknown[];
      state.onCells(t.rows * t.cols);
    } else {
      const f = range.formulas;
      for (let r = 0; r < t.rows; r++) {
        const row = b.formulas[t.row + r] as (string | null)[];
        for (let c = 0; c < t.cols; c++) row[t.col + c] = formulaOf(f[r]?.[c]);
      }
    }
  }
  return 1;
}
