import type { DefinedName } from '../../snapshot';
import { WorkbookReadError } from './errors';
import { parsePart, prefixedAttr } from './xml';
import type { ZipArchive } from './zip';

export type Visibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  /** The relationship id of its part. */
  rid: string;
  visibility: Visibility;
  /** The sheet's sheetId: stable across renames, which is how the ownership tag names our sheets. */
  sheetId: number;
}

export interface WorkbookPart {
  /** Every sheet in tab order (worksheets, chart sheets, …: a name's localSheetId counts them all). */
  sheets: SheetEntry[];
  names: DefinedName[];
}

const visibilityOf = (state: string | undefined): Visibility => (state === 'hidden' || state === 'veryHidden' ? state : 'visible');

/** The sheets and defined names of the workbook part. */
export function readWorkbookPart(zip: ZipArchive, part: string, maxSheets: number): WorkbookPart {
  const sheets: SheetEntry[] = [];
  const scoped: { name: string; ref: string; local?: number }[] = [];
  let name: { name: string; ref: string; local?: number } | null = null;
  parsePart(zip, part, {
    open(tag, a) {
      if (tag === 'sheet') {
        if (sheets.length >= maxSheets) throw WorkbookReadError.tooLarge({ limit: 'sheets', allowed: maxSheets });
        sheets.push({ name: a.name ?? '', rid: prefixedAttr(a, 'id') ?? a.id ?? '', visibility: visibilityOf(a.state), sheetId: Number(a.sheetId ?? NaN) });
      } else if (tag === 'definedName') {
        name = { name: a.name ?? '', ref: '' };
        if (a.localSheetId !== undefined && /^\d+$/.test(a.localSheetId)) name.local = Number(a.localSheetId);
      }
    },
    close(tag) {
      if (tag === 'definedName' && name) {
        scoped.push(name);
        name = null;
      }
    },
    text(s) {
      if (name) name.ref += s;
    },
  });
  const names = scoped.map((n): DefinedName => {
    const sheet = n.local === undefined ? undefined : sheets[n.local]?.name;
    return { name: n.name, ref: n.ref, ...(sheet !== undefined ? { sheet } : {}) };
  });
  return { sheets, names };
}
