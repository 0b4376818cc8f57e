import { PatchError } from './errors';
import { child, insertChild, WORKBOOK_ORDER } from './order';
import { REL, RELS_NS, relsPathOf, resolve, type Package } from './package';
import { attrs, children, escapeAttr, escapeText, local, prefixFor, prefixOf, root, splice, textOf, withAttr, type Element } from './xml';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rid: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** The worksheet part (package path), if the rel resolves. */
  path: string | undefined;
  /** Position in <sheets> (what a defined name's localSheetId counts). */
  index: number;
}

export const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** A sheet name as a formula writes it: always quoted, quotes doubled. */
export const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;
export const sameName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();

/** The workbook part: its sheets, defined names and calculation properties, edited in place. */
export class WorkbookPart {
  readonly path: string;

  constructor(private readonly pkg: Package) {
    const main = pkg.targets('', REL.officeDocument)[0];
    const path = main?.path ?? 'xl/workbook.xml';
    if (!pkg.has(path)) throw new PatchError('noWorkbook');
    this.path = path;
  }

  private get xml(): string {
    return this.pkg.read(this.path)!;
  }

  private rootEl(): Element {
    return root(this.xml);
  }

  /** The element prefix of the workbook's own namespace ("" or "x:"). */
  private get prefix(): string {
    return prefixOf(this.rootEl().open.name);
  }

  /**
   * The sheets, read again only when the workbook part or its rels changed: every action names its sheet, and
   * 100k actions must not parse the workbook 100k times. Entries are copied out: callers may keep or change them.
   */
  sheets(): SheetEntry[] {
    const xml = this.xml;
    const rels = this.pkg.read(relsPathOf(this.path));
    if (this.known?.xml !== xml || this.known.rels !== rels) this.known = { xml, rels, sheets: this.readSheets(xml) };
    return this.known.sheets.map((s) => ({ ...s }));
  }

  private known: { xml: string; rels: string | undefined; sheets: SheetEntry[] } | undefined;

  private readSheets(xml: string): SheetEntry[] {
    const sheets = child(xml, this.rootEl().open, 'sheets');
    if (!sheets) return [];
    const rels = this.pkg.rels(this.path);
    return children(xml, sheets.open)
      .filter((c) => local(c.open.name) === 'sheet')
      .map((c, index) => {
        const a = attrs(xml, c.open);
        const rid = [...a].find(([k]) => local(k) === 'id' && k !== 'id')?.[1] ?? '';
        const rel = rels.find((r) => r.id === rid);
        const state = a.get('state');
        return {
          name: a.get('name') ?? '',
          sheetId: Number(a.get('sheetId') ?? 0),
          rid,
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          path: rel && !rel.external ? resolve(this.path, rel.target) : undefined,
          index,
        };
      });
  }

  sheet(name: string): SheetEntry | undefined {
    return this.sheets().find((s) => sameName(s.name, name));
  }

  /** Appends a worksheet: its part's rel, content type and a <sheet> entry with a new sheetId. */
  addSheet(name: string, part: string, xml: string, state?: 'veryHidden'): SheetEntry {
    this.pkg.write(part, xml);
    this.pkg.addOverride(part, WORKSHEET_TYPE);
    const rid = this.pkg.addRel(this.path, REL.worksheet, part);
    const existing = this.sheets();
    const sheetId = Math.max(0, ...existing.map((s) => s.sheetId)) + 1;
    const wb = this.xml;
    const r = this.rootEl();
    const rp = prefixFor(wb, r.open, RELS_NS);
    const ridAttr = rp ? `${rp}id="${rid}"` : `r:id="${rid}" xmlns:r="${RELS_NS}"`;
    const el = `<${this.prefix}sheet name="${escapeAttr(name)}" sheetId="${sheetId}"${state ? ` state="${state}"` : ''} ${ridAttr}/>`;
    const sheets = child(wb, r.open, 'sheets');
    const edit = sheets
      ? insertChild(wb, sheets.open, [], 'sheet', el)
      : insertChild(wb, r.open, WORKBOOK_ORDER, 'sheets', `<${this.prefix}sheets>${el}</${this.prefix}sheets>`);
    if (sheets && sheets.open.kind !== 'empty') edit.start = edit.end = sheets.contentEnd;
    this.pkg.write(this.path, splice(wb, [edit]));
    return { name, sheetId, rid, state: state ?? 'visible', path: part, index: existing.length };
  }

  /** The <definedName> elements, with their scope. */
  definedNames(): { name: string; localSheetId: number | undefined; value: string; el: Element }[] {
    const xml = this.xml;
    const names = child(xml, this.rootEl().open, 'definedNames');
    if (!names) return [];
    return children(xml, names.open).map((el) => {
      const a = attrs(xml, el.open);
      const scope = a.get('localSheetId');
      return { name: a.get('name') ?? '', localSheetId: scope === undefined ? undefined : Number(scope), value: textOf(xml, el), el };
    });
  }

  /** Sets a defined name (replacing one of the same name and scope, else adding it). */
  setDefinedName(name: string, localSheetId: number | undefined, value: string): void {
    const xml = this.xml;
    const scope = localSheetId === undefined ? '' : ` localSheetId="${localSheetId}"`;
    const el = `<${this.prefix}definedName name="${escapeAttr(name)}"${scope}>${escapeText(value)}</${this.prefix}definedName>`;
    const known = this.definedNames().find((d) => sameName(d.name, name) && d.localSheetId === localSheetId);
    if (known) {
      this.pkg.write(this.path, splice(xml, [{ start: known.el.open.start, end: known.el.end, text: el }]));
      return;
    }
    const r = this.rootEl();
    const names = child(xml, r.open, 'definedNames');
    const edit = names
      ? names.open.kind === 'empty'
        ? insertChild(xml, names.open, [], 'definedName', el)
        : { start: names.contentEnd, end: names.contentEnd, text: el }
      : insertChild(xml, r.open, WORKBOOK_ORDER, 'definedNames', `<${this.prefix}definedNames>${el}</${this.prefix}definedNames>`);
    this.pkg.write(this.path, splice(xml, [edit]));
  }

  /** Asks Excel and LibreOffice to recompute every formula on opening (only that attribute is edited). */
  requestFullCalc(): void {
    const xml = this.xml;
    const r = this.rootEl();
    const calc = child(xml, r.open, 'calcPr');
    if (calc) {
      if (attrs(xml, calc.open).get('fullCalcOnLoad') === '1') return;
      const tag = xml.slice(calc.open.start, calc.open.end);
      this.pkg.write(this.path, splice(xml, [{ start: calc.open.start, end: calc.open.end, text: withAttr(tag, 'fullCalcOnLoad', '1') }]));
    } else {
      this.pkg.write(this.path, splice(xml, [insertChild(xml, r.open, WORKBOOK_ORDER, 'calcPr', `<${this.prefix}calcPr fullCalcOnLoad="1"/>`)]));
    }
  }

  /** Drops calcChain.xml (with its rel and content type): Excel rebuilds it, and a stale one is "corrupt". */
  dropCalcChain(): void {
    for (const t of this.pkg.targets(this.path, REL.calcChain)) {
      this.pkg.removePart(t.path);
      this.pkg.removeRel(this.path, t.rel.id);
    }
  }
}
