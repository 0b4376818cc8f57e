import { PatchError } from './errors';

/**
 * A tag scanner that reports where each tag starts and ends in the original text, so that edits are splices:
 * whatever is not edited keeps every byte (namespace prefixes, attribute order, quoting, whitespace). It skips
 * comments, processing instructions, CDATA and doctype, and honours quotes in attribute values.
 */
export interface Tag {
  kind: 'open' | 'close' | 'empty';
  /** Qualified name as written ("x:row"). */
  name: string;
  /** Index of "<". */
  start: number;
  /** Index after ">". */
  end: number;
}

export const local = (name: string): string => name.slice(name.indexOf(':') + 1);
export const prefixOf = (name: string): string => (name.includes(':') ? name.slice(0, name.indexOf(':') + 1) : '');

const isNameEnd = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '/' || c === '>';

function skipTo(xml: string, from: number, marker: string): number {
  const i = xml.indexOf(marker, from);
  if (i < 0) throw new PatchError('badXml');
  return i + marker.length;
}

/**
 * Work done on XML text: tags scanned, and characters stepped over (an element's content skipped) or copied (a
 * spliced part). Counted for the test that keeps the patcher linear in the size of the sheet (a count, unlike a
 * time, does not depend on the machine's load).
 */
export const xmlWork = { tags: 0, chars: 0 };

/** Tags between `from` and `to`. */
export function* tags(xml: string, from = 0, to = xml.length): Generator<Tag> {
  let pos = from;
  for (;;) {
    const i = xml.indexOf('<', pos);
    if (i < 0 || i >= to) return;
    const next = xml[i + 1];
    if (next === '!') {
      if (xml.startsWith('<!--', i)) pos = skipTo(xml, i + 4, '-->');
      else if (xml.startsWith('<![CDATA[', i)) pos = skipTo(xml, i + 9, ']]>');
      else pos = skipTo(xml, i + 2, '>');
      continue;
    }
    if (next === '?') {
      pos = skipTo(xml, i + 2, '?>');
      continue;
    }
    if (next === '/') {
      const end = skipTo(xml, i + 2, '>');
      xmlWork.tags++;
      yield { kind: 'close', name: xml.slice(i + 2, end - 1).trim(), start: i, end };
      pos = end;
      continue;
    }
    let j = i + 1;
    while (j < xml.length && !isNameEnd(xml[j]!)) j++;
    const name = xml.slice(i + 1, j);
    let quote = '';
    for (; j < xml.length; j++) {
      const c = xml[j]!;
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (j >= xml.length) throw new PatchError('badXml');
    const end = j + 1;
    xmlWork.tags++;
    yield { kind: xml[j - 1] === '/' ? 'empty' : 'open', name, start: i, end };
    pos = end;
  }
}

/** The first tag at or after `from` (skipping comments and the declaration). */
export function firstTag(xml: string, from = 0): Tag | undefined {
  for (const t of tags(xml, from)) return t;
  return undefined;
}

/** Index after the element that `open` starts (its close tag), counting nested elements. */
export function elementEnd(xml: string, open: Tag): number {
  if (open.kind === 'empty') return open.end;
  let depth = 0;
  for (const t of tags(xml, open.end)) {
    if (t.kind === 'open') depth++;
    else if (t.kind === 'close') {
      if (depth === 0) return t.end;
      depth--;
    }
  }
  throw new PatchError('badXml');
}

export interface Element {
  open: Tag;
  /** Index after the element. */
  end: number;
  /** Where its content ends (the close tag's start), or open.end for an empty element. */
  contentEnd: number;
}

/**
 * Elements that never contain an element of their own name, so their first close tag ends them: the scanner
 * jumps over their content (a worksheet's <sheetData> is nearly all of it) instead of walking every cell.
 */
const FLAT = new Set(['sheetData', 'mergeCells', 'cols']);

/** The direct child elements of `parent`. */
export function children(xml: string, parent: Tag): Element[] {
  const out: Element[] = [];
  if (parent.kind === 'empty') return out;
  let depth = 0;
  let current: Tag | null = null;
  let pos = parent.end;
  scan: for (;;) {
    for (const t of tags(xml, pos)) {
      if (t.kind === 'close') {
        if (depth === 0) return out;
        depth--;
        if (depth === 0 && current) {
          out.push({ open: current, end: t.end, contentEnd: t.start });
          current = null;
        }
      } else if (depth === 0) {
        if (t.kind === 'empty') out.push({ open: t, end: t.end, contentEnd: t.end });
        else if (FLAT.has(local(t.name))) {
          const close = xml.indexOf(`</${t.name}`, t.end);
          const end = close < 0 ? -1 : xml.indexOf('>', close);
          if (end < 0) throw new PatchError('badXml');
          xmlWork.chars += close - t.end;
          out.push({ open: t, end: end + 1, contentEnd: close });
          pos = end + 1;
          continue scan;
        } else {
          current = t;
          depth = 1;
        }
      } else if (t.kind === 'open') depth++;
    }
    throw new PatchError('badXml');
  }
}

/** The root element of a document (its close tag is the document's last tag). */
export function root(xml: string): Element {
  const open = firstTag(xml);
  if (!open || open.kind === 'close') throw new PatchError('badXml');
  if (open.kind === 'empty') return { open, end: open.end, contentEnd: open.end };
  const contentEnd = xml.lastIndexOf(`</${open.name}`);
  if (contentEnd < open.end) throw new PatchError('badXml');
  return { open, end: xml.indexOf('>', contentEnd) + 1, contentEnd };
}

interface AttrSpan {
  name: string;
  /** Index of the whitespace before the name. */
  start: number;
  /** Index after the closing quote. */
  end: number;
  value: string;
}

const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** The attributes of a tag's text ("<c r=\"A1\" s=\"2\">"), with where each sits. */
function attrSpans(tagText: string): AttrSpan[] {
  const out: AttrSpan[] = [];
  let i = 1;
  while (i < tagText.length && !isNameEnd(tagText[i]!)) i++;
  for (;;) {
    const ws = i;
    while (isSpace(tagText[i])) i++;
    const eq = tagText.indexOf('=', i);
    if (eq < 0 || tagText[i] === '/' || tagText[i] === '>') return out;
    const name = tagText.slice(i, eq).trim();
    let q = eq + 1;
    while (isSpace(tagText[q])) q++;
    const quote = tagText[q];
    if (quote !== '"' && quote !== "'") throw new PatchError('badXml');
    const close = tagText.indexOf(quote, q + 1);
    if (close < 0) throw new PatchError('badXml');
    out.push({ name, start: ws, end: close + 1, value: unescapeXml(tagText.slice(q + 1, close)) });
    i = close + 1;
  }
}

/** The element's attributes (values unescaped). */
export function attrs(xml: string, tag: Tag): Map<string, string> {
  return new Map(attrSpans(xml.slice(tag.start, tag.end)).map((a) => [a.name, a.value]));
}

export const attr = (xml: string, tag: Tag, name: string): string | undefined => attrs(xml, tag).get(name);

/** An open or empty tag's text with one attribute set (replaced where it is, else appended). */
export function withAttr(tagText: string, name: string, value: string): string {
  const a = attrSpans(tagText).find((x) => x.name === name);
  const v = `${name}="${escapeAttr(value)}"`;
  if (a) return `${tagText.slice(0, a.start)} ${v}${tagText.slice(a.end)}`;
  const cut = tagText.endsWith('/>') ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, cut)} ${v}${tagText.slice(cut)}`;
}

/** An open or empty tag's text without one attribute. */
export function withoutAttr(tagText: string, name: string): string {
  const a = attrSpans(tagText).find((x) => x.name === name);
  return a ? tagText.slice(0, a.start) + tagText.slice(a.end) : tagText;
}

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e === 'amp') return '&';
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

export const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const escapeAttr = (s: string): string =>
  escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

/**
 * Cell text as SpreadsheetML stores it (ST_Xstring): characters XML 1.0 cannot carry become "_xHHHH_", and a
 * literal "_xHHHH_" in the text is escaped so that it reads back as written.
 */
export function xstring(s: string): string {
  const encoded = s
    .replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return escapeText(encoded);
}

/** Decodes "_xHHHH_" escapes (the inverse of xstring, after XML unescaping). */
export const unXstring = (s: string): string => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits; insertions at one position keep their order. */
export function splice(xml: string, edits: Splice[]): string {
  xmlWork.chars += xml.length;
  const sorted = edits.map((e, i) => ({ ...e, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  // One join at the end: a sheet with 100k edits is built once, not copied once per edit.
  const out: string[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos) throw new Error(`overlapping edits at ${e.start}`);
    out.push(xml.slice(pos, e.start), e.text);
    pos = e.end;
  }
  out.push(xml.slice(pos));
  return out.join('');
}

/** The text content of an element (tags inside it dropped), unescaped. */
export function textOf(xml: string, el: Element): string {
  let out = '';
  let pos = el.open.end;
  for (const t of tags(xml, el.open.end, el.contentEnd)) {
    out += xml.slice(pos, t.start);
    pos = t.end;
  }
  return unescapeXml(out + xml.slice(pos, el.contentEnd));
}

/** The xmlns prefix (with ":") bound to `uri` on this tag, if any; "" for the default namespace. */
export function prefixFor(xml: string, tag: Tag, uri: string): string | undefined {
  for (const [k, v] of attrs(xml, tag)) {
    if (v !== uri) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return `${k.slice(6)}:`;
  }
  return undefined;
}
