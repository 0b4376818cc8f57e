import { PatchError } from './errors';
import { child } from './order';
import { colNumber, parseCell } from './refs';
import { attrs, children, local, prefixOf, root, tags, type Element, type Tag } from './xml';

export interface CellEl {
  row: number;
  col: number;
  el: Element;
  /** Whether the cell states its own address (r="…"); cells may leave it implied by position. */
  explicit: boolean;
}

export interface RowEl {
  row: number;
  el: Element;
  explicit: boolean;
  cells: CellEl[];
}

/** Where the rows and cells of a worksheet sit in its XML, in document order. */
export interface SheetIndex {
  root: Tag;
  /** "" or the prefix of the worksheet's namespace ("x:"). */
  prefix: string;
  sheetData: Element;
  rows: RowEl[];
}

/** One attribute's raw value inside a tag, found without allocating the others (the index runs over every cell). */
export function rawAttr(xml: string, tag: Tag, name: string): string | undefined {
  let i = tag.start + 1 + tag.name.length;
  const end = tag.end;
  while (i < end) {
    const eq = xml.indexOf('=', i);
    if (eq < 0 || eq >= end) return undefined;
    let k = i;
    while (k < eq && (xml[k] === ' ' || xml[k] === '\t' || xml[k] === '\n' || xml[k] === '\r')) k++;
    let q = eq + 1;
    while (xml[q] === ' ' || xml[q] === '\t' || xml[q] === '\n' || xml[q] === '\r') q++;
    const quote = xml[q];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = xml.indexOf(quote, q + 1);
    if (close < 0 || close >= end) return undefined;
    if (xml.slice(k, eq).trimEnd() === name) return xml.slice(q + 1, close);
    i = close + 1;
  }
  return undefined;
}

/** One pass over <sheetData>: rows at depth 1, cells at depth 2. */
export function indexSheet(xml: string): SheetIndex {
  const r = root(xml);
  const sheetData = child(xml, r.open, 'sheetData');
  if (!sheetData) throw new PatchError('badXml', 'sheetData');
  const rows: RowEl[] = [];
  let lastRow = 0;
  let lastCol = 0;
  let row: RowEl | null = null;
  let cell: { tag: Tag; pos: { row: number; col: number } | null } | null = null;
  let depth = 0;
  const rowOf = (tag: Tag): RowEl => {
    const ra = rawAttr(xml, tag, 'r');
    const n = ra !== undefined ? Number(ra) : lastRow + 1;
    if (!Number.isInteger(n) || n < 1) throw new PatchError('badXml', `row ${ra ?? ''}`);
    lastRow = n;
    lastCol = 0;
    return { row: n, el: { open: tag, end: tag.end, contentEnd: tag.end }, explicit: ra !== undefined, cells: [] };
  };
  const addCell = (tag: Tag, end: number, contentEnd: number): void => {
    if (!row) return;
    const ref = rawAttr(xml, tag, 'r');
    const pos = ref !== undefined ? parseCell(ref) : null;
    const col = pos ? pos.col : lastCol + 1;
    lastCol = col;
    row.cells.push({ row: row.row, col, el: { open: tag, end, contentEnd }, explicit: pos !== null });
  };
  if (sheetData.open.kind === 'empty') return { root: r.open, prefix: prefixOf(r.open.name), sheetData, rows };
  for (const t of tags(xml, sheetData.open.end, sheetData.contentEnd)) {
    if (t.kind === 'close') {
      depth--;
      if (depth === 0 && row) {
        row.el = { open: row.el.open, end: t.end, contentEnd: t.start };
        rows.push(row);
        row = null;
      } else if (depth === 1 && cell) {
        addCell(cell.tag, t.end, t.start);
        cell = null;
      }
      continue;
    }
    const name = local(t.name);
    if (depth === 0) {
      if (name !== 'row') {
        if (t.kind === 'open') depth++;
        continue;
      }
      const rw = rowOf(t);
      if (t.kind === 'empty') rows.push(rw);
      else {
        row = rw;
        depth = 1;
      }
    } else if (depth === 1) {
      if (name === 'c' && t.kind === 'empty') addCell(t, t.end, t.end);
      else if (t.kind === 'open') {
        if (name === 'c') cell = { tag: t, pos: null };
        depth++;
      }
    } else if (t.kind === 'open') depth++;
  }
  return { root: r.open, prefix: prefixOf(r.open.name), sheetData, rows };
}

/** The <col> ranges that give a style, in document order: read once per sheet write, not once per new cell. */
export function columnStyles(xml: string, index: SheetIndex): { min: number; max: number; style: number }[] {
  const cols = child(xml, index.root, 'cols');
  const out: { min: number; max: number; style: number }[] = [];
  for (const c of cols ? children(xml, cols.open) : []) {
    const a = attrs(xml, c.open);
    const style = a.get('style');
    if (style !== undefined) out.push({ min: Number(a.get('min')), max: Number(a.get('max')), style: Number(style) });
  }
  return out;
}

/** The default style of a new cell in a row: the row's (when it has a custom format), else its column's, else 0. */
export function defaultStyle(xml: string, row: RowEl | undefined, col: number, cols: { min: number; max: number; style: number }[]): number {
  if (row) {
    const a = attrs(xml, row.el.open);
    if (a.get('customFormat') === '1' && a.get('s') !== undefined) return Number(a.get('s'));
  }
  for (const c of cols) if (c.min <= col && col <= c.max) return c.style;
  return 0;
}

/** The <f> element of a cell, if any, with its attributes and text. */
export function formulaOf(xml: string, cell: Element): { el: Element; attrs: Map<string, string> } | undefined {
  const f = children(xml, cell.open).find((c) => local(c.open.name) === 'f');
  return f ? { el: f, attrs: attrs(xml, f.open) } : undefined;
}

export { colNumber };
