import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';

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
  syncs: number;
}

/** A payload error: the request or response was too large for one round trip. */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  const msg = e instanceof Error ? e.message : String(e);
  return /PayloadSizeLimitExceeded|payload size/i.test(`${code} ${msg}`);
}

const cellValue = (v: unknown): CellValue =>
  v === '' || v === undefined ? null : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;

/** "Plan!A1:O1,Plan!F2:G2" or "'แผน ๑'!A1:B2" → ["A1:O1", "F2:G2"]. */
export function mergeAddresses(address: string): string[] {
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((a) => a.slice(a.lastIndexOf('!') + 1).replace(/\$/g, '').trim())
    .filter((a) => a.length > 0);
}

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
    // Excel calculates every formula it holds before it answers, so each formula cell's `values` entry is its
    // result: no formula cell is without a value (an empty list says so, unlike a host that cannot tell).
    ...(anyFormula ? { uncachedFormulas: [] } : {}),
  };
}

/**
 * Reads the chosen sheets into a snapshot in one `context.sync()`. When a response would be too large
 * (Excel on the web caps it at 5 MB), it reads the sizes first and then the rows in chunks.
 */
export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions): Promise<ReadResult> {
  let syncs = 0;
  const all = context.workbook.worksheets;
  all.load('items/name');
  const settings = (options.settings ?? []).map((key) => {
    const item = context.workbook.settings.getItemOrNullObject(key);
    item.load('value');
    return { key, item };
  });
  const extras = () => ({
    allSheets: all.items.map((w) => w.name),
    settings: Object.fromEntries(settings.filter((s) => !s.item.isNullObject).map((s) => [s.key, s.item.value as unknown])),
  });
  const sheets = options.sheets.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load(RANGE_PROPS);
    const merged = options.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { name, ws, used, merged };
  });
  try {
    await context.sync();
    syncs++;
    const missing = sheets.filter((s) => s.ws.isNullObject).map((s) => s.name);
    const snapshot: WorkbookSnapshot = {
      sheets: sheets
        .filter((s) => !s.ws.isNullObject)
        .map((s) => toSheet(s.name, s.used.isNullObject ? null : s.used, s.merged && !s.merged.isNullObject ? mergeAddresses(s.merged.address) : [])),
    };
    options.onProgress?.(1, 1);
    return { snapshot, missing, syncs, ...extras() };
  } catch (e) {
    if (!isPayloadError(e)) throw e;
  }
  const chunked = await readChunked(context, options, syncs);
  all.load('items/name');
  for (const s of settings) s.item.load('value');
  await context.sync();
  return { ...chunked, syncs: chunked.syncs + 1, ...extras() };
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
    used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    const merged = options.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    return { name, ws, used, merged };
  });
  await context.sync();
  syncs++;
  const present = sized.filter((s) => !s.ws.isNullObject);
  const totalCells = present.reduce((n, s) => n + (s.used.isNullObject ? 0 : s.used.rowCount * s.used.columnCount), 0);
  let cellsPerChunk = options.cellsPerChunk ?? 100_000;
  let done = 0;
  const out: SheetSnapshot[] = [];
  for (const s of present) {
    const merges = s.merged && !s.merged.isNullObject ? mergeAddresses(s.merged.address) : [];
    if (s.used.isNullObject) {
      out.push(toSheet(s.name, null, merges));
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
        if (!isPayloadError(e) || rows === 1) throw e;
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
    out.push(toSheet(s.name, block, merges));
  }
  return { snapshot: { sheets: out }, missing: sized.filter((s) => s.ws.isNullObject).map((s) => s.name), syncs };
}
