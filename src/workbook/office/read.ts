import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { parseAddress } from '../../domain';
import { HostProblem, mayBeOversized, problems } from './errors';
import { mergeAddresses, readMerges } from './merges';

import { KNOWN_MARGIN, PROBE_MARGIN, jsonBytes, pack, probes, type ReadMemory, type Task } from './read-plan';

/** The used range's place and size (formulas and values come in their own ranges). */
export const SIZE_PROPS = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount'];

export interface ReadOptions {
  /** Sheets to read, by name. */
  sheets: string[];
  /** Merged areas need ExcelApi 1.13; without them the engine carries group labels from the left. */
  merges: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Bytes one response may carry (default: below Excel on the web's 5 MiB). */
  responseBudget?: number;
  /** What earlier reads learnt of each sheet's weight; updated by this read. */
  memory?: ReadMemory;
  /** Workbook settings to read in the same round trip (our acknowledgements). */
  settings?: string[];
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** Sheets that no longer exist. */
  missing: string[];
  /** Every sheet name in the workbook now, to notice sheets added since the names were listed. */
  allSheets: string[];
  /** Every sheet's id by name (our record names our generated sheets by id). */
  sheetIds: Map<string, string>;
  settings: Record<string, unknown>;
  /** What limits this read (manual calculation, sheets too large to read), for the pane to say. */
  problems: HostProblem[];
  syncs: number;
}

export { isPayloadError } from './errors';
export { mergeAddresses } from './merges';

/** Excel returns no values for a range of more cells than this (documented for Excel on the web). */
export const MAX_RANGE_CELLS = 5_000_000;

export const cellValue = (v: unknown): CellValue =>
  v === '' || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;


interface Block {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: (string | null)[][];
}

function toSheet(name: string, block: Block | null, merges: string[]): SheetSnapshot {
  if (!block) return { name, origin: { row: 1, column: 1 }, values: [], merges };
  const anyFormula = block.formulas.some((r) => r.some((f) => f !== null));
  return {
    name,
    origin: { row: block.rowIndex + 1, column: block.columnIndex + 1 },
    values: block.values.map((r) => r.map(cellValue)),
    ...(anyFormula ? { formulas: block.formulas } : {}),
    merges,
    // Excel calculates every formula it holds before it answers, so each formula cell's `values` entry is its
    // result: no formula cell is without a value (an empty list says so, unlike a host that cannot tell).
    ...(anyFormula ? { uncachedFormulas: [] } : {}),
  };
}

export const formulaOf = (f: unknown): string | null => (typeof f === 'string' && f.startsWith('=') ? f : null);

/** "Plan!N5:O90,Plan!B7" → 0-based areas within a used range at (rowIndex, columnIndex). */
function areasIn(address: string, rowIndex: number, columnIndex: number): { row: number; col: number; rows: number; cols: number }[] {
  return mergeAddresses(address).flatMap((a) => {
    const [from, to] = a.split(':');
    const tl = parseAddress(from ?? '');
    const br = parseAddress(to ?? from ?? '');
    if (!tl || !br) return [];
    return [{ row: tl.row - 1 - rowIndex, col: tl.col - 1 - columnIndex, rows: br.row - tl.row + 1, cols: br.col - tl.col + 1 }];
  });
}

/**
 * Reads the chosen sheets into a snapshot: values (no number formats, no `text`: the engine reads neither) and
 * formulas only of the cells that hold one. The first round trip brings the sheet names, settings, every sheet's
 * size, merged areas and formula cells, and the first rows (or a remembered small sheet whole); the rest is cut
 * into round trips that each stay under the response limit, by the weight of a row measured or remembered.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions): Promise<ReadResult> {
  const memory = options.memory ?? new Map();
  let syncs = 0;
  const all = context.workbook.worksheets;
  all.load('items/name,items/id');
  const app = context.workbook.application;
  app.load('calculationMode');
  const settings = (options.settings ?? []).map((key) => {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load('value');
    return { key, item };
  });
  const plan = probes(options.sheets, memory, options.responseBudget);
  const sheets = options.sheets.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load([...SIZE_PROPS, 'address']);
    // Merged areas are read after the cells, in bands (merges.ts): reading them here fails the whole request
    // once a sheet has more than 512.
    const special = used.getSpecialCellsOrNullObject('Formulas' as Excel.SpecialCellType.formulas);
    special.load('address');
    const probe = plan.get(name) ?? { rows: 1, withFormulas: true };
    const first = used.getRow(0).getResizedRange(probe.rows - 1, 0);
    first.load(probe.withFormulas ? ['values', 'formulas'] : ['values']);
    return { name, ws, used, special, first, probe };
  });
  await context.sync();
  syncs++;

  // A used range over Excel's cell limit comes back without values: such a sheet is left out and said so.
  const tooLarge = (s: (typeof sheets)[number]) => !s.used.isNullObject && s.used.rowCount * s.used.columnCount > MAX_RANGE_CELLS;
  const found: HostProblem[] = app.calculationMode === 'Manual' ? [problems.manualCalculation()] : [];
  for (const s of sheets.filter((x) => !x.ws.isNullObject && tooLarge(x))) {
    const { address, rowCount, columnCount } = s.used;
    found.push(problems.usedRangeTooLarge(s.name, address.slice(address.lastIndexOf('!') + 1), rowCount * columnCount, MAX_RANGE_CELLS));
  }
  const present = sheets.filter((s) => !s.ws.isNullObject && !tooLarge(s));
  const blocks = new Map<string, Block>();
  const tasks: Omit<Task, 'bytes'>[] = [];
  const weights = new Map<string, { perCell: number; margin: number }>();
  let totalCells = 0;
  let done = 0;
  for (const s of present) {
    if (s.used.isNullObject) continue;
    const { rowIndex, columnIndex, rowCount, columnCount } = s.used;
    totalCells += rowCount * columnCount;
    const got = Math.min(rowCount, s.probe.rows);
    const values = s.first.values.slice(0, got);
    const block: Block = {
      rowIndex, columnIndex,
      values: new Array<unknown[]>(rowCount),
      formulas: Array.from({ length: rowCount }, () => new Array<string | null>(columnCount).fill(null)),
    };
    for (let r = 0; r < got; r++) block.values[r] = values[r] as unknown[];
    if (s.probe.withFormulas) {
      const f = s.first.formulas;
      for (let r = 0; r < got; r++) for (let c = 0; c < columnCount; c++) (block.formulas[r] as (string | null)[])[c] = formulaOf(f[r]?.[c]);
    }
    blocks.set(s.name, block);
    done += got * columnCount;
    const known = memory.get(s.name);
    const measured = got > 0 ? jsonBytes(values) / (got * columnCount) : 0;
    weights.set(s.name, known ? { perCell: Math.max(known.bytesPerRow / columnCount, measured), margin: KNOWN_MARGIN } : { perCell: measured, margin: PROBE_MARGIN });
    if (got < rowCount) tasks.push({ sheet: s.name, kind: 'values', row: got, rows: rowCount - got, col: 0, cols: columnCount });
    if (!s.special.isNullObject) {
      for (const a of areasIn(s.special.address, rowIndex, columnIndex)) {
        const from = s.probe.withFormulas ? Math.max(a.row, got) : a.row;
        if (from < a.row + a.rows) tasks.push({ sheet: s.name, kind: 'formulas', row: from, rows: a.row + a.rows - from, col: a.col, cols: a.cols });
      }
    }
  }
  options.onProgress?.(done, totalCells);

  const trips = pack(tasks, (t) => {
    const w = weights.get(t.sheet) ?? { perCell: 100, margin: PROBE_MARGIN };
    // A formula is about as long as a figure's text; 48 bytes covers "=SUM(G12,I12,K12,M12)".
    return t.kind === 'values' ? Math.max(4, w.perCell) * w.margin : 48;
  }, options.responseBudget);
  for (const trip of trips) {
    syncs += await loadTrip(context, trip, blocks, (cells) => {
      done += cells;
      options.onProgress?.(done, totalCells);
    });
  }

  const merged = options.merges
    ? await readMerges(
        context,
        present.flatMap((s) => (s.used.isNullObject ? [] : [{ name: s.name, rowIndex: s.used.rowIndex, columnIndex: s.used.columnIndex, rowCount: s.used.rowCount, columnCount: s.used.columnCount }])),
      )
    : { merges: new Map<string, string[]>(), syncs: 0 };
  syncs += merged.syncs;
  const snapshot: WorkbookSnapshot = {
    sheets: present.map((s) => toSheet(s.name, s.used.isNullObject ? null : (blocks.get(s.name) ?? null), merged.merges.get(s.name) ?? [])),
  };
  for (const s of present) {
    const b = blocks.get(s.name);
    if (b && b.values.length > 0) memory.set(s.name, { rows: b.values.length, bytesPerRow: jsonBytes(b.values) / b.values.length });
  }
  return {
    snapshot,
    missing: sheets.filter((s) => s.ws.isNullObject).map((s) => s.name),
    syncs,
    problems: found,
    allSheets: all.items.map((w) => w.name),
    sheetIds: new Map(all.items.map((w) => [w.name, w.id])),
    settings: Object.fromEntries(settings.filter((s) => !s.item.isNullObject).map((s) => [s.key, s.item.value as unknown])),
  };
}

/** One round trip of ranges; a trip the host still rejects is split in two (the estimate was wrong), never lost. */
async function loadTrip(context: Excel.RequestContext, trip: Task[], blocks: Map<string, Block>, onCells: (cells: number) => void): Promise<number> {
  const loads = trip.map((t) => {
    const b = blocks.get(t.sheet) as Block;
    const range = context.workbook.worksheets.getItem(t.sheet).getRangeByIndexes(b.rowIndex + t.row, b.columnIndex + t.col, t.rows, t.cols);
    range.load(t.kind === 'values' ? 'values' : 'formulas');
    return { t, b, range };
  });
  try {
    await context.sync();
  } catch (e) {
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
    for (const h of halves) n += await loadTrip(context, h, blocks, onCells);
    return n;
  }
  for (const { t, b, range } of loads) {
    if (t.kind === 'values') {
      const v = range.values;
      for (let r = 0; r < t.rows; r++) b.values[t.row + r] = v[r] as unknown[];
      onCells(t.rows * t.cols);
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
