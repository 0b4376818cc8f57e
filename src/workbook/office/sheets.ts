import { SHEET_LOOK, headerRowOf, rowHeights, type GeneratedCell, type GeneratedSheet, columnLetters } from '../../domain';

const FONT = SHEET_LOOK.font;

/**
 * Excel parses what it is given as if typed: "=x", "+1", "-x" become formulas, "12" or "1/2" numbers. A label
 * must stay the text it is, as the file writer keeps it: its cell is formatted as text ("@"), and text that Excel
 * would read as an entry starts with an apostrophe (Excel's own mark for "this is text", not shown).
 */
export function asText(text: string): string {
  return /^[=+\-@']/.test(text) || /^[\d๐-๙\s.,/:%$()-]+$/.test(text) ? `'${text}` : text;
}

/** A row cell as the `formulas` matrix takes it: its formula, a number, or a label kept as text. */
const entry = (c: GeneratedCell | undefined): string | number => (c?.formula ? c.formula : typeof c?.value === 'string' ? asText(c.value) : (c?.value ?? ''));
/** Labels (strings without a formula or format of their own) are text cells. */
const formatOf = (c: GeneratedCell | undefined): string => c?.format ?? (typeof c?.value === 'string' && !c.formula ? '@' : 'General');
/** Excel column widths are in points; a character of 16 pt Thai text is about 6 points wide. */
const POINTS_PER_CHAR = 6;

/** Thin grey lines around and between the cells of a range, as the file writer draws them. */
function borders(range: Excel.Range, rows: number, columns: number): void {
  // Inside edges only where there is an inside: a one-row range has no horizontal one.
  const edges: `${Excel.BorderIndex}`[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (columns > 1) edges.push('InsideVertical');
  if (rows > 1) edges.push('InsideHorizontal');
  for (const edge of edges) {
    const b = range.format.borders.getItem(edge);
    b.style = 'Continuous';
    b.weight = 'Thin';
    b.color = SHEET_LOOK.border;
  }
}

/** A title or note line: merged over the table, wrapped, top-aligned, its row as tall as its lines. */
function banner(range: Excel.Range, height: number, font: { size: number; bold?: boolean; italic?: boolean }): void {
  range.merge();
  range.format.font.set({ name: FONT, ...font });
  range.format.wrapText = true;
  range.format.verticalAlignment = 'Top';
  range.format.rowHeight = height;
}

/**
 * Writes a generated sheet into a new worksheet: title, notes (wrapped, rows as tall as their lines), header
 * (repeated on printed pages), rows as one 2-D block of values and formulas, number formats, links, thin borders;
 * A4 landscape fitted to the page width. The same look as the file writer (src/workbook/xlsx/patch/generated.ts).
 * `reserve` is called with each part's payload size so the caller can sync between chunks. Returns the new sheet.
 */
export async function writeGeneratedSheet(
  context: Excel.RequestContext,
  g: GeneratedSheet,
  reserve: (bytes: number) => Promise<void>,
): Promise<Excel.Worksheet> {
  const ws = context.workbook.worksheets.add(g.name);
  const width = g.columns.length;
  const last = columnLetters(width);
  const headerRow = headerRowOf(g.subtitle);
  const heights = rowHeights(g);
  await reserve(2000 + g.subtitle.length * 400);
  ws.getRange('A1').values = [[asText(g.title)]];
  banner(ws.getRange(`A1:${last}1`), heights.title, { size: SHEET_LOOK.titleSize, bold: true });
  g.subtitle.forEach((line, i) => {
    ws.getRange(`A${2 + i}`).values = [[asText(line)]];
    banner(ws.getRange(`A${2 + i}:${last}${2 + i}`), heights.subtitle[i] ?? 1, { size: SHEET_LOOK.subtitleSize, italic: true });
  });
  g.columns.forEach((c, i) => {
    const column = ws.getRange(`${columnLetters(i + 1)}:${columnLetters(i + 1)}`);
    column.format.columnWidth = c.width * POINTS_PER_CHAR;
    // Helper columns (partial sums of a formula too long for one cell) neither show nor print.
    if (c.hidden) column.columnHidden = true;
  });
  const header = ws.getRange(`A${headerRow}:${last}${headerRow}`);
  header.format.rowHeight = heights.header;
  header.values = [g.columns.map((c) => asText(c.header))];
  header.format.font.set({ name: FONT, size: SHEET_LOOK.bodySize, bold: true });
  header.format.fill.color = SHEET_LOOK.headerFill;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';
  header.format.wrapText = true;
  borders(header, 1, width);
  // The rows, in chunks of rows whose payload stays under the request budget.
  const CHUNK = 200;
  for (let start = 0; start < g.rows.length; start += CHUNK) {
    const rows = g.rows.slice(start, start + CHUNK);
    const formulas = rows.map((r) => Array.from({ length: width }, (_, i) => entry(r[i])));
    const formats = rows.map((r) => Array.from({ length: width }, (_, i) => formatOf(r[i])));
    await reserve(JSON.stringify(formulas).length * 3 + JSON.stringify(formats).length);
    const top = headerRow + 1 + start;
    const block = ws.getRange(`A${top}:${last}${top + rows.length - 1}`);
    block.numberFormat = formats;
    block.formulas = formulas;
    block.format.font.set({ name: FONT, size: SHEET_LOOK.bodySize });
    block.format.wrapText = true;
    block.format.verticalAlignment = 'Top';
    borders(block, rows.length, width);
    // Every row at its height, as the file writer sets them: one request per run of rows of equal height.
    for (let k = 0; k < rows.length; ) {
      const h = heights.rows[start + k] ?? 1;
      let end = k;
      while (end + 1 < rows.length && (heights.rows[start + end + 1] ?? 1) === h) end++;
      ws.getRange(`A${top + k}:${last}${top + end}`).format.rowHeight = h;
      k = end + 1;
    }
    rows.forEach((r, k) =>
      r.forEach((c, i) => {
        if (!c.bold && !c.fill && !c.link) return;
        const cell = ws.getRange(`${columnLetters(i + 1)}${top + k}`);
        if (c.bold) cell.format.font.bold = true;
        if (c.fill) cell.format.fill.color = c.fill;
        if (c.link) cell.hyperlink = { documentReference: c.link.replace(/^#/, ''), textToDisplay: String(c.value ?? '') };
      }),
    );
  }
  ws.pageLayout.orientation = 'Landscape';
  ws.pageLayout.paperSize = 'A4';
  ws.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  ws.pageLayout.setPrintTitleRows(`$${headerRow}:$${headerRow}`);
  ws.freezePanes.freezeRows(headerRow);
  return ws;
}
