import { CommentsPart, VmlPart } from './note-parts';
import { COMMENTS_TYPE, freeIdBlock, legacyDrawing, shapeXml, SHAPETYPE, VML_TYPE } from './notes';
import { insertChild, WORKSHEET_ORDER, child } from './order';
import { REL, RELS_NS, relsPathOf, type Package, type Rel } from './package';
import { cellOf, cellRef } from './refs';
import { attrs, local, prefixFor, prefixOf, root, splice, tags } from './xml';

const COMMENTS_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';

/**
 * The legacy notes of one patch run. Each comments part and VML drawing is read once and edited as pieces
 * (note-parts.ts); the parts are written back by flush(), which the run calls before anything else reads them
 * and at its end. What the sheets' rels, legacy drawings and threaded comments say is looked up once per sheet.
 * So n notes cost O(n + the parts' size), where editing each part's text per note cost O(n × part).
 */
export class NotesEditor {
  private readonly comments = new Map<string, CommentsPart>();
  private readonly vmls = new Map<string, VmlPart>();
  private readonly drawings = new Map<string, { path: string; relId: string } | null>();
  private readonly threaded = new Map<string, Set<string>>();
  private readonly rels = new Map<string, { xml: string | undefined; list: { rel: Rel; path: string }[] }>();
  private freeBlock: number | undefined;

  constructor(private readonly pkg: Package) {}

  /** A sheet's targets of one rel type, parsed again only when its rels part changed. */
  private targets(sheet: string, type: string): { rel: Rel; path: string }[] {
    const key = `${sheet}\u0000${type}`;
    const xml = this.pkg.read(relsPathOf(sheet));
    const known = this.rels.get(key);
    if (known && known.xml === xml) return known.list;
    const list = this.pkg.targets(sheet, type);
    this.rels.set(key, { xml, list });
    return list;
  }

  private commentsAt(path: string): CommentsPart | undefined {
    const known = this.comments.get(path);
    if (known) return known;
    const xml = this.pkg.read(path);
    if (!xml) return undefined;
    const part = new CommentsPart(path, xml);
    this.comments.set(path, part);
    return part;
  }

  private vmlAt(path: string): VmlPart {
    let part = this.vmls.get(path);
    if (!part) this.vmls.set(path, (part = new VmlPart(path, this.pkg.read(path) ?? '')));
    return part;
  }

  private drawingOf(sheet: string): { path: string; relId: string } | undefined {
    if (!this.drawings.has(sheet)) this.drawings.set(sheet, legacyDrawing(this.pkg, sheet) ?? null);
    return this.drawings.get(sheet) ?? undefined;
  }

  private threadedRefs(path: string): Set<string> {
    let refs = this.threaded.get(path);
    if (refs) return refs;
    refs = new Set();
    const xml = this.pkg.read(path);
    if (xml) for (const tag of tags(xml)) if (tag.kind !== 'close' && local(tag.name) === 'threadedComment') refs.add((attrs(xml, tag).get('ref') ?? '').toUpperCase());
    this.threaded.set(path, refs);
    return refs;
  }

  /** The next free VML shape-id block across the workbook's drawings (read with every drawing written back). */
  private free(): number {
    if (this.freeBlock === undefined) {
      this.flush();
      this.freeBlock = freeIdBlock(this.pkg);
    }
    return this.freeBlock;
  }

  /**
   * What is on a cell already: a legacy note's text, or "" for a threaded comment (which the user wrote: we never
   * write those), or undefined when the cell has neither.
   */
  noteAt(sheet: string, cell: string): string | undefined {
    const ref = cell.toUpperCase();
    for (const t of this.targets(sheet, REL.comments)) {
      const text = this.commentsAt(t.path)?.textAt(ref);
      if (text !== undefined) return text;
    }
    for (const t of this.targets(sheet, REL.threadedComment)) if (this.threadedRefs(t.path).has(ref)) return '';
    return undefined;
  }

  /** Adds our explanation as a legacy note on a cell that has none (the caller checks). */
  add(sheet: string, cell: string, text: string): void {
    const ref = cellRef(cellOf(cell));
    let path = this.targets(sheet, REL.comments)[0]?.path;
    if (!path) {
      path = this.pkg.freshPath('xl/', 'comments', '.xml');
      this.pkg.write(path, COMMENTS_XML);
      this.pkg.addOverride(path, COMMENTS_TYPE);
      this.pkg.addRel(sheet, REL.comments, path);
      this.comments.delete(path);
    }
    const part = this.commentsAt(path) ?? new CommentsPart(path, this.pkg.read(path) ?? '');
    this.comments.set(path, part);
    part.add(ref, text);

    // The VML drawing that shows it: the sheet's legacy drawing, else a new one with <legacyDrawing> in the sheet.
    const drawing = this.drawingOf(sheet);
    if (drawing) {
      this.vmlAt(drawing.path).addShape((id) => shapeXml(id, ref), () => this.free());
      return;
    }
    const block = this.free();
    const vmlPath = this.pkg.freshPath('xl/drawings/', 'vmlDrawing', '.vml');
    this.pkg.write(
      vmlPath,
      `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}${shapeXml(block * 1024 + 1, ref)}</xml>`,
    );
    this.vmls.delete(vmlPath);
    this.freeBlock = undefined;
    this.pkg.ensureDefault('vml', VML_TYPE);
    const relId = this.pkg.addRel(sheet, REL.vmlDrawing, vmlPath);
    const sx = this.pkg.read(sheet)!;
    const sr = root(sx);
    const rp = prefixFor(sx, sr.open, RELS_NS);
    const el = `<${prefixOf(sr.open.name)}legacyDrawing ${rp ? `${rp}id="${relId}"` : `r:id="${relId}" xmlns:r="${RELS_NS}"`}/>`;
    this.pkg.write(sheet, splice(sx, [insertChild(sx, sr.open, WORKSHEET_ORDER, 'legacyDrawing', el)]));
    this.drawings.set(sheet, { path: vmlPath, relId });
  }

  /**
   * Removes the note on a cell (ours: the caller checked the ownership tag and the text), with its VML shape;
   * a comments part or drawing left empty goes too, with its rel, content type and <legacyDrawing>.
   */
  remove(sheet: string, cell: string): void {
    const ref = cellRef(cellOf(cell));
    const t = this.targets(sheet, REL.comments)[0];
    const part = t ? this.commentsAt(t.path) : undefined;
    if (!t || !part || part.textAt(ref) === undefined) return;
    if (part.live === 1) {
      this.comments.delete(t.path);
      this.pkg.removePart(t.path);
      this.pkg.removeRel(sheet, t.rel.id);
    } else part.remove(ref);
    const drawing = this.drawingOf(sheet);
    const vml = drawing ? this.vmlAt(drawing.path) : undefined;
    if (!drawing || !vml || vml.empty) return;
    const removed = vml.removeShape(ref);
    if (vml.removedBlock) this.freeBlock = undefined;
    if (removed !== 'last') return;
    this.vmls.delete(drawing.path);
    this.freeBlock = undefined;
    this.pkg.removePart(drawing.path);
    this.pkg.removeRel(sheet, drawing.relId);
    this.drawings.set(sheet, null);
    const sx = this.pkg.read(sheet)!;
    const el = child(sx, root(sx).open, 'legacyDrawing');
    if (el) this.pkg.write(sheet, splice(sx, [{ start: el.open.start, end: el.end, text: '' }]));
  }

  /** Writes every edited part back into the package (the editor goes on from there). */
  flush(): void {
    for (const parts of [this.comments, this.vmls]) {
      for (const p of parts.values()) {
        if (!p.dirty) continue;
        this.pkg.write(p.path, p.text());
        p.dirty = false;
      }
    }
  }

  /** Writes back and forgets what it read: another handler is about to edit or remove these parts. */
  reset(): void {
    this.flush();
    this.comments.clear();
    this.vmls.clear();
    this.drawings.clear();
    this.threaded.clear();
    this.rels.clear();
    this.freeBlock = undefined;
  }
}
