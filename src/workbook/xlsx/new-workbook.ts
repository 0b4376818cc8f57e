import { strToU8, zipSync } from 'fflate';
import type { GeneratedSheet } from '../../domain';
import { patchXlsx } from './patch';

/**
 * The smallest package the patcher accepts: content types, the package relationship and a workbook part with no
 * sheet yet (styles are added by the patcher when a sheet needs them). Nothing a user made is in it.
 */
const EMPTY: Record<string, string> = {
  '[Content_Types].xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  '_rels/.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  'xl/workbook.xml':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>',
};

/**
 * A new workbook holding only generated sheets, in order (a combined summary: it belongs to no one's workbook, so
 * it is built from nothing rather than from a copy of an input). The sheets are written by the same patcher code
 * as `summarize` and the browser download, so they look and print the same; they are listed as ours in the record
 * sheet. Deterministic: fixed time stamps, the same bytes for the same sheets.
 */
export function newWorkbook(sheets: readonly GeneratedSheet[]): Uint8Array {
  const files = Object.fromEntries(Object.entries(EMPTY).map(([name, xml]) => [name, [strToU8(xml), { mtime: new Date(1980, 0, 1) }] as const]));
  const base = zipSync(files as Parameters<typeof zipSync>[0], { level: 6 });
  return patchXlsx(base, sheets.map((sheet) => ({ kind: 'add-sheet' as const, sheet }))).bytes;
}
