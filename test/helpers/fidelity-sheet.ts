import { MARK_TAG } from '../../src/domain/actions/types';
import type { Intent } from './fidelity-intent';
import { cellOf, colNumber, said, type Cell, type ResolvedStyle, type Styles } from './ooxml';
import { kid, kids, localName, textOf, type El } from './xml-tree';

export interface Problem {
  check: string;
  where: string;
  detail: string;
}

/** CT_Worksheet's children in schema order (ECMA-376 §18.3.1.99): Excel refuses a sheet out of this order. */
const ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export interface SheetSide {
  root: El;
  styles: Styles;
  strings: El[];
}

/** Every cell of a sheet by reference; a cell without `r` takes the next column of its row. */
export function cellsOf(side: SheetSide, problems: Problem[], where: string): { cells: Map<string, Cell>; rows: Map<number, El> } {
  const cells = new Map<string, Cell>();
  const rows = new Map<number, El>();
  let lastRow = 0;
  for (const row of kids(kid(side.root, 'sheetData'), 'row')) {
    const r = row.attrs.r ? Number(row.attrs.r) : lastRow + 1;
    if (r <= lastRow) problems.push({ check: 'cell-order', where, detail: `row ${r} after row ${lastRow}` });
    lastRow = r;
    rows.set(r, row);
    let lastCol = 0;
    for (const c of kids(row, 'c')) {
      const ref = c.attrs.r ?? `${letters(lastCol + 1)}${r}`;
      const cell = cellOf({ ...c, attrs: { ...c.attrs, r: ref } }, side.strings);
      if (cell.row !== r) problems.push({ check: 'cell-order', where: `${where}!${ref}`, detail: `cell in row ${r}` });
      if (cell.col <= lastCol) problems.push({ check: 'cell-order', where: `${where}!${ref}`, detail: `after column ${letters(lastCol)}` });
      lastCol = cell.col;
      cells.set(ref, cell);
    }
  }
  return { cells, rows };
}

function letters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const styleDiff = (a: ResolvedStyle, b: ResolvedStyle, skip: (keyof ResolvedStyle)[] = []): string[] =>
  (Object.keys(a) as (keyof ResolvedStyle)[]).filter((k) => !skip.includes(k) && a[k] !== b[k]).map((k) => `${k} ${a[k]} → ${b[k]}`);

/** Whether a range list ("A1:B3 D4") covers a cell. */
export function covers(sqref: string, ref: string): boolean {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return false;
  const col = colNumber(m[1]!);
  const row = Number(m[2]);
  return sqref.split(/\s+/).some((r) => {
    const [a, b = a] = r.replace(/\$/g, '').split(':');
    const p = /^([A-Z]+)(\d+)$/.exec(a ?? '');
    const q = /^([A-Z]+)(\d+)$/.exec(b ?? '');
    return !!p && !!q && col >= colNumber(p[1]!) && col <= colNumber(q[1]!) && row >= Number(p[2]) && row <= Number(q[2]);
  });
}

const isOurs = (cf: El): boolean => kids(cf, 'cfRule').some((r) => kids(r, 'formula').some((f) => textOf(f).includes(`"${MARK_TAG}:`)));

/** A sheet the actions touch: everything but the target cells as it was, targets as the actions say. */
export function judgeSheet(name: string, before: SheetSide, after: SheetSide, intent: Intent, problems: Problem[]): void {
  const targets = intent.targets.get(name) ?? new Map();
  const a = cellsOf(before, [], name);
  const b = cellsOf(after, problems, name);
  for (const [ref, was] of a.cells) {
    if (targets.has(ref)) continue;
    const now = b.cells.get(ref);
    const where = `${name}!${ref}`;
    if (!now) {
      problems.push({ check: 'cell-lost', where, detail: `${was.value}${was.formula ? ` ${was.formula}` : ''}` });
      continue;
    }
    if (now.value !== was.value) problems.push({ check: 'cell-value', where, detail: `${was.value} → ${now.value}` });
    if (now.formula !== was.formula) problems.push({ check: 'cell-formula', where, detail: `${was.formula} → ${now.formula}` });
    if (now.rest !== was.rest) problems.push({ check: 'cell-value', where, detail: `attributes ${was.rest} → ${now.rest}` });
    const diff = styleDiff(before.styles.resolve(was.style), after.styles.resolve(now.style));
    if (diff.length) problems.push({ check: 'cell-style', where, detail: diff.join('; ') });
  }
  for (const ref of b.cells.keys()) if (!a.cells.has(ref) && !targets.has(ref)) problems.push({ check: 'cell-added', where: `${name}!${ref}`, detail: b.cells.get(ref)!.value });
  for (const [ref, action] of targets) {
    const where = `${name}!${ref}`;
    const now = b.cells.get(ref);
    if (!now) {
      problems.push({ check: 'target', where, detail: 'no cell written' });
      continue;
    }
    const was = a.cells.get(ref);
    const wasStyle = before.styles.resolve(was?.style ?? 0);
    const nowStyle = after.styles.resolve(now.style);
    const format = action.kind === 'set-number' ? action.format : (action.format ?? wasStyle.numFmt);
    if (nowStyle.numFmt !== format) problems.push({ check: 'target-format', where, detail: `number format ${JSON.stringify(nowStyle.numFmt)}, meant ${JSON.stringify(format)}` });
    const diff = styleDiff(wasStyle, nowStyle, ['numFmt', 'quotePrefix']);
    if (diff.length) problems.push({ check: 'target-style', where, detail: diff.join('; ') });
    if (action.kind === 'set-number') {
      if (now.number !== action.value || now.formula !== null) problems.push({ check: 'target', where, detail: `${now.value}${now.formula ? ` ${now.formula}` : ''}, meant number:${action.value}` });
    } else {
      const f = /<f[^>]*>(.*)<\/f>$/.exec(now.formula ?? '')?.[1];
      if (f !== said(action.formula.replace(/^=/, ''))) problems.push({ check: 'target', where, detail: `formula ${now.formula}, meant ${action.formula}` });
    }
  }
  rowsKept(name, a.rows, b.rows, targets, problems);
  structureKept(name, before.root, after.root, intent, problems);
}

function rowsKept(name: string, a: Map<number, El>, b: Map<number, El>, targets: Map<string, unknown>, problems: Problem[]): void {
  const attrs = (row: El): string => {
    // spans and dyDescent are layout hints a writer recomputes; they mean nothing for the row.
    const { spans: _spans, 'x14ac:dyDescent': _descent, ...rest } = row.attrs;
    return said({ name: 'row', attrs: rest, children: [] });
  };
  for (const [r, was] of a) {
    const now = b.get(r);
    if (now && attrs(now) !== attrs(was)) problems.push({ check: 'row', where: `${name}!${r}:${r}`, detail: `${attrs(was)} → ${attrs(now)}` });
  }
  for (const [r, row] of b) {
    if (a.has(r)) continue;
    const stray = kids(row, 'c').filter((c) => !targets.has(c.attrs.r ?? ''));
    if (stray.length || kids(row, 'c').length === 0) problems.push({ check: 'row', where: `${name}!${r}:${r}`, detail: `row added: ${attrs(row)}` });
  }
}

/** Everything in the sheet part outside its cells: print setup, protection, validation, formats, drawings … */
function structureKept(name: string, a: El, b: El, intent: Intent, problems: Problem[]): void {
  const group = (el: El): Map<string, El[]> => {
    const m = new Map<string, El[]>();
    for (const k of kids(el)) {
      const n = localName(k.name);
      if (n === 'sheetData' || n === 'dimension') continue;
      m.set(n, [...(m.get(n) ?? []), k]);
    }
    return m;
  };
  const was = group(a);
  const now = group(b);
  for (const [n, els] of was) {
    const got = (now.get(n) ?? []).map(said);
    const want = els.map(said);
    if (n === 'conditionalFormatting') {
      for (const w of want) if (!got.includes(w)) problems.push({ check: 'sheet-part', where: name, detail: `conditional format lost or changed: ${w.slice(0, 300)}` });
      continue;
    }
    if (got.join('\n') !== want.join('\n')) problems.push({ check: 'sheet-part', where: name, detail: `<${n}> ${want.join('').slice(0, 300)} → ${got.join('').slice(0, 300) || '(gone)'}` });
  }
  for (const [n, els] of now) {
    if (was.has(n) && n !== 'conditionalFormatting') continue;
    if (n === 'conditionalFormatting') {
      const known = (was.get(n) ?? []).map(said);
      for (const e of els) if (!known.includes(said(e)) && !isOurs(e)) problems.push({ check: 'sheet-part', where: name, detail: `conditional format added that is not a mark: ${said(e).slice(0, 300)}` });
    } else if (!(n === 'legacyDrawing' && intent.notes.has(name))) problems.push({ check: 'sheet-part', where: name, detail: `<${n}> added: ${els.map(said).join('').slice(0, 300)}` });
  }
  const order = kids(b).map((k) => ORDER.indexOf(localName(k.name)));
  const bad = order.findIndex((o, i) => i > 0 && o < order[i - 1]!);
  if (bad > 0) problems.push({ check: 'schema-order', where: name, detail: `<${kids(b)[bad]!.name}> after <${kids(b)[bad - 1]!.name}>` });
  for (const cell of intent.marks.get(name) ?? []) {
    const marked = kids(b, 'conditionalFormatting').some((cf) => isOurs(cf) && covers(cf.attrs.sqref ?? '', cell));
    if (!marked) problems.push({ check: 'intended', where: `${name}!${cell}`, detail: 'meant to be marked, no mark covers it' });
  }
}
