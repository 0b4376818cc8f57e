import { PatchError } from './errors';
import { attrs, children, escapeAttr, root, splice, tags } from './xml';
import { inflateEntry, readZip, writeZip, type OutEntry, type ZipEntry } from './zip';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();

export const CONTENT_TYPES = '[Content_Types].xml';
export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
} as const;
export const RELS_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** A relationship target resolved against the part that holds it, as a package path without "/". */
export function resolve(from: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* a literal "%" */
  }
  const parts = (t.startsWith('/') ? t.slice(1) : dirOf(from) + t).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** A target for a rel from `from` to `to` (both package paths), relative like Excel writes them. */
export function relative(from: string, to: string): string {
  const base = dirOf(from).split('/').filter(Boolean);
  const target = to.split('/');
  let same = 0;
  while (same < base.length && same < target.length - 1 && base[same] === target[same]) same++;
  return [...base.slice(same).map(() => '..'), ...target.slice(same)].join('/');
}

export const relsPathOf = (part: string): string => `${dirOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

/**
 * The .xlsx package being patched: the original entries, and the parts the patch rewrote, added or removed.
 * Only those are decoded; everything else is copied raw when the package is written.
 */
export class Package {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  /** Current text of rewritten or added parts; null = removed. */
  private readonly edits = new Map<string, string | null>();
  private readonly cache = new Map<string, string>();

  constructor(private readonly bytes: Uint8Array) {
    this.entries = readZip(bytes);
    for (const e of this.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  /** The entry's own spelling of a path (part names are case-insensitive). */
  private key(path: string): string {
    for (const k of this.edits.keys()) if (k.toLowerCase() === path.toLowerCase()) return k;
    return this.byName.get(path.toLowerCase())?.name ?? path;
  }

  has(path: string): boolean {
    const k = this.key(path);
    if (this.edits.has(k)) return this.edits.get(k) !== null;
    return this.byName.has(k.toLowerCase());
  }

  read(path: string): string | undefined {
    const k = this.key(path);
    if (this.edits.has(k)) return this.edits.get(k) ?? undefined;
    const cached = this.cache.get(k);
    if (cached !== undefined) return cached;
    const e = this.byName.get(k.toLowerCase());
    if (!e) return undefined;
    let text: string;
    try {
      text = decoder.decode(inflateEntry(this.bytes, e));
    } catch (err) {
      if (err instanceof PatchError) throw err;
      throw new PatchError('badXml', e.name);
    }
    this.cache.set(k, text);
    return text;
  }

  write(path: string, text: string): void {
    this.edits.set(this.key(path), text);
  }

  remove(path: string): void {
    if (this.has(path)) this.edits.set(this.key(path), null);
  }

  /** Every part path now in the package. */
  paths(): string[] {
    const out = this.entries.map((e) => e.name).filter((n) => this.has(n));
    for (const [k, v] of this.edits) if (v !== null && !this.byName.has(k.toLowerCase())) out.push(k);
    return out;
  }

  /** The package as zip bytes: untouched entries raw, edited ones deflated, new ones at the end. */
  build(): Uint8Array {
    const stamp = this.byName.get('xl/workbook.xml') ?? this.entries[0];
    const time = stamp?.time ?? 0;
    const date = stamp?.date ?? 0x21;
    const out: OutEntry[] = [];
    for (const e of this.entries) {
      const k = this.key(e.name);
      if (!this.edits.has(k)) out.push({ kind: 'copy', entry: e });
      else {
        const text = this.edits.get(k);
        const data = text === null || text === undefined ? null : encoder.encode(text);
        // Unchanged text (an edit undone) keeps the original bytes.
        if (data && this.cache.get(k) === text) out.push({ kind: 'copy', entry: e });
        else if (data) out.push({ kind: 'new', name: e.name, data, time: e.time, date: e.date });
      }
    }
    for (const [k, v] of this.edits) {
      if (v !== null && !this.byName.has(k.toLowerCase())) out.push({ kind: 'new', name: k, data: encoder.encode(v), time, date });
    }
    return writeZip(this.bytes, out);
  }

  // ---- relationships ----

  rels(part: string): Rel[] {
    const xml = this.read(relsPathOf(part));
    if (!xml) return [];
    return children(xml, root(xml).open)
      .filter((c) => c.open.name.endsWith('Relationship'))
      .map((c) => {
        const a = attrs(xml, c.open);
        return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target: a.get('Target') ?? '', external: a.get('TargetMode') === 'External' };
      });
  }

  /** Adds a relationship from `part` to the package path `to`; returns its new Id. */
  addRel(part: string, type: string, to: string): string {
    const path = relsPathOf(part);
    const xml = this.read(path) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const taken = new Set(this.rels(part).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const r = root(xml);
    const rel = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relative(part, to))}"/>`;
    this.write(path, r.open.kind === 'empty' ? splice(xml, [{ start: r.open.start, end: r.open.end, text: `${xml.slice(r.open.start, r.open.end - 2)}>${rel}</Relationships>` }]) : splice(xml, [{ start: r.contentEnd, end: r.contentEnd, text: rel }]));
    return id;
  }

  removeRel(part: string, id: string): void {
    const path = relsPathOf(part);
    const xml = this.read(path);
    if (!xml) return;
    const list = children(xml, root(xml).open);
    const el = list.find((c) => attrs(xml, c.open).get('Id') === id);
    if (!el) return;
    if (list.length === 1) this.remove(path);
    else this.write(path, splice(xml, [{ start: el.open.start, end: el.end, text: '' }]));
  }

  /** The parts `part` relates to with this type, resolved. */
  targets(part: string, type: string): { rel: Rel; path: string }[] {
    return this.rels(part)
      .filter((r) => r.type === type && !r.external)
      .map((rel) => ({ rel, path: resolve(part, rel.target) }));
  }

  // ---- content types ----

  addOverride(part: string, contentType: string): void {
    const xml = this.read(CONTENT_TYPES);
    if (!xml) throw new PatchError('notZip', CONTENT_TYPES);
    const name = `/${part}`;
    for (const t of tags(xml)) if (t.kind !== 'close' && attrs(xml, t).get('PartName')?.toLowerCase() === name.toLowerCase()) return;
    const r = root(xml);
    this.write(CONTENT_TYPES, splice(xml, [{ start: r.contentEnd, end: r.contentEnd, text: `<Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/>` }]));
  }

  removeOverride(part: string): void {
    const xml = this.read(CONTENT_TYPES);
    if (!xml) return;
    const name = `/${part}`.toLowerCase();
    const el = children(xml, root(xml).open).find((c) => attrs(xml, c.open).get('PartName')?.toLowerCase() === name);
    if (el) this.write(CONTENT_TYPES, splice(xml, [{ start: el.open.start, end: el.end, text: '' }]));
  }

  ensureDefault(extension: string, contentType: string): void {
    const xml = this.read(CONTENT_TYPES);
    if (!xml) throw new PatchError('notZip', CONTENT_TYPES);
    const known = children(xml, root(xml).open).some((c) => attrs(xml, c.open).get('Extension')?.toLowerCase() === extension);
    if (known) return;
    const r = root(xml);
    this.write(CONTENT_TYPES, splice(xml, [{ start: r.open.end, end: r.open.end, text: `<Default Extension="${extension}" ContentType="${escapeAttr(contentType)}"/>` }]));
  }

  /** A part path not yet used: `${dir}${stem}${n}${ext}` with the smallest n from 1. */
  freshPath(dir: string, stem: string, ext: string): string {
    for (let n = 1; ; n++) {
      const p = `${dir}${stem}${n}${ext}`;
      if (!this.has(p)) return p;
    }
  }

  /** Removes a part with its rels file and content-type override. */
  removePart(path: string): void {
    this.remove(path);
    this.remove(relsPathOf(path));
    this.removeOverride(path);
  }
}
