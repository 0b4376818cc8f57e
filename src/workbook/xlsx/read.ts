import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { RECORD_SHEET } from '../host';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../snapshot';

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
  const uncached: string[] = [];
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
        // No <v> at all (a generator that never calculated); a cached 0 or "" is still a value.
        if ((cell.value as ExcelJS.CellFormulaValue).result === undefined) uncached.push(cell.address);
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
    ...(uncached.length > 0 ? { uncachedFormulas: uncached } : {}),
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

/**
 * exceljs reads a cached 0 as no result at all, so a formula cell it reports without a result is checked in the
 * sheet's XML: only a cell whose <c> has no <v> is uncached. (The package reader will read this itself.)
 */
function confirmUncached(bytes: Uint8Array, snapshot: WorkbookSnapshot): void {
  if (!snapshot.sheets.some((s) => s.uncachedFormulas)) return;
  const zip = unzipSync(bytes, { filter: (f) => f.name.startsWith('xl/') && f.name.endsWith('.xml') || f.name.endsWith('.rels') });
  const text = (path: string): string => (zip[path] ? strFromU8(zip[path] as Uint8Array) : '');
  const rels = new Map([...text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const unescape = (v: string): string => v.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const paths = new Map([...text('xl/workbook.xml').matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)].map((m) => [unescape(m[1] as string), `xl/${(rels.get(m[2] as string) ?? '').replace(/^\/?(xl\/)?/, '')}`]));
  for (const s of snapshot.sheets) {
    if (!s.uncachedFormulas) continue;
    const xml = text(paths.get(s.name) ?? '');
    const candidates = new Set(s.uncachedFormulas);
    const cached = new Set<string>();
    for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>((?:(?!<\/c>)[\s\S])*)<\/c>/g)) {
      const a = m[1] as string;
      const v = /<v>([^<]*)<\/v>/.exec(m[3] as string)?.[1];
      if (!candidates.has(a) || v === undefined) continue;
      cached.add(a);
      // The cached value exceljs dropped (a 0; text, TRUE and errors it keeps).
      const p = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
      const col = [...(p[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const row = s.values[Number(p[2]) - 1];
      if (row && row[col - 1] === null && !/t="(str|s|e|b|inlineStr)"/.test(m[2] as string)) row[col - 1] = Number(v);
    }
    const left = s.uncachedFormulas.filter((a) => !cached.has(a));
    if (left.length > 0) s.uncachedFormulas = left;
    else delete s.uncachedFormulas;
  }
}

/** Reads an .xlsx (path, Buffer or ArrayBuffer) into a workbook snapshot. Throws on unreadable input. */
export async function readXlsx(input: string | Buffer | ArrayBuffer, file?: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  // A path is only ever given on Node (the CLI, tests); the browser bundle must not try to resolve node:fs.
  const bytes = typeof input === 'string' ? new Uint8Array(await (await import(/* webpackIgnore: true */ 'node:fs/promises')).readFile(input)) : input instanceof ArrayBuffer ? new Uint8Array(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const snapshot = snapshotOf(wb, file);
  confirmUncached(bytes, snapshot);
  return snapshot;
}
