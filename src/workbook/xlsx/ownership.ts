/**
 * The ownership tag: what PlanCheck wrote into this workbook, so that replacing and clearing touch that and
 * nothing else (never a sheet because of its A1 text, never a note because of how it starts). It lives in the very
 * hidden record sheet (patch/record.ts); the package reader reads it too, so a re-check skips our sheets.
 */
export interface Ownership {
  v: 1;
  /** Generated sheets, by sheetId (stable when the user renames a sheet); `name` is what we called it. */
  sheets: { id: number; name: string }[];
  /** Sheets (by sheetId) that carry our conditional-format marks. */
  marks: number[];
  /** Our notes: the sheet, the cell, and a hash of the text we wrote (a note edited since is the user's). */
  notes: { sheet: number; cell: string; hash: string }[];
}

export const emptyOwnership = (): Ownership => ({ v: 1, sheets: [], marks: [], notes: [] });

/** The tag's JSON; anything malformed claims nothing. */
export function parseOwnership(text: string): Ownership {
  try {
    const o = JSON.parse(text) as Partial<Ownership>;
    if (o && o.v === 1 && Array.isArray(o.sheets) && Array.isArray(o.marks) && Array.isArray(o.notes)) {
      return {
        v: 1,
        sheets: o.sheets.filter((s) => typeof s?.id === 'number' && typeof s.name === 'string'),
        marks: o.marks.filter((m) => typeof m === 'number'),
        notes: o.notes.filter((n) => typeof n?.sheet === 'number' && typeof n.cell === 'string' && typeof n.hash === 'string'),
      };
    }
  } catch {
    /* a damaged tag claims nothing */
  }
  return emptyOwnership();
}
