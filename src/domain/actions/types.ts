import type { Severity } from '../rules/finding';

/** Fill and font colour of an in-cell mark. */
export interface MarkStyle {
  fill: string;
  font: string;
}

/**
 * Everything that changes a workbook. Adapters (office.js, exceljs) translate these one to one and decide
 * nothing: which cells, which colours, which texts are all chosen here.
 */
export type Action =
  /** Overlay marks (conditional formats, never the user's own fill) on exactly these cells. */
  | { kind: 'mark'; sheet: string; severity: Severity; cells: string[]; style: MarkStyle }
  /** Remove every mark and note this tool added, and nothing else. */
  | { kind: 'clear-marks' }
  /** An explanation on a flagged cell (a note where the host has notes, else a comment). */
  | { kind: 'note'; sheet: string; cell: string; text: string }
  /** A number typed as text becomes a real number with a format that still shows what was there. */
  | { kind: 'set-number'; sheet: string; cell: string; value: number; format: string; before: string }
  /** A live formula; `expected` is what the engine computes it to, written as the cached result. */
  | { kind: 'set-formula'; sheet: string; cell: string; formula: string; expected: number; before: CellValueLike; format?: string }
  /** A generated sheet, replaced whole if one of that name exists. */
  | { kind: 'add-sheet'; sheet: GeneratedSheet };

export type CellValueLike = string | number | boolean | null;

export interface GeneratedCell {
  value?: string | number;
  /** A formula (with "="); `value` is then its expected result. */
  formula?: string;
  format?: string;
  bold?: boolean;
  /** "#'Sheet'!A1": a link inside the workbook. */
  link?: string;
  /** Fill colour (e.g. a severity colour in the findings sheet). */
  fill?: string;
}

/** A sheet the tool generates: print-ready (A4 landscape, title, header row repeated on every page). */
export interface GeneratedSheet {
  name: string;
  title: string;
  /** Notes under the title (what the figures are and where they come from). */
  subtitle: string[];
  /** `hidden`: a helper column (partial sums of a formula too long for one cell), neither shown nor printed. */
  columns: { header: string; width: number; hidden?: boolean }[];
  rows: GeneratedCell[][];
}

export const MARK_STYLES: Record<Severity, MarkStyle> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
};

/** The tag in every conditional-format formula we write, so that clearing finds ours and only ours. */
export const MARK_TAG = 'plancheck';

/** A custom conditional-format formula that is always true and carries our tag. */
export function markFormula(severity: Severity): string {
  return `=N("${MARK_TAG}:${severity}")=0`;
}

export function isOurMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === 'string' && formula.includes(`"${MARK_TAG}:`);
}

/**
 * How every generated sheet looks, decided here once for both hosts: TH Sarabun New (the official Thai document
 * font) at print sizes, a header fill, link colour; A4 landscape fitted to one page wide.
 */
export const SHEET_LOOK = {
  font: 'TH Sarabun New',
  titleSize: 20,
  subtitleSize: 14,
  bodySize: 16,
  headerFill: '#D9E1F2',
  border: '#999999',
  link: '#0563C1',
} as const;

/** Thai vowel and tone marks above or below a consonant take no width of their own. */
const COMBINING = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/g;
/** Points per text line at the generated sheets' body size (SHEET_LOOK.bodySize) in the Thai font. */
export const LINE_HEIGHT = 27;

/** Points per text line at another size of the same font (line height grows with the size). */
export const lineHeight = (size: number): number => Math.ceil((LINE_HEIGHT * size) / SHEET_LOOK.bodySize);

/**
 * Lines `text` needs in `width` (Excel character units) at `size` pt: a character takes more room at a larger size,
 * and a bold one a tenth more (measured in LibreOffice's print of the Thai font: 49 characters of the 20 pt bold
 * title fill 86 units, 82 of a 14 pt note).
 */
const charsPerUnit = (size: number, bold: boolean): number => 0.8 * (SHEET_LOOK.bodySize / size) * (bold ? 0.9 : 1);

function linesOf(text: string, width: number, size: number = SHEET_LOOK.bodySize, bold = false): number {
  const perLine = Math.max(1, width * charsPerUnit(size, bold));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.replace(COMBINING, '').length / perLine)), 0);
}

/**
 * How many lines each row of a generated sheet needs when its cells wrap: the title and the note lines under it
 * span the table's shown width (hidden helper columns take none), the header and the rows their own columns.
 */
export function rowLines(g: GeneratedSheet): { title: number; subtitle: number[]; header: number; rows: number[] } {
  const shown = Math.max(1, g.columns.reduce((w, c) => w + (c.hidden ? 0 : c.width), 0));
  const header = Math.max(...g.columns.map((c) => linesOf(c.header, c.width)));
  const rows = g.rows.map((r) => Math.max(1, ...r.map((c, i) => (typeof c.value === 'string' && !c.formula ? linesOf(c.value, g.columns[i]?.width ?? 10) : 1))));
  return { title: linesOf(g.title, shown, SHEET_LOOK.titleSize, true), subtitle: g.subtitle.map((s) => linesOf(s, shown, SHEET_LOOK.subtitleSize)), header, rows };
}

/** The widest the title may make a table (Excel character units): beyond it the title wraps instead. */
const TITLE_WIDTH_LIMIT = 150;

/**
 * A narrow table (three or four columns) would wrap its title, leaving the year alone on a second line: its widest
 * column grows until the title fits on one line (up to TITLE_WIDTH_LIMIT), so the printed page reads as one heading.
 */
export function wideEnoughForTitle<S extends GeneratedSheet>(g: S): S {
  const shown = g.columns.reduce((w, c) => w + (c.hidden ? 0 : c.width), 0);
  const need = Math.min(TITLE_WIDTH_LIMIT, Math.ceil(g.title.replace(COMBINING, '').length / charsPerUnit(SHEET_LOOK.titleSize, true)));
  const widest = g.columns.reduce((best, c, i) => (!c.hidden && c.width > (g.columns[best]?.width ?? -1) ? i : best), 0);
  if (shown >= need || !g.columns[widest]) return g;
  return { ...g, columns: g.columns.map((c, i) => (i === widest ? { ...c, width: c.width + need - shown } : c)) };
}

/**
 * Each row's height in points, for both hosts alike: Excel never fits a row to wrapped text in a merged cell, and
 * a row left at the default height clips the second line (and the top of Thai vowels) in print.
 */
export function rowHeights(g: GeneratedSheet): { title: number; subtitle: number[]; header: number; rows: number[] } {
  const l = rowLines(g);
  return {
    title: l.title * lineHeight(SHEET_LOOK.titleSize),
    subtitle: l.subtitle.map((n) => n * lineHeight(SHEET_LOOK.subtitleSize)),
    header: l.header * LINE_HEIGHT,
    rows: l.rows.map((n) => n * LINE_HEIGHT),
  };
}

/**
 * Where a generated sheet's table starts: the title (row 1), one row per subtitle line, a blank row, then the header
 * row; data follows it. The domain's summaries, both hosts' writers and the combined workbook all lay out by this.
 */
export const headerRowOf = (subtitle: readonly string[]): number => subtitle.length + 3;
export const firstDataRow = (subtitle: readonly string[]): number => headerRowOf(subtitle) + 1;

/** Who has a sheet name: nobody, us (the workbook's record lists the sheet as generated), or the user. */
export type NameHolder = 'free' | 'ours' | 'user';

/**
 * The name to write a generated sheet under: its own, or "name (2)", … beside a sheet of the user's. A name held
 * by our own earlier sheet is taken (that sheet is replaced); both hosts name sheets by this one rule.
 */
export function generatedName(g: Pick<GeneratedSheet, 'name'>, holder: (name: string) => NameHolder): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? g.name : `${g.name} (${n})`;
    if (holder(name) !== 'user') return name;
  }
}
