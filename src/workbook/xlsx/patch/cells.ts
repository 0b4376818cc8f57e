import { PatchError } from './errors';
import { child } from './order';
import { cellOf, cellRef, colLetters, parseRange, shiftFormula, type Pos } from './refs';
import { columnStyles, defaultStyle, formulaOf, indexSheet, type CellEl, type SheetIndex } from './sheet-index';
import type { Styles } from './styles';
import { attrs, escapeText, splice, textOf, withAttr, withoutAttr, type Splice } from './xml';

/** A number (or a formula with its cached number) to write into one cell. */
export interface CellWrite {
  cell: string;
  value: number;
  /** Without "=". */
  formula?: string;
  format?: string;
}

/** A number as the XML stores it; NaN and Infinity are refused, never written. */
export function numberText(v: number, where: string): string {
  if (!Number.isFinite(v)) throw new PatchError('notFinite', `${where}: ${String(v)}`);
  return String(Object.is(v, -0) ? 0 : v);
}

function content(w: CellWrite, p: string, where: string): string {
  const v = `<${p}v>${numberText(w.value, where)}</${p}v>`;
  return w.formula !== undefined ? `<${p}f>${escapeText(w.formula)}</${p}f>${v}` : v;
}

/** Array formulas' areas: a cell inside one (other than a one-cell array of its own) cannot be written alone. */
function arrayAreas(xml: string, index: SheetIndex): { from: Pos; to: Pos }[] {
  if (!xml.includes('array')) return [];
  const out: { from: Pos; to: Pos }[] = [];
  for (const r of index.rows) {
    for (const c of r.cells) {
      const f = formulaOf(xml, c.el);
      const ref = f?.attrs.get('ref');
      if (f?.attrs.get('t') === 'array' && ref) {
        const area = parseRange(ref);
        if (area && (area.from.row !== area.to.row || area.from.col !== area.to.col)) out.push(area);
      }
    }
  }
  return out;
}

/**
 * The target cells ("row:col") that lie inside an array formula's area. Each area looks up only the target rows
 * it spans (binary search over them), so many areas and many writes cost their sum, not their product.
 */
function insideArrays(areas: { from: Pos; to: Pos }[], byRow: Map<number, { pos: Pos }[]>): Set<string> {
  const hit = new Set<string>();
  if (areas.length === 0) return hit;
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  for (const a of areas) {
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]! < a.from.row) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < rows.length && rows[i]! <= a.to.row; i++) {
      for (const { pos } of byRow.get(rows[i]!)!) if (pos.col >= a.from.col && pos.col <= a.to.col) hit.add(`${pos.row}:${pos.col}`);
    }
  }
  return hit;
}

/** The cells of each shared-formula group (by si), in document order: read once, when a master is overwritten. */
const NO_SI = '\u0000';
type SharedGroups = Map<string, { cell: CellEl; f: NonNullable<ReturnType<typeof formulaOf>> }[]>;

function sharedGroups(xml: string, index: SheetIndex): SharedGroups {
  const out: SharedGroups = new Map();
  for (const r of index.rows) {
    for (const c of r.cells) {
      const g = formulaOf(xml, c.el);
      if (!g || g.attrs.get('t') !== 'shared') continue;
      const si = g.attrs.get('si') ?? NO_SI;
      const list = out.get(si);
      if (list) list.push({ cell: c, f: g });
      else out.set(si, [{ cell: c, f: g }]);
    }
  }
  return out;
}

/**
 * When a shared formula's master cell is overwritten, the next cell of its group becomes the master: it gets the
 * formula text moved to where it is, and the group's area shrinks to the cells still in it.
 */
function reassignShared(xml: string, groups: SharedGroups, master: CellEl, written: Set<string>, edits: Splice[]): void {
  const f = formulaOf(xml, master.el)!;
  const si = f.attrs.get('si');
  const text = textOf(xml, f.el);
  const members = (groups.get(si ?? NO_SI) ?? []).filter((m) => m.cell !== master && !written.has(cellRef(m.cell)));
  const next = members[0];
  if (!next) return;
  // Bounds by a loop: a spread of a whole column's cells into Math.min would overflow the call stack.
  let top = next.cell.row, bottom = next.cell.row, left = next.cell.col, right = next.cell.col;
  for (const m of members) {
    top = Math.min(top, m.cell.row);
    bottom = Math.max(bottom, m.cell.row);
    left = Math.min(left, m.cell.col);
    right = Math.max(right, m.cell.col);
  }
  const area = `${colLetters(left)}${top}:${colLetters(right)}${bottom}`;
  let open = withAttr(xml.slice(next.f.el.open.start, next.f.el.open.end), 'ref', area);
  const name = next.f.el.open.name;
  if (open.endsWith('/>')) open = `${open.slice(0, -2).trimEnd()}>`;
  const moved = escapeText(shiftFormula(text, next.cell.row - master.row, next.cell.col - master.col));
  edits.push({ start: next.f.el.open.start, end: next.f.el.end, text: `${open}${moved}</${name}>` });
}

/**
 * Rows and cells may leave r="…" implied by their position; an insertion before them would move them, so in the
 * rows we touch (and among rows when rows are inserted) each gets its address written out first.
 */
function explicitRefs(xml: string, index: SheetIndex, rows: Set<number>): string {
  const edits: Splice[] = [];
  const present = new Set(index.rows.map((x) => x.row));
  const newRow = [...rows].some((r) => !present.has(r));
  for (const r of index.rows) {
    let open = xml.slice(r.el.open.start, r.el.open.end);
    if (!r.explicit && newRow) open = withAttr(open, 'r', String(r.row));
    if (open !== xml.slice(r.el.open.start, r.el.open.end)) edits.push({ start: r.el.open.start, end: r.el.open.end, text: open });
    if (!rows.has(r.row)) continue;
    for (const c of r.cells) {
      if (!c.explicit) edits.push({ start: c.el.open.start, end: c.el.open.end, text: withAttr(xml.slice(c.el.open.start, c.el.open.end), 'r', cellRef(c)) });
    }
  }
  return edits.length > 0 ? splice(xml, edits) : xml;
}

/**
 * Writes numbers and formulas into a worksheet's XML by splicing: each target cell is replaced (or inserted in
 * column order, its <row> created in row order where missing); every other byte of the sheet stays. A target
 * cell keeps its own style unless a format is given; then it gets an xf cloned from its own with only the
 * number format changed. Returns whether a cell that had a formula was changed (calcChain must then go).
 */
export function writeCells(original: string, writes: CellWrite[], styles: Styles, sheetName: string): { xml: string; touchedFormula: boolean } {
  const targets = new Set(writes.map((w) => cellOf(w.cell).row));
  const first = indexSheet(original);
  const xml = explicitRefs(original, first, targets);
  // The sheet is indexed again only when explicit addresses were written in (positions moved).
  const index = xml === original ? first : indexSheet(xml);
  const p = index.prefix;
  const byRow = new Map<number, { pos: Pos; w: CellWrite }[]>();
  const slot = new Map<string, number>();
  for (const w of writes) {
    const pos = cellOf(w.cell);
    let list = byRow.get(pos.row);
    if (!list) byRow.set(pos.row, (list = []));
    // A later write to the same cell replaces the earlier one where it stood.
    const key = `${pos.row}:${pos.col}`;
    const same = slot.get(key);
    if (same !== undefined) list[same] = { pos, w };
    else {
      slot.set(key, list.length);
      list.push({ pos, w });
    }
  }
  const inArray = insideArrays(arrayAreas(xml, index), byRow);
  const written = new Set([...slot.keys()].map((k) => {
    const [r, c] = k.split(':').map(Number) as [number, number];
    return cellRef({ row: r, col: c });
  }));
  const rowsByNumber = new Map(index.rows.map((r) => [r.row, r]));
  const cols = columnStyles(xml, index);
  let groups: SharedGroups | undefined;
  const edits: Splice[] = [];
  const newRows: { row: number; text: string }[] = [];
  let touchedFormula = false;
  let minCol = Infinity;
  let maxCol = 0;

  for (const [rowNumber, list] of byRow) {
    list.sort((a, b) => a.pos.col - b.pos.col);
    const row = rowsByNumber.get(rowNumber);
    // The row's cells by column (the first of a column, as a search in document order finds it).
    const byCol = new Map<number, CellEl>();
    for (const c of row?.cells ?? []) if (!byCol.has(c.col)) byCol.set(c.col, c);
    // The first cell (in document order) right of each target: targets go left to right, so it only moves on.
    let next = 0;
    const inserts = new Map<number, string[]>();
    let insertedAny = false;
    for (const { pos, w } of list) {
      const where = `${sheetName}!${cellRef(pos)}`;
      minCol = Math.min(minCol, pos.col);
      maxCol = Math.max(maxCol, pos.col);
      if (inArray.has(`${pos.row}:${pos.col}`)) throw new PatchError('arrayFormula', where);
      const existing = byCol.get(pos.col);
      if (existing) {
        const a = attrs(xml, existing.el.open);
        const f = formulaOf(xml, existing.el);
        if (f) {
          touchedFormula = true;
          if (f.attrs.get('t') === 'shared' && f.attrs.get('ref')) reassignShared(xml, (groups ??= sharedGroups(xml, index)), existing, written, edits);
        }
        const base = Number(a.get('s') ?? 0);
        const s = w.format !== undefined ? styles.withFormat(base, w.format) : base;
        let open = xml.slice(existing.el.open.start, existing.el.open.end);
        if (open.endsWith('/>')) open = `${open.slice(0, -2).trimEnd()}>`;
        for (const drop of ['t', 'cm', 'vm']) open = withoutAttr(open, drop);
        open = withAttr(open, 'r', cellRef(pos));
        open = s === 0 && a.get('s') === undefined ? open : withAttr(open, 's', String(s));
        edits.push({ start: existing.el.open.start, end: existing.el.end, text: `${open}${content(w, p, where)}</${existing.el.open.name}>` });
        continue;
      }
      const base = defaultStyle(xml, row, pos.col, cols);
      const s = w.format !== undefined ? styles.withFormat(base, w.format) : base;
      const text = `<${p}c r="${cellRef(pos)}"${s ? ` s="${s}"` : ''}>${content(w, p, where)}</${p}c>`;
      const cells = row?.cells ?? [];
      while (next < cells.length && cells[next]!.col <= pos.col) next++;
      const at = next < cells.length ? cells[next]!.el.open.start : -1;
      const texts = inserts.get(at);
      if (texts) texts.push(text);
      else inserts.set(at, [text]);
      insertedAny = true;
    }
    if (!row) {
      const parts: string[] = [];
      for (const texts of inserts.values()) for (const t of texts) parts.push(t);
      newRows.push({ row: rowNumber, text: parts.join('') });
      continue;
    }
    if (!insertedAny) continue;
    let open = xml.slice(row.el.open.start, row.el.open.end);
    const spans = attrs(xml, row.el.open).get('spans');
    if (spans && /^\d+:\d+$/.test(spans)) {
      const [a, b] = spans.split(':').map(Number) as [number, number];
      let lo = a;
      let hi = b;
      for (const x of list) {
        lo = Math.min(lo, x.pos.col);
        hi = Math.max(hi, x.pos.col);
      }
      const next = `${lo}:${hi}`;
      if (next !== spans) open = withAttr(open, 'spans', next);
    }
    const tail = (inserts.get(-1) ?? []).join('');
    if (row.el.open.kind === 'empty') {
      edits.push({ start: row.el.open.start, end: row.el.end, text: `${open.slice(0, -2).trimEnd()}>${tail}</${row.el.open.name}>` });
    } else {
      if (open !== xml.slice(row.el.open.start, row.el.open.end)) {
        // The row's own tag changes (spans), and so may a first cell's r: splice each piece separately.
        edits.push({ start: row.el.open.start, end: row.el.open.end, text: open });
      }
      if (tail) edits.push({ start: row.el.contentEnd, end: row.el.contentEnd, text: tail });
    }
    for (const [at, texts] of inserts) if (at >= 0) edits.push({ start: at, end: at, text: texts.join('') });
  }

  if (newRows.length > 0) insertRows(xml, index, newRows, edits);
  extendDimension(xml, index, [...byRow.keys()], minCol, maxCol, edits);
  return { xml: splice(xml, edits), touchedFormula };
}

function insertRows(xml: string, index: SheetIndex, rows: { row: number; text: string }[], edits: Splice[]): void {
  const p = index.prefix;
  rows.sort((a, b) => a.row - b.row);
  const sd = index.sheetData;
  const byPos = new Map<number, string[]>();
  // The first existing row (in document order) below each new one: new rows go top down, so it only moves on.
  let next = 0;
  for (const r of rows) {
    while (next < index.rows.length && index.rows[next]!.row <= r.row) next++;
    const after = index.rows[next];
    const at = after ? after.el.open.start : sd.open.kind === 'empty' ? -1 : sd.contentEnd;
    const text = `<${p}row r="${r.row}">${r.text}</${p}row>`;
    const texts = byPos.get(at);
    if (texts) texts.push(text);
    else byPos.set(at, [text]);
  }
  for (const [at, texts] of byPos) {
    if (at < 0) {
      const open = xml.slice(sd.open.start, sd.open.end);
      edits.push({ start: sd.open.start, end: sd.open.end, text: `${open.slice(0, -2).trimEnd()}>${texts.join('')}</${sd.open.name}>` });
    } else edits.push({ start: at, end: at, text: texts.join('') });
  }
}

function extendDimension(xml: string, index: SheetIndex, rows: number[], minCol: number, maxCol: number, edits: Splice[]): void {
  const dim = child(xml, index.root, 'dimension');
  if (!dim || rows.length === 0) return;
  const ref = attrs(xml, dim.open).get('ref') ?? '';
  const area = parseRange(ref);
  let minRow = Infinity;
  let maxRow = -Infinity;
  for (const r of rows) {
    minRow = Math.min(minRow, r);
    maxRow = Math.max(maxRow, r);
  }
  const lo = { row: minRow, col: minCol };
  const hi = { row: maxRow, col: maxCol };
  const from = area ? { row: Math.min(area.from.row, lo.row), col: Math.min(area.from.col, lo.col) } : lo;
  const to = area ? { row: Math.max(area.to.row, hi.row), col: Math.max(area.to.col, hi.col) } : hi;
  // A sheet with no cells says "A1"; any area read back the same is left alone.
  const next = `${cellRef(from)}:${cellRef(to)}`;
  const same = area && area.from.row === from.row && area.from.col === from.col && area.to.row === to.row && area.to.col === to.col;
  if (!same) edits.push({ start: dim.open.start, end: dim.open.end, text: withAttr(xml.slice(dim.open.start, dim.open.end), 'ref', next) });
}

