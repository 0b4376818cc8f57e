import { insertChild, WORKSHEET_ORDER, child } from './order';
import { REL, RELS_NS, type Package } from './package';
import { cellOf, cellRef } from './refs';
import { attrs, children, local, prefixFor, prefixOf, root, splice, tags, textOf, unXstring, xstring, type Element } from './xml';

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
const AUTHOR = 'ตรวจแผน · PlanCheck';

/** A legacy note's text (runs joined, phonetic runs left out). */
function commentText(xml: string, comment: Element): string {
  const text = children(xml, comment.open).find((c) => local(c.open.name) === 'text');
  if (!text) return '';
  const parts: string[] = [];
  for (const c of children(xml, text.open)) {
    if (local(c.open.name) === 't') parts.push(textOf(xml, c));
    else if (local(c.open.name) === 'r') for (const t of children(xml, c.open)) if (local(t.open.name) === 't') parts.push(textOf(xml, t));
  }
  return unXstring(parts.join(''));
}

function commentList(xml: string): Element | undefined {
  return child(xml, root(xml).open, 'commentList');
}

function comments(xml: string): { cell: string; el: Element; text: string }[] {
  const list = commentList(xml);
  if (!list) return [];
  return children(xml, list.open).map((el) => ({ cell: (attrs(xml, el.open).get('ref') ?? '').toUpperCase(), el, text: commentText(xml, el) }));
}

/**
 * What is on a cell already: a legacy note's text, or "" for a threaded comment (which the user wrote: we never
 * write those), or undefined when the cell has neither.
 */
export function noteAt(pkg: Package, sheet: string, cell: string): string | undefined {
  const ref = cell.toUpperCase();
  for (const t of pkg.targets(sheet, REL.comments)) {
    const xml = pkg.read(t.path);
    const c = xml ? comments(xml).find((x) => x.cell === ref) : undefined;
    if (c) return c.text;
  }
  for (const t of pkg.targets(sheet, REL.threadedComment)) {
    const xml = pkg.read(t.path);
    if (!xml) continue;
    for (const tag of tags(xml)) if (tag.kind !== 'close' && local(tag.name) === 'threadedComment' && (attrs(xml, tag).get('ref') ?? '').toUpperCase() === ref) return '';
  }
  return undefined;
}

/** The VML drawing the sheet's <legacyDrawing> points at. */
function legacyDrawing(pkg: Package, sheet: string): { path: string; relId: string } | undefined {
  const xml = pkg.read(sheet)!;
  const el = child(xml, root(xml).open, 'legacyDrawing');
  if (!el) return undefined;
  const id = [...attrs(xml, el.open)].find(([k]) => local(k) === 'id')?.[1];
  const t = pkg.targets(sheet, REL.vmlDrawing).find((x) => x.rel.id === id);
  return t && id ? { path: t.path, relId: id } : undefined;
}

/** The next free VML shape-id block (o:idmap data) across the workbook's drawings. */
function freeIdBlock(pkg: Package): number {
  let max = 0;
  for (const p of pkg.paths()) {
    if (!p.toLowerCase().endsWith('.vml')) continue;
    for (const m of (pkg.read(p) ?? '').matchAll(/data="([0-9,\s]+)"/g)) for (const n of m[1]!.split(',')) max = Math.max(max, Number(n) || 0);
  }
  return max + 1;
}

function shapeXml(id: number, cell: string): string {
  const { row, col } = cellOf(cell);
  const anchor = `${col}, 15, ${Math.max(0, row - 2)}, 10, ${col + 2}, 15, ${row + 3}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The note shapes of a VML drawing, with the cell each sits on. */
function noteShapes(vml: string): { start: number; end: number; cell: string | null }[] {
  const out: { start: number; end: number; cell: string | null }[] = [];
  let open: { start: number; name: string } | null = null;
  for (const t of tags(vml)) {
    if (local(t.name) !== 'shape') continue;
    if (t.kind === 'empty') out.push({ start: t.start, end: t.end, cell: null });
    else if (t.kind === 'open') open = { start: t.start, name: t.name };
    else if (open) {
      const block = vml.slice(open.start, t.end);
      const row = /<(?:\w+:)?Row>\s*(\d+)\s*</.exec(block)?.[1];
      const col = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(block)?.[1];
      const note = /ObjectType\s*=\s*["']Note["']/.test(block);
      out.push({ start: open.start, end: t.end, cell: note && row !== undefined && col !== undefined ? cellRef({ row: Number(row) + 1, col: Number(col) + 1 }) : null });
      open = null;
    }
  }
  return out;
}

/** Adds our explanation as a legacy note on a cell that has none (the caller checks). */
export function addNote(pkg: Package, sheet: string, cell: string, text: string): void {
  const ref = cellRef(cellOf(cell));
  // The comments part: the sheet's own, else a new one.
  let path = pkg.targets(sheet, REL.comments)[0]?.path;
  if (!path) {
    path = pkg.freshPath('xl/', 'comments', '.xml');
    pkg.write(path, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>');
    pkg.addOverride(path, COMMENTS_TYPE);
    pkg.addRel(sheet, REL.comments, path);
  }
  let xml = pkg.read(path)!;
  const r = root(xml);
  const p = prefixOf(r.open.name);
  let authors = child(xml, r.open, 'authors');
  if (!authors) {
    xml = splice(xml, [{ start: r.open.end, end: r.open.end, text: `<${p}authors></${p}authors>` }]);
    authors = child(xml, root(xml).open, 'authors')!;
  }
  const names = children(xml, authors.open).map((a) => textOf(xml, a));
  let authorId = names.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    const el = `<${p}author>${xstring(AUTHOR)}</${p}author>`;
    xml = splice(xml, [authors.open.kind === 'empty' ? { start: authors.open.start, end: authors.open.end, text: `<${authors.open.name}>${el}</${authors.open.name}>` } : { start: authors.contentEnd, end: authors.contentEnd, text: el }]);
  }
  const comment = `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${xstring(text)}</${p}t></${p}r></${p}text></${p}comment>`;
  const list = commentList(xml);
  if (!list) {
    const rr = root(xml);
    xml = splice(xml, [{ start: rr.contentEnd, end: rr.contentEnd, text: `<${p}commentList>${comment}</${p}commentList>` }]);
  } else if (list.open.kind === 'empty') xml = splice(xml, [{ start: list.open.start, end: list.open.end, text: `<${list.open.name}>${comment}</${list.open.name}>` }]);
  else xml = splice(xml, [{ start: list.contentEnd, end: list.contentEnd, text: comment }]);
  pkg.write(path, xml);

  // The VML drawing that shows it: the sheet's legacy drawing, else a new one with <legacyDrawing> in the sheet.
  const drawing = legacyDrawing(pkg, sheet);
  if (drawing) {
    const vml = pkg.read(drawing.path) ?? '';
    const ids = [...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]));
    const block = Number(/data="(\d+)/.exec(vml)?.[1] ?? freeIdBlock(pkg));
    const id = Math.max(block * 1024, ...ids) + 1;
    const shapetype = vml.includes('_x0000_t202"') ? '' : SHAPETYPE;
    const end = vml.lastIndexOf('</xml>');
    pkg.write(drawing.path, end < 0 ? vml : vml.slice(0, end) + shapetype + shapeXml(id, ref) + vml.slice(end));
    return;
  }
  const block = freeIdBlock(pkg);
  const vmlPath = pkg.freshPath('xl/drawings/', 'vmlDrawing', '.vml');
  pkg.write(
    vmlPath,
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPETYPE}${shapeXml(block * 1024 + 1, ref)}</xml>`,
  );
  pkg.ensureDefault('vml', VML_TYPE);
  const relId = pkg.addRel(sheet, REL.vmlDrawing, vmlPath);
  const sx = pkg.read(sheet)!;
  const sr = root(sx);
  const rp = prefixFor(sx, sr.open, RELS_NS);
  const el = `<${prefixOf(sr.open.name)}legacyDrawing ${rp ? `${rp}id="${relId}"` : `r:id="${relId}" xmlns:r="${RELS_NS}"`}/>`;
  pkg.write(sheet, splice(sx, [insertChild(sx, sr.open, WORKSHEET_ORDER, 'legacyDrawing', el)]));
}

/**
 * Removes the note on a cell (ours: the caller checked the ownership tag and the text), with its VML shape;
 * a comments part or drawing left empty goes too, with its rel, content type and <legacyDrawing>.
 */
export function removeNote(pkg: Package, sheet: string, cell: string): void {
  const ref = cellRef(cellOf(cell));
  const t = pkg.targets(sheet, REL.comments)[0];
  const xml = t ? pkg.read(t.path) : undefined;
  if (!t || !xml) return;
  const all = comments(xml);
  const mine = all.find((c) => c.cell === ref);
  if (!mine) return;
  if (all.length === 1) {
    pkg.removePart(t.path);
    pkg.removeRel(sheet, t.rel.id);
  } else pkg.write(t.path, splice(xml, [{ start: mine.el.open.start, end: mine.el.end, text: '' }]));
  const drawing = legacyDrawing(pkg, sheet);
  const vml = drawing ? pkg.read(drawing.path) : undefined;
  if (!drawing || !vml) return;
  const shapes = noteShapes(vml);
  const shape = shapes.find((s) => s.cell === ref);
  if (!shape) return;
  if (shapes.length > 1) {
    pkg.write(drawing.path, vml.slice(0, shape.start) + vml.slice(shape.end));
    return;
  }
  pkg.removePart(drawing.path);
  pkg.removeRel(sheet, drawing.relId);
  const sx = pkg.read(sheet)!;
  const el = child(sx, root(sx).open, 'legacyDrawing');
  if (el) pkg.write(sheet, splice(sx, [{ start: el.open.start, end: el.end, text: '' }]));
}
