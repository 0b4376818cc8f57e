import type { CellValue } from '../../snapshot';
import { WorkbookReadError } from './errors';
import { shiftFormula } from './formula';
import { StringItem, decodeEscapes } from './strings';
import { parsePart } from './xml';
import type { ZipArchive } from './zip';

/** The cells of one row that exist in the file, in column order: the sparse form a sheet is read into. */
export interface SparseRow {
  row: number;
  cols: number[];
  values: CellValue[];
  /** Formulas ("=…") by cell, or null while the row has none. */
  formulas: (string | null)[] | null;
  formats: (string | null)[];
  /** Indexes (into this row) of formula cells that have no cached value. */
  uncached: number[];
}

export interface SparseSheet {
  rows: SparseRow[];
  merges: string[];
  cells: number;
}

export interface SheetContext {
  sheet: string;
  sharedStrings: readonly string[];
  numberFormats: readonly (string | null)[];
  cellsPerSheet: number;
}

/** Excel's serial day number of an ISO 8601 date (cells of type "d"). */
function isoSerial(s: string): CellValue {
  const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes('T') ? s : `${s}Z`);
  return Number.isNaN(t) ? s : (t - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** "AB12" → [12, 28]; [0, 0] when the reference is missing or malformed (the position is then inferred). */
function parseRef(ref: string | undefined): [number, number] {
  if (!ref) return [0, 0];
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 && col > 0 ? [row, col] : [0, 0];
}

/**
 * Reads one worksheet part into sparse rows: only cells that exist (a declared <dimension> is ignored), with
 * cached values (0 included), formulas with shared ones expanded, each cell's number format, and merged areas.
 */
export function readSheetPart(zip: ZipArchive, part: string, ctx: SheetContext): SparseSheet {
  const rows: SparseRow[] = [];
  const merges: string[] = [];
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let cells = 0;
  let current: SparseRow | null = null;
  let lastRow = 0;
  let lastCol = 0;

  // The cell being read.
  let inCell = false;
  let row = 0;
  let col = 0;
  let style = 0;
  let type = 'n';
  let hasValue = false;
  let valueText = '';
  let capture: 'v' | 'f' | null = null;
  let formulaText = '';
  let formulaAttrs: Record<string, string> | null = null;
  let inline: StringItem | null = null;

  const rowOf = (r: number): SparseRow => {
    if (current && current.row === r) return current;
    current = { row: r, cols: [], values: [], formulas: null, formats: [], uncached: [] };
    rows.push(current);
    return current;
  };

  const formulaOfCell = (): string | null => {
    if (!formulaAttrs) return null;
    const t = formulaAttrs.t;
    if (t === 'dataTable') return null;
    if (t === 'shared' && formulaAttrs.si !== undefined) {
      const si = formulaAttrs.si;
      if (formulaText !== '') {
        if (!masters.has(si)) masters.set(si, { text: formulaText, row, col });
        return formulaText;
      }
      const master = masters.get(si);
      return master ? shiftFormula(master.text, row - master.row, col - master.col) : null;
    }
    return formulaText !== '' ? formulaText : null;
  };

  const cachedValue = (): CellValue => {
    if (type === 'inlineStr') return inline ? inline.take() : null;
    if (!hasValue) return null;
    switch (type) {
      case 's': {
        const s = ctx.sharedStrings[Number(valueText)];
        return s === undefined ? null : s;
      }
      case 'str':
        return decodeEscapes(valueText);
      case 'b':
        return valueText.trim() === '1' || valueText.trim() === 'true';
      case 'e':
        return valueText;
      case 'd':
        return isoSerial(valueText.trim());
      default:
        return valueText.trim() === '' ? null : parseFloat(valueText);
    }
  };

  const endCell = (): void => {
    const formula = formulaOfCell();
    let value = cachedValue();
    // A formula's cached "" is what Excel shows as an empty cell; exceljs read it as empty too.
    if (formula !== null && value === '') value = null;
    if (value === null && formula === null) return;
    if (++cells > ctx.cellsPerSheet) throw WorkbookReadError.tooLarge({ limit: 'cellsPerSheet', allowed: ctx.cellsPerSheet, sheet: ctx.sheet });
    const r = rowOf(row);
    const i = r.cols.length;
    r.cols.push(col);
    r.values.push(value);
    r.formats.push(ctx.numberFormats[style] ?? null);
    if (formula !== null) {
      if (!r.formulas) r.formulas = new Array<string | null>(i).fill(null);
      r.formulas.push(`=${formula}`);
      if (!hasValue && type !== 'inlineStr') r.uncached.push(i);
    } else if (r.formulas) r.formulas.push(null);
  };

  parsePart(zip, part, {
    open(name, a) {
      if (inCell) {
        if (name === 'v') {
          capture = 'v';
          hasValue = true;
          valueText = '';
        } else if (name === 'f') {
          capture = 'f';
          formulaText = '';
          formulaAttrs = a;
        } else if (name === 'is') inline = new StringItem();
        else inline?.open(name);
        return;
      }
      if (name === 'row') {
        const r = Number(a.r);
        lastRow = Number.isInteger(r) && r > 0 ? r : lastRow + 1;
        lastCol = 0;
      } else if (name === 'c') {
        const [r, c] = parseRef(a.r);
        row = r || lastRow || 1;
        col = c || lastCol + 1;
        lastRow = row;
        lastCol = col;
        inCell = true;
        style = a.s ? Number(a.s) : 0;
        type = a.t ?? 'n';
        hasValue = false;
        formulaAttrs = null;
        formulaText = '';
        inline = null;
      } else if (name === 'mergeCell' && a.ref) merges.push(a.ref.replace(/\$/g, '').toUpperCase());
    },
    close(name) {
      if (!inCell) return;
      if (name === 'c') {
        inCell = false;
        capture = null;
        endCell();
      } else if (name === 'v' || name === 'f') capture = null;
      else inline?.close(name);
    },
    text(s) {
      if (capture === 'v') valueText += s;
      else if (capture === 'f') formulaText += s;
      else if (inline) inline.text(s);
    },
  });
  return { rows, merges, cells };
}
