import { RECORD_SHEET } from '../../host';
import { emptyOwnership, parseOwnership, type Ownership } from '../ownership';
import { PatchError } from './errors';
import { REL, type Package } from './package';
import { indexSheet } from './sheet-index';
import { children, local, root, textOf, unXstring, xstring, type Element } from './xml';
import type { SheetEntry, WorkbookPart } from './workbook';

/** FNV-1a, 32 bits, hex: enough to tell our text from an edited one. */
export function textHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The text of one shared string (runs joined; phonetic runs left out). */
function sharedString(pkg: Package, workbookPath: string, n: number): string | undefined {
  const t = pkg.targets(workbookPath, REL.sharedStrings)[0];
  const xml = t ? pkg.read(t.path) : undefined;
  if (!xml) return undefined;
  const si = children(xml, root(xml).open).filter((c) => local(c.open.name) === 'si')[n];
  if (!si) return undefined;
  const texts: string[] = [];
  const walk = (el: Element): void => {
    for (const c of children(xml, el.open)) {
      const name = local(c.open.name);
      if (name === 't') texts.push(textOf(xml, c));
      else if (name === 'r') walk(c);
    }
  };
  walk(si);
  return unXstring(texts.join(''));
}

/** A cell's text as a string: shared, inline, formula string or plain value. */
function cellText(pkg: Package, workbookPath: string, xml: string, cell: Element): string | undefined {
  const t = xml.slice(cell.open.start, cell.open.end).match(/\st\s*=\s*["']([^"']*)["']/)?.[1];
  const kids = children(xml, cell.open);
  const v = kids.find((k) => local(k.open.name) === 'v');
  if (t === 's') return v ? sharedString(pkg, workbookPath, Number(textOf(xml, v))) : undefined;
  if (t === 'inlineStr') {
    const is = kids.find((k) => local(k.open.name) === 'is');
    if (!is) return undefined;
    const parts: string[] = [];
    for (const c of children(xml, is.open)) {
      if (local(c.open.name) === 't') parts.push(textOf(xml, c));
      else if (local(c.open.name) === 'r') for (const rt of children(xml, c.open)) if (local(rt.open.name) === 't') parts.push(textOf(xml, rt));
    }
    return unXstring(parts.join(''));
  }
  return v ? unXstring(textOf(xml, v)) : undefined;
}

/** Our record sheet: very hidden, named _plancheck. A visible sheet of that name is the user's. */
export function recordSheet(wb: WorkbookPart): SheetEntry | undefined {
  const s = wb.sheet(RECORD_SHEET);
  return s && s.state === 'veryHidden' ? s : undefined;
}

export interface RecordContent {
  /** A1: the acknowledgements' JSON, as saved by this and earlier versions. */
  acks: string | undefined;
  owned: Ownership;
}

/** Reads the record sheet: A1 the acknowledgements, column A from row 2 on the ownership tag (in chunks). */
export function readRecord(pkg: Package, wb: WorkbookPart): RecordContent {
  const s = recordSheet(wb);
  const xml = s?.path ? pkg.read(s.path) : undefined;
  if (!xml) return { acks: undefined, owned: emptyOwnership() };
  let acks: string | undefined;
  const tag: string[] = [];
  for (const r of indexSheet(xml).rows) {
    const a = r.cells.find((c) => c.col === 1);
    if (!a) continue;
    const text = cellText(pkg, wb.path, xml, a.el);
    if (r.row === 1) acks = text;
    else if (text !== undefined) tag.push(text);
  }
  return { acks, owned: tag.length > 0 ? parseOwnership(tag.join('')) : emptyOwnership() };
}

/** A cell holds at most 32,767 characters: the tag is cut into pieces well below that. */
const CHUNK = 30_000;

function recordXml(rec: RecordContent): string {
  const cell = (row: number, text: string): string =>
    `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t xml:space="preserve">${xstring(text)}</t></is></c></row>`;
  const rows: string[] = [];
  if (rec.acks !== undefined) rows.push(cell(1, rec.acks));
  const tag = JSON.stringify(rec.owned);
  for (let i = 0, row = 2; i < tag.length; i += CHUNK, row++) rows.push(cell(row, tag.slice(i, i + CHUNK)));
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** Writes the record sheet whole (it is ours), adding it very hidden at the end when missing. */
export function writeRecord(pkg: Package, wb: WorkbookPart, rec: RecordContent): void {
  const s = recordSheet(wb);
  if (s?.path) {
    pkg.write(s.path, recordXml(rec));
    return;
  }
  if (wb.sheet(RECORD_SHEET)) throw new PatchError('recordSheet');
  wb.addSheet(RECORD_SHEET, pkg.freshPath('xl/worksheets/', 'sheet', '.xml'), recordXml(rec), 'veryHidden');
}
