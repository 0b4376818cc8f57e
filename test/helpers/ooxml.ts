import { strFromU8, unzipSync } from 'fflate';
import { canonical, kid, kids, localName, parseXml, textOf, type El } from './xml-tree';

/**
 * Reading an .xlsx package for the fidelity judge, independently of every library the product writes with:
 * parts (uncompressed), relationships, sheets, defined names, styles resolved to what a cell shows, cells.
 */
export type Parts = Record<string, Uint8Array>;

export const unzip = (bytes: Uint8Array): Parts => unzipSync(bytes);

export function xmlOf(parts: Parts, path: string): El | undefined {
  const bytes = parts[path];
  return bytes ? parseXml(strFromU8(bytes)) : undefined;
}

const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  officeDocument: `${RELS}/officeDocument`,
  styles: `${RELS}/styles`,
  sharedStrings: `${RELS}/sharedStrings`,
  comments: `${RELS}/comments`,
  vml: `${RELS}/vmlDrawing`,
  calcChain: `${RELS}/calcChain`,
};

export function relsPath(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship target as a part path ("xl/worksheets/sheet1.xml"), from the part that points to it. */
export function resolveTarget(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.') out.push(seg);
  }
  return out.join('/');
}

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
  part: string;
}

export function relsOf(parts: Parts, part: string): Rel[] {
  return kids(xmlOf(parts, relsPath(part)), 'Relationship').map((r) => {
    const external = r.attrs.TargetMode === 'External';
    const target = r.attrs.Target ?? '';
    return { id: r.attrs.Id ?? '', type: r.attrs.Type ?? '', target, external, part: external ? target : resolveTarget(part, target) };
  });
}

export function workbookPath(parts: Parts): string {
  const main = relsOf(parts, '').find((r) => r.type === REL_TYPE.officeDocument);
  return main?.part ?? 'xl/workbook.xml';
}

export interface SheetEntry {
  name: string;
  state: string;
  part: string;
}

export function sheetsOf(parts: Parts): SheetEntry[] {
  const wb = workbookPath(parts);
  const rels = relsOf(parts, wb);
  return kids(kid(xmlOf(parts, wb), 'sheets'), 'sheet').map((s) => ({
    name: s.attrs.name ?? '',
    state: s.attrs.state ?? 'visible',
    part: rels.find((r) => r.id === s.attrs['r:id'])?.part ?? '',
  }));
}

export interface DefinedName {
  name: string;
  /** The sheet a sheet-scoped name belongs to, by name; null for a workbook name. */
  scope: string | null;
  value: string;
  /** Every other attribute (hidden, comment, function …), canonically spelled. */
  rest: string;
}

/** 'แผน'!$A$1 and แผน!$A$1 are one reference: quotes around a sheet name that needs none mean nothing. */
const unquoted = (ref: string): string => ref.replace(/'([^'\s!:()[\]{},;+\-*/^&=<>%"]+)'!/g, '$1!');

export function definedNames(parts: Parts): DefinedName[] {
  const sheets = sheetsOf(parts);
  return kids(kid(xmlOf(parts, workbookPath(parts)), 'definedNames'), 'definedName').map((d) => {
    const { name = '', localSheetId, ...rest } = d.attrs;
    const scope = localSheetId === undefined ? null : (sheets[Number(localSheetId)]?.name ?? `#${localSheetId}`);
    return { name, scope, value: unquoted(textOf(d)), rest: said({ name: 'definedName', attrs: rest, children: [] }) };
  });
}

/** The number formats every reader knows by id (ECMA-376 §18.8.30). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy h:mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** What a cell's style index means: every property, spelled canonically, by name. */
export interface ResolvedStyle {
  numFmt: string;
  font: string;
  fill: string;
  border: string;
  alignment: string;
  protection: string;
  cellStyle: string;
  quotePrefix: string;
}

export interface Styles {
  /** Each list of the style sheet by its element name (numFmts, fonts, fills, borders, cellXfs, dxfs …). */
  lists: Map<string, El[]>;
  /** The other children of the style sheet (colors, tableStyles, extLst). */
  rest: El[];
  resolve(index: number): ResolvedStyle;
}

const LISTS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs'];

export function stylesOf(parts: Parts): Styles {
  const wb = workbookPath(parts);
  const path = relsOf(parts, wb).find((r) => r.type === REL_TYPE.styles)?.part;
  const root = path ? xmlOf(parts, path) : undefined;
  const lists = new Map(LISTS.map((l) => [l, kids(kid(root, l))]));
  const rest = kids(root).filter((k) => !LISTS.includes(localName(k.name)));
  const at = (list: string, i: string | undefined): string => {
    const el = lists.get(list)?.[Number(i ?? 0)];
    return el ? said(el) : `(no ${list}[${i}])`;
  };
  const formats = new Map((lists.get('numFmts') ?? []).map((f) => [Number(f.attrs.numFmtId), f.attrs.formatCode ?? '']));
  const cellStyles = lists.get('cellStyles') ?? [];
  return {
    lists,
    rest,
    resolve(index) {
      const xf = lists.get('cellXfs')?.[index];
      if (!xf) return { numFmt: `(no cellXfs[${index}])`, font: '', fill: '', border: '', alignment: '', protection: '', cellStyle: '', quotePrefix: '' };
      const id = Number(xf.attrs.numFmtId ?? 0);
      const style = cellStyles.find((c) => c.attrs.xfId === (xf.attrs.xfId ?? '0'));
      return {
        numFmt: formats.get(id) ?? BUILTIN_FORMATS[id] ?? `(built-in format ${id})`,
        font: at('fonts', xf.attrs.fontId),
        fill: at('fills', xf.attrs.fillId),
        border: at('borders', xf.attrs.borderId),
        alignment: unlessEmpty(kid(xf, 'alignment')),
        protection: unlessEmpty(kid(xf, 'protection')),
        cellStyle: style?.attrs.name ?? style?.attrs.builtinId ?? '',
        quotePrefix: xf.attrs.quotePrefix ?? '',
      };
    },
  };
}

export function sharedStrings(parts: Parts): El[] {
  const path = relsOf(parts, workbookPath(parts)).find((r) => r.type === REL_TYPE.sharedStrings)?.part;
  return kids(path ? xmlOf(parts, path) : undefined, 'si');
}

export interface Cell {
  ref: string;
  row: number;
  col: number;
  /** The style index (s), 0 when absent. */
  style: number;
  /** What the cell holds: its type and value, strings (shared or inline) as their rich content. */
  value: string;
  /** The number, for a number cell; null otherwise. */
  number: number | null;
  /** The formula element canonically spelled, or null. */
  formula: string | null;
  /** Other attributes (cm, vm, ph), canonically spelled. */
  rest: string;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function splitRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad cell reference ${ref}`);
  return { col: colNumber(m[1]!), row: Number(m[2]) };
}

export function cellOf(c: El, strings: El[]): Cell {
  const ref = c.attrs.r ?? '';
  const { col, row } = splitRef(ref);
  const { r: _r, s, t = 'n', ...rest } = c.attrs;
  const v = textOf(kid(c, 'v'));
  const f = kid(c, 'f');
  let value: string;
  let number: number | null = null;
  if (t === 's') value = `string:${kids(strings[Number(v)]).map(said).join('')}`;
  else if (t === 'inlineStr') value = `string:${kids(kid(c, 'is')).map(said).join('')}`;
  else if (t === 'n' && v !== '') {
    number = Number(v);
    value = `number:${number}`;
  } else value = kid(c, 'v') ? `${t}:${v}` : 'empty';
  return { ref, row, col, style: Number(s ?? 0), value, number, formula: f ? said(f) : null, rest: said({ name: 'c', attrs: rest, children: [] }) };
}

/** Attribute values that mean nothing but the schema default, per element (they may be written or left out). */
const DEFAULTS: Record<string, Record<string, string>> = {
  alignment: { horizontal: 'general', vertical: 'bottom', indent: '0', textRotation: '0', wrapText: '0', shrinkToFit: '0', justifyLastLine: '0', readingOrder: '0', relativeIndent: '0' },
  protection: { locked: '1', hidden: '0' },
  border: { diagonalUp: '0', diagonalDown: '0', outline: '1' },
  row: { hidden: '0', collapsed: '0', customFormat: '0', customHeight: '0', outlineLevel: '0', thickBot: '0', thickTop: '0', ph: '0' },
  definedName: { hidden: '0', function: '0', vbProcedure: '0', xlm: '0', publishToServer: '0', workbookParameter: '0' },
  c: { cm: '0', vm: '0', ph: '0' },
};
/** Font and run properties whose bare element means "on". */
const FLAGS = new Set(['b', 'i', 'strike', 'outline', 'shadow', 'condense', 'extend']);
/** Elements whose children are a set (xsd:choice, unbounded): their order means nothing. */
const UNORDERED = new Set(['font', 'rPr']);

/**
 * An element as it means, not as it is spelled: "true"/"false" as 1/0, schema defaults left out, a bare <b/> as
 * <b val="1"/>, font properties in any order, xml:space kept only where the text has edge whitespace.
 */
export function meaning(el: El | string): El | string {
  if (typeof el === 'string') return el;
  const name = localName(el.name);
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(el.attrs)) {
    const value = v === 'true' ? '1' : v === 'false' ? '0' : v;
    if (DEFAULTS[name]?.[k] === value) continue;
    attrs[k] = value;
  }
  if (FLAGS.has(name) && attrs.val === undefined) attrs.val = '1';
  if (name === 'u' && attrs.val === undefined) attrs.val = 'single';
  const text = textOf(el);
  if (name === 't' && attrs['xml:space'] === 'preserve' && text === text.trim()) delete attrs['xml:space'];
  let children = el.children.map(meaning);
  if (UNORDERED.has(name)) {
    // <family val="0"/> is "not applicable", the same as no family.
    children = children.filter((c) => typeof c === 'string' || localName(c.name) !== 'family' || c.attrs.val !== '0');
    children.sort((x, y) => canonical(x).localeCompare(canonical(y)));
  }
  return { name: el.name, attrs, children };
}

/** canonical() of what an element means. */
export const said = (el: El | string): string => canonical(meaning(el));

/** An element that says nothing beyond the defaults is the same as none. */
function unlessEmpty(el: El | undefined): string {
  const m = el ? meaning(el) : undefined;
  return m && typeof m !== 'string' && (Object.keys(m.attrs).length > 0 || m.children.length > 0) ? canonical(m) : '';
}
