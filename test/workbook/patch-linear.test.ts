import { performance } from 'node:perf_hooks';
import type { Action } from '../../src/domain';
import { patchXlsx } from '../../src/workbook/xlsx/patch';
import { xmlWork } from '../../src/workbook/xlsx/patch/xml';
import { handmade, HANDMADE_PARTS } from '../helpers/handmade';

/**
 * The patcher stays linear: patching a sheet 4× as large, with 4× the actions, does about 4× the work on its XML.
 * The count (tags scanned, characters skipped or spliced) does not depend on the machine's load; a patcher that
 * re-reads the sheet or a part per action does 16× (it did: 10k rows of notes took 24–41 s, 200k numbers 583 s).
 * One wall-clock ratio, taken in this run with a wide margin, also catches searches over arrays.
 */
const SHEET = 'xl/worksheets/sheet1.xml';
const SIZE = 400;
const GROWTH = 4;
/** Linear is GROWTH; quadratic is GROWTH². */
const MARGIN = 1.5;

/** The handmade workbook with `rows` odd rows of text numbers (the even rows are missing) and a styled column C. */
function workbook(rows: number): Uint8Array {
  const data: string[] = [];
  for (let i = 0; i < rows; i++) {
    const r = 2 * i + 1;
    data.push(`<row r="${r}" spans="1:2"><c r="A${r}" s="1" t="inlineStr"><is><t>โครงการ ${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>๑,๐๐๐</t></is></c></row>`);
  }
  const sheet = HANDMADE_PARTS[SHEET]!.replace(/<sheetData>.*<\/sheetData>/, `<cols><col min="3" max="3" width="12" style="1" customWidth="1"/></cols><sheetData>${data.join('')}</sheetData>`);
  return handmade({ [SHEET]: sheet });
}

const kinds: Record<string, (rows: number) => Action[]> = {
  // Existing cells replaced, new cells in existing rows (column style looked up), new rows between the others.
  numbers: (rows) =>
    Array.from({ length: rows }, (_, i) => [
      { kind: 'set-number', sheet: 'แผน', cell: `B${2 * i + 1}`, value: 1000, format: '#,##0', before: '๑,๐๐๐' },
      { kind: 'set-number', sheet: 'แผน', cell: `C${2 * i + 1}`, value: i, before: '' },
      { kind: 'set-number', sheet: 'แผน', cell: `B${2 * i + 2}`, value: i, before: '' },
    ] as Action[]).flat(),
  formulas: (rows) => Array.from({ length: rows }, (_, i) => ({ kind: 'set-formula', sheet: 'แผน', cell: `D${2 * i + 1}`, formula: `=B${2 * i + 1}*2`, expected: 0, before: null }) as Action),
  // Our marks and a note on every row (the sheet already has the user's notes and a drawing).
  notes: (rows) => [
    { kind: 'clear-marks' },
    { kind: 'mark', sheet: 'แผน', severity: 'error', cells: Array.from({ length: rows }, (_, i) => `B${2 * i + 1}`), style: { fill: 'FFC7CE', font: '9C0006' } },
    ...Array.from({ length: rows }, (_, i) => ({ kind: 'note', sheet: 'แผน', cell: `B${2 * i + 1}`, text: `ข้อความ ${i}` }) as Action),
  ],
};

function work(rows: number, kind: string): { work: number; ms: number } {
  const input = workbook(rows);
  const actions = kinds[kind]!(rows);
  const before = xmlWork.tags + xmlWork.chars;
  const t = performance.now();
  const once = patchXlsx(input, actions).bytes;
  // Again on our own output: every note of ours is found, removed and written anew.
  if (kind === 'notes') patchXlsx(once, actions);
  return { work: xmlWork.tags + xmlWork.chars - before, ms: performance.now() - t };
}

describe('the patcher is linear in the sheet and the actions', () => {
  for (const kind of Object.keys(kinds)) {
    it(`${kind}: ${GROWTH}× the rows is at most ${GROWTH * MARGIN}× the XML work`, () => {
      work(SIZE, kind);
      const small = work(SIZE, kind).work;
      const large = work(SIZE * GROWTH, kind).work;
      expect(small).toBeGreaterThan(0);
      expect(large / small).toBeLessThan(GROWTH * MARGIN);
    });
  }

  it(`all kinds: ${GROWTH * 2}× the rows takes well under ${(GROWTH * 2) ** 2}× the time (min of 3, in one run)`, () => {
    const time = (rows: number): number => {
      const ts: number[] = [];
      for (let i = 0; i < 3; i++) ts.push(Object.keys(kinds).reduce((s, k) => s + work(rows, k).ms, 0));
      return Math.min(...ts);
    };
    time(SIZE);
    const ratio = time(SIZE * GROWTH * 2) / time(SIZE);
    // Linear is 8, quadratic 64: a loaded machine moves a ratio by far less than 3×.
    expect(ratio).toBeLessThan(GROWTH * 2 * 3);
  });
});
