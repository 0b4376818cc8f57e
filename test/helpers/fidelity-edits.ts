import { strFromU8, strToU8, zipSync } from 'fflate';
import { sheetsOf, type Parts } from './ooxml';

/**
 * Small, deliberate edits of a package for testing the judge: the right way to convert a cell (a new style
 * entry, nothing else touched) and the ways a writer goes wrong. String edits on the XML, so that every byte
 * the edit does not mean to change stays as it was.
 */
export const copyOf = (parts: Parts): Parts => Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, new Uint8Array(v)]));

export const zip = (parts: Parts, level: 0 | 1 | 6 | 9 = 6): Uint8Array => zipSync(parts, { level });

export function editPart(parts: Parts, path: string, change: (xml: string) => string): void {
  const before = strFromU8(parts[path]!);
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${path} changed nothing`);
  parts[path] = strToU8(after);
}

export const sheetPart = (parts: Parts, name: string): string => sheetsOf(parts).find((s) => s.name === name)!.part;
const stylesPart = 'xl/styles.xml';

const xfs = (xml: string): { start: number; body: string; items: string[] } => {
  const m = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)!;
  const start = m.index + m[0].indexOf('>') + 1;
  return { start, body: m[1]!, items: m[1]!.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [] };
};

/** The XML of one cell, and its style index. */
export function cellXml(parts: Parts, sheet: string, ref: string): { xml: string; style: number } {
  const xml = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(strFromU8(parts[sheetPart(parts, sheet)]!))?.[0];
  if (!xml) throw new Error(`no cell ${sheet}!${ref}`);
  return { xml, style: Number(/ s="(\d+)"/.exec(xml)?.[1] ?? 0) };
}

export function replaceCell(parts: Parts, sheet: string, ref: string, xml: string): void {
  const was = cellXml(parts, sheet, ref).xml;
  editPart(parts, sheetPart(parts, sheet), (x) => x.replace(was, xml));
}

/** Adds a number format (or finds it) and returns its id. */
function numFmtId(parts: Parts, code: string): number {
  const xml = strFromU8(parts[stylesPart]!);
  const escaped = code.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const known = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).exec(xml);
  if (known) return Number(known[1]);
  const ids = [...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const id = Math.max(163, ...ids) + 1;
  const entry = `<numFmt numFmtId="${id}" formatCode="${escaped}"/>`;
  editPart(parts, stylesPart, (x) => (/<numFmts[^>]*>/.test(x) ? x.replace('</numFmts>', `${entry}</numFmts>`) : x.replace(/<styleSheet[^>]*>/, (m) => `${m}<numFmts count="1">${entry}</numFmts>`)));
  return id;
}

/** A copy of cellXfs[from] with another number format, appended: a style no other cell shares. */
export function addStyle(parts: Parts, from: number, format: string): number {
  const id = numFmtId(parts, format);
  const { items } = xfs(strFromU8(parts[stylesPart]!));
  const xf = items[from]!.replace(/ applyNumberFormat="[^"]*"/, '').replace(/numFmtId="\d+"/, `numFmtId="${id}"`).replace('<xf ', '<xf applyNumberFormat="1" ');
  editPart(parts, stylesPart, (x) => x.replace('</cellXfs>', `${xf}</cellXfs>`).replace(/<cellXfs count="\d+"/, `<cellXfs count="${items.length + 1}"`));
  return items.length;
}

/** What exceljs does: the number format written into the style entry the cell shares with others. */
export function restyleInPlace(parts: Parts, index: number, format: string): void {
  const id = numFmtId(parts, format);
  const { start, body, items } = xfs(strFromU8(parts[stylesPart]!));
  const changed = items[index]!.replace(/numFmtId="\d+"/, `numFmtId="${id}"`);
  editPart(parts, stylesPart, (x) => x.slice(0, start) + body.replace(items[index]!, changed) + x.slice(start + body.length));
}

/** set-number done right: the cell becomes the number, with a new style that is its old one in the new format. */
export function setNumber(parts: Parts, sheet: string, ref: string, value: number, format: string): void {
  const style = addStyle(parts, cellXml(parts, sheet, ref).style, format);
  replaceCell(parts, sheet, ref, `<c r="${ref}" s="${style}"><v>${value}</v></c>`);
}

/** set-formula done right: the formula and its cached result, the cell's style kept. */
export function setFormula(parts: Parts, sheet: string, ref: string, formula: string, result: number): void {
  const { style } = cellXml(parts, sheet, ref);
  replaceCell(parts, sheet, ref, `<c r="${ref}" s="${style}"><f>${formula.replace(/^=/, '').replace(/&/g, '&amp;').replace(/</g, '&lt;')}</f><v>${result}</v></c>`);
}
