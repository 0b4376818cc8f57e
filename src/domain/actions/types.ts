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

/** How many lines each row of a generated sheet needs when its cells wrap (header row first). */
export function rowLines(g: GeneratedSheet): { header: number; rows: number[] } {
  const lines = (text: string, width: number): number => Math.max(1, Math.ceil(text.replace(COMBINING, '').length / Math.max(1, width * 0.8)));
  const header = Math.max(...g.columns.map((c) => lines(c.header, c.width)));
  const rows = g.rows.map((r) => Math.max(1, ...r.map((c, i) => (typeof c.value === 'string' && !c.formula ? lines(c.value, g.columns[i]?.width ?? 10) : 1))));
  return { header, rows };
}

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
