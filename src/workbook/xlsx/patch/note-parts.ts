import { child } from './order';
import { AUTHOR, commentList, commentText, noteShapes, SHAPETYPE } from './notes';
import { attrs, children, prefixOf, root, splice, textOf, xstring } from './xml';

/**
 * A comments part being edited by a patch run: the text of its <commentList> kept as pieces (the gaps between
 * comments, and each comment), so that removing one blanks its piece and adding one appends a piece. The part is
 * joined once when written, instead of once per note (100k notes would copy the part 100k times). The result is
 * the text that splicing each edit into the part in turn gives.
 */
export class CommentsPart {
  private head = '';
  private tail = '';
  private parts: string[] = [];
  private byCell = new Map<string, { at: number; text: string }[]>();
  /** Comments now in the list (what a removal of the last one checks). */
  live = 0;
  dirty = false;
  private author: { id: number; prefix: string } | undefined;

  constructor(readonly path: string, xml: string) {
    this.parse(xml);
  }

  private parse(xml: string): void {
    this.byCell.clear();
    this.parts = [];
    this.live = 0;
    const list = commentList(xml);
    if (!list || list.open.kind === 'empty') {
      this.head = xml;
      this.tail = '';
      return;
    }
    this.head = xml.slice(0, list.open.end);
    this.tail = xml.slice(list.contentEnd);
    let pos = list.open.end;
    for (const el of children(xml, list.open)) {
      this.parts.push(xml.slice(pos, el.open.start));
      this.push(xml.slice(el.open.start, el.end), (attrs(xml, el.open).get('ref') ?? '').toUpperCase(), commentText(xml, el));
      pos = el.end;
    }
    this.parts.push(xml.slice(pos, list.contentEnd));
  }

  private push(raw: string, cell: string, text: string): void {
    const entry = { at: this.parts.length, text };
    this.parts.push(raw);
    const same = this.byCell.get(cell);
    if (same) same.push(entry);
    else this.byCell.set(cell, [entry]);
    this.live++;
  }

  text(): string {
    return this.head + this.parts.join('') + this.tail;
  }

  /** The first note on a cell (document order), as a search of the part finds it. */
  textAt(cell: string): string | undefined {
    return this.byCell.get(cell)?.[0]?.text;
  }

  /** Removes the first note on a cell. */
  remove(cell: string): void {
    const entry = this.byCell.get(cell)?.shift();
    if (!entry) return;
    this.parts[entry.at] = '';
    this.live--;
    this.dirty = true;
  }

  /**
   * Our author in <authors> and an open <commentList>, made once per part (each later note would find them
   * there), then the pieces read again from the result.
   */
  private structure(): { id: number; prefix: string } {
    if (this.author) return this.author;
    let xml = this.text();
    const r = root(xml);
    const p = prefixOf(r.open.name);
    let authors = child(xml, r.open, 'authors');
    if (!authors) {
      xml = splice(xml, [{ start: r.open.end, end: r.open.end, text: `<${p}authors></${p}authors>` }]);
      authors = child(xml, root(xml).open, 'authors')!;
    }
    const names = children(xml, authors.open).map((a) => textOf(xml, a));
    let id = names.indexOf(AUTHOR);
    if (id < 0) {
      id = names.length;
      const el = `<${p}author>${xstring(AUTHOR)}</${p}author>`;
      xml = splice(xml, [authors.open.kind === 'empty' ? { start: authors.open.start, end: authors.open.end, text: `<${authors.open.name}>${el}</${authors.open.name}>` } : { start: authors.contentEnd, end: authors.contentEnd, text: el }]);
    }
    // A missing or empty list becomes an open one, so each comment is appended the same way.
    const list = commentList(xml);
    if (!list) {
      const rr = root(xml);
      xml = splice(xml, [{ start: rr.contentEnd, end: rr.contentEnd, text: `<${p}commentList></${p}commentList>` }]);
    } else if (list.open.kind === 'empty') xml = splice(xml, [{ start: list.open.start, end: list.open.end, text: `<${list.open.name}></${list.open.name}>` }]);
    if (xml !== this.text()) {
      this.parse(xml);
      this.dirty = true;
    }
    return (this.author = { id, prefix: p });
  }

  /** Appends our note on a cell (the caller checked there is none). */
  add(ref: string, text: string): void {
    const { id, prefix: p } = this.structure();
    const comment = `<${p}comment ref="${ref}" authorId="${id}"><${p}text><${p}r><${p}t xml:space="preserve">${xstring(text)}</${p}t></${p}r></${p}text></${p}comment>`;
    // The text as a search would read it back from the part.
    this.push(comment, ref, commentText(comment, root(comment)));
    this.dirty = true;
  }
}

interface Piece {
  text: string;
  live: boolean;
  /** Shape ids (_x0000_sN) in it. */
  ids: number[];
  /** Whether it holds our shape type's id. */
  type: boolean;
}

const piece = (text: string): Piece => ({ text, live: true, ids: [...text.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])), type: text.includes('_x0000_t202"') });

/**
 * A VML drawing being edited by a patch run, as pieces: the gaps and each shape before the last </xml> (where new
 * shapes go), the added shapes, and the rest. The next shape id comes from a max-heap of the ids in live pieces,
 * so neither a lookup nor an edit reads the whole drawing. A drawing whose shapes nest or straddle the
 * insertion point is kept whole and edited as text (its edits are then as slow as before, and as exact).
 */
export class VmlPart {
  private pre: Piece[] = [];
  private added: Piece[] = [];
  private post: Piece[] = [];
  private byCell = new Map<string, Piece[]>();
  private shapes = 0;
  private types = 0;
  private heap: [number, Piece][] = [];
  /** Whole text, when the drawing is not split into pieces. */
  private whole: string | undefined;
  private insertable = true;
  dirty = false;
  readonly empty: boolean;

  constructor(readonly path: string, vml: string) {
    this.empty = vml === '';
    const spans = noteShapes(vml);
    const end = vml.lastIndexOf('</xml>');
    const split = spans.every((s, i) => (i === 0 || s.start >= spans[i - 1]!.end) && (end < 0 || end <= s.start || end >= s.end));
    if (!split) {
      this.whole = vml;
      return;
    }
    this.insertable = end >= 0;
    let pos = 0;
    const cut = end < 0 ? vml.length : end;
    for (const s of spans) {
      const into = s.start < cut ? this.pre : this.post;
      if (pos < cut && s.start >= cut) {
        this.add(this.pre, piece(vml.slice(pos, cut)));
        pos = cut;
      }
      this.add(into, piece(vml.slice(pos, s.start)));
      this.add(into, piece(vml.slice(s.start, s.end)), s.cell);
      pos = s.end;
    }
    if (pos < cut) {
      this.add(this.pre, piece(vml.slice(pos, cut)));
      pos = cut;
    }
    this.add(this.post, piece(vml.slice(pos)));
  }

  private add(list: Piece[], p: Piece, cell?: string | null): void {
    list.push(p);
    if (p.type) this.types++;
    for (const id of p.ids) this.heapPush([id, p]);
    if (cell === undefined) return;
    this.shapes++;
    if (cell === null) return;
    const same = this.byCell.get(cell);
    if (same) same.push(p);
    else this.byCell.set(cell, [p]);
  }

  text(): string {
    if (this.whole !== undefined) return this.whole;
    const parts: string[] = [];
    for (const list of [this.pre, this.added, this.post]) for (const p of list) if (p.live) parts.push(p.text);
    return parts.join('');
  }

  /**
   * The o:idmap block the drawing states (the first data="N"), else `free()`. Found once and kept while its piece
   * lives: the shapes we add never hold data="…".
   */
  private block(free: () => number): number {
    if (this.stated === undefined || (this.stated && !this.stated.piece.live)) {
      this.stated = null;
      find: for (const list of [this.pre, this.added, this.post]) {
        for (const p of list) {
          const m = p.live ? /data="(\d+)/.exec(p.text) : null;
          if (m) {
            this.stated = { piece: p, block: Number(m[1]) };
            break find;
          }
        }
      }
    }
    return this.stated ? this.stated.block : free();
  }

  private stated: { piece: Piece; block: number } | null | undefined;
  /** Set when a removed shape held data="…" (the workbook's free block may then have changed). */
  removedBlock = false;

  private maxId(): number {
    for (;;) {
      const top = this.heap[0];
      if (!top) return -Infinity;
      if (top[1].live) return top[0];
      this.heapPop();
    }
  }

  /** Adds a note shape for a cell: `shape(id)` is its XML; `free()` the next free id block of the workbook. */
  addShape(shape: (id: number) => string, free: () => number): void {
    this.dirty = true;
    if (this.whole !== undefined) {
      const vml = this.whole;
      const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
      const block = Number(/data="(\d+)/.exec(vml)?.[1] ?? free());
      let id = block * 1024;
      for (const x of ids) id = Math.max(id, x);
      const end = vml.lastIndexOf('</xml>');
      this.whole = end < 0 ? vml : vml.slice(0, end) + (vml.includes('_x0000_t202"') ? '' : SHAPETYPE) + shape(id + 1) + vml.slice(end);
      return;
    }
    const id = Math.max(this.block(free) * 1024, this.maxId()) + 1;
    if (!this.insertable) return;
    if (this.types === 0) this.add(this.added, piece(SHAPETYPE));
    const text = shape(id);
    this.add(this.added, piece(text), noteShapes(text)[0]?.cell ?? null);
  }

  /**
   * Removes the first note shape on a cell: 'none' when there is none, 'last' when it is the drawing's only shape
   * (the caller then removes the drawing), else 'removed'.
   */
  removeShape(cell: string): 'none' | 'last' | 'removed' {
    if (this.whole !== undefined) {
      const shapes = noteShapes(this.whole);
      const shape = shapes.find((s) => s.cell === cell);
      if (!shape) return 'none';
      if (shapes.length === 1) return 'last';
      if (this.whole.slice(shape.start, shape.end).includes('data="')) this.removedBlock = true;
      this.whole = this.whole.slice(0, shape.start) + this.whole.slice(shape.end);
      this.dirty = true;
      return 'removed';
    }
    const p = this.byCell.get(cell)?.[0];
    if (!p) return 'none';
    if (this.shapes === 1) return 'last';
    this.byCell.get(cell)!.shift();
    p.live = false;
    this.shapes--;
    if (p.type) this.types--;
    if (p.text.includes('data="')) this.removedBlock = true;
    this.dirty = true;
    return 'removed';
  }

  private heapPush(e: [number, Piece]): void {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (h[up]![0] >= h[i]![0]) break;
      [h[up], h[i]] = [h[i]!, h[up]!];
      i = up;
    }
  }

  private heapPop(): void {
    const h = this.heap;
    const last = h.pop();
    if (!last || h.length === 0) return;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let big = i;
      if (l < h.length && h[l]![0] > h[big]![0]) big = l;
      if (r < h.length && h[r]![0] > h[big]![0]) big = r;
      if (big === i) break;
      [h[big], h[i]] = [h[i]!, h[big]!];
      i = big;
    }
  }
}
