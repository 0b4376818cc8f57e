import { SaxesParser } from 'saxes';
import { WorkbookReadError } from './errors';
import type { ZipArchive } from './zip';

/** Callbacks of one streamed XML part. Element names arrive without their prefix ("x:c" → "c"). */
export interface XmlHandler {
  open(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  /** Character data (entities decoded, CDATA included); only set it when the text matters. */
  text?(s: string): void;
}

export const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** An attribute by local name, whatever its prefix ("r:id", "ns2:id"): the first prefixed one wins. */
export function prefixedAttr(attrs: Record<string, string>, local: string): string | undefined {
  for (const key in attrs) {
    const colon = key.indexOf(':');
    if (colon > 0 && key.slice(colon + 1) === local && !key.startsWith('xmlns')) return attrs[key];
  }
  return undefined;
}

const tooLong = (part: string): WorkbookReadError => WorkbookReadError.corrupt(`${part}: text between two tags is longer than any workbook has`);

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/**
 * Streams one part of the package through the XML parser: inflated chunk → text → events, so a sheet is
 * never held whole in memory. Malformed XML is a damaged file; errors thrown by the handler pass through.
 */
export function parsePart(zip: ZipArchive, part: string, h: XmlHandler): void {
  const parser = new SaxesParser({ position: false });
  parser.on('error', (e) => {
    throw WorkbookReadError.corrupt(`${part}: ${e.message}`);
  });
  parser.on('opentag', (tag) => h.open(localName(tag.name), tag.attributes as Record<string, string>));
  const close = h.close?.bind(h);
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  const text = h.text?.bind(h);
  if (text) {
    parser.on('text', text);
    parser.on('cdata', text);
  }
  let decoder: TextDecoder | null = null;
  // Characters since the last "<", checked per chunk: a run longer than the limit (plus one chunk) is refused.
  let run = 0;
  zip.read(part, (chunk) => {
    decoder ??= decoderFor(chunk);
    const s = decoder.decode(chunk, { stream: true });
    const first = s.indexOf('<');
    if (first < 0) run += s.length;
    else {
      if (run + first > zip.textRun) throw tooLong(part);
      // Only a chunk longer than the limit (a bomb's) can hide a long run between two of its own tags.
      if (s.length > zip.textRun) {
        for (let at = first, next = s.indexOf('<', at + 1); next >= 0; at = next, next = s.indexOf('<', at + 1)) {
          if (next - at > zip.textRun) throw tooLong(part);
        }
      }
      run = s.length - s.lastIndexOf('<') - 1;
    }
    if (run > zip.textRun) throw tooLong(part);
    parser.write(s);
  });
  if (decoder) parser.write((decoder as TextDecoder).decode());
  parser.close();
}
