import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUMMARY_SHEETS, analyze, digitStyle, isThaiDigitFormat, planSummaries, rowHeights, workbookTitle, type Action, type DigitStyle, type GeneratedSheet, type WorkbookSnapshot } from '../../src/domain';
import { toArabicDigits } from '../../src/domain/thai';
import { OfficeHost } from '../../src/workbook/office/host';
import { patchXlsx } from '../../src/workbook/xlsx/patch';
import { readXlsx } from '../../src/workbook/xlsx/read';
import { FakeExcel } from '../fakes/fake-excel';
import { sheetsOf, stylesOf, unzip } from '../helpers/ooxml';

/**
 * What the summary sheets look like as written, by either host: one digit style per sheet (labels and the
 * figures' formats), the plan's own; and the same layout from both (row heights, wrapped title and notes).
 */
const FILE = join(__dirname, '..', 'fixtures', 'chiangmai-2566-clean.xlsx');
const NAMES = Object.values(SUMMARY_SHEETS) as string[];
let thaiPlan: WorkbookSnapshot;
let arabicPlan: WorkbookSnapshot;
beforeAll(async () => {
  thaiPlan = await readXlsx(FILE);
  // The same plan typed with Arabic digits: every text's digits turned.
  arabicPlan = { ...thaiPlan, sheets: thaiPlan.sheets.map((s) => ({ ...s, values: s.values.map((r) => r.map((v) => (typeof v === 'string' ? toArabicDigits(v) : v))) })) };
});

const summaries = (w: WorkbookSnapshot): Action[] => planSummaries(analyze(w), { title: workbookTitle(w), digits: digitStyle(w) });

/** A cell as a host wrote it: its value (a label, a number, or a formula's cached result) and number format. */
interface Written {
  at: string;
  value: unknown;
  formula: boolean;
  format: string;
}

/** A cell address is Excel's identifier, spelt with Arabic digits in any plan. */
const withoutAddresses = (s: string): string => s.replace(/(?<![A-Za-z0-9])[A-Z]{1,3}[0-9]+(?![0-9])/g, '');

function oneStyle(cells: Written[], style: DigitStyle): string[] {
  const other = style === 'thai' ? /[0-9]/ : /[๐-๙]/;
  const wrong: string[] = [];
  for (const c of cells) {
    if (typeof c.value === 'string' && !c.formula && other.test(withoutAddresses(c.value))) wrong.push(`${c.at} label ${c.value}`);
    if ((typeof c.value === 'number' || c.formula) && isThaiDigitFormat(c.format) !== (style === 'thai')) wrong.push(`${c.at} format ${c.format}`);
  }
  return wrong;
}

async function fromFile(w: WorkbookSnapshot): Promise<{ cells: Map<string, Written[]>; bytes: Uint8Array }> {
  const bytes = patchXlsx(new Uint8Array(readFileSync(FILE)), summaries(w)).bytes;
  const again = await readXlsx(bytes.slice().buffer as ArrayBuffer);
  const cells = new Map<string, Written[]>();
  for (const s of again.sheets.filter((x) => NAMES.includes(x.name))) {
    const list: Written[] = [];
    s.values.forEach((row, r) => row.forEach((value, c) => value !== null && value !== '' && list.push({ at: `${r + 1},${c + 1}`, value, formula: !!s.formulas?.[r]?.[c], format: s.numberFormats?.[r]?.[c] ?? 'General' })));
    cells.set(s.name, list);
  }
  return { cells, bytes };
}

async function fromExcel(w: WorkbookSnapshot): Promise<{ cells: Map<string, Written[]>; fake: FakeExcel }> {
  const fake = FakeExcel.fromSnapshot(thaiPlan);
  await new OfficeHost(fake.run, fake.isSetSupported).apply(summaries(w));
  const cells = new Map<string, Written[]>();
  for (const name of NAMES) {
    const s = fake.state.sheet(name)!;
    const at = new Set([...s.cells.keys(), ...s.formulas.keys()]);
    cells.set(name, [...at].map((k) => ({ at: k, value: s.formulas.has(k) ? 0 : s.cells.get(k), formula: s.formulas.has(k), format: s.numberFormats.get(k) ?? 'General' })));
  }
  return { cells, fake };
}

describe.each([
  ['Thai', 'thai'],
  ['Arabic', 'arabic'],
] as const)('a plan written in %s digits', (_, style) => {
  const plan = () => (style === 'thai' ? thaiPlan : arabicPlan);

  it('is told apart by its own digits', () => {
    expect(digitStyle(plan())).toBe(style);
  });

  it.each([
    ['the file writer', fromFile],
    ['Excel', fromExcel],
  ] as const)('%s writes every summary label and every figure\'s format in that style', async (_host, write) => {
    const { cells } = await write(plan());
    expect([...cells.keys()].sort()).toEqual([...NAMES].sort());
    for (const [sheet, list] of cells) {
      // The findings list is all labels; the other three carry figures.
      if (sheet !== SUMMARY_SHEETS.findings) expect(list.some((c) => typeof c.value === 'number' || c.formula)).toBe(true);
      expect({ sheet, wrong: oneStyle(list, style) }).toEqual({ sheet, wrong: [] });
    }
  });
});

describe('the same printed look from both hosts', () => {
  let sheets: GeneratedSheet[];
  let file: Uint8Array;
  let fake: FakeExcel;
  beforeAll(async () => {
    sheets = summaries(thaiPlan).flatMap((a) => (a.kind === 'add-sheet' ? [a.sheet] : []));
    file = (await fromFile(thaiPlan)).bytes;
    fake = (await fromExcel(thaiPlan)).fake;
  });

  it('every row as tall as its lines, the title and notes included, in the file and in Excel alike', () => {
    const parts = unzip(file);
    for (const g of sheets) {
      const h = rowHeights(g);
      const want = [h.title, ...h.subtitle, undefined, h.header, ...h.rows];
      const part = sheetsOf(parts).find((s) => s.name === g.name)!.part;
      const xml = new TextDecoder().decode(parts[part]);
      const inFile = want.map((_, i) => Number(new RegExp(`<row r="${i + 1}"[^>]* ht="([\\d.]+)"`).exec(xml)?.[1] ?? NaN));
      const layout = fake.state.sheet(g.name)!.layout;
      const inExcel = want.map((_, i) => layout.rowHeights.get(i + 1) ?? NaN);
      expect(inFile).toEqual(want.map((x) => x ?? NaN));
      expect(inExcel).toEqual(want.map((x) => x ?? NaN));
    }
  });

  it('a note that is longer than the table is wide takes more than one line', () => {
    const quarter = sheets.find((g) => g.name === SUMMARY_SHEETS.quarter)!;
    const h = rowHeights(quarter);
    expect(Math.max(...h.subtitle)).toBeGreaterThan(Math.min(...h.subtitle));
  });

  it('title and notes wrap, top-aligned, in the Thai font at their sizes, in both hosts', () => {
    const parts = unzip(file);
    const styles = stylesOf(parts);
    for (const g of sheets) {
      const xml = new TextDecoder().decode(parts[sheetsOf(parts).find((s) => s.name === g.name)!.part]);
      const looks = fake.state.sheet(g.name)!.layout.looks;
      g.subtitle.forEach((_, i) => {
        const r = i + 2;
        const s = styles.resolve(Number(new RegExp(`<c r="A${r}" s="(\\d+)"`).exec(xml)?.[1]));
        expect(s.alignment).toMatch(/wrapText="1"/);
        expect(s.alignment).toMatch(/vertical="top"/);
        expect(s.font).toMatch(/<sz val="14">/);
        expect(s.font).toMatch(/<i val="1">/);
        expect(s.font).toMatch(/TH Sarabun New/);
        expect(looks.get(`A${r}`)).toMatchObject({ wrapText: true, vertical: 'Top', font: { name: 'TH Sarabun New', size: 14, italic: true } });
      });
      const title = styles.resolve(Number(/<c r="A1" s="(\d+)"/.exec(xml)?.[1]));
      expect(title.alignment).toMatch(/wrapText="1"/);
      expect(looks.get('A1')).toMatchObject({ wrapText: true, font: { size: 20, bold: true } });
      // The table's cells are bordered in both.
      const top = g.subtitle.length + 3;
      expect(looks.get(`A${top}`)?.borders).toEqual(expect.arrayContaining(['EdgeTop', 'EdgeBottom', 'EdgeLeft']));
      expect(looks.get(`B${top + 1}`)?.borders).toEqual(expect.arrayContaining(['EdgeTop', 'InsideVertical']));
    }
  });
});
