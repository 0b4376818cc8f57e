import { SHEET_LOOK, generatedName, headerRowOf, rowHeights, type GeneratedCell, type GeneratedSheet } from '../../../domain';
import { numberText } from './cells';
import { REL, relsPathOf, type Package } from './package';
import { colLetters } from './refs';
import type { Ownership } from '../ownership';
import type { CellStyle, Styles } from './styles';
import { quoteSheet, type SheetEntry, type WorkbookPart } from './workbook';
import { escapeAttr, escapeText, xstring } from './xml';

const FONT = SHEET_LOOK.font;
const LINK = SHEET_LOOK.link.slice(1);
const HEADER_FILL = SHEET_LOOK.headerFill.slice(1);

/** A string cell: an inline string, never parsed (a label "=x" stays text). */
const inline = (text: string): string => `<is><t xml:space="preserve">${xstring(text)}</t></is>`;

function cellXml(ref: string, s: number, c: GeneratedCell | { value: string }, where: string): string {
  const g = c as GeneratedCell;
  if (g.formula) {
    const v = typeof g.value === 'number' ? `<v>${numberText(g.value, where)}</v>` : '';
    return `<c r="${ref}" s="${s}"><f>${escapeText(g.formula.replace(/^=/, ''))}</f>${v}</c>`;
  }
  if (typeof g.value === 'number') return `<c r="${ref}" s="${s}"><v>${numberText(g.value, where)}</v></c>`;
  if (typeof g.value === 'string') return `<c r="${ref}" s="${s}" t="inlineStr">${inline(g.value)}</c>`;
  return `<c r="${ref}" s="${s}"/>`;
}

/**
 * A generated sheet as worksheet XML, laid out as the exceljs writer did: title (merged, 20 pt bold), subtitle
 * lines (merged, 14 pt italic; both wrapped, rows as tall as their lines), a blank row, the header row (bold, filled, bordered, frozen and repeated on
 * every printed page), then the rows; TH Sarabun New 16, A4 landscape fitted to one page wide.
 */
function sheetXml(g: GeneratedSheet, styles: Styles): { xml: string; headerRow: number } {
  const width = Math.max(1, g.columns.length);
  const last = colLetters(width);
  const style = (s: Partial<CellStyle> & { font: CellStyle['font'] }): number => styles.cellStyle({ alignment: {}, ...s });
  const rows: string[] = [];
  const merges: string[] = [];
  const links: string[] = [];
  const heights = rowHeights(g);
  // Title and notes wrap within the table's width, in rows as tall as their lines (never clipped in print).
  const wrapTop = { vertical: 'top', wrapText: true } as const;
  const title = style({ font: { name: FONT, size: SHEET_LOOK.titleSize, bold: true }, alignment: wrapTop });
  rows.push(`<row r="1" ht="${heights.title}" customHeight="1">${cellXml('A1', title, { value: g.title }, `${g.name}!A1`)}</row>`);
  if (width > 1) merges.push(`A1:${last}1`);
  const sub = style({ font: { name: FONT, size: SHEET_LOOK.subtitleSize, italic: true }, alignment: wrapTop });
  g.subtitle.forEach((line, i) => {
    const r = 2 + i;
    rows.push(`<row r="${r}" ht="${heights.subtitle[i] ?? 1}" customHeight="1">${cellXml(`A${r}`, sub, { value: line }, `${g.name}!A${r}`)}</row>`);
    if (width > 1) merges.push(`A${r}:${last}${r}`);
  });
  const headerRow = headerRowOf(g.subtitle);
  const head = style({ font: { name: FONT, size: SHEET_LOOK.bodySize, bold: true }, fill: HEADER_FILL, border: true, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  const headers = g.columns.map((c, i) => cellXml(`${colLetters(i + 1)}${headerRow}`, head, { value: c.header }, g.name)).join('');
  rows.push(`<row r="${headerRow}" ht="${heights.header}" customHeight="1">${headers}</row>`);
  g.rows.forEach((cells, k) => {
    const r = headerRow + 1 + k;
    const xml = cells.map((c, i) => {
      const ref = `${colLetters(i + 1)}${r}`;
      const s = style({
        font: { name: FONT, size: SHEET_LOOK.bodySize, bold: c.bold ?? false, ...(c.link ? { color: LINK, underline: true } : {}) },
        ...(c.fill ? { fill: c.fill } : {}),
        border: true,
        alignment: { vertical: 'top', wrapText: true },
        ...(c.format ? { numFmt: c.format } : {}),
      });
      if (c.link && c.value !== undefined) links.push(`<hyperlink ref="${ref}" location="${escapeAttr(c.link.replace(/^#/, ''))}" display="${escapeAttr(String(c.value))}"/>`);
      return cellXml(ref, s, c, `${g.name}!${ref}`);
    });
    rows.push(`<row r="${r}" ht="${heights.rows[k] ?? 1}" customHeight="1">${xml.join('')}</row>`);
  });
  const lastRow = headerRow + g.rows.length;
  // Helper columns (partial sums of a formula too long for one cell) are hidden: they neither show nor print.
  const cols = g.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.hidden ? ' hidden="1"' : ''}/>`).join('');
  const xml = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${last}${lastRow}"/>`,
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols ? `<cols>${cols}</cols>` : '',
    `<sheetData>${rows.join('')}</sheetData>`,
    merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '',
    links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '',
    '<printOptions horizontalCentered="1"/>',
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    '</worksheet>',
  ].join('');
  return { xml, headerRow };
}

/**
 * Writes a generated sheet under its name, or "name (2)", … where a sheet of that name is not ours. Ours (listed
 * in the ownership tag by sheetId) is rewritten in place: same part, position, sheetId and rel, so no other
 * sheet's index (and no defined name's scope) moves. Returns the name written and whether an old one was replaced.
 */
export function writeGenerated(pkg: Package, wb: WorkbookPart, styles: Styles, g: GeneratedSheet, owned: Ownership): { name: string; replaced: boolean } {
  const { xml, headerRow } = sheetXml(g, styles);
  const titles = (name: string): string => `${quoteSheet(name)}!$${headerRow}:$${headerRow}`;
  const ours = (sheet: SheetEntry | undefined): sheet is SheetEntry & { path: string } =>
    sheet !== undefined && sheet.path !== undefined && owned.sheets.some((s) => s.id === sheet.sheetId);
  const name = generatedName(g, (n) => {
    const sheet = wb.sheet(n);
    return !sheet ? 'free' : ours(sheet) ? 'ours' : 'user';
  });
  const sheet = wb.sheet(name);
  if (!ours(sheet)) {
    const entry = wb.addSheet(name, pkg.freshPath('xl/worksheets/', 'sheet', '.xml'), xml);
    wb.setDefinedName('_xlnm.Print_Titles', entry.index, titles(name));
    owned.sheets.push({ id: entry.sheetId, name });
    return { name, replaced: false };
  }
  // Its notes (if any were added to it) go with the old content.
  for (const type of [REL.comments, REL.vmlDrawing]) for (const t of pkg.targets(sheet.path, type)) pkg.removePart(t.path);
  pkg.remove(relsPathOf(sheet.path));
  pkg.write(sheet.path, xml);
  wb.setDefinedName('_xlnm.Print_Titles', sheet.index, titles(sheet.name));
  owned.notes = owned.notes.filter((x) => x.sheet !== sheet.sheetId);
  owned.marks = owned.marks.filter((x) => x !== sheet.sheetId);
  return { name: sheet.name, replaced: true };
}
