import { parsePart } from './xml';
import type { ZipArchive } from './zip';

/** The Open Packaging Conventions the reader needs: relationships and content types. */
export interface Relationship {
  id: string;
  type: string;
  /** The target part's name, resolved against the source part ("xl/worksheets/sheet1.xml"); null if external. */
  part: string | null;
}

/** Relationship types end the same in transitional and strict OOXML; only their prefixes differ. */
export const relType = (r: Relationship, kind: string): boolean => r.type.endsWith(`/${kind}`);

/** Where the relationships of a part live: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target: absolute ("/xl/styles.xml") or relative to the source part's folder. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') base.pop();
    else base.push(decodeURIComponentSafe(seg));
  }
  return base.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The relationships of a part (the package's own when `part` is ""); none if it has no relationships part. */
export function readRelationships(zip: ZipArchive, part: string): Relationship[] {
  const relsPart = part === '' ? '_rels/.rels' : relsPartOf(part);
  if (!zip.entry(relsPart)) return [];
  const out: Relationship[] = [];
  parsePart(zip, relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || a.Target === undefined) return;
      const external = a.TargetMode === 'External';
      out.push({ id: a.Id ?? '', type: a.Type ?? '', part: external ? null : resolveTarget(part, a.Target) });
    },
  });
  return out;
}

/** The content type of a part from [Content_Types].xml (overrides first, then defaults by extension). */
export function readContentTypes(zip: ZipArchive): (part: string) => string | undefined {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  if (zip.entry('[Content_Types].xml')) {
    parsePart(zip, '[Content_Types].xml', {
      open(name, a) {
        if (name === 'Override' && a.PartName && a.ContentType) overrides.set(a.PartName.replace(/^\/+/, '').toLowerCase(), a.ContentType);
        if (name === 'Default' && a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
      },
    });
  }
  return (part) => overrides.get(part.toLowerCase()) ?? defaults.get(part.slice(part.lastIndexOf('.') + 1).toLowerCase());
}
