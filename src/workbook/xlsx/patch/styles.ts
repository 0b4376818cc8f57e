import { child, insertChild, STYLES_ORDER } from './order';
import { REL, type Package } from './package';
import { attrs, children, escapeAttr, prefixOf, root, splice, withAttr, withoutAttr, type Element } from './xml';

/** Built-in number formats whose code is the same in every locale (ECMA-376 Part 1, 18.8.30). */
const BUILTIN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '# ?/?': 12, '# ??/??': 13, '@': 49 };
const BUILTIN_CODE = new Map(Object.entries(BUILTIN).map(([k, v]) => [v, k]));
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

/** Puts a namespace prefix ("x:") on every tag of a snippet we generated. */
export const prefixed = (snippet: string, p: string): string => (p ? snippet.replace(/<(\/?)([A-Za-z])/g, `<$1${p}$2`) : snippet);

export interface CellStyle {
  font: { name: string; size: number; bold?: boolean; italic?: boolean; underline?: boolean; color?: string };
  /** Solid fill, "RRGGBB". */
  fill?: string;
  border?: boolean;
  alignment: { horizontal?: string; vertical?: string; wrapText?: boolean };
  numFmt?: string;
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const THIN = (side: string): string => `<${side} style="thin"><color rgb="FF999999"/></${side}>`;

/**
 * styles.xml, edited by appending: a new number format, font, fill, border, cell xf or dxf is added (or an
 * identical existing one reused); no existing entry is ever changed, so no other cell's look changes.
 */
export class Styles {
  readonly path: string;
  private readonly clones = new Map<string, number>();
  private readonly cellStyles = new Map<string, number>();

  constructor(private readonly pkg: Package, workbookPath: string) {
    const t = pkg.targets(workbookPath, REL.styles)[0];
    if (t && pkg.has(t.path)) this.path = t.path;
    else {
      this.path = 'xl/styles.xml';
      pkg.write(this.path, EMPTY_STYLES);
      pkg.addOverride(this.path, STYLES_TYPE);
      pkg.addRel(workbookPath, REL.styles, this.path);
    }
  }

  private get xml(): string {
    return this.pkg.read(this.path)!;
  }

  private get prefix(): string {
    return prefixOf(root(this.xml).open.name);
  }

  private section(name: string): Element | undefined {
    return child(this.xml, root(this.xml).open, name);
  }

  private items(name: string): string[] {
    const xml = this.xml;
    const s = this.section(name);
    return s ? children(xml, s.open).map((c) => xml.slice(c.open.start, c.end)) : [];
  }

  /** Appends an entry to a collection (creating it at its schema position); returns the entry's index. */
  private append(name: string, entry: string): number {
    const xml = this.xml;
    const s = this.section(name);
    const p = this.prefix;
    if (!s) {
      this.pkg.write(this.path, splice(xml, [insertChild(xml, root(xml).open, STYLES_ORDER, name, `<${p}${name} count="1">${entry}</${p}${name}>`)]));
      return 0;
    }
    const n = children(xml, s.open).length;
    const open = withAttr(xml.slice(s.open.start, s.open.end), 'count', String(n + 1));
    const edits = s.open.kind === 'empty'
      ? [{ start: s.open.start, end: s.open.end, text: `${open.slice(0, -2).trimEnd()}>${entry}</${s.open.name}>` }]
      : [{ start: s.open.start, end: s.open.end, text: open }, { start: s.contentEnd, end: s.contentEnd, text: entry }];
    this.pkg.write(this.path, splice(xml, edits));
    return n;
  }

  /** An identical entry's index, else the new one's. */
  private intern(name: string, entry: string): number {
    const known = this.items(name).indexOf(entry);
    return known >= 0 ? known : this.append(name, entry);
  }

  /** The code of a number format id (built-in or the workbook's own). */
  formatCode(id: number): string | undefined {
    const builtin = BUILTIN_CODE.get(id);
    if (builtin !== undefined) return builtin;
    const xml = this.xml;
    const s = this.section('numFmts');
    if (!s) return undefined;
    for (const c of children(xml, s.open)) {
      const a = attrs(xml, c.open);
      if (Number(a.get('numFmtId')) === id) return a.get('formatCode');
    }
    return undefined;
  }

  /** The number format id for a code: built-in, an existing identical one, or a new one. */
  formatId(code: string): number {
    const builtin = BUILTIN[code];
    if (builtin !== undefined) return builtin;
    const xml = this.xml;
    const s = this.section('numFmts');
    const ids: number[] = [];
    for (const c of s ? children(xml, s.open) : []) {
      const a = attrs(xml, c.open);
      const id = Number(a.get('numFmtId'));
      if (a.get('formatCode') === code) return id;
      ids.push(id);
    }
    const id = Math.max(163, ...ids) + 1;
    this.append('numFmts', `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  xfCount(): number {
    return this.items('cellXfs').length;
  }

  /** The number format code of a cell xf. */
  xfFormat(xf: number): string | undefined {
    const entry = this.items('cellXfs')[xf];
    if (!entry) return undefined;
    const m = /numFmtId\s*=\s*["'](\d+)["']/.exec(entry.slice(0, entry.indexOf('>')));
    return this.formatCode(m ? Number(m[1]) : 0);
  }

  /**
   * The xf that looks like `base` but shows numbers with `code`: a clone of base with only the number format
   * changed (and the "typed as text" quote prefix dropped, since the cell now holds a number), or an identical
   * xf that already exists. `base` itself is never edited: other cells may share it.
   */
  withFormat(base: number, code: string): number {
    const key = `${base}\u0000${code}`;
    const cached = this.clones.get(key);
    if (cached !== undefined) return cached;
    const list = this.items('cellXfs');
    if (list[base] !== undefined && this.xfFormat(base) === code) return base;
    const src = list[base] ?? list[0] ?? `<${this.prefix}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const cut = src.indexOf('>') + 1;
    const selfClosing = src[cut - 2] === '/';
    let open = src.slice(0, cut);
    open = withAttr(open, 'numFmtId', String(this.formatId(code)));
    open = withAttr(open, 'applyNumberFormat', '1');
    open = withoutAttr(open, 'quotePrefix');
    const clone = selfClosing ? open : open + src.slice(cut);
    const id = this.intern('cellXfs', clone);
    this.clones.set(key, id);
    return id;
  }

  /** A differential format (for a conditional format): font colour and solid fill. */
  dxf(fill: string, font: string): number {
    return this.intern('dxfs', prefixed(`<dxf><font><color rgb="${argb(font)}"/></font><fill><patternFill><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`, this.prefix));
  }

  /** A cell xf for a generated sheet's cell, with its font, fill, border and format interned. */
  cellStyle(s: CellStyle): number {
    const key = JSON.stringify(s);
    const known = this.cellStyles.get(key);
    if (known !== undefined) return known;
    const id = this.newCellStyle(s);
    this.cellStyles.set(key, id);
    return id;
  }

  private newCellStyle(s: CellStyle): number {
    const p = this.prefix;
    const f = s.font;
    const font = `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size}"/>${f.color ? `<color rgb="${argb(f.color)}"/>` : ''}<name val="${escapeAttr(f.name)}"/><family val="2"/></font>`;
    const fontId = this.intern('fonts', prefixed(font, p));
    const fillId = s.fill ? this.intern('fills', prefixed(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(s.fill)}"/><bgColor indexed="64"/></patternFill></fill>`, p)) : 0;
    const borderId = s.border ? this.intern('borders', prefixed(`<border>${THIN('left')}${THIN('right')}${THIN('top')}${THIN('bottom')}<diagonal/></border>`, p)) : 0;
    const numFmtId = s.numFmt ? this.formatId(s.numFmt) : 0;
    const a = s.alignment;
    const alignment = `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${a.vertical ? ` vertical="${a.vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''} applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''} applyAlignment="1">${alignment}</xf>`;
    return this.intern('cellXfs', prefixed(xf, p));
  }
}
