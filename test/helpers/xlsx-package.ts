import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Builds small .xlsx packages from hand-written XML, so reader tests state exactly what is in the file
 * (shared formulas, a cached 0, a lone cell in XFD1048576, hostile zips) without going through a writer.
 */
export interface SheetPart {
  name: string;
  /** The inside of <worksheet>: <sheetData>…</sheetData> and whatever follows it (<mergeCells>, …). */
  body: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
}

export interface PackageSpec {
  sheets: SheetPart[];
  /** The <si> items of the shared strings part, as XML; no part when absent. */
  sharedStrings?: string[];
  /** The inside of <styleSheet>; no styles part when absent. */
  styles?: string;
  /** XML after </sheets> in workbook.xml, e.g. <definedNames>…</definedNames>. */
  workbookTail?: string;
  /** The workbook's main content type (.xlsm, .xltx, … differ only here). */
  mainContentType?: string;
  /** Extra zip entries, or entries to replace (a string is UTF-8 text); null removes an entry. */
  entries?: Record<string, string | Uint8Array | null>;
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XLSX_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The parts of a package by name (before zipping), for tests that tamper with them. */
export function packageParts(spec: PackageSpec): Record<string, string | Uint8Array> {
  const sheetRels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  const extraRels = [
    spec.sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '',
    spec.styles !== undefined ? `<Relationship Id="rIdY" Type="${REL}/styles" Target="/xl/styles.xml"/>` : '',
  ];
  const overrides = [
    `<Override PartName="/xl/workbook.xml" ContentType="${spec.mainContentType ?? XLSX_MAIN}"/>`,
    ...spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
  ];
  const parts: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${spec.sheets
      .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets>${spec.workbookTail ?? ''}</workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${[...sheetRels, ...extraRels].join('')}</Relationships>`,
  };
  spec.sheets.forEach((s, i) => {
    parts[`xl/worksheets/sheet${i + 1}.xml`] = `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${s.body}</worksheet>`;
  });
  if (spec.sharedStrings) parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${spec.sharedStrings.length}">${spec.sharedStrings.join('')}</sst>`;
  if (spec.styles !== undefined) parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}>${spec.styles}</styleSheet>`;
  for (const [name, content] of Object.entries(spec.entries ?? {})) {
    if (content === null) delete parts[name];
    else parts[name] = content;
  }
  return parts;
}

/** Zips parts (strings as UTF-8) with deflate. */
export function zipParts(parts: Record<string, string | Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [name, content] of Object.entries(parts)) z[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(z, { level: 6 });
}

export function xlsxPackage(spec: PackageSpec): Uint8Array {
  return zipParts(packageParts(spec));
}

/** One sheet whose <sheetData> holds these rows (XML of <row> elements). */
export const oneSheet = (rows: string, tail = '', name = 'แผน'): PackageSpec => ({ sheets: [{ name, body: `<sheetData>${rows}</sheetData>${tail}` }] });
