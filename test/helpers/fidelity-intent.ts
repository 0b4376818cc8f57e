import type { Action } from '../../src/domain/actions/types';

/** What an action list means to change in a package: which sheets, which cells, which kinds of part. */
export interface Intent {
  /** Sheets (by name) whose part may change. */
  sheets: Set<string>;
  /** The cells meant to change, per sheet: "A1" → its set-number or set-formula action. */
  targets: Map<string, Map<string, Extract<Action, { kind: 'set-number' | 'set-formula' }>>>;
  /** Cells that get a note, per sheet. */
  notes: Map<string, Set<string>>;
  /** Cells that get a mark, per sheet. */
  marks: Map<string, Set<string>>;
  /** Names of sheets added (or replaced) whole. */
  added: Set<string>;
  /** A number format or a mark may add entries to the style sheet. */
  styles: boolean;
  /** A written cell may add shared strings. */
  strings: boolean;
  /** Formulas change what the calculation chain lists (it may be rewritten or dropped). */
  formulas: boolean;
  /** The workbook part and its relationships may gain entries (new sheets, recalculation on load). */
  workbook: boolean;
  /** Anything is written at all (then the ownership tag may be too). */
  writes: boolean;
}

const at = <K, V>(m: Map<K, V>, k: K, make: () => V): V => {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
};

export function intentOf(actions: Action[]): Intent {
  const i: Intent = { sheets: new Set(), targets: new Map(), notes: new Map(), marks: new Map(), added: new Set(), styles: false, strings: false, formulas: false, workbook: false, writes: false };
  for (const a of actions) {
    switch (a.kind) {
      case 'set-number':
      case 'set-formula':
        i.sheets.add(a.sheet);
        at(i.targets, a.sheet, () => new Map()).set(a.cell, a);
        i.styles = i.strings = true;
        if (a.kind === 'set-formula') i.formulas = i.workbook = true;
        break;
      case 'mark':
        i.sheets.add(a.sheet);
        for (const c of a.cells) at(i.marks, a.sheet, () => new Set()).add(c);
        i.styles = true;
        break;
      case 'note':
        i.sheets.add(a.sheet);
        at(i.notes, a.sheet, () => new Set()).add(a.cell);
        break;
      case 'add-sheet':
        i.added.add(a.sheet.name);
        i.workbook = i.styles = i.strings = true;
        break;
      case 'clear-marks':
        // Clears only what we wrote; a fidelity workbook carries none of it, so nothing may change.
        break;
    }
    if (a.kind !== 'clear-marks') i.writes = true;
  }
  return i;
}
