/**
 * The exceljs reader the package reader replaced, kept as the reference the new reader is compared against
 * (test/workbook/package-reader.test.ts) and benchmarked against (bench/read.bench.ts).
 */
import ExcelJS from 'exceljs';
import { RECORD_SHEET } from '../../src/workbook/host';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';

/** Excel's serial day number for a date (1900 date system). */
function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A plain cell value from exceljs' value union: formulas give their cached result, rich text its text. */
export function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return excelSerial(v);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('error' in v) return String(v.error);
    if ('text' in v) return String((v as ExcelJS.CellHyperlinkValue).text);
  }
  return null;
}

function sheetSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const rows = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  const cols = ws.columnCount;
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  let anyFormula = false;
  for (let r = 1; r <= rows; r++) {
    const vr: CellValue[] = new Array(cols).fill(null);
    const fr: (string | null)[] = new Array(cols).fill(null);
    const nr: (string | null)[] = new Array(cols).fill(null);
    const row = ws.getRow(r);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > cols) return;
      // Excel reports only the top-left cell of a merged area; the others are empty.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      vr[c - 1] = plainValue(cell.value);
      if (cell.type === ExcelJS.ValueType.Formula) {
        fr[c - 1] = `=${cell.formula}`;
        anyFormula = true;
      }
      nr[c - 1] = cell.numFmt ?? null;
    });
    values.push(vr);
    formulas.push(fr);
    numberFormats.push(nr);
  }
  const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges ?? {}).length
    ? ws.model.merges
    : [];
  return {
    name: ws.name,
    origin: { row: 1, column: 1 },
    values,
    ...(anyFormula ? { formulas } : {}),
    numberFormats,
    merges: [...merges],
  };
}

/** The snapshot of an exceljs workbook already in memory (the browser keeps one while fixing). */
export function snapshotOf(wb: ExcelJS.Workbook, file?: string): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => {
    if (ws.name !== RECORD_SHEET) sheets.push(sheetSnapshot(ws));
  });
  return { ...(file !== undefined ? { file } : {}), sheets };
}

/** Reads an .xlsx (path, Buffer or ArrayBuffer) into a workbook snapshot with exceljs. */
export async function readWithExceljs(input: string | Buffer | ArrayBuffer, file?: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  if (typeof input === 'string') await wb.xlsx.readFile(input);
  else await wb.xlsx.load(input as ArrayBuffer);
  return snapshotOf(wb, file);
}
