/** Legacy notes (a comments part and a VML drawing): their XML, for the notes editor (notes-editor.ts). */
import { child } from './order';
import { REL, type Package } from './package';
import { cellOf, cellRef } from './refs';
import { attrs, children, local, root, tags, textOf, unXstring, type Element } from './xml';

export const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml';
export const VML_TYPE = 'application/vnd.openxmlformats-officedocument.vmlDrawing';
export const AUTHOR = 'ตรวจแผน · PlanCheck';

/** A legacy note's text (runs joined, phonetic runs left out). */
export function commentText(xml: string, comment: Element): string {
  const text = children(xml, comment.open).find((c) => local(c.open.name) === 'text');
  if (!text) return '';
  const parts: string[] = [];
  for (const c of children(xml, text.open)) {
    if (local(c.open.name) === 't') parts.push(textOf(xml, c));
    else if (local(c.open.name) === 'r') for (const t of children(xml, c.open)) if (local(t.open.name) === 't') parts.push(textOf(xml, t));
  }
  return unXstring(parts.join(''));
}

export function commentList(xml: string): Element | undefined {
  return child(xml, root(xml).open, 'commentList');
}

/** The VML drawing the sheet's <legacyDrawing> points at. */
export function legacyDrawing(pkg: Package, sheet: string): { path: string; relId: string } | undefined {
  const xml = pkg.read(sheet)!;
  const el = child(xml, root(xml).open, 'legacyDrawing');
  if (!el) return undefined;
  const id = [...attrs(xml, el.open)].find(([k]) => local(k) === 'id')?.[1];
  const t = pkg.targets(sheet, REL.vmlDrawing).find((x) => x.rel.id === id);
  return t && id ? { path: t.path, relId: id } : undefined;
}

/** The next free VML shape-id block (o:idmap data) across the workbook's drawings. */
export function freeIdBlock(pkg: Package): number {
  let max = 0;
  for (const p of pkg.paths()) {
    if (!p.toLowerCase().endsWith('.vml')) continue;
    for (const m of (pkg.read(p) ?? '').matchAll(/data="([0-9,\s]+)"/g)) for (const n of m[1]!.split(',')) max = Math.max(max, Number(n) || 0);
  }
  return max + 1;
}

export function shapeXml(id: number, cell: string): string {
  const { row, col } = cellOf(cell);
  const anchor = `${col}, 15, ${Math.max(0, row - 2)}, 10, ${col + 2}, 15, ${row + 3}, 4`;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:240pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

export const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The note shapes of a VML drawing, with the cell each sits on. */
export function noteShapes(vml: string): { start: number; end: number; cell: string | null }[] {
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

