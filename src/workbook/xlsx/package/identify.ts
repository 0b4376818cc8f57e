import { cfbEntryNames, looksLikeCfb } from './cfb';
import { WorkbookReadError } from './errors';
import { readContentTypes, readRelationships, relType } from './opc';
import type { ReadLimits } from './limits';
import { looksLikeZip, ZipArchive } from './zip';

/** The main part's content types of .xlsx, .xltx, .xlsm, .xltm and .xlam: all read the same. */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
  'application/vnd.ms-excel.addin.macroEnabled.main+xml',
]);
const XLSB_TYPE = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

export interface OpenedPackage {
  zip: ZipArchive;
  /** The workbook part the package's officeDocument relationship names ("xl/workbook.xml"). */
  workbookPart: string;
}

/**
 * Knows what a file is before parsing it: an OLE2 container (password-protected workbook, old .xls, other),
 * an OpenDocument zip, a zip with no workbook, text (CSV, HTML) or nothing known; only an OOXML workbook
 * comes back as a package to read.
 */
export function openPackage(bytes: Uint8Array, limits: Pick<ReadLimits, 'inflatedBytes' | 'textRun'>): OpenedPackage {
  if (bytes.length === 0) throw WorkbookReadError.of('empty');
  if (looksLikeCfb(bytes)) throw WorkbookReadError.of(oleKind(bytes));
  if (!looksLikeZip(bytes)) throw WorkbookReadError.of(textKind(bytes));
  try {
    return openZip(new ZipArchive(bytes, limits.inflatedBytes, limits.textRun));
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    // Offsets pointing outside the file surface as RangeErrors from DataView.
    throw WorkbookReadError.corrupt(`zip structure: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function oleKind(bytes: Uint8Array): 'encrypted' | 'xls' | 'ole' {
  const names = new Set((cfbEntryNames(bytes) ?? []).map((n) => n.toLowerCase()));
  if (names.has('encryptedpackage')) return 'encrypted';
  if (names.has('workbook') || names.has('book')) return 'xls';
  return 'ole';
}

function openZip(zip: ZipArchive): OpenedPackage {
  const mimetype = zip.entry('mimetype');
  if (mimetype && mimetype.size < 256) {
    const type = new TextDecoder().decode(zip.readBytes('mimetype')).trim();
    if (type === ODS_MIME || type === `${ODS_MIME}-template`) throw WorkbookReadError.of('ods');
    if (type.startsWith('application/vnd.oasis.opendocument.')) throw WorkbookReadError.of('not-workbook');
  }
  const officeDocument = readRelationships(zip, '').find((r) => relType(r, 'officeDocument') && r.part !== null);
  // Without package relationships, accept the conventional name, as Excel's own repair does.
  const workbookPart = officeDocument?.part ?? (zip.entry('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (!workbookPart || !zip.entry(workbookPart)) throw WorkbookReadError.of('not-workbook');
  const type = readContentTypes(zip)(workbookPart);
  if (type === XLSB_TYPE || workbookPart.toLowerCase().endsWith('.bin')) throw WorkbookReadError.of('xlsb');
  const generic = type === undefined || type === 'application/xml' || type === 'text/xml';
  if (!(type !== undefined && WORKBOOK_TYPES.has(type)) && !(generic && /(^|\/)workbook\.xml$/i.test(workbookPart))) {
    throw WorkbookReadError.of('not-workbook');
  }
  return { zip, workbookPart: zip.entry(workbookPart)?.name ?? workbookPart };
}

/** What a file that is neither a zip nor OLE2 is: text of some kind, or unknown binary. */
function textKind(bytes: Uint8Array): 'csv' | 'text' | 'markup' | 'unknown' {
  const head = bytes.subarray(0, 8192);
  let text: string;
  if (head[0] === 0xff && head[1] === 0xfe) text = new TextDecoder('utf-16le').decode(head);
  else if (head[0] === 0xfe && head[1] === 0xff) text = new TextDecoder('utf-16be').decode(head);
  else {
    let control = 0;
    for (const b of head) if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
    if (control > head.length / 100) return 'unknown';
    // Thai CSVs are often TIS-620, which is not UTF-8: decode leniently, only the shape matters.
    text = new TextDecoder('utf-8').decode(head);
  }
  text = text.replace(/^\uFEFF/, '');
  if (/^\s*</.test(text)) return 'markup';
  const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 10);
  if (lines.length === 0) return 'text';
  for (const d of [',', '\t', ';']) {
    const counts = lines.map((l) => l.split(d).length - 1);
    if (counts[0] !== undefined && counts[0] > 0 && counts.filter((c) => c === counts[0]).length >= Math.ceil(lines.length / 2)) return 'csv';
  }
  return 'text';
}
