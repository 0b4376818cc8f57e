import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { isOurMarkFormula, parseAddress } from '../../domain';
import { HostProblem, mayBeOversized, problems } from './errors';
import { bandRows, collectBands, mergeAddresses, readMerges, type Band } from './merges';
import { KNOWN_MARGIN, PROBE_MARGIN, UNKNOWN_MERGE_ROW_BYTES, jsonBytes, pack, probes, type ReadMemory, type Task } from './read-plan';
import { formulaOf, keepAreas, loadTrip, type Block, type TripState } from './trips';

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
  /** Also what marking needs to know (read-only, protection, our marks): marks written right after may skip finding ours. */
  view?: boolean;
}

/** What marking needs to know of the workbook, as the read's first request saw it. */
export interface MarkView {
  readOnly: boolean;
  protectedSheets: Set<string>;
  /** Our conditional formats (tagged formula) by sheet, as ids. */
  ours: Map<string, string[]>;
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
  /** When asked for and Excel read every sheet's rules: what marking needs to know. */
  view?: MarkView;
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

export { formulaOf } from './trips';

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


/** The first round trip's loads: names, settings, and per sheet its size, formula cells, first rows and their bands. */
function queueFirst(context: Excel.RequestContext, options: ReadOptions, memory: ReadMemory, withBands: boolean) {
  const all = context.workbook.worksheets;
  all.load('items/name,items/id');
  const app = context.workbook.application;
  app.load('calculationMode');
  const settings = (options.settings ?? []).map((key) => {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load('value');
    return { key, item };
  });
  const plan = probes(options.sheets, memory, options.responseBudget, options.merges);
  const sheets = options.sheets.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load([...SIZE_PROPS, 'address']);
    const special = used.getSpecialCellsOrNullObject('Formulas' as Excel.SpecialCellType.formulas);
    special.load('address');
    // Without a weight to go by (the retry after a failed first request), one row: the rest is cut from its size.
    const probe = withBands ? (plan.get(name) ?? { rows: 1, withFormulas: true }) : { rows: 1, withFormulas: true };
    const first = used.getRow(0).getResizedRange(probe.rows - 1, 0);
    first.load(probe.withFormulas ? ['values', 'formulas'] : ['values']);
    // The first rows' merged areas, in bands that cannot hold 512 (one failing band fails the whole request), when
    // the sheet's width is known; otherwise they come with a later trip.
    const columns = memory.get(name)?.columns;
    const bands: Band[] = [];
    if (withBands && options.merges && columns) {
      const step = bandRows(columns);
      for (let row = 0; row < probe.rows; row += step) {
        const areas = first.getRow(row).getResizedRange(Math.min(step, probe.rows - row) - 1, 0).getMergedAreasOrNullObject();
        areas.load('address');
        bands.push({ sheet: name, row, rows: Math.min(step, probe.rows - row), areas });
      }
    }
    // What marking needs: protection and the rules (ids, custom formulas) that tell our marks.
    const view = withBands && options.view ? { protection: ws.protection.load('protected'), cfs: ws.getRange().conditionalFormats.load('items/id,items/customOrNullObject/rule/formula') } : null;
    return { name, ws, used, special, first, probe, bands, view };
  });
  if (withBands && options.view) context.workbook.load('readOnly');
  return { all, app, settings, sheets };
}

function markView(context: Excel.RequestContext, sheets: ReturnType<typeof queueFirst>['sheets']): MarkView | undefined {
  const ours = new Map<string, string[]>();
  const protectedSheets = new Set<string>();
  for (const s of sheets) {
    if (!s.view || s.ws.isNullObject) return undefined;
    if (s.view.protection.protected) protectedSheets.add(s.name);
    const ids = s.view.cfs.items.filter((c) => !c.customOrNullObject.isNullObject && isOurMarkFormula(c.customOrNullObject.rule.formula)).map((c) => c.id);
    if (ids.length > 0) ours.set(s.name, ids);
  }
  return { readOnly: context.workbook.readOnly, protectedSheets, ours };
}

/**
 * Reads the chosen sheets into a snapshot: values (no number formats, no `text`: the engine reads neither), formulas
 * only of the cells that hold one, and merged areas. The first round trip brings the sheet names, settings, every
 * sheet's size and formula cells, and as many first rows as a response holds by the weight the pane measured when it
 * opened (or the last read remembered), with their merged areas; the rest is cut into round trips that each stay
 * under the response limit, each with the merged areas of its rows.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions): Promise<ReadResult> {
  const memory = options.memory ?? new Map();
  let syncs = 0;
  let q = queueFirst(context, options, memory, true);
  try {
    await context.sync();
    syncs++;
  } catch (e) {
    syncs++;
    // The estimate, a band or a rule Excel cannot read was wrong: once more with one row a sheet and nothing else.
    if (!mayBeOversized(e) && !options.view) throw e;
    q = queueFirst(context, options, memory, false);
    await context.sync();
    syncs++;
  }
  const { all, app, settings, sheets } = q;

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
  const weights = new Map<string, { perCell: number; margin: number; mergesPerCell: number }>();
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
      merges: [],
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
    const probed = s.bands.length > 0 ? collectBands(s.bands) : null;
    if (probed) keepAreas(block, probed);
    const mergeRow = probed && got > 0 ? jsonBytes([probed]) / got : (known?.mergeBytesPerRow ?? UNKNOWN_MERGE_ROW_BYTES);
    // Two margins: the values' weight is measured over the first request's rows (thousands, or remembered whole), the
    // merged areas' may be a guess (the pane's sample reads no merges) and keep the probe's margin until a read measured it.
    const margin = known && !known.sampled ? KNOWN_MARGIN : PROBE_MARGIN;
    weights.set(s.name, {
      perCell: known ? Math.max(known.bytesPerRow / columnCount, measured) : measured,
      margin: known ? KNOWN_MARGIN : PROBE_MARGIN,
      mergesPerCell: options.merges ? (Math.max(mergeRow, known?.mergeBytesPerRow ?? 0) * margin) / columnCount : 0,
    });
    // Rows read without their merged areas (a sheet of unknown width) get them with the first trip that has room.
    if (options.merges && !probed && got > 0) tasks.push({ sheet: s.name, kind: 'merges', row: 0, rows: got, col: 0, cols: columnCount });
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
    const w = weights.get(t.sheet) ?? { perCell: 100, margin: PROBE_MARGIN, mergesPerCell: 0 };
    // A formula is about as long as a figure's text; 48 bytes covers "=SUM(G12,I12,K12,M12)".
    if (t.kind === 'formulas') return 48;
    return (t.kind === 'values' ? Math.max(4, w.perCell) * w.margin : 0) + w.mergesPerCell;
  }, options.responseBudget);
  const state: TripState = {
    blocks,
    merges: options.merges,
    deferred: [],
    onCells: (cells) => {
      done += cells;
      options.onProgress?.(done, totalCells);
    },
  };
  for (const trip of trips) syncs += await loadTrip(context, trip, state);

  // Rows whose merged areas failed with their values: on their own, in smaller bands; a sheet that still fails has none.
  const late = state.deferred.length > 0 ? await readMerges(context, state.deferred) : null;
  syncs += late?.syncs ?? 0;
  for (const [name, list] of late?.merges ?? []) {
    const b = blocks.get(name);
    if (b) keepAreas(b, list);
  }
  const mergesOf = (name: string): string[] => (late?.failed.has(name) ? [] : [...new Set(blocks.get(name)?.merges ?? [])]);
  const snapshot: WorkbookSnapshot = {
    sheets: present.map((s) => toSheet(s.name, s.used.isNullObject ? null : (blocks.get(s.name) ?? null), options.merges ? mergesOf(s.name) : [])),
  };
  for (const s of present) {
    const b = blocks.get(s.name);
    if (!b || b.values.length === 0) continue;
    const merges = options.merges && !late?.failed.has(s.name) ? { mergeBytesPerRow: jsonBytes([mergesOf(s.name)]) / b.values.length } : {};
    memory.set(s.name, { rows: b.values.length, bytesPerRow: jsonBytes(b.values) / b.values.length, columns: s.used.columnCount, ...merges });
  }
  return {
    snapshot,
    missing: sheets.filter((s) => s.ws.isNullObject).map((s) => s.name),
    syncs,
    problems: found,
    allSheets: all.items.map((w) => w.name),
    sheetIds: new Map(all.items.map((w) => [w.name, w.id])),
    settings: Object.fromEntries(settings.filter((s) => !s.item.isNullObject).map((s) => [s.key, s.item.value as unknown])),
    ...(options.view ? { view: markView(context, sheets) } : {}),
  };
}
