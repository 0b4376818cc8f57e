import type { CellValue } from '../../snapshot';
import { shiftFormula } from './formula';
import { SheetRows, type DenseRow } from './rows';
import { StringItem, decodeEscapes } from './strings';
import { parsePart } from './xml';
import type { ZipArchive } from './zip';

export interface SheetCells {
  /** Rows with at least one cell, in row order. */
  rows: DenseRow[];
  merges: string[];
  /** [row, column] of formula cells that have no cached value. */
  uncached: [number, number][];
  /** Cells with a value or a formula. */
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
 * Reads one worksheet part into rows of the cells that exist (a declared <dimension> is ignored), with cached
 * values (0 included), formulas with shared ones expanded, each cell's number format, and merged areas.
 */
export function readSheetPart(zip: ZipArchive, part: string, ctx: SheetContext): SheetCells {
  const rows = new SheetRows(ctx.sheet, ctx.cellsPerSheet);
  const merges: string[] = [];
  const uncached: [number, number][] = [];
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let cells = 0;
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
    cells++;
    rows.set(row, col, value, formula === null ? null : `=${formula}`, ctx.numberFormats[style] ?? null);
    if (formula !== null && !hasValue && type !== 'inlineStr') uncached.push([row, col]);
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
  return { rows: rows.rows, merges, uncached, cells };
}
