import { WorkbookReadError } from './errors';
import { parsePart } from './xml';
import type { ZipArchive } from './zip';

/**
 * Characters XML cannot carry are written as _xHHHH_ (ECMA-376 22.9.2.19), and a literal "_x" as _x005F_x:
 * one left-to-right pass decodes both.
 */
export function decodeEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * Collects the text of one string item (<si> or <is>): its <t>, or its rich-text runs' <t> joined; phonetic
 * runs (<rPh>) are reading aids, not text.
 */
export class StringItem {
  private parts: string[] = [];
  private inText = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === 't' && this.phonetic === 0) this.inText = true;
    else if (name === 'rPh') this.phonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inText = false;
    else if (name === 'rPh') this.phonetic--;
  }

  text(s: string): void {
    if (this.inText) this.parts.push(s);
  }

  take(): string {
    const s = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    this.parts = [];
    this.inText = false;
    this.phonetic = 0;
    return decodeEscapes(s);
  }
}

/** The shared strings table; its declared count never drives allocation, its real count is limited. */
export function readSharedStrings(zip: ZipArchive, part: string | null, limit: number): string[] {
  const out: string[] = [];
  if (!part || !zip.entry(part)) return out;
  const item = new StringItem();
  let inItem = false;
  parsePart(zip, part, {
    open(name) {
      if (name === 'si') {
        inItem = true;
        if (out.length >= limit) throw WorkbookReadError.tooLarge({ limit: 'sharedStrings', allowed: limit });
      } else if (inItem) item.open(name);
    },
    close(name) {
      if (name === 'si') {
        inItem = false;
        out.push(item.take());
      } else if (inItem) item.close(name);
    },
    text(s) {
      if (inItem) item.text(s);
    },
  });
  return out;
}
