import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';
import { HostProblem, mayBeOversized, problems } from './errors';
import { readMerges, type MergeTarget } from './merges';


/** What a sheet read loads: only what the engine needs (not `text`: Thai text is 3 bytes a character). */
const RANGE_PROPS = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'formulas', 'numberFormat'];

export interface ReadOptions {
  /** Sheets to read, by name. */
  sheets: string[];
  /** Merged areas need ExcelApi 1.13; without them the engine carries group labels from the left. */
  merges: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Cells per request when a sheet is too big for one response (chunked reading). */
  cellsPerChunk?: number;
  /** Workbook settings to read in the same round trip (our acknowledgements). */
  settings?: string[];
}

export interface ReadResult {
  snapshot: WorkbookSnapshot;
  /** Sheets that no longer exist. */
  missing: string[];
  /** Every sheet name in the workbook now, to notice sheets added since the names were listed. */
  allSheets: string[];
  settings: Record<string, unknown>;
  /** What limits this read (manual calculation, sheets too large to read), for the pane to say. */
  problems: HostProblem[];
  syncs: number;
}

/** Excel returns no values for a range of more cells than this (documented for Excel on the web). */
export const MAX_RANGE_CELLS = 5_000_000;

const cellValue = (v: unknown): CellValue =>
  v === '' || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;

interface Block {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

function toSheet(name: string, block: Block | null, merges: string[]): SheetSnapshot {
  if (!block) return { name, origin: { row: 1, column: 1 }, values: [], merges };
  const values = block.values.map((r) => r.map(cellValue));
  let anyFormula = false;
  const formulas = block.formulas.map((r) =>
    r.map((f) => {
      if (typeof f === 'string' && f.startsWith('=')) {
        anyFormula = true;
        return f;
      }
      return null;
    }),
  );
  return {
    name,
    origin: { row: block.rowIndex + 1, column: block.columnIndex + 1 },
    values,
    ...(anyFormula ? { formulas } : {}),
    numberFormats: block.numberFormat.map((r) => r.map((n) => (typeof n === 'string' ? n : null))),
    merges,
  };
}

/** A block Excel answered in full: as many rows of values, formulas and formats as the range has. */
const complete = (b: Excel.Range): boolean =>
  Array.isArray(b.values) && b.values.length === b.rowCount && Array.isArray(b.formulas) && b.formulas.length === b.rowCount;

/**
 * Reads the chosen sheets' cells into a snapshot in one `context.sync()`, and their merged areas in a second
 * (in bands, see merges.ts). When a response would be too large (Excel on the web caps it at 5 MB, and reports
 * some oversized responses as an internal error) or comes back without values, it reads the sizes first and then
 * the rows in chunks; a sheet over Excel's cell limit is left out and said so.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions): Promise<ReadResult> {
  let syncs = 0;
  const all = context.workbook.worksheets;
  all.load('items/name');
  const app = context.workbook.application;
  app.load('calculationMode');
  const settings = (options.settings ?? []).map((key) => {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load('value');
    return { key, item };
  });
  const extras = () => ({
    allSheets: all.items.map((w) => w.name),
    settings: Object.fromEntries(settings.filter((s) => !s.item.isNullObject).map((s) => [s.key, s.item.value as unknown])),
  });
  const calculation = (): HostProblem[] => (app.calculationMode === 'Manual' ? [problems.manualCalculation()] : []);
  const sheets = options.sheets.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(RANGE_PROPS);
    return { name, ws, used };
  });
  let cells: Omit<ReadResult, 'allSheets' | 'settings'> | null = null;
  try {
    await context.sync();
    syncs++;
    const present = sheets.filter((s) => !s.ws.isNullObject);
    if (present.every((s) => s.used.isNullObject || complete(s.used))) {
      const sheetsRead = present.map((s) => toSheet(s.name, s.used.isNullObject ? null : s.used, []));
      options.onProgress?.(1, 1);
      cells = { snapshot: { sheets: sheetsRead }, missing: sheets.filter((s) => s.ws.isNullObject).map((s) => s.name), problems: calculation(), syncs };
    }
  } catch (e) {
    syncs++;
    if (!mayBeOversized(e)) throw e;
  }
  if (!cells) {
    const chunked = await readChunked(context, options, syncs);
    all.load('items/name');
    app.load('calculationMode');
    for (const s of settings) s.item.load('value');
    await context.sync();
    cells = { ...chunked, problems: [...calculation(), ...chunked.problems], syncs: chunked.syncs + 1 };
  }
  const withMerges = options.merges ? await addMerges(context, cells.snapshot) : { snapshot: cells.snapshot, syncs: 0 };
  return { ...cells, snapshot: withMerges.snapshot, syncs: cells.syncs + withMerges.syncs, ...extras() };
}

async function addMerges(context: Excel.RequestContext, snapshot: WorkbookSnapshot): Promise<{ snapshot: WorkbookSnapshot; syncs: number }> {
  const targets: MergeTarget[] = snapshot.sheets.map((s) => ({
    name: s.name,
    rowIndex: s.origin.row - 1,
    columnIndex: s.origin.column - 1,
    rowCount: s.values.length,
    columnCount: Math.max(0, ...s.values.map((r) => r.length)),
  }));
  const { merges, syncs } = await readMerges(context, targets);
  return { snapshot: { sheets: snapshot.sheets.map((s) => ({ ...s, merges: merges.get(s.name) ?? [] })) }, syncs };
}

async function readChunked(
  context: Excel.RequestContext,
  options: ReadOptions,
  syncsSoFar: number,
): Promise<Omit<ReadResult, 'allSheets' | 'settings'>> {
  let syncs = syncsSoFar;
  const sized = options.sheets.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    return { name, ws, used };
  });
  await context.sync();
  syncs++;
  const tooLarge = (s: (typeof sized)[number]) => !s.used.isNullObject && s.used.rowCount * s.used.columnCount > MAX_RANGE_CELLS;
  const skipped = sized.filter((s) => !s.ws.isNullObject && tooLarge(s));
  const present = sized.filter((s) => !s.ws.isNullObject && !tooLarge(s));
  const totalCells = present.reduce((n, s) => n + (s.used.isNullObject ? 0 : s.used.rowCount * s.used.columnCount), 0);
  let cellsPerChunk = options.cellsPerChunk ?? 100_000;
  let done = 0;
  const out: SheetSnapshot[] = [];
  for (const s of present) {
    if (s.used.isNullObject) {
      out.push(toSheet(s.name, null, []));
      continue;
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = s.used;
    const block: Block = { rowIndex, columnIndex, values: [], formulas: [], numberFormat: [] };
    let row = 0;
    while (row < rowCount) {
      const rows = Math.max(1, Math.min(rowCount - row, Math.floor(cellsPerChunk / columnCount)));
      const part = s.ws.getRangeByIndexes(rowIndex + row, columnIndex, rows, columnCount);
      part.load(['values', 'formulas', 'numberFormat']);
      try {
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        if (!mayBeOversized(e) || rows === 1) throw e;
        cellsPerChunk = Math.max(columnCount, Math.floor(cellsPerChunk / 2));
        continue;
      }
      block.values.push(...part.values);
      block.formulas.push(...part.formulas);
      block.numberFormat.push(...part.numberFormat);
      row += rows;
      done += rows * columnCount;
      options.onProgress?.(done, totalCells);
    }
    out.push(toSheet(s.name, block, []));
  }
  const cellsOf = (s: (typeof sized)[number]) => s.used.rowCount * s.used.columnCount;
  return {
    snapshot: { sheets: out },
    missing: sized.filter((s) => s.ws.isNullObject).map((s) => s.name),
    problems: skipped.map((s) => problems.usedRangeTooLarge(s.name, s.used.address.slice(s.used.address.lastIndexOf('!') + 1), cellsOf(s), MAX_RANGE_CELLS)),
    syncs,
  };
}
