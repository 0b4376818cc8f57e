/**
 * The .xlsx package reader: fflate (unzip) and saxes (streaming XML), no Node APIs, so the CLI and the
 * browser read a workbook the same way. It knows what a file is before parsing it (see identify.ts), reads
 * only the parts a snapshot needs, and stops at the limits in limits.ts with a WorkbookReadError.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../snapshot';
import { RECORD_SHEET } from '../../host';
import { parseOwnership } from '../ownership';
import { sheetSnapshot } from './grid';
import { openPackage } from './identify';
import { limitsWith, type ReadLimits } from './limits';
import { readRelationships, relType } from './opc';
import { readSheetPart } from './sheet';
import { readSharedStrings } from './strings';
import { readNumberFormats } from './styles';
import { readWorkbookPart } from './workbook';
import { WorkbookReadError } from './errors';

export { READ_LIMITS, type ReadLimits } from './limits';
export { WorkbookReadError, isWorkbookReadError, type ReadErrorKind, type Localized, type LimitBreach } from './errors';

export interface ReadOptions {
  /** The file name to put in the snapshot. */
  file?: string;
  /** Overrides of READ_LIMITS (tests use tiny ones). */
  limits?: Partial<ReadLimits>;
  /** Read only these sheets (the record sheet is read whenever it exists). */
  sheets?: readonly string[];
  /** Called after each sheet is read. */
  onProgress?: (done: number, total: number) => void;
}

export interface PackageRead {
  snapshot: WorkbookSnapshot;
  /** The very hidden sheet where the browser keeps acknowledgements; never part of the snapshot. */
  record: SheetSnapshot | null;
}

const toBytes = (input: Uint8Array | ArrayBuffer): Uint8Array => (input instanceof Uint8Array ? input : new Uint8Array(input));

/** Reads a workbook package (.xlsx, .xlsm, .xltx, .xltm) into a snapshot. Throws WorkbookReadError. */
export function readWorkbookPackage(input: Uint8Array | ArrayBuffer, options: ReadOptions = {}): PackageRead {
  const limits = limitsWith(options.limits);
  const { zip, workbookPart } = openPackage(toBytes(input), limits);
  const rels = readRelationships(zip, workbookPart);
  const book = readWorkbookPart(zip, workbookPart, limits.sheets);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const worksheets = book.sheets.flatMap((s) => {
    const rel = byId.get(s.rid);
    if (!rel || !relType(rel, 'worksheet') || rel.part === null) return [];
    if (options.sheets && s.name !== RECORD_SHEET && !options.sheets.includes(s.name)) return [];
    if (!zip.entry(rel.part)) throw WorkbookReadError.corrupt(`the part of sheet "${s.name}" is missing`);
    return [{ ...s, part: rel.part }];
  });
  const stringsPart = rels.find((r) => relType(r, 'sharedStrings'))?.part ?? null;
  const stylesPart = rels.find((r) => relType(r, 'styles'))?.part ?? null;

  // Declared sizes first: a bomb is refused before anything of it is inflated.
  const declared = [stringsPart, stylesPart, ...worksheets.map((w) => w.part)].reduce((n, p) => n + (p ? (zip.entry(p)?.size ?? 0) : 0), zip.used);
  if (declared > limits.inflatedBytes) throw WorkbookReadError.tooLarge({ limit: 'inflatedBytes', actual: declared, allowed: limits.inflatedBytes });

  const sharedStrings = readSharedStrings(zip, stringsPart, limits.sharedStrings);
  const numberFormats = readNumberFormats(zip, stylesPart);
  const sheets: SheetSnapshot[] = [];
  let record: SheetSnapshot | null = null;
  let cellsLeft = limits.cellsPerWorkbook;
  worksheets.forEach((w, i) => {
    const sparse = readSheetPart(zip, w.part, { sheet: w.name, sharedStrings, numberFormats, cellsPerSheet: limits.cellsPerSheet });
    const { snapshot, cells } = sheetSnapshot(sparse, {
      name: w.name,
      visibility: w.visibility,
      cellsPerSheet: limits.cellsPerSheet,
      cellsLeft,
      cellsPerWorkbook: limits.cellsPerWorkbook,
    });
    cellsLeft -= cells;
    if (w.name === RECORD_SHEET && w.visibility === 'veryHidden') record = snapshot;
    else sheets.push(snapshot);
    options.onProgress?.(i + 1, worksheets.length);
  });
  const ours = ownSheetIds(record);
  const idOf = new Map(worksheets.map((w) => [w.name, w.sheetId]));
  const marked = ours.size === 0 ? sheets : sheets.map((s) => (ours.has(idOf.get(s.name) ?? NaN) ? { ...s, generated: true } : s));
  const snapshot: WorkbookSnapshot = { ...(options.file !== undefined ? { file: options.file } : {}), sheets: marked, names: book.names };
  return { snapshot, record };
}

/** The sheetIds our ownership tag lists as generated (column A of the record sheet from row 2, in pieces). */
function ownSheetIds(record: SheetSnapshot | null): Set<number> {
  if (!record || record.origin.column !== 1) return new Set();
  const pieces: string[] = [];
  record.values.forEach((row, i) => {
    const a = row[0];
    if (record.origin.row + i >= 2 && typeof a === 'string') pieces.push(a);
  });
  return pieces.length === 0 ? new Set() : new Set(parseOwnership(pieces.join('')).sheets.map((s) => s.id));
}
