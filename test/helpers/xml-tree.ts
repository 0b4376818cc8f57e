import { SaxesParser } from 'saxes';

/**
 * A small element tree for comparing package parts by meaning: attribute order, quoting, entity spelling and
 * whitespace between elements do not matter; everything else (names, prefixes, attributes, text) does.
 */
export interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

export function parseXml(xml: string): El {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const root: El = { name: '#document', attrs: {}, children: [] };
  const stack: El[] = [root];
  parser.on('opentag', (t) => {
    const el: El = { name: t.name, attrs: { ...(t.attributes as Record<string, string>) }, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    // Whitespace between elements is layout; inside a text-only element (<t>, <v>, <f>) it is content.
    if (el.children.some((c) => typeof c !== 'string')) el.children = el.children.filter((c) => typeof c !== 'string' || c.trim() !== '');
  });
  parser.on('text', (t) => stack[stack.length - 1]!.children.push(t));
  parser.on('cdata', (t) => stack[stack.length - 1]!.children.push(t));
  parser.write(xml).close();
  const top = root.children.find((c): c is El => typeof c !== 'string');
  if (!top) throw new Error('no root element');
  return top;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One spelling of an element: attributes sorted, text escaped the same way, adjacent text joined. */
export function canonical(el: El | string): string {
  if (typeof el === 'string') return esc(el);
  const attrs = Object.keys(el.attrs)
    .sort()
    .map((k) => ` ${k}="${esc(el.attrs[k]!)}"`)
    .join('');
  return `<${el.name}${attrs}>${el.children.map(canonical).join('')}</${el.name}>`;
}

/** The element children, optionally only those of one name (the local name, any prefix). */
export function kids(el: El | undefined, name?: string): El[] {
  if (!el) return [];
  return el.children.filter((c): c is El => typeof c !== 'string' && (name === undefined || localName(c.name) === name));
}

export const kid = (el: El | undefined, name: string): El | undefined => kids(el, name)[0];

export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** The text content of an element and everything in it. */
export function textOf(el: El | string | undefined): string {
  if (el === undefined) return '';
  if (typeof el === 'string') return el;
  return el.children.map(textOf).join('');
}
