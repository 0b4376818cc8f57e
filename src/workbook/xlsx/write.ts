import ExcelJS from 'exceljs';
import { isOurNote, LINE_HEIGHT, generatedName, isOurMarkFormula, markFormula, rowLines, type Action, type GeneratedSheet } from '../../domain';

const FONT = 'TH Sarabun New';
const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const thin = { style: 'thin' as const, color: { argb: 'FF999999' } };

/** A generated sheet: title, notes, header row (repeated on every printed page), rows; A4 landscape. */
function addSheet(wb: ExcelJS.Workbook, g: GeneratedSheet): void {
  const name = generatedName(g, (n) => {
    const ws = wb.getWorksheet(n);
    return ws ? { a1: ws.getCell('A1').value } : undefined;
  });
  const old = wb.getWorksheet(name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  const width = g.columns.length;
  ws.columns = g.columns.map((c) => ({ width: c.width }));
  const title = ws.getRow(1);
  title.getCell(1).value = g.title;
  title.font = { name: FONT, size: 20, bold: true };
  title.height = 32;
  ws.mergeCells(1, 1, 1, width);
  g.subtitle.forEach((line, i) => {
    const row = ws.getRow(2 + i);
    row.getCell(1).value = line;
    row.font = { name: FONT, size: 14, italic: true };
    ws.mergeCells(2 + i, 1, 2 + i, width);
  });
  const headerRow = g.subtitle.length + 3;
  const lines = rowLines(g);
  const header = ws.getRow(headerRow);
  header.height = lines.header * LINE_HEIGHT;
  g.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 16, bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { top: thin, bottom: thin, left: thin, right: thin };
  });
  g.rows.forEach((cells, r) => {
    const row = ws.getRow(headerRow + 1 + r);
    row.height = (lines.rows[r] ?? 1) * LINE_HEIGHT;
    cells.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (c.formula) cell.value = { formula: c.formula.replace(/^=/, ''), result: typeof c.value === 'number' ? c.value : undefined } as ExcelJS.CellFormulaValue;
      else if (c.link && c.value !== undefined) cell.value = { text: String(c.value), hyperlink: c.link };
      else if (c.value !== undefined) cell.value = c.value;
      if (c.format) cell.numFmt = c.format;
      cell.font = { name: FONT, size: 16, bold: c.bold ?? false, ...(c.link ? { color: { argb: 'FF0563C1' }, underline: true } : {}) };
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = { top: thin, bottom: thin, left: thin, right: thin };
      if (c.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.fill) } };
    });
  });
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
}

type CfList = { ref: string; rules: { type: string; formulae?: string[] }[] }[];

/**
 * Applies actions to an exceljs workbook: the file-based twin of the office.js adapter. Marks are conditional
 * formats tagged like the add-in's; clearing removes those and our notes only.
 */
export function applyToWorkbook(wb: ExcelJS.Workbook, actions: Action[]): void {
  for (const a of actions) {
    switch (a.kind) {
      case 'clear-marks':
        wb.eachSheet((ws) => {
          const holder = ws as unknown as { conditionalFormattings: CfList };
          holder.conditionalFormattings = (holder.conditionalFormattings ?? []).filter(
            (cf) => !cf.rules.some((r) => isOurMarkFormula(`=${r.formulae?.[0] ?? ''}`)),
          );
          ws.eachRow((row) =>
            row.eachCell((cell) => {
              const note = cell.note;
              const text = typeof note === 'string' ? note : note?.texts?.map((t) => t.text).join('');
              if (isOurNote(text)) cell.note = undefined as unknown as string;
            }),
          );
        });
        break;
      case 'mark': {
        const ws = wb.getWorksheet(a.sheet);
        if (!ws) break;
        ws.addConditionalFormatting({
          ref: a.cells.join(' '),
          rules: [{
            type: 'expression',
            priority: 1,
            formulae: [markFormula(a.severity).slice(1)],
            style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(a.style.fill) } }, font: { color: { argb: argb(a.style.font) } } },
          }],
        });
        break;
      }
      case 'note': {
        const cell = wb.getWorksheet(a.sheet)?.getCell(a.cell);
        if (cell) cell.note = a.text;
        break;
      }
      case 'set-number': {
        const cell = wb.getWorksheet(a.sheet)?.getCell(a.cell);
        if (!cell) break;
        cell.value = a.value;
        cell.numFmt = a.format;
        break;
      }
      case 'set-formula': {
        const cell = wb.getWorksheet(a.sheet)?.getCell(a.cell);
        if (!cell) break;
        cell.value = { formula: a.formula.replace(/^=/, ''), result: a.expected } as ExcelJS.CellFormulaValue;
        if (a.format) cell.numFmt = a.format;
        break;
      }
      case 'add-sheet':
        addSheet(wb, a.sheet);
        break;
    }
  }
  // Excel and LibreOffice recompute every formula on opening, so what they show is what the formulas say.
  wb.calcProperties.fullCalcOnLoad = true;
}

export async function loadWorkbook(input: string | Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof input === 'string') await wb.xlsx.readFile(input);
  else await wb.xlsx.load(input as ArrayBuffer);
  return wb;
}

/** A copy of the workbook with the actions applied, as .xlsx bytes. The input is never written. */
export async function applyToXlsx(input: string | Buffer | ArrayBuffer, actions: Action[]): Promise<Buffer> {
  const wb = await loadWorkbook(input);
  applyToWorkbook(wb, actions);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
