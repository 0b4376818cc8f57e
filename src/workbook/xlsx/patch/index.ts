import type { Action } from '../../../domain';
import { writeCells, type CellWrite } from './cells';
import { PatchError } from './errors';
import { writeGenerated } from './generated';
import { addMark, clearMarks } from './marks';
import { addNote, noteAt, removeNote } from './notes';
import { Package } from './package';
import { readRecord, textHash, writeRecord, type Ownership } from './record';
import { cellOf, cellRef } from './refs';
import { Styles } from './styles';
import { WorkbookPart, type SheetEntry } from './workbook';

export { PatchError } from './errors';
export type { Ownership } from './record';

export interface PatchOptions {
  /** New text for the record sheet's A1 (the acknowledgements' JSON); undefined keeps what is there. */
  acks?: string;
}

export interface PatchResult {
  bytes: Uint8Array;
  /** Cells where an explanation was not written because the user has a note or comment there. */
  skippedNotes: { sheet: string; cell: string }[];
  /** The names the generated sheets were written under (a user's sheet of the same name pushes ours to "(2)"). */
  sheets: string[];
}

/**
 * Applies actions to .xlsx bytes by editing only the parts they name: every other zip entry is copied byte for
 * byte, and in a touched sheet only the target cells and elements change. What we add (marks, notes,
 * generated sheets) is listed in the ownership tag kept in the record sheet, and only that is ever replaced or
 * cleared. Throws PatchError (th/en) on a file it cannot patch safely; the input is never modified.
 */
export function patchXlsx(input: Uint8Array, actions: Action[], options: PatchOptions = {}): PatchResult {
  const pkg = new Package(input);
  const wb = new WorkbookPart(pkg);
  const record = readRecord(pkg, wb);
  const owned: Ownership = JSON.parse(JSON.stringify(record.owned)) as Ownership;
  const before = JSON.stringify(owned);
  let styles: Styles | undefined;
  const stylesOf = (): Styles => (styles ??= new Styles(pkg, wb.path));
  const pending = new Map<string, { sheet: SheetEntry; writes: CellWrite[] }>();
  const result: PatchResult = { bytes: input, skippedNotes: [], sheets: [] };
  let recalc = false;
  let dropChain = false;

  const sheetOf = (name: string): SheetEntry & { path: string } => {
    const s = wb.sheet(name);
    if (!s?.path || !pkg.has(s.path)) throw new PatchError('noSheet', name);
    return s as SheetEntry & { path: string };
  };
  const flush = (): void => {
    for (const { sheet, writes } of pending.values()) {
      const out = writeCells(pkg.read(sheet.path!)!, writes, stylesOf(), sheet.name);
      pkg.write(sheet.path!, out.xml);
      dropChain ||= out.touchedFormula;
    }
    pending.clear();
  };

  for (const a of actions) {
    if (a.kind === 'set-number' || a.kind === 'set-formula') {
      const sheet = sheetOf(a.sheet);
      const list = pending.get(sheet.path) ?? { sheet, writes: [] };
      list.writes.push(
        a.kind === 'set-number'
          ? { cell: a.cell, value: a.value, format: a.format }
          : { cell: a.cell, value: a.expected, formula: a.formula.replace(/^=/, ''), ...(a.format !== undefined ? { format: a.format } : {}) },
      );
      pending.set(sheet.path, list);
      recalc = true;
      continue;
    }
    flush();
    switch (a.kind) {
      case 'clear-marks': {
        const sheets = wb.sheets();
        for (const id of owned.marks) {
          const s = sheets.find((x) => x.sheetId === id);
          if (s?.path && pkg.has(s.path)) pkg.write(s.path, clearMarks(pkg.read(s.path)!));
        }
        for (const n of owned.notes) {
          const s = sheets.find((x) => x.sheetId === n.sheet);
          if (!s?.path) continue;
          // Ours only if it still says what we wrote: a note the user edited since is theirs.
          const text = noteAt(pkg, s.path, n.cell);
          if (text !== undefined && text !== '' && textHash(text) === n.hash) removeNote(pkg, s.path, n.cell);
        }
        owned.marks = [];
        owned.notes = [];
        break;
      }
      case 'mark': {
        const s = sheetOf(a.sheet);
        pkg.write(s.path, addMark(pkg.read(s.path)!, stylesOf(), a.severity, a.cells, a.style));
        if (!owned.marks.includes(s.sheetId)) owned.marks.push(s.sheetId);
        break;
      }
      case 'note': {
        const s = sheetOf(a.sheet);
        const cell = cellRef(cellOf(a.cell));
        const mine = owned.notes.find((n) => n.sheet === s.sheetId && n.cell === cell);
        const there = noteAt(pkg, s.path, cell);
        if (there !== undefined) {
          if (!mine || textHash(there) !== mine.hash) {
            result.skippedNotes.push({ sheet: s.name, cell });
            break;
          }
          removeNote(pkg, s.path, cell);
        }
        addNote(pkg, s.path, cell, a.text);
        owned.notes = owned.notes.filter((n) => n !== mine);
        owned.notes.push({ sheet: s.sheetId, cell, hash: textHash(a.text) });
        break;
      }
      case 'add-sheet': {
        const written = writeGenerated(pkg, wb, stylesOf(), a.sheet, owned);
        result.sheets.push(written.name);
        recalc = true;
        // A rewritten sheet's cells no longer match calcChain's entries for it.
        dropChain ||= written.replaced;
        break;
      }
    }
  }
  flush();
  if (recalc) wb.requestFullCalc();
  if (dropChain) wb.dropCalcChain();
  if (options.acks !== undefined || JSON.stringify(owned) !== before) {
    writeRecord(pkg, wb, { acks: options.acks ?? record.acks, owned });
  }
  result.bytes = pkg.build();
  return result;
}

/** The acknowledgements' JSON and the ownership tag of a workbook (for the browser host's read). */
export function readRecordOf(input: Uint8Array): { acks: string | undefined; owned: Ownership } {
  const pkg = new Package(input);
  return readRecord(pkg, new WorkbookPart(pkg));
}
