import { wordingSimilarity, type Catalog } from '../catalog';
import type { Heading } from '../model';
import { HEADING } from '../vocabulary';
import { cellRef } from '../base/cells';
import { type Grid } from '../base/grid';

/** Below this wording similarity a bare "๒.๒.๑ …" is a section number, not an indicator. */
const BARE_CODE_MIN_SIMILARITY = 0.45;

/** The one text of a row that holds a single text (a merged heading), or null. */
export function singleText(grid: Grid, row: number): { col: number; key: string; text: string } | null {
  const filled = grid.filledColumns(row);
  if (filled.length === 0) return null;
  const first = filled[0] as number;
  const key = grid.key(row, first);
  for (let i = 1; i < filled.length; i++) if (grid.key(row, filled[i] as number) !== key) return null;
  return { col: first, key, text: grid.text(row, first) };
}

/**
 * Reads a heading row (`st`: the row's singleText, when the caller has it already): แผนย่อย…, เป้าหมายที่ N, ตัวชี้วัดที่ N.N, a bare "N.N.N wording", ค่าเป้าหมาย…
 * Section numbers ("๓.๑ แผนงาน/โครงการ…") and national-strategy goals ("เป้าหมายที่ ๒.๓") are not headings.
 */
export function readHeading(grid: Grid, row: number, catalog: Catalog, st = singleText(grid, row)): Heading | null {
  if (!st) return null;
  const { key, text, col } = st;
  const cell = cellRef(row, col);
  if (key.startsWith(HEADING.subPlan)) return { row, cell, kind: 'sub-plan', code: null, text };
  if (key.startsWith(HEADING.target)) return { row, cell, kind: 'target', code: null, text };
  const goal = HEADING.goal.exec(key);
  if (goal) return { row, cell, kind: 'goal', code: goal[1] ?? null, text };
  const ind = HEADING.indicator.exec(key);
  if (ind) return { row, cell, kind: 'indicator', code: ind[1] ?? null, text };
  const bare = HEADING.bareCode.exec(key);
  if (bare) {
    const code = bare[1] as string;
    const known = catalog.indicator(code);
    if (known && wordingSimilarity(known, bare[2] ?? '') >= BARE_CODE_MIN_SIMILARITY) {
      return { row, cell, kind: 'indicator', code, text };
    }
    // An unknown third level where the catalog has third-level indicators ("๒.๒.๓ …" beside ๒.๒.๑ and ๒.๒.๒) is
    // an indicator that does not exist; elsewhere ("๑.๒.๑ …") it is an item number, not a heading.
    const parent = code.split('.').slice(0, 2).join('.');
    if (!known && code.split('.').length === 3 && (catalog.indicator(parent)?.children.length ?? 0) > 0) {
      return { row, cell, kind: 'indicator', code, text };
    }
  }
  return null;
}

/** The wording after the number in an indicator heading ("ตัวชี้วัดที่ ๑.๒ : ร้อยละ…" → "ร้อยละ…"). */
export function headingWording(text: string): string {
  return text
    .replace(/^\s*ตัวชี้วัดที่\s*/, '')
    .replace(/^\s*[๐-๙0-9]+(\s*\.\s*[๐-๙0-9]+)+\s*/, '')
    .replace(/^\s*[:：]\s*/, '');
}
